import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/provider.js';
import '../../../../src/define/wish-form.js';
import type { SqWishForm } from '../../../../src/features/wishes/elements/wish-form/index.js';
import { createClient, memoryOutboxStorage, type Client } from '../../../../src/sdk/index.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';
import { formSuite } from '../../../ui/form-suite.js';

const embedded = (): Client => createClient({ embedded: { persistence: false, actor: undefined } });

const root = (form: SqWishForm) => form.shadowRoot!;
const $ = <T extends HTMLElement = HTMLInputElement>(form: SqWishForm, selector: string) =>
  root(form).querySelector<T>(selector)!;

async function mount(
  client: Client,
  lang = 'zh-CN',
  community = 'xingfuli',
  ready = 'form, [role=alert]',
) {
  localStorage.removeItem(`sq-wish-form-draft:${community}`);
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang} community=${community}>
      <sq-wish-form></sq-wish-form>
    </sq-provider>`,
  );
  const form = provider.querySelector('sq-wish-form')!;
  // The real server (PGlite) may still be starting for the first test that uses it.
  await waitUntil(() => form.shadowRoot?.querySelector(ready), 'form loads', {
    timeout: 20_000,
  });
  return form;
}

/** Types into a field the way a person does: value, then an input event. */
async function type(form: SqWishForm, name: string, value: string) {
  const field = $<HTMLInputElement>(form, `[name=${name}]`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function tick(form: SqWishForm, name: string) {
  $(form, `[name=${name}]`).click();
  await form.updateComplete;
}

async function fill(form: SqWishForm, overrides: Record<string, string> = {}) {
  const values = {
    title: '想要一台收音机',
    story: '一个人住，眼睛不好，想听听戏曲和新闻。',
    category: 'daily',
    grid: 'xfl-g1',
    wisherName: '王秀英',
    phone: '138 1234 5678',
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) {
    const field = $<HTMLInputElement | HTMLSelectElement>(form, `[name=${name}]`);
    field.value = value;
    field.dispatchEvent(
      new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true }),
    );
  }
  await form.updateComplete;
  await tick(form, 'consent');
  await tick(form, 'publishConsent');
}

const submit = async (form: SqWishForm) => {
  $<HTMLButtonElement>(form, 'button.primary').click();
  await form.updateComplete;
};

describe('sq-wish-form', () => {
  it('loads English on demand and renders it from the first paint', async () => {
    const form = await mount(embedded(), 'en');
    expect($(form, 'h2').textContent).to.contain('Make a small wish');
  });

  it('has every field with a visible label; consents start unticked; category and grid from the community', async () => {
    const form = await mount(embedded());
    for (const name of [
      'title',
      'story',
      'category',
      'grid',
      'wisherName',
      'alias',
      'phone',
      'value',
    ]) {
      const label = root(form).querySelector(`label[for=${name}]`);
      expect(label, name).to.not.equal(null);
      expect(label!.textContent!.trim().length).to.be.above(1);
    }
    expect($(form, '[name=consent]').checked).to.equal(false);
    expect($(form, '[name=publishConsent]').checked).to.equal(false);
    const categories = [...$<HTMLSelectElement>(form, '#category').options].map((o) => o.value);
    expect(categories).to.deep.equal(['', 'study', 'daily', 'company', 'repair', 'other']);
    expect($<HTMLSelectElement>(form, '#grid').options.length).to.equal(3);
    expect(root(form).textContent).to.contain('幸福里社区居民委员会');
    expect($(form, '#value-hint').textContent).to.contain('200');
  });

  it('says how it handles personal data as every form of the kit does: who, what, how long, whom to ask', async () => {
    const form = await mount(embedded());
    const notice = root(form).querySelector('section[part=privacy]')!;
    expect(notice.getAttribute('aria-labelledby')).to.equal('privacy');
    expect(notice.querySelector('#privacy')!.textContent).to.equal('个人信息处理说明');
    const lines = [...notice.querySelectorAll('p')].map((p) => p.textContent!.trim());
    expect(lines).to.have.length(4);
    expect(lines[0]).to.equal('收集者：和平街道幸福里社区居民委员会。');
    expect(lines[1]).to.contain('电话不会公开');
    expect(lines[2]).to.contain('2 年');
    // The contact's phone and office hours each kept whole on a line.
    expect(lines[3]).to.contain('0571-87654321');
    expect(notice.querySelectorAll('.nowrap').length).to.be.above(0);
  });

  it('validates with the domain schema: summary, each message, focus to the first invalid field', async () => {
    const form = await mount(embedded());
    // Issue 9, defect 6: an empty title says what to do, not "标题太短。".
    await submit(form);
    await waitUntil(() => root(form).querySelector('.summary'));
    expect($(form, '#title-error').textContent!.trim()).to.equal(
      '请填写心愿标题，例如：想要一台收音机。',
    );
    await type(form, 'title', '收');
    await type(form, 'value', '500');
    await submit(form);
    await waitUntil(() => root(form).querySelector('#title-error'));
    const summary = $(form, '.summary');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect($(form, '#title-error').textContent).to.contain('标题太短');
    expect($(form, '#story-error').textContent).to.contain('请至少写 10 个字');
    expect($(form, '#category-error').textContent).to.contain('请选择心愿类别');
    expect($(form, '#wisherName-error').textContent).to.contain('请填写您的姓名');
    expect($(form, '#phone-error').textContent).to.contain('请填写正确的手机号');
    expect($(form, '#value-error').textContent).to.contain('不能超过 200 元');
    expect($(form, '#consent-error').textContent).to.contain('请阅读并同意');
    expect($(form, '#publishConsent-error').textContent).to.contain('勾选同意公开');
    expect(summary.textContent).to.contain('请修改以下 8 处');
    expect(root(form).activeElement).to.equal($(form, '#title'));
    expect($(form, '#title').getAttribute('aria-describedby')).to.equal(
      'title-hint title-count title-error',
    );
    expect(await axeViolations(form)).to.deep.equal([]);
  });

  it('in English too, every required field left empty says what to do', async () => {
    const form = await mount(embedded(), 'en');
    await submit(form);
    await waitUntil(() => root(form).querySelector('.summary'));
    const errors = [...root(form).querySelectorAll('.error-text')].map((e) =>
      e.textContent!.trim(),
    );
    expect(errors.length).to.be.at.least(6);
    for (const text of errors) {
      expect(text).to.match(/\b(please|choose|enter|write|tick|give|say|read|agree)\b/i);
      expect(/[\u4e00-\u9fff]/.test(text), text).to.equal(false);
    }
  });

  it('shows how the wall will name the wisher (masked, or the alias)', async () => {
    const form = await mount(embedded());
    // Nothing typed: no preview (an example name would read as the resident's own).
    expect($(form, '.shown').textContent!.trim()).to.equal('');
    expect($(form, '#wisherName-hint').textContent).to.contain('部分隐藏');
    await type(form, 'wisherName', '欧阳娜娜');
    expect($(form, '.shown').textContent).to.contain('欧阳*娜');
    expect($(form, '#wisherName-hint').textContent).to.contain('欧阳*娜');
    await type(form, 'alias', '王奶奶');
    expect($(form, '.shown').textContent).to.contain('王奶奶');
  });

  it('posts the wish, explains review, shows the code once and emits sq-submitted (keyboard only)', async () => {
    const client = embedded();
    const form = await mount(client);
    const before = document.createElement('button');
    form.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(form).activeElement?.id).to.equal('title');
    await sendKeys({ type: '想要一台收音机' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '一个人住，眼睛不好，想听听戏曲和新闻。' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '王秀英' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '王奶奶' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13812345678' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '80' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    const submitted = oneEvent(form, 'sq-submitted');
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail.kind).to.equal('wish');
    expect(event.detail.state).to.equal('delivered');
    if (event.detail.state !== 'delivered' || event.detail.kind !== 'wish') return;
    expect(event.detail.receipt.status).to.equal('pending_review');
    await form.updateComplete;
    const success = $(form, '[part=receipt]');
    expect(success.textContent).to.contain('核实后，心愿会出现在心愿墙上');
    const { code } = event.detail.receipt;
    // In two groups of four, as the other receipts.
    expect(success.querySelector('#code')!.textContent).to.equal(
      `${code.slice(0, 4)} ${code.slice(4)}`,
    );
    expect(root(form).activeElement).to.equal($(form, '[part=receipt] h2'));
    expect(success.textContent).not.to.contain('13812345678');
    // It is a real wish: the wisher can follow it with the code.
    const view = await client.wishes.status(event.detail.receipt.code);
    expect(view.title).to.equal('想要一台收音机');
    expect(view.status).to.equal('pending_review');
    // "再许一个心愿": a fresh form; the code is gone.
    [...root(form).querySelectorAll<HTMLButtonElement>('[part=receipt] button')].at(-1)!.click();
    await form.updateComplete;
    expect(root(form).textContent!.replace(/\s/g, '')).not.to.contain(event.detail.receipt.code);
    expect($(form, '#title').value).to.equal('');
  });

  it('keeps a draft across a reload, never the name or the phone', async () => {
    const client = embedded();
    const form = await mount(client);
    await fill(form, { alias: '王奶奶' });
    const saved = localStorage.getItem('sq-wish-form-draft:xingfuli')!;
    expect(saved).to.contain('想要一台收音机');
    expect(saved).not.to.contain('王秀英');
    expect(saved).not.to.contain('1381234');
    expect(saved).not.to.contain('consent');
    // A "reload": a new element on the same page storage.
    const provider = await fixture<HTMLElement>(
      html`<sq-provider .client=${client} community="xingfuli"
        ><sq-wish-form></sq-wish-form
      ></sq-provider>`,
    );
    const again = provider.querySelector('sq-wish-form')!;
    await waitUntil(() => again.shadowRoot?.querySelector('form'), 'reloaded', { timeout: 5000 });
    expect($(again, '#title').value).to.equal('想要一台收音机');
    expect($<HTMLSelectElement>(again, '#category').value).to.equal('daily');
    expect($(again, '#alias').value).to.equal('王奶奶');
    expect($(again, '#wisherName').value).to.equal('');
    expect($(again, '#phone').value).to.equal('');
    expect($(again, '[name=consent]').checked).to.equal(false);
    expect($(again, '.notice').textContent).to.contain('已恢复');
    $<HTMLButtonElement>(again, '.notice button').click();
    await again.updateComplete;
    expect($(again, '#title').value).to.equal('');
    expect(localStorage.getItem('sq-wish-form-draft:xingfuli')).to.equal(null);
  });

  it('saves offline in the outbox, then says delivered once the network is back (real server)', async function () {
    this.timeout(30_000);
    let online = false;
    const client = createClient({
      baseUrl: '/api/v1',
      retry: { attempts: 1 },
      outbox: memoryOutboxStorage(),
      fetch: (input, init) =>
        online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')),
    });
    online = true;
    const form = await mount(client, 'zh-CN', 'xingfuli', 'form');
    online = false;
    await fill(form);
    const queued = oneEvent(form, 'sq-submitted');
    await submit(form);
    expect((await queued).detail.state).to.equal('queued');
    await form.updateComplete;
    expect(form.matches(':state(queued)')).to.equal(true);
    expect($(form, '[part=status]').textContent).to.contain('网络恢复后会自动发给社区');
    online = true;
    const delivered = oneEvent(form, 'sq-submitted');
    await (await client.outbox())!.flush();
    const event = await delivered;
    expect(event.detail.state).to.equal('delivered');
    await form.updateComplete;
    expect(form.matches(':state(delivered)')).to.equal(true);
    expect($(form, '[part=receipt]').textContent).to.contain('心愿码');
    await client.close();
  });

  it('after a reload, shows the wish an earlier page load left queued, then its code (real server)', async function () {
    this.timeout(30_000);
    // Offline for posting only, so that the next page load still gets its community.
    let online = true;
    const storage = memoryOutboxStorage();
    const options = {
      baseUrl: '/api/v1',
      retry: { attempts: 1 },
      outbox: storage,
      fetch: ((input, init) =>
        online || init?.method === 'GET'
          ? fetch(input, init)
          : Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    };
    const before = createClient(options);
    const first = await mount(before, 'zh-CN', 'xingfuli', 'form');
    online = false;
    await fill(first);
    const queued = oneEvent(first, 'sq-submitted');
    await submit(first);
    expect((await queued).detail.state).to.equal('queued');
    await before.close();
    first.closest('sq-provider')!.remove();

    // The next page load: a new client on the same outbox storage and a new form.
    const after = createClient(options);
    // The form, or already the saved-offline view that replaces it.
    const form = await mount(after, 'zh-CN', 'xingfuli', 'form, [part=status]');
    await waitUntil(
      () => $(form, '[part=status]')?.textContent?.includes('网络恢复后会自动发给社区'),
      'the queued wish is shown',
    );
    online = true;
    const delivered = oneEvent(form, 'sq-submitted');
    await (await after.outbox())!.flush();
    expect((await delivered).detail.state).to.equal('delivered');
    await form.updateComplete;
    expect($(form, '[part=receipt]').textContent).to.contain('心愿码');
    await after.close();
  });

  it('says when the server refuses, and when it cannot load the community', async () => {
    const form = await mount(embedded(), 'zh-CN', 'nowhere');
    const alert = $(form, '[role=alert]');
    expect(alert.textContent).to.contain('无法加载社区信息');
    expect(alert.textContent).to.contain('没有找到');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('重试');
    expect(await axeViolations(form)).to.deep.equal([]);
  });

  it('shows a failure with a retry when sending fails for good', async () => {
    let calls = 0;
    const client = createClient({
      baseUrl: '/api/v1',
      retry: { attempts: 1 },
      outbox: false,
      fetch: (input, init) =>
        calls++ === 0 ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')),
    });
    const form = await mount(client, 'zh-CN', 'xingfuli', 'form');
    await fill(form);
    await submit(form);
    await waitUntil(() => form.matches(':state(failed)'), 'failed', { timeout: 5000 });
    const alert = $(form, '[part=status][role=alert]');
    expect(alert.textContent).to.contain('心愿没有提交成功');
    expect(alert.textContent).to.contain('网络连接失败');
    expect(await axeViolations(form)).to.deep.equal([]);
  });

  it('keeps hostile text inert', async () => {
    const form = await mount(embedded());
    await type(form, 'wisherName', XSS_PAYLOADS[1]);
    await type(form, 'alias', XSS_PAYLOADS[0].slice(0, 20));
    await type(form, 'title', XSS_PAYLOADS[2]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(form).querySelector('img, script, svg')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  for (const care of [false, true]) {
    it(`is axe-clean with target-size and has ${care ? '60' : '44'}px targets (${care ? 'care' : 'default'} mode)`, async () => {
      const form = await mount(embedded());
      if (care) form.care = true;
      await submit(form);
      await waitUntil(() => root(form).querySelector('.summary'));
      await expect(form).to.be.accessible();
      expect(await axeViolations(form)).to.deep.equal([]);
      expect(smallTargets(form, care ? 60 : 44)).to.deep.equal([]);
      expect(parseFloat(getComputedStyle($(form, '#title')).fontSize)).to.be.at.least(
        care ? 18 : 16,
      );
      expect(parseFloat(getComputedStyle($(form, '.hint-text')).fontSize)).to.be.at.least(
        care ? 18 : 16,
      );
      if (care) expect(parseFloat(getComputedStyle($(form, 'h2')).fontSize)).to.be.at.least(30);
    });
  }

  it('fits 320px at 200% text size without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const form = await mount(embedded(), 'en');
      await submit(form);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });
});

formSuite({
  tag: 'sq-wish-form',
  operation: 'postWish',
  path: '/wishes',
  receipt: { id: 'w1', code: 'WISH2345', status: 'pending_review' },
  code: 'WISH2345',
  fill: (form, { hostile = '' } = {}) =>
    fill(form as SqWishForm, hostile ? { story: hostile } : {}),
  input: {
    community: 'xingfuli',
    category: 'daily',
    title: '想要一台收音机',
    story: '一个人住，眼睛不好，想听听戏曲和新闻。',
    wisherName: '王秀英',
    phone: '13812345678',
    consent: true,
    publishConsent: true,
  },
  refused: '之前保存的心愿没有被受理',
});
