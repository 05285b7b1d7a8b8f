import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/provider.js';
import '../../../../src/define/wish-wall.js';
import type { ClaimReceipt, WishCard } from '../../../../src/features/wishes/model.js';
import {
  SqWishWall,
  VIRTUALIZE_AFTER,
} from '../../../../src/features/wishes/elements/wish-wall/index.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { seedDemo } from '../../../../src/features/core/demo.js';
import { seedDemoWishes } from '../../../../src/features/wishes/demo.js';
import type { Store } from '../../../../src/services/store.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { demoLogin } from '../../../e2e/server.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';
import { emulateDashedStates } from '../../../ui/old-chromium.js';

/** The demo street with its demo wishes (4 public on 幸福里), in memory, for one test. */
async function seeded(): Promise<{ store: Store; client: Client }> {
  const store = createMemoryStore();
  await seedDemo(store);
  await seedDemoWishes(store);
  return { store, client: createClient({ embedded: { store, persistence: false } }) };
}

const root = (wall: SqWishWall) => wall.shadowRoot!;
const cards = (wall: SqWishWall) => [...root(wall).querySelectorAll<HTMLElement>('li.card')];
const cardByTitle = (wall: SqWishWall, title: string) =>
  cards(wall).find((c) => c.querySelector('h3')!.textContent!.includes(title));
const dialog = (wall: SqWishWall) => root(wall).querySelector('dialog')!;

async function mount(client: Client, { lang = 'zh-CN', attrs = '' } = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang} community="xingfuli">
      <sq-wish-wall></sq-wish-wall>
    </sq-provider>`,
  );
  const wall = provider.querySelector('sq-wish-wall')!;
  if (attrs) wall.setAttribute('status', attrs);
  await waitUntil(
    () => wall.shadowRoot?.querySelector('li.card, .notice, [role=alert]'),
    'wall loads',
    {
      timeout: 5000,
    },
  );
  return wall;
}

/** Posts and approves `count` wishes (through the SDK, as residents and staff would). */
async function postMany(store: Store, count: number, title = (i: number) => `心愿 ${i}`) {
  const resident = createClient({ embedded: { store, persistence: false } });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  for (let i = 0; i < count; i++) {
    const delivery = await resident.wishes.post({
      community: 'xingfuli',
      grid: 'xfl-g1',
      category: 'daily',
      title: title(i),
      story: '一个用来测试分页的心愿故事。',
      wisherName: '测试居民',
      phone: '13800000000',
      consent: true,
      publishConsent: true,
    });
    if (delivery.state !== 'delivered') throw new Error('not delivered');
    await staff.wishes.act(delivery.value.id, { action: 'approve' });
  }
}

async function openCard(wall: SqWishWall, title: string) {
  cardByTitle(wall, title)!.querySelector('button')!.click();
  await waitUntil(() => dialog(wall).open, 'dialog opens');
  await wall.updateComplete;
}

async function fillClaim(
  wall: SqWishWall,
  values: { type?: string; name?: string; phone?: string; consent?: boolean },
) {
  const r = root(wall);
  if (values.type) r.querySelector<HTMLInputElement>(`input[value=${values.type}]`)!.click();
  await wall.updateComplete;
  if (values.name !== undefined) r.querySelector<HTMLInputElement>('#name')!.value = values.name;
  if (values.phone !== undefined) r.querySelector<HTMLInputElement>('#phone')!.value = values.phone;
  if (values.consent) r.querySelector<HTMLInputElement>('input[name=consent]')!.click();
}

const submitClaim = async (wall: SqWishWall) => {
  root(wall).querySelector<HTMLButtonElement>('form.claim button.primary')!.click();
  await wall.updateComplete;
};

describe('sq-wish-wall', () => {
  // The virtualizer's ResizeObserver may report "loop completed with undelivered
  // notifications": harmless, by design of the virtualizer (lit/lit#3154), but mocha would
  // count it as a failure. Only that notice is let through.
  let onerror: OnErrorEventHandler;
  before(() => {
    onerror = window.onerror;
    window.onerror = (message, ...rest) =>
      String(message).includes('ResizeObserver loop') ? true : onerror?.(message, ...rest);
  });
  after(() => {
    window.onerror = onerror;
  });

  it('loads English on demand and renders it from the first paint', async () => {
    const { client } = await seeded();
    const wall = await mount(client, { lang: 'en' });
    expect(root(wall).querySelector('h2')!.textContent).to.contain('Wish wall');
    expect(root(wall).textContent).to.contain('Open');
  });

  it('shows cards: title, category, masked wisher, grid, status, public thanks; never a phone', async () => {
    const { client } = await seeded();
    const wall = await mount(client);
    expect(cards(wall).length).to.equal(4);
    const radio = cardByTitle(wall, '收音机')!;
    expect(radio.textContent).to.contain('生活物资');
    expect(radio.textContent).to.contain('心愿人：王奶奶');
    expect(radio.textContent).to.contain('第一网格');
    expect(radio.textContent).to.contain('待认领');
    const books = cardByTitle(wall, '辅导书')!;
    expect(books.textContent).to.contain('心愿人：刘*华');
    expect(books.textContent).to.contain('感谢 李*国（党员）认领');
    const tap = cardByTitle(wall, '水龙头')!;
    expect(tap.textContent).to.contain('感谢 幸福里物业服务中心（单位）认领');
    const text = root(wall).textContent!;
    expect(text).not.to.match(/1[3-9]\d{9}/);
    expect(text).not.to.contain('刘建华');
    expect(text).not.to.contain('李建国');
  });

  it('filters by category, status and grid; says when nothing matches and clears', async () => {
    const { client } = await seeded();
    const wall = await mount(client);
    const choose = async (id: string, value: string) => {
      if (id === 'status' || id === 'category') {
        // Filter chips (radios), one tap each; categories behind 更多筛选.
        root(wall)
          .querySelector<HTMLInputElement>(`input[name=f-${id}][value="${value}"]`)!
          .click();
      } else {
        const select = root(wall).querySelector<HTMLSelectElement>(`#f-${id}`)!;
        select.value = value;
        select.dispatchEvent(new Event('change'));
      }
      await wall.updateComplete;
      await waitUntil(() => !root(wall).querySelector('[aria-busy=true]'), 'filtered');
    };
    await choose('status', 'open');
    expect(cards(wall).map((c) => c.dataset.id).length).to.equal(1);
    expect(wall.status).to.equal('open');
    await choose('status', '');
    await choose('grid', 'xfl-g2');
    expect(cards(wall).length).to.equal(1);
    await choose('category', 'repair');
    expect(cards(wall).length).to.equal(0);
    const notice = root(wall).querySelector('.notice')!;
    expect(notice.textContent).to.contain('没有符合筛选条件的心愿');
    notice.querySelector('button')!.click();
    await waitUntil(() => cards(wall).length === 4, 'filters cleared');
  });

  it('shows a visible 查看并认领 on open cards and a compact filter row: the first screen shows wishes', async () => {
    await setViewport({ width: 375, height: 667 });
    try {
      const { client } = await seeded();
      const wall = await mount(client);
      const card = cardByTitle(wall, '收音机')!;
      const button = card.querySelector('button')!;
      expect(button.textContent!.trim()).to.equal('查看并认领');
      expect(button.getBoundingClientRect().height).to.be.at.least(44);
      // Its name says which wish: "查看并认领 想要一台收音机".
      const names = button
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => root(wall).getElementById(id)!.textContent!.trim());
      expect(names.join(' ')).to.contain('查看并认领').and.contain('收音机');
      // Claimed wishes say 查看详情, not 认领.
      const claimed = cards(wall).find((c) => c.textContent!.includes('已认领'));
      if (claimed)
        expect(claimed.querySelector('button')!.textContent!.trim()).to.equal('查看详情');
      // Category and grid wait behind 更多筛选: the first card starts on the first screen.
      expect(root(wall).querySelector('details')!.open).to.equal(false);
      const first = cards(wall)[0]!.getBoundingClientRect();
      expect(first.top + 120).to.be.below(667);
      // The dialog opens on the wish, not on 关闭.
      button.click();
      await waitUntil(() => dialog(wall).open, 'dialog opens');
      await waitUntil(() => root(wall).activeElement?.id === 'd-title', 'title focused');
      dialog(wall).close();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps a value and a grid in one piece on a phone ("About 80" / "yuan" never split)', async () => {
    await setViewport({ width: 375, height: 667 });
    try {
      const { client } = await seeded();
      const wall = await mount(client, { lang: 'en' });
      await waitUntil(() => cardByTitle(wall, '收音机')?.textContent?.includes('yuan'), 'English');
      const units = [...cardByTitle(wall, '收音机')!.querySelectorAll('.meta .nowrap')];
      expect(units.map((u) => u.textContent)).to.deep.equal(['Grid 1', 'About 80 yuan']);
      for (const unit of units) {
        const range = document.createRange();
        range.selectNodeContents(unit);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        expect(lines.size, unit.textContent!).to.equal(1);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says the count in the language of the page, also after a live switch', async () => {
    const { client } = await seeded();
    const wall = await mount(client);
    const live = () => root(wall).querySelector('[aria-live]')!.textContent!.trim();
    await waitUntil(() => live().includes('个心愿'), 'announced');
    wall.closest('sq-provider')!.setAttribute('lang', 'en');
    await waitUntil(() => /wishes/i.test(live()), `English: ${live()}`);
  });

  it('filters by status with chips: one tab stop, arrow keys move and apply', async () => {
    const { client } = await seeded();
    const wall = await mount(client);
    const chips = [...root(wall).querySelectorAll<HTMLInputElement>('input[name=f-status]')];
    expect(chips.map((c) => c.closest('label')!.textContent!.trim())).to.deep.equal([
      '全部',
      '待认领',
      '已认领',
      '已完成',
      '已评价',
    ]);
    expect(chips[0]!.checked).to.equal(true);
    chips[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => wall.status === 'open', 'open chosen');
    await waitUntil(() => cards(wall).length === 1, 'filtered');
    expect(root(wall).querySelector('.chip.checked')!.textContent).to.contain('待认领');
    expect(smallTargets(wall, 44)).to.deep.equal([]);
    expect(await axeViolations(wall)).to.deep.equal([]);
  });

  it('says when the wall is empty', async () => {
    const store = createMemoryStore();
    await seedDemo(store);
    const wall = await mount(createClient({ embedded: { store, persistence: false } }));
    expect(root(wall).querySelector('.notice')!.textContent).to.contain('心愿墙上还没有心愿');
    // It says what to do: come back when new wishes are approved.
    expect(root(wall).querySelector('.notice')!.textContent).to.contain('请过几天再来看看');
    expect(await axeViolations(wall)).to.deep.equal([]);
  });

  it('pages with 加载更多 (keyset), announces the count and moves focus to the first new card', async () => {
    const { store, client } = await seeded();
    await postMany(store, 8);
    const wall = await mount(client);
    wall.pageSize = 5;
    wall.status = 'open';
    await waitUntil(() => cards(wall).length === 5, 'first page of 5');
    const more = root(wall).querySelector<HTMLButtonElement>('[part=more]')!;
    expect(more.textContent!.trim()).to.equal('加载更多');
    more.click();
    await waitUntil(() => cards(wall).length === 9, 'second page');
    expect(root(wall).querySelector('[part=more]')).to.equal(null);
    expect(root(wall).activeElement).to.equal(cards(wall)[5]!.querySelector('button'));
    expect(root(wall).querySelector('[aria-live]')!.textContent).to.contain('共显示 9 个心愿');
    const ids = cards(wall).map((c) => c.dataset.id);
    expect(new Set(ids).size).to.equal(9);
  });

  it('claims a wish in a modal dialog with the keyboard: focus trapped, Esc closes, focus restored', async () => {
    const { client } = await seeded();
    const wall = await mount(client);
    const button = cardByTitle(wall, '收音机')!.querySelector('button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(wall).open, 'dialog opens');
    await wall.updateComplete;
    expect(dialog(wall).querySelector('#d-title')!.textContent).to.contain('收音机');
    expect(dialog(wall).textContent).to.contain('老伴走后一个人住');
    // Tab stays inside the dialog (the page behind is inert).
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = root(wall).activeElement;
      if (active) expect(dialog(wall).contains(active)).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(wall).open, 'Esc closes');
    expect(root(wall).activeElement).to.equal(button);

    // Now claim it for real, keyboard only.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(wall).open, 'dialog opens again');
    await wall.updateComplete;
    root(wall).querySelector<HTMLInputElement>('input[value=volunteer]')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '张三丰' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '138 1234 5678' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    const claimed = oneEvent(wall, 'sq-claimed');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = await claimed;
    expect(event.detail.card.status).to.equal('claimed');
    expect(event.detail.card.claimer).to.deep.equal({ type: 'volunteer', name: '张*丰' });
    await wall.updateComplete;
    const success = dialog(wall).querySelector('.success')!;
    expect(success.textContent).to.contain('认领成功');
    // Shown in two groups of four, as the other receipts' codes.
    const grouped = `${event.detail.claimCode.slice(0, 4)} ${event.detail.claimCode.slice(4)}`;
    expect(success.querySelector('.code strong')!.textContent).to.equal(grouped);
    expect(dialog(wall).textContent).not.to.contain('13812345678');
    expect(dialog(wall).querySelector('form')).to.equal(null);
    dialog(wall).querySelector<HTMLButtonElement>('.close')!.click();
    await waitUntil(() => !dialog(wall).open);
    expect(cardByTitle(wall, '收音机')!.textContent).to.contain('感谢 张*丰（志愿者）认领');
    expect(root(wall).activeElement).to.equal(cardByTitle(wall, '收音机')!.querySelector('button'));
  });

  it('validates the claim with the domain schema: summary, messages, focus to the first invalid', async () => {
    const { client } = await seeded();
    const wall = await mount(client);
    await openCard(wall, '收音机');
    await fillClaim(wall, { phone: '12345678901' });
    await submitClaim(wall);
    await waitUntil(() => root(wall).querySelector('.summary'), 'summary');
    const summary = root(wall).querySelector('.summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.textContent).to.contain('请修改以下 3 处');
    const name = root(wall).querySelector('#name')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(root(wall).querySelector('#name-error')!.textContent).to.contain('请填写姓名或单位名称');
    expect(root(wall).querySelector('#phone-error')!.textContent).to.contain('请填写正确的手机号');
    // The landline example never splits at its hyphen ("010-" / "12345678"): a non-breaking one.
    expect(root(wall).querySelector('#phone-error')!.textContent).to.contain('010\u201112345678');
    expect(root(wall).querySelector('#consent-error')!.textContent).to.contain('请阅读并同意');
    expect(root(wall).activeElement).to.equal(name);
    expect(await axeViolations(wall)).to.deep.equal([]);
  });

  it('says 已被认领 when someone else was first, and refreshes the card', async () => {
    const { store, client } = await seeded();
    const wall = await mount(client);
    await openCard(wall, '收音机');
    await fillClaim(wall, {
      type: 'unit',
      name: '春风志愿服务队',
      phone: '13800001111',
      consent: true,
    });
    expect(root(wall).querySelector('label[for=name]')!.textContent).to.contain('单位名称');
    // Someone else claims it first.
    const other = createClient({ embedded: { store, persistence: false } });
    const id = cardByTitle(wall, '收音机')!.dataset.id!;
    await other.wishes.claim(id, {
      claimerType: 'party_member',
      name: '赵六',
      phone: '13900001111',
      consent: true,
    });
    await submitClaim(wall);
    await waitUntil(() => dialog(wall).querySelector('[role=alert]'), 'conflict shown');
    expect(dialog(wall).querySelector('[role=alert]')!.textContent).to.contain('已被认领');
    await waitUntil(
      () => cardByTitle(wall, '收音机')!.textContent!.includes('已认领'),
      'card refreshed',
    );
    expect(cardByTitle(wall, '收音机')!.textContent).to.contain('感谢 赵*（党员）认领');
    expect(dialog(wall).querySelector('form')).to.equal(null);
  });

  it('renders on Chromium 90–124, whose CustomStateSet takes only `--name` (WeChat XWeb)', async () => {
    const old = emulateDashedStates();
    try {
      const { client } = await seeded();
      const wall = await mount(client);
      expect(cards(wall).length).to.equal(4);
      expect(old.added).to.include('--loading');
      await openCard(wall, '收音机');
      expect(dialog(wall).querySelector('form.claim')).to.not.equal(null);
      dialog(wall).close();
    } finally {
      old.restore();
    }
  });

  it('a retry of the same claim after a lost answer replays its receipt (same Idempotency-Key)', async function () {
    this.timeout(40000);
    const { password } = await demoLogin();
    const staff = createClient({ baseUrl: '/api/v1', outbox: false, credentials: 'omit' });
    await staff.auth.login({ username: 'xfl-admin', password });
    const title = `收音机 ${Date.now() % 100000}`;
    const posted = await staff.wishes.post({
      community: 'xingfuli',
      grid: 'xfl-g1',
      category: 'daily',
      title,
      story: '想听听戏曲和新闻，一个人住有点闷。',
      wisherName: '王秀英',
      phone: '13800000001',
      consent: true,
      publishConsent: true,
    });
    if (posted.state !== 'delivered') throw new Error('not delivered');
    await staff.wishes.act(posted.value.id, { action: 'approve' });
    await staff.auth.logout();
    // The server commits the first claim, then its answer is lost on the way back.
    const keys: string[] = [];
    let lose = true;
    const lossy: typeof window.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/claim')) return window.fetch(input, init);
      keys.push(new Headers(init?.headers).get('idempotency-key')!);
      const response = await window.fetch(input, init);
      if (lose) {
        lose = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const client = createClient({
      baseUrl: '/api/v1',
      outbox: false,
      credentials: 'omit',
      retry: { attempts: 1 },
      fetch: lossy,
    });
    const wall = await mount(client, { attrs: 'open' });
    await waitUntil(() => cardByTitle(wall, title), 'card', { timeout: 20000 });
    await openCard(wall, title);
    await fillClaim(wall, {
      type: 'volunteer',
      name: '张三丰',
      phone: '13812345678',
      consent: true,
    });
    await submitClaim(wall);
    await waitUntil(() => dialog(wall).querySelector('[role=alert]'), 'answer lost', {
      timeout: 10000,
    });
    expect(dialog(wall).querySelector('[role=alert]')!.textContent).to.contain('网络连接失败');
    let receipt: ClaimReceipt | undefined;
    wall.addEventListener('sq-claimed', (e) => (receipt = e.detail), { once: true });
    await submitClaim(wall);
    await waitUntil(() => receipt || dialog(wall).textContent!.includes('已被认领'), 'answered', {
      timeout: 10000,
    });
    await wall.updateComplete;
    expect(keys[1]).to.equal(keys[0]);
    expect(dialog(wall).textContent).not.to.contain('已被认领');
    expect(dialog(wall).querySelector('.success')!.textContent!.replace(/\s/g, '')).to.contain(
      receipt!.claimCode,
    );
    dialog(wall).close();
  });

  it('shows a load failure with a retry', async () => {
    const client = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: { attempts: 1 },
      outbox: false,
    });
    const wall = await mount(client);
    await waitUntil(() => root(wall).querySelector('[role=alert]'), 'alert', { timeout: 8000 });
    const alert = root(wall).querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('无法加载心愿');
    expect(alert.textContent).to.contain('网络连接失败');
    // Two Chinese sentences joined without a space ("…心愿。 网络…" had one).
    expect(alert.textContent).to.contain('无法加载心愿。网络连接失败');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('重试');
    expect(await axeViolations(wall)).to.deep.equal([]);
  });

  it(`virtualizes past ${VIRTUALIZE_AFTER} cards: few nodes, and one card change re-renders in place`, async () => {
    const { client } = await seeded();
    const wall = await mount(client);
    const base = wall.items[0]!;
    const many: WishCard[] = Array.from({ length: 2000 }, (_, i) => ({
      ...base,
      id: `w${i}`,
      title: `心愿 ${i}`,
    }));
    wall.items = many;
    await waitUntil(
      () => wall.matches(':state(virtualized)') && cards(wall).length > 0,
      'virtualized',
      { timeout: 5000 },
    );
    expect(cards(wall).length).to.be.below(60);
    expect(root(wall).querySelectorAll('*').length).to.be.below(800);
    wall.items = many.map((c, i) => (i === 1 ? { ...c, title: '改过的心愿' } : c));
    await waitUntil(() => cardByTitle(wall, '改过的心愿'), 'changed card');
    expect(cardByTitle(wall, '心愿 0')).to.not.equal(undefined);
  });

  it('renders hostile text as inert text', async () => {
    const { store, client } = await seeded();
    await postMany(store, XSS_PAYLOADS.length, (i) => XSS_PAYLOADS[i]!.slice(0, 30));
    const wall = await mount(client);
    wall.status = 'open';
    await waitUntil(() => cards(wall).length === XSS_PAYLOADS.length + 1);
    await openCard(wall, XSS_PAYLOADS[1].slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(wall).querySelector('img, script, svg')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    dialog(wall).close();
  });

  for (const care of [false, true]) {
    it(`is axe-clean with target-size and has ${care ? '60' : '44'}px targets (${care ? 'care' : 'default'} mode), list and dialog`, async () => {
      const { client } = await seeded();
      const wall = await mount(client);
      if (care) wall.care = true;
      await wall.updateComplete;
      await expect(wall).to.be.accessible();
      expect(await axeViolations(wall)).to.deep.equal([]);
      expect(smallTargets(wall, care ? 60 : 44)).to.deep.equal([]);
      const body = parseFloat(getComputedStyle(root(wall).querySelector('.meta')!).fontSize);
      expect(body).to.be.at.least(care ? 18 : 16);
      if (care) {
        expect(
          parseFloat(getComputedStyle(root(wall).querySelector('h2')!).fontSize),
        ).to.be.at.least(30);
      }
      await openCard(wall, '收音机');
      await submitClaim(wall);
      await waitUntil(() => root(wall).querySelector('.summary'));
      expect(await axeViolations(wall)).to.deep.equal([]);
      expect(smallTargets(wall, care ? 60 : 44)).to.deep.equal([]);
      dialog(wall).close();
    });
  }

  it('fits 320px at 200% text size without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const { client } = await seeded();
      const wall = await mount(client, { lang: 'en' });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await openCard(wall, '收音机');
      expect(dialog(wall).scrollWidth).to.be.at.most(dialog(wall).clientWidth + 1);
      dialog(wall).close();
      // Filtered to nothing, with 更多筛选 open (its category chips and grid select shown).
      wall.setAttribute('category', 'repair');
      wall.setAttribute('status', 'open');
      await waitUntil(() => root(wall).querySelector('.notice'), 'nothing matches', {
        timeout: 5000,
      });
      await new Promise((r) => setTimeout(r, 300));
      const wide = [...root(wall).querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > 321)
        .map(
          (e) => `${e.localName}#${e.id} ends at ${Math.round(e.getBoundingClientRect().right)}px`,
        );
      expect(wide).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });
});
