import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/provider.js';
import '../../../../src/define/wish-tracker.js';
import type {
  SqThankedEvent,
  SqWishTracker,
} from '../../../../src/features/wishes/elements/wish-tracker/index.js';
import type { WishInput } from '../../../../src/features/wishes/model.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

const WISH: WishInput = {
  community: 'xingfuli',
  grid: 'xfl-g1',
  category: 'daily',
  title: '想要一台收音机',
  story: '老伴走后一个人住，想听听戏曲和新闻。',
  wisherName: '王秀英',
  alias: '王奶奶',
  phone: '13800000001',
  value: 80,
  consent: true,
  publishConsent: true,
};

/** A wisher, a claimer and a staff member of 幸福里 on one in-memory store. */
function street() {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  return { store, resident, staff };
}

type Stage = 'pending' | 'open' | 'claimed' | 'fulfilled' | 'rejected';

/** Posts a wish through the real services and takes it to `stage`. */
async function wishAt(stage: Stage, extra: Partial<WishInput> = {}, reason = '信息不全，请补充。') {
  const { resident, staff } = street();
  const delivery = await resident.wishes.post({ ...WISH, ...extra });
  if (delivery.state !== 'delivered') throw new Error('not delivered');
  const { id, code } = delivery.value;
  if (stage === 'rejected') await staff.wishes.act(id, { action: 'reject', reason });
  if (stage !== 'pending' && stage !== 'rejected') {
    await staff.wishes.act(id, { action: 'approve' });
  }
  if (stage === 'claimed' || stage === 'fulfilled') {
    await resident.wishes.claim(id, {
      claimerType: 'party_member',
      name: '李建国',
      phone: '13912345678',
      consent: true,
    });
  }
  if (stage === 'fulfilled') {
    await staff.wishes.act(id, { action: 'fulfil', note: '已送去一台收音机，并教会了使用。' });
  }
  return { resident, staff, id, code };
}

async function mount(client: Client, lang = 'zh-CN') {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang}
      ><sq-wish-tracker></sq-wish-tracker
    ></sq-provider>`,
  );
  const el = provider.querySelector('sq-wish-tracker')!;
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'first render', { timeout: 5000 });
  return el;
}

const $ = <E extends Element = HTMLElement>(el: SqWishTracker, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const text = (el: SqWishTracker) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const active = (el: SqWishTracker) => el.shadowRoot!.activeElement as HTMLElement | null;
const button = (el: SqWishTracker, label: string) => {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.textContent!.trim() === label,
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
};

async function lookUp(el: SqWishTracker, code: string) {
  $<HTMLInputElement>(el, '#code')!.value = code;
  $<HTMLButtonElement>(el, 'form button')!.click();
  await el.updateComplete;
  await waitUntil(() => !el.matches(':state(loading)'), 'answer');
  await el.updateComplete;
}

const status = (el: SqWishTracker) => $(el, '[part=status]')!.textContent!.trim();

describe('sq-wish-tracker', () => {
  it('starts empty: a labelled code field with its hint, nothing else', async () => {
    const el = await mount(street().resident);
    expect($(el, 'h2')!.textContent).to.equal('查看我的心愿');
    expect($(el, 'label[for=code]')!.textContent).to.equal('心愿码');
    expect($(el, '#code')!.getAttribute('aria-describedby')).to.equal('code-hint');
    expect($(el, '#code')!.getAttribute('autocomplete')).to.equal('off');
    expect($(el, '.result')).to.equal(null);
  });

  it('loads English on demand', async () => {
    const el = await mount(street().resident, 'en');
    expect($(el, 'h2')!.textContent).to.equal('My wish');
    expect($(el, 'label[for=code]')!.textContent).to.equal('Wish code');
  });

  it('checks the code before asking: a message, aria-invalid, focus on the field', async () => {
    const el = await mount(street().resident);
    $<HTMLButtonElement>(el, 'form button')!.click();
    await el.updateComplete;
    expect($(el, '#code-error')!.textContent).to.contain('请填写心愿码');
    expect($(el, '#code')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#code')!.getAttribute('aria-describedby')).to.equal('code-hint code-error');
    expect(active(el)?.id).to.equal('code');
    $<HTMLInputElement>(el, '#code')!.value = 'AB-1';
    $<HTMLButtonElement>(el, 'form button')!.click();
    await el.updateComplete;
    expect($(el, '#code-error')!.textContent).to.contain('心愿码是 8 位字母和数字');
  });

  it('says once when no wish has this code, and puts focus back on the field', async () => {
    const { resident } = await wishAt('pending');
    const el = await mount(resident);
    await lookUp(el, 'ZZZZ-ZZZZ');
    const alert = $(el, '#not-found')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('没有找到这个心愿');
    expect(active(el)?.id).to.equal('code');
    expect($(el, '#code')!.getAttribute('aria-describedby')).to.contain('not-found');
    expect($(el, '.result')).to.equal(null);
  });

  it('shows a wish waiting for review; the code stays out of URLs, attributes and storage', async () => {
    const { resident, code } = await wishAt('pending');
    const el = await mount(resident);
    await lookUp(el, ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `);
    expect($(el, '#result-heading')!.textContent).to.equal('想要一台收音机');
    expect(active(el)?.id).to.equal('result-heading');
    expect(status(el)).to.equal('待核实');
    expect(text(el)).to.contain('核实后心愿会出现在心愿墙上');
    expect($(el, '[role=status]')!.textContent).to.contain('待核实');
    expect(el.matches(':state(found)')).to.equal(true);
    expect(location.href).not.to.contain(code);
    expect(el.outerHTML).not.to.contain(code);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain(code);
    expect($(el, '#withdraw')).not.to.equal(null);
    expect($(el, '#thanks')).to.equal(null);
    expect(text(el)).not.to.contain('13800000001');
    expect(text(el)).not.to.contain('王秀英');
  });

  it('shows the rejection reason to the wisher, with no withdraw or thanks', async () => {
    const { resident, code } = await wishAt('rejected', {}, '同一心愿已由民政部门解决。');
    const el = await mount(resident);
    await lookUp(el, code);
    expect(status(el)).to.equal('已驳回');
    expect(text(el))
      .to.contain('驳回原因（只有您能看到）')
      .and.to.contain('同一心愿已由民政部门解决');
    expect($(el, '#withdraw')).to.equal(null);
    expect($(el, '#thanks')).to.equal(null);
  });

  it('shows the claimer by the public thanks name only; a claimed wish cannot be withdrawn', async () => {
    const { resident, code } = await wishAt('claimed');
    const el = await mount(resident);
    await lookUp(el, code);
    expect(status(el)).to.equal('已认领');
    expect(text(el)).to.contain('李*国（党员）');
    expect(text(el)).not.to.contain('李建国');
    expect(text(el)).not.to.contain('13912345678');
    expect($(el, '#withdraw')).to.equal(null);
  });

  it('withdraws an open wish after a confirm step; 不撤回 puts focus back', async () => {
    const { resident, code } = await wishAt('open');
    const el = await mount(resident);
    await lookUp(el, code);
    expect(status(el)).to.equal('待认领');
    $<HTMLButtonElement>(el, '#withdraw')!.click();
    await el.updateComplete;
    expect(active(el)?.id).to.equal('withdraw-q');
    expect($(el, '#withdraw-q')!.textContent).to.contain('确定要撤回吗');
    button(el, '不撤回').click();
    await el.updateComplete;
    expect(active(el)?.id).to.equal('withdraw');
    expect(status(el)).to.equal('待认领');

    $<HTMLButtonElement>(el, '#withdraw')!.click();
    await el.updateComplete;
    button(el, '确定撤回').click();
    await waitUntil(() => $(el, '#outcome'), 'withdrawn');
    expect($(el, '#outcome')!.textContent).to.contain('心愿已撤回');
    expect(active(el)?.id).to.equal('outcome');
    expect(status(el)).to.equal('已撤回');
    expect($(el, '#withdraw')).to.equal(null);
    expect((await resident.wishes.status(code)).status).to.equal('withdrawn');
  });

  it('says so when the wish was claimed meanwhile and cannot be withdrawn', async () => {
    const { resident, id, code } = await wishAt('open');
    const el = await mount(resident);
    await lookUp(el, code);
    await resident.wishes.claim(id, {
      claimerType: 'unit',
      name: '幸福里物业',
      phone: '13912345678',
      consent: true,
    });
    $<HTMLButtonElement>(el, '#withdraw')!.click();
    await el.updateComplete;
    button(el, '确定撤回').click();
    await waitUntil(() => $(el, '#act-error'), 'error');
    expect($(el, '#act-error')!.textContent).to.contain('当前状态下不能进行此操作');
    expect(active(el)?.id).to.equal('act-error');
    button(el, '再查一次').click();
    await waitUntil(() => status(el) === '已认领', 'refreshed');
    expect(text(el)).to.contain('幸福里物业（单位）');
  });

  it('gives withdraw and thanks each its own Idempotency-Key (one key for both: 422)', async () => {
    const { resident, staff, id, code } = await wishAt('open');
    const keys: [string, string | undefined][] = [];
    const wishes = resident.wishes;
    const recording: Client = {
      ...resident,
      wishes: {
        ...wishes,
        withdraw: (c, options) => (
          keys.push(['withdraw', options?.idempotencyKey]),
          wishes.withdraw(c, options)
        ),
        thank: (input, options) => (
          keys.push(['thank', options?.idempotencyKey]),
          wishes.thank(input, options)
        ),
      },
    };
    const el = await mount(recording);
    await lookUp(el, code);
    // Claimed meanwhile: the withdraw is refused.
    await resident.wishes.claim(id, {
      claimerType: 'unit',
      name: '幸福里物业',
      phone: '13912345678',
      consent: true,
    });
    $<HTMLButtonElement>(el, '#withdraw')!.click();
    await el.updateComplete;
    button(el, '确定撤回').click();
    await waitUntil(() => $(el, '#act-error'), 'refused');
    await staff.wishes.act(id, { action: 'fulfil', note: '已送去一台收音机。' });
    button(el, '再查一次').click();
    await waitUntil(() => status(el) === '已完成', 'fulfilled');
    button(el, '送上感谢').click();
    await waitUntil(() => status(el) === '已评价', 'thanked');
    expect(keys.map(([what]) => what)).to.deep.equal(['withdraw', 'thank']);
    expect(keys[0]![1]).to.be.a('string');
    expect(keys[1]![1]).to.be.a('string').and.not.equal(keys[0]![1]);
  });

  it('thanks the claimer of a fulfilled wish: the note, then sq-thanked, then the thanks given', async () => {
    const { resident, id, code } = await wishAt('fulfilled');
    const el = await mount(resident);
    await lookUp(el, code);
    expect(status(el)).to.equal('已完成');
    expect(text(el)).to.contain('已送去一台收音机，并教会了使用');
    expect($(el, 'label[for=thanks]')!.textContent).to.equal('想说的话');
    expect($(el, '#thanks')!.getAttribute('maxlength')).to.equal('200');
    expect($(el, '#withdraw')).to.equal(null);
    $<HTMLTextAreaElement>(el, '#thanks')!.value = '  谢谢李书记，收音机很好用！ ';
    const thanked = oneEvent(el, 'sq-thanked') as Promise<SqThankedEvent>;
    button(el, '送上感谢').click();
    const event = await thanked;
    expect(event.detail.id).to.equal(id);
    expect(event.detail.message).to.equal('谢谢李书记，收音机很好用！');
    expect(event.detail.view.status).to.equal('thanked');
    expect(JSON.stringify(event.detail)).not.to.contain(code);
    await el.updateComplete;
    expect($(el, '#outcome')!.textContent).to.contain('您的感谢已送达');
    expect(active(el)?.id).to.equal('outcome');
    expect(status(el)).to.equal('已评价');
    expect($(el, '#thanks')).to.equal(null);
    expect($(el, '[part=thanks]')!.textContent).to.contain('收音机很好用');

    const later = await mount(resident);
    await lookUp(later, code);
    expect(status(later)).to.equal('已评价');
    expect(text(later)).to.contain('您已向认领人表示感谢');
  });

  it('thanks without a message too', async () => {
    const { resident, code } = await wishAt('fulfilled');
    const el = await mount(resident);
    await lookUp(el, code);
    const thanked = oneEvent(el, 'sq-thanked') as Promise<SqThankedEvent>;
    button(el, '送上感谢').click();
    const event = await thanked;
    expect(event.detail.message).to.equal(undefined);
    await el.updateComplete;
    expect(status(el)).to.equal('已评价');
  });

  it('says when the network fails and retries', async () => {
    const { resident, code } = await wishAt('pending');
    const offline = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: { attempts: 1 },
      outbox: false,
    });
    const el = await mount(offline);
    $<HTMLInputElement>(el, '#code')!.value = code;
    $<HTMLButtonElement>(el, 'form button')!.click();
    await waitUntil(() => $(el, '.alert button'), 'failure', { timeout: 8000 });
    expect($(el, '[role=alert]')!.textContent)
      .to.contain('查询没有成功')
      .and.to.contain('网络连接失败');
    expect($<HTMLInputElement>(el, '#code')!.value).to.equal(code);
    expect(await axeViolations(el)).to.deep.equal([]);
    (el.closest('sq-provider') as HTMLElement & { client: Client }).client = resident;
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.alert button')!.click();
    await waitUntil(() => $(el, '.result'), 'found after retry');
    expect($(el, '.alert')).to.equal(null);
  });

  it('renders what wishers, claimers and staff typed as inert text', async () => {
    const payload = XSS_PAYLOADS.join(' ');
    const { resident, staff, id, code } = await wishAt('open', { title: '<img src=x onerror=1>' });
    await resident.wishes.claim(id, {
      claimerType: 'unit',
      name: XSS_PAYLOADS[1],
      phone: '13912345678',
      consent: true,
    });
    await staff.wishes.act(id, { action: 'fulfil', note: payload.slice(0, 290) });
    await resident.wishes.thank({ code, message: payload.slice(0, 190) });
    const el = await mount(resident);
    await lookUp(el, code);
    expect(el.shadowRoot!.querySelector('img, script, svg, iframe')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(text(el)).to.contain('<img src=x onerror=');
    expect($(el, '#result-heading')!.textContent).to.equal('<img src=x onerror=1>');
  });

  it('can be used with the keyboard alone: code, Enter, thanks, Enter', async () => {
    const { resident, code } = await wishAt('fulfilled');
    const el = await mount(resident);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('code');
    await sendKeys({ type: code.toLowerCase() });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'result-heading', 'result focused');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('thanks');
    await sendKeys({ type: '谢谢' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent!.trim()).to.equal('送上感谢');
    const thanked = oneEvent(el, 'sq-thanked') as Promise<SqThankedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await thanked).detail.message).to.equal('谢谢');
  });

  it('withdraws with the keyboard alone through the confirm step', async () => {
    const { resident, code } = await wishAt('pending');
    const el = await mount(resident);
    $<HTMLInputElement>(el, '#code')!.focus();
    await sendKeys({ type: code });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'result-heading', 'result focused');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('withdraw');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.id).to.equal('withdraw-q');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent!.trim()).to.equal('确定撤回');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'outcome', 'withdrawn');
    expect(status(el)).to.equal('已撤回');
  });

  for (const care of [false, true]) {
    it(`is axe-clean with ${care ? '60' : '44'}px targets in every state (${care ? 'care' : 'default'} mode)`, async () => {
      const check = async (el: SqWishTracker, state: string) => {
        expect(await axeViolations(el), state).to.deep.equal([]);
        expect(smallTargets(el, care ? 60 : 44), state).to.deep.equal([]);
      };
      const { resident, code } = await wishAt('fulfilled');
      const el = await mount(resident);
      el.care = care;
      await el.updateComplete;
      await check(el, 'empty');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'form button')!.click();
      await el.updateComplete;
      await check(el, 'error');
      await lookUp(el, 'WRONG234');
      await check(el, 'not found');
      await lookUp(el, code);
      await check(el, 'fulfilled');
      if (care) {
        expect(parseFloat(getComputedStyle($(el, '#code')!).fontSize)).to.be.at.least(18);
        expect(parseFloat(getComputedStyle($(el, 'h2')!).fontSize)).to.be.at.least(30);
        expect(parseFloat(getComputedStyle($(el, '[part=status]')!).fontSize)).to.be.at.least(30);
      } else {
        expect(parseFloat(getComputedStyle($(el, '#code')!).fontSize)).to.be.at.least(16);
      }
      button(el, '送上感谢').click();
      await waitUntil(() => $(el, '#outcome'), 'thanked');
      await check(el, 'thanked');

      for (const stage of ['open', 'rejected', 'claimed'] as const) {
        const other = await wishAt(stage);
        const tracker = await mount(other.resident);
        tracker.care = care;
        await lookUp(tracker, other.code);
        await check(tracker, stage);
        if (stage === 'open') {
          $<HTMLButtonElement>(tracker, '#withdraw')!.click();
          await tracker.updateComplete;
          await check(tracker, 'confirm withdraw');
          button(tracker, '确定撤回').click();
          await waitUntil(() => $(tracker, '#outcome'), 'withdrawn');
          await check(tracker, 'withdrawn');
        }
      }
    });
  }

  it('fits 320px at 200% text size without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const { resident, code } = await wishAt('fulfilled');
      const el = await mount(resident, 'en');
      await lookUp(el, code);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });
});
