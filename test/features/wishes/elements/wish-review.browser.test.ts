import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/provider.js';
import '../../../../src/define/wish-review.js';
import type { SqWishReview } from '../../../../src/features/wishes/elements/wish-review/index.js';
import type { WishInput } from '../../../../src/features/wishes/model.js';
import type { Clock } from '../../../../src/domain/time.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import type { Store } from '../../../../src/services/store.js';
import { demoLogin } from '../../../e2e/server.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

const DAY = 864e5;

const wish = (i: number, extra: Partial<WishInput> = {}): WishInput => ({
  community: 'xingfuli',
  grid: 'xfl-g1',
  category: 'daily',
  title: `心愿 ${i}`,
  story: `这是第 ${i} 个心愿的故事，写得足够长。`,
  wisherName: '王秀英',
  alias: '王奶奶',
  phone: '13800000001',
  value: 80,
  consent: true,
  publishConsent: true,
  ...extra,
});

/** A memory store with `count` wishes waiting for review, posted through the real services. */
async function setup(count = 2, extra: Partial<WishInput> = {}, clock?: Clock) {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, ...(clock ? { clock } : {}) } });
  const codes: string[] = [];
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const delivery = await resident.wishes.post(wish(i, extra));
    if (delivery.state !== 'delivered') throw new Error('not delivered');
    codes.push(delivery.value.code);
    ids.push(delivery.value.id);
  }
  return { store, resident, codes, ids, staff: staffOn(store) };
}

const staffOn = (store: Store, clock?: Clock): Client =>
  createClient({ embedded: { store, actor: 'xfl-admin', ...(clock ? { clock } : {}) } });

const root = (el: SqWishReview) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: SqWishReview, selector: string) =>
  root(el).querySelector<T>(selector);
const titles = (el: SqWishReview) =>
  [...root(el).querySelectorAll('li h4')].map((h) => h.textContent!.trim());
const button = (scope: SqWishReview | Element, text: string) => {
  const base = scope instanceof HTMLElement && scope.shadowRoot ? scope.shadowRoot : scope;
  const found = [...base.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};
const item = (el: SqWishReview, title: string) =>
  [...root(el).querySelectorAll('li')].find((li) => li.querySelector('h4')!.textContent === title)!;
const focused = (el: SqWishReview) => root(el).activeElement as HTMLElement | null;

async function mount(client: Client, options: { lang?: string; attrs?: string } = {}) {
  const provider = await fixture<HTMLElement>(
    options.attrs === 'claimed'
      ? html`<sq-provider .client=${client} lang=${options.lang ?? 'zh-CN'}>
          <sq-wish-review status="claimed"></sq-wish-review>
        </sq-provider>`
      : html`<sq-provider .client=${client} lang=${options.lang ?? 'zh-CN'}>
          <sq-wish-review page-size="3"></sq-wish-review>
        </sq-provider>`,
  );
  const el = provider.querySelector('sq-wish-review')!;
  await waitUntil(
    () => el.shadowRoot?.querySelector('.list, .empty, form, [role=alert]'),
    'first load',
    { timeout: 8000 },
  );
  return el;
}

const countsLoaded = (el: SqWishReview) =>
  waitUntil(() => $(el, '.figures'), 'counts', { timeout: 4000 });
const figures = (el: SqWishReview) =>
  [...root(el).querySelectorAll('.figures dd')].map((d) => d.textContent!.trim());

describe('sq-wish-review', () => {
  it('loads English on demand and renders it from the first paint', async () => {
    const { staff } = await setup(1);
    const el = await mount(staff, { lang: 'en' });
    expect($(el, 'h2')!.textContent).to.contain('Review small wishes');
    expect(button(el, 'Approve').localName).to.equal('button');
    expect(root(el).textContent).not.to.contain('核实通过');
  });

  it('shows the staff view of pending wishes: full name, alias, phone, value, category, grid', async () => {
    const { staff } = await setup(2);
    const el = await mount(staff);
    await waitUntil(() => root(el).textContent!.includes('第一网格'), 'names of the community');
    expect($(el, '.who')!.textContent).to.contain('李秀英');
    expect(titles(el)).to.deep.equal(['心愿 2', '心愿 1']);
    const text = item(el, '心愿 1').textContent!;
    for (const part of [
      '王秀英',
      '王奶奶',
      '13800000001',
      '约 80 元',
      '生活物资',
      '第一网格',
      '待核实',
    ]) {
      expect(text).to.contain(part);
    }
    // Only actions legal for a wish awaiting review.
    const labels = [...item(el, '心愿 1').querySelectorAll('button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(labels).to.deep.equal(['核实通过', '驳回']);
    await countsLoaded(el);
    expect(figures(el)).to.deep.equal(['2', '0', '0', '暂无']);
  });

  it('approves: the wish leaves the queue, the result is announced, focus moves on, it is on the wall', async () => {
    const { staff, resident } = await setup(2);
    const el = await mount(staff);
    const acted = oneEvent(el, 'sq-wish-acted');
    button(item(el, '心愿 2'), '核实通过').click();
    const event = await acted;
    expect(event.detail.action).to.equal('approve');
    expect(event.detail.wish.status).to.equal('open');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['心愿 1']);
    expect($(el, '[role=status]')!.textContent).to.contain('已核实通过：心愿 2');
    expect(focused(el)?.textContent).to.equal('心愿 1');
    const wall = await resident.wishes.list({ community: 'xingfuli' });
    expect(wall.items.map((w) => w.title)).to.include('心愿 2');

    button(item(el, '心愿 1'), '核实通过').click();
    await waitUntil(() => $(el, '.empty'), 'queue empty');
    expect($(el, '.empty')!.textContent).to.contain('没有“待核实”的心愿');
    expect(focused(el)?.id).to.equal('queue');
  });

  it('rejects only with a reason, which the wisher sees and the wall never does', async () => {
    const { staff, resident, codes } = await setup(1);
    const el = await mount(staff);
    button(el, '驳回').click();
    await waitUntil(() => focused(el)?.localName === 'textarea', 'reason field focused');
    const field = focused(el) as HTMLTextAreaElement;
    expect(root(el).querySelector(`label[for="${field.id}"]`)!.textContent).to.contain('驳回原因');
    button(el, '确认驳回').click();
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    const error = root(el).getElementById(field.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(error.textContent).to.contain('请填写驳回原因');
    expect(focused(el)).to.equal(field);

    field.value = '经核实，已由民政部门解决。';
    field.dispatchEvent(new Event('input'));
    button(el, '确认驳回').click();
    await waitUntil(() => $(el, '.empty'), 'rejected wish left the queue');
    expect($(el, '[role=status]')!.textContent).to.contain('已驳回');
    const view = await resident.wishes.status(codes[0]!);
    expect(view.status).to.equal('rejected');
    expect(view.rejectReason).to.equal('经核实，已由民政部门解决。');
  });

  it('cancel closes the reason field and gives focus back to the button', async () => {
    const { staff } = await setup(1);
    const el = await mount(staff);
    button(el, '驳回').click();
    await waitUntil(() => focused(el)?.localName === 'textarea');
    button(el, '取消').click();
    await waitUntil(() => focused(el)?.textContent?.trim() === '驳回', 'focus back on 驳回');
    expect($(el, 'textarea')).to.equal(null);
  });

  it('shows a stale claim as overdue and releases it (认领超期)', async () => {
    const past: Clock = { now: () => new Date(Date.now() - 10 * DAY) };
    const { store, ids } = await setup(1, {}, past);
    const then = staffOn(store, past);
    await then.wishes.act(ids[0]!, { action: 'approve' });
    const claimer = createClient({ embedded: { store, clock: past } });
    await claimer.wishes.claim(ids[0]!, {
      claimerType: 'party_member',
      name: '李建国',
      phone: '13900000009',
      consent: true,
    });
    const el = await mount(staffOn(store), { attrs: 'claimed' });
    const text = item(el, '心愿 1').textContent!;
    for (const part of ['已认领', '已超期', '李建国', '党员', '13900000009', '保留至']) {
      expect(text).to.contain(part);
    }
    const labels = [...item(el, '心愿 1').querySelectorAll('button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(labels).to.deep.equal(['释放认领', '登记完成']);
    // A stale claim's likely next step is to release it.
    expect(button(el, '释放认领').className).to.equal('primary');
    expect(button(el, '登记完成').className).to.equal('button-secondary');
    button(el, '释放认领').click();
    await waitUntil(() => $(el, '.empty'), 'released');
    expect($(el, '[role=status]')!.textContent).to.contain('已释放认领：心愿 1');
    const card = await claimer.wishes.get(ids[0]!);
    expect(card.status).to.equal('open');
  });

  it('records a fulfilment with a note and updates the counts', async () => {
    const { store, ids } = await setup(1);
    const staff = staffOn(store);
    await staff.wishes.act(ids[0]!, { action: 'approve' });
    await createClient({ embedded: { store } }).wishes.claim(ids[0]!, {
      claimerType: 'unit',
      name: '幸福里物业',
      phone: '13900000009',
      consent: true,
    });
    const el = await mount(staff, { attrs: 'claimed' });
    await countsLoaded(el);
    expect(figures(el).slice(0, 3)).to.deep.equal(['1', '1', '0']);
    // Within its hold, the likely next step is 登记完成.
    expect(button(el, '登记完成').className).to.equal('primary');
    expect(button(el, '释放认领').className).to.equal('button-secondary');
    button(el, '登记完成').click();
    await waitUntil(() => focused(el)?.localName === 'textarea');
    const field = focused(el) as HTMLTextAreaElement;
    field.value = '已电话确认，辅导书已送到。';
    field.dispatchEvent(new Event('input'));
    button(el, '确认完成').click();
    await waitUntil(() => $(el, '.empty'), 'fulfilled');
    await waitUntil(() => figures(el)[2] === '1', 'fulfilled counted');
    expect(figures(el)[3]).to.equal('0 天');
  });

  it('shows a server error on the item (invalid_transition) and keeps it in the queue', async () => {
    const { staff, ids } = await setup(1);
    const el = await mount(staff);
    // Someone else approved it meanwhile.
    await staff.wishes.act(ids[0]!, { action: 'approve' });
    button(el, '驳回').click();
    await waitUntil(() => focused(el)?.localName === 'textarea');
    (focused(el) as HTMLTextAreaElement).value = '重复';
    $(el, 'textarea')!.dispatchEvent(new Event('input'));
    button(el, '确认驳回').click();
    await waitUntil(() => $(el, 'li [role=alert]'), 'action error');
    const alert = $(el, 'li [role=alert]')!;
    expect(alert.textContent).to.contain('“心愿 1”操作失败');
    expect(alert.textContent).to.contain('当前状态下不能进行此操作');
    expect(focused(el)).to.equal(alert);
    expect(titles(el)).to.deep.equal(['心愿 1']);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('pages with 加载更多 and focuses the first new wish', async () => {
    const { staff } = await setup(5);
    const el = await mount(staff);
    expect(titles(el)).to.deep.equal(['心愿 5', '心愿 4', '心愿 3']);
    button(el, '加载更多').focus();
    button(el, '加载更多').click();
    await waitUntil(() => titles(el).length === 5, 'second page');
    expect(titles(el).slice(3)).to.deep.equal(['心愿 2', '心愿 1']);
    expect(focused(el)?.textContent).to.equal('心愿 2');
    expect($(el, '[role=status]')!.textContent).to.contain('又加载了 2 条');
    expect(root(el).textContent).not.to.contain('加载更多');
  });

  it('filters by status', async () => {
    const { staff, ids } = await setup(2);
    await staff.wishes.act(ids[0]!, { action: 'approve' });
    const el = await mount(staff);
    expect(titles(el)).to.deep.equal(['心愿 2']);
    const select = $<HTMLSelectElement>(el, '#filter')!;
    select.value = 'open';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => titles(el)[0] === '心愿 1', 'open wishes');
    expect(el.status).to.equal('open');
    expect(item(el, '心愿 1').querySelectorAll('button').length).to.equal(0);
  });

  it('says when the queue is empty', async () => {
    const { staff } = await setup(0);
    const el = await mount(staff);
    expect($(el, '.empty')!.textContent).to.contain('没有“待核实”的心愿');
    // It says what to do.
    expect($(el, '.empty')!.textContent).to.contain('可以换个状态查看');
  });

  it('can be used with the keyboard alone', async () => {
    const { staff } = await setup(2);
    const el = await mount(staff);
    await countsLoaded(el);
    const approve = button(item(el, '心愿 2'), '核实通过');
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(el).length === 1, 'approved by keyboard');
    expect(focused(el)?.textContent).to.equal('心愿 1');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('核实通过');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('驳回');
    await sendKeys({ press: ' ' });
    await waitUntil(() => focused(el)?.localName === 'textarea', 'reason by keyboard');
    await sendKeys({ type: '信息不实' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.empty'), 'rejected by keyboard');
  });

  it('shows the reviewer what the wall will mask before approving', async () => {
    const { staff } = await setup(1, {
      story: '请联系王秀英 13600009999，我住 2 号楼，想要一台收音机。',
    });
    const el = await mount(staff);
    await waitUntil(() => el.shadowRoot?.querySelector('[part=published]'), 'preview');
    const preview = el.shadowRoot!.querySelector('[part=published]');
    expect(preview!.textContent).to.contain('心愿墙上将这样显示');
    expect(preview!.textContent).not.to.contain('13600009999');
    expect(preview!.textContent).not.to.contain('王秀英');
    expect(el.shadowRoot!.querySelector('.story')!.textContent).to.contain('13600009999');
  });

  it('shows no preview when nothing is masked', async () => {
    const { staff } = await setup(1);
    const el = await mount(staff);
    await waitUntil(() => el.shadowRoot?.querySelector('.story'), 'listed');
    expect(el.shadowRoot!.querySelector('[part=published]')).to.equal(null);
  });

  it('renders hostile text as inert text', async () => {
    const { staff } = await setup(1, {
      title: XSS_PAYLOADS[1].slice(0, 30),
      story: `${XSS_PAYLOADS[0]} ${XSS_PAYLOADS[2]}`,
      wisherName: XSS_PAYLOADS[3].slice(0, 30),
      alias: XSS_PAYLOADS[4].slice(0, 20),
    });
    const el = await mount(staff);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('img, script:not([src]), svg')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(root(el).textContent).to.contain('<script>window.__xss = 1</script>');
  });

  for (const care of [false, true]) {
    it(`is axe-clean with target-size and has ${care ? '60' : '44'}px targets (${care ? 'care' : 'default'} mode)`, async () => {
      const { staff } = await setup(2);
      const el = await mount(staff);
      el.care = care;
      await countsLoaded(el);
      button(item(el, '心愿 1'), '驳回').click();
      await waitUntil(() => $(el, 'textarea'));
      button(el, '确认驳回').click();
      await waitUntil(() => $(el, '.error-text'));
      expect(el.hasAttribute('data-sq-care')).to.equal(care);
      await expect(el).to.be.accessible();
      expect(await axeViolations(el)).to.deep.equal([]);
      expect(smallTargets(el, care ? 60 : 44)).to.deep.equal([]);
      const body = parseFloat(getComputedStyle($(el, '.story')!).fontSize);
      expect(body).to.be.at.least(care ? 18 : 16);
      const figure = parseFloat(getComputedStyle($(el, '.figures dd')!).fontSize);
      if (care) expect(figure).to.be.at.least(30);
    });
  }

  it('fits 320px at 200% text size without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const { staff } = await setup(1);
      const el = await mount(staff, { lang: 'en' });
      await countsLoaded(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('fits its sign-in form into 320px at 200% text size (inputs shrink); hints are ≥ 16px', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await mount(createClient({ embedded: { persistence: false } }), { lang: 'en' });
      expect($(el, '[part=login]')).not.to.equal(null);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const input of root(el).querySelectorAll('input')) {
        expect(input.getBoundingClientRect().right).to.be.at.most(320);
      }
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
    const { staff } = await setup(1);
    const el = await mount(staff);
    button(item(el, '心愿 1'), '驳回').click();
    await waitUntil(() => $(el, '.hint-text'));
    expect(parseFloat(getComputedStyle($(el, '.hint-text')!).fontSize)).to.be.at.least(16);
  });

  it('says when it cannot reach the server, and retries', async () => {
    const client = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: { attempts: 1 },
      outbox: false,
    });
    const el = await mount(client);
    const alert = $(el, '[role=alert]')!;
    expect(alert.textContent).to.contain('无法加载心愿列表');
    expect(alert.textContent).to.contain('网络连接失败');
    expect(button(el, '重试').localName).to.equal('button');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('without a staff actor on the embedded client, shows the login form and explains it cannot sign in', async () => {
    const el = await mount(createClient({ embedded: { persistence: false } }));
    expect($(el, 'form')).not.to.equal(null);
    ($(el, '#f-username') as HTMLInputElement).value = 'xfl-admin';
    ($(el, '#f-password') as HTMLInputElement).value = 'secret';
    button(el, '登录').click();
    await waitUntil(() => $(el, 'form [role=alert]'));
    expect($(el, 'form [role=alert]')!.textContent).to.contain('本页是演示模式');
  });

  describe('over HTTP (a real server)', function () {
    // The first request waits for the server to start (PGlite).
    this.timeout(40000);
    const http = (fetch?: typeof window.fetch) =>
      createClient({
        baseUrl: '/api/v1',
        outbox: false,
        retry: { attempts: 1 },
        ...(fetch ? { fetch } : {}),
      });

    async function post(title: string) {
      const delivery = await http().wishes.post(wish(0, { title }));
      if (delivery.state !== 'delivered') throw new Error('not delivered');
      return delivery.value;
    }

    it('asks staff to sign in: validation, wrong password, then the queue; signs out', async () => {
      await http()
        .auth.logout()
        .catch(() => undefined); // No session cookie from earlier runs.
      const title = `登录测试 ${Date.now() % 100000}`;
      await post(title);
      const el = await mount(http());
      expect($(el, 'form h2')!.textContent).to.contain('工作人员登录');
      expect(el.matches(':state(login)')).to.equal(true);

      button(el, '登录').click();
      await waitUntil(() => $(el, '#f-username-error'));
      expect($(el, '#f-username-error')!.textContent).to.contain('请填写用户名');
      expect($(el, '#f-password-error')!.textContent).to.contain('请填写密码');
      expect(focused(el)?.id).to.equal('f-username');
      expect(await axeViolations(el)).to.deep.equal([]);

      ($(el, '#f-username') as HTMLInputElement).value = 'xfl-admin';
      ($(el, '#f-password') as HTMLInputElement).value = 'wrong-password';
      button(el, '登录').click();
      await waitUntil(() => $(el, 'form [role=alert]')?.textContent?.includes('不正确'), 'wrong');

      const { password } = await demoLogin();
      ($(el, '#f-password') as HTMLInputElement).value = password;
      button(el, '登录').click();
      await waitUntil(() => titles(el).includes(title), 'queue after login', { timeout: 8000 });
      expect(focused(el)?.localName).to.equal('h2');
      expect($(el, '.who')!.textContent).to.contain('李秀英');

      button(el, '退出登录').click();
      await waitUntil(() => $(el, 'form'), 'signed out');
    });

    it('goes back to the sign-in form when the session ends', async () => {
      const { password } = await demoLogin();
      const client = http();
      await client.auth.login({ username: 'xfl-admin', password });
      const el = await mount(client);
      expect($(el, 'form')).to.equal(null);
      await client.auth.logout();
      button(el, '刷新').click();
      await waitUntil(() => $(el, 'form'), 'sign-in form', { timeout: 8000 });
      expect(el.matches(':state(login)')).to.equal(true);
    });

    it('sends one Idempotency-Key per intent, the same on a retry after a network failure', async () => {
      const { password } = await demoLogin();
      const title = `重试测试 ${Date.now() % 100000}`;
      const { id } = await post(title);
      const keys: string[] = [];
      let fail = true;
      const flaky: typeof window.fetch = async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes('/actions')) {
          keys.push(
            new Headers(init?.headers ?? (input as Request).headers).get('idempotency-key')!,
          );
          if (fail) {
            fail = false;
            throw new TypeError('Failed to fetch');
          }
        }
        return window.fetch(input, init);
      };
      const client = http(flaky);
      await client.auth.login({ username: 'xfl-admin', password });
      const el = await mount(client);
      await waitUntil(() => titles(el).includes(title), 'queue', { timeout: 8000 });
      button(item(el, title), '核实通过').click();
      await waitUntil(() => item(el, title).querySelector('[role=alert]'), 'network error');
      expect(item(el, title).querySelector('[role=alert]')!.textContent).to.contain('网络连接失败');
      button(item(el, title), '核实通过').click();
      await waitUntil(() => !titles(el).includes(title), 'approved on retry');
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.be.a('string').and.equal(keys[1]);
      expect((await http().wishes.get(id)).status).to.equal('open');
      await client.auth.logout();
    });
  });
});
