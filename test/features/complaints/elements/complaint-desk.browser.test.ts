import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/complaint-desk.js';
import '../../../../src/define/provider.js';
import '../../../../src/define/wish-review.js';
import type { SqComplaintDesk } from '../../../../src/features/complaints/elements/complaint-desk/index.js';
import { ApiError, createClient, type Client } from '../../../../src/sdk/index.js';
import type { ComplaintInput } from '../../../../src/features/complaints/model.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import type { Store } from '../../../../src/services/store.js';
import { demoLogin, serverReady } from '../../../e2e/server.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

import { PNG } from '../../../fixtures/images.js';

/** Staff (李秀英 of 幸福里) and a resident on one in-memory store: the real embedded transport. */
function world() {
  const store: Store = createMemoryStore();
  const staff = createClient({ embedded: { store, actor: 'xfl-admin' } });
  // A resident who wrote in January: those cases are long overdue now.
  const january = createClient({
    embedded: { store, clock: { now: () => new Date('2026-01-05T02:00:00Z') } },
  });
  const resident = createClient({ embedded: { store } });
  return { store, staff, january, resident };
}

async function submit(client: Client, description: string, extra: Partial<ComplaintInput> = {}) {
  const delivery = await client.complaints.submit({
    community: 'xingfuli',
    category: 'noise',
    description,
    location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2' },
    contact: { name: '张三丰', phone: '13812345678' },
    consent: true,
    ...extra,
  });
  if (delivery.state !== 'delivered') throw new Error('not delivered');
  return delivery.value;
}

const root = (desk: SqComplaintDesk) => desk.shadowRoot!;
const $ = <E extends Element = HTMLElement>(desk: SqComplaintDesk, selector: string) =>
  root(desk).querySelector<E & HTMLElement>(selector);
const rows = (desk: SqComplaintDesk) => [...root(desk).querySelectorAll<HTMLElement>('[part=row]')];
const listed = (desk: SqComplaintDesk) =>
  waitUntil(() => $(desk, '.list')?.getAttribute('aria-busy') === 'false', 'list loaded', {
    timeout: 5000,
  });
const status = (desk: SqComplaintDesk) =>
  [...root(desk).querySelectorAll('[role=status]')].map((s) => s.textContent).join(' ');

async function mount(client: Client, { lang = 'zh-CN', care = false } = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang} ?care=${care}>
      <sq-complaint-desk></sq-complaint-desk>
    </sq-provider>`,
  );
  return provider.querySelector('sq-complaint-desk')!;
}

async function openCase(desk: SqComplaintDesk, ticket: string) {
  const row = rows(desk).find((r) => r.textContent!.includes(ticket))!;
  row.click();
  await waitUntil(() => $(desk, '#case')?.textContent?.includes(ticket), 'detail open');
}

async function choose(desk: SqComplaintDesk, action: string) {
  const button = [
    ...root(desk).querySelectorAll<HTMLButtonElement>('[aria-controls=action-form]'),
  ].find((b) => b.textContent!.trim() === action);
  if (!button) throw new Error(`no action ${action}`);
  button.click();
  await waitUntil(() => $(desk, '#action-form'), 'action form');
}

function fill(desk: SqComplaintDesk, id: string, value: string) {
  const field = $<HTMLInputElement>(desk, `#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

async function send(desk: SqComplaintDesk) {
  $<HTMLButtonElement>(desk, '#action-form .primary')!.click();
  await desk.updateComplete;
}

async function accessible(desk: SqComplaintDesk, min: number) {
  expect(await axeViolations(desk)).to.deep.equal([]);
  expect(smallTargets(desk, min)).to.deep.equal([]);
}

describe('sq-complaint-desk', () => {
  // First in the file: English is not loaded yet in this page.
  it('loads English on demand and renders it from the first paint', async () => {
    const { staff } = world();
    const desk = await mount(staff, { lang: 'en' });
    await listed(desk);
    expect($(desk, 'h2')!.textContent).to.contain('Residents’ concerns desk');
    expect(root(desk).textContent).to.contain('Signed in as 李秀英');
    expect($(desk, 'label[for=f-status]')!.textContent).to.equal('Status');
  });

  it('lists the community’s cases: ticket, category, status, due date, overdue flag', async () => {
    const { staff, january, resident } = world();
    const old = await submit(january, '一月份反映的噪音问题，一直没人处理。');
    const fresh = await submit(resident, '楼道里堆满了杂物，挡住了消防通道。', {
      category: 'fire-safety',
    });
    const desk = await mount(staff);
    await listed(desk);
    // By due date, the most urgent first (the overdue January case), with days left or late.
    expect(rows(desk).map((r) => r.dataset.id)).to.deep.equal([old.id, fresh.id]);
    const [first, second] = rows(desk).map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(first).to.contain(old.ticket).and.contain('噪音扰民').and.contain('已超期');
    expect(first).to.match(/超期 \d+ 天/);
    expect(second).to.contain(fresh.ticket).and.contain('消防安全').and.contain('已受理');
    expect(second).to.contain('办理期限').and.not.contain('已超期');
    expect(second).to.match(/还剩 \d+ 天|今天到期/);
    // Who handles it and where: 未分派 until 派单, the grid's name.
    expect(second).to.contain('未分派').and.contain('第一网格');
    expect(status(desk)).to.contain('已显示 2 件');
    await accessible(desk, 44);
  });

  it('says the count in the page’s language, also after a live switch to English', async () => {
    const { staff, resident } = world();
    await submit(resident, '楼道里堆满了杂物，挡住了消防通道。');
    const desk = await mount(staff);
    await listed(desk);
    expect(status(desk)).to.contain('已显示 1 件');
    desk.closest('sq-provider')!.setAttribute('lang', 'en');
    await waitUntil(() => status(desk).includes('1 cases shown'), 'English count', {
      timeout: 5000,
    });
    expect(status(desk)).to.not.match(/已显示/);
  });

  it('filters by status, category, grid and overdue, and says when nothing matches', async () => {
    const { staff, january, resident } = world();
    const old = await submit(january, '一月份反映的噪音问题，一直没人处理。');
    await submit(resident, '楼道里堆满了杂物，挡住了消防通道。', {
      category: 'fire-safety',
      location: { community: 'xingfuli', grid: 'xfl-g2' },
    });
    const desk = await mount(staff);
    await listed(desk);
    const set = async (id: string, value: string | boolean) => {
      const control = $<HTMLInputElement>(desk, id)!;
      if (typeof value === 'boolean') control.checked = value;
      else control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => $(desk, '.list')?.getAttribute('aria-busy') === 'true').catch(() => {});
      await listed(desk);
    };
    await set('#f-category', 'noise');
    expect(rows(desk).map((r) => r.dataset.id)).to.deep.equal([old.id]);
    await set('#f-category', '');
    await set('#f-grid', 'xfl-g2');
    expect(rows(desk)).to.have.length(1);
    await set('#f-grid', '');
    await set('[name=overdue]', true);
    expect(rows(desk).map((r) => r.dataset.id)).to.deep.equal([old.id]);
    await set('#f-status', 'transferred');
    expect(rows(desk)).to.have.length(0);
    expect(status(desk)).to.contain('没有符合条件的诉求。');
    // An empty list says what to do.
    expect(status(desk)).to.contain('可以换个筛选条件');
    await accessible(desk, 44);
  });

  it('refreshes the list: a case a resident submits meanwhile appears', async () => {
    const { staff, resident } = world();
    await submit(resident, '第一件：楼道灯坏了一个星期。');
    const desk = await mount(staff);
    await listed(desk);
    expect(rows(desk).length).to.equal(1);
    const later = await submit(resident, '第二件：小区门口的井盖松动了。');
    const refresh = [...root(desk).querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === '刷新列表',
    )!;
    refresh.click();
    await waitUntil(() => rows(desk).length === 2, 'the new case is listed');
    expect(rows(desk).some((r) => r.dataset.id === later.id)).to.equal(true);
    expect(status(desk)).to.contain('2');
  });

  it('pages with 加载更多 (keyset)', async () => {
    const { staff, resident } = world();
    for (let i = 0; i < 23; i++) await submit(resident, `第 ${i} 件：路灯坏了，晚上看不清路。`);
    const desk = await mount(staff);
    await listed(desk);
    expect(rows(desk)).to.have.length(20);
    const more = [...root(desk).querySelectorAll('button')].find((b) =>
      b.textContent!.includes('加载更多'),
    )!;
    more.click();
    await waitUntil(() => rows(desk).length === 23, 'second page');
    expect(new Set(rows(desk).map((r) => r.dataset.id)).size).to.equal(23);
    expect(root(desk).textContent).not.to.contain('加载更多');
  });

  it('opens a case with the keyboard, shows it all, and goes back to the same row', async () => {
    const { staff, resident } = world();
    const photo = await resident.uploads.create(new Blob([PNG], { type: 'image/png' }));
    const one = await submit(resident, '楼下的垃圾桶满了三天，没人清理。', {
      category: 'property',
      answers: { reported: '跟物业说过两次，没有回音。' },
      photos: [photo.id],
    });
    await submit(resident, '第二件：电梯经常停运，老人上下楼困难。');
    const desk = await mount(staff);
    await listed(desk);
    const row = rows(desk).find((r) => r.dataset.id === one.id)!;
    row.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(desk).activeElement?.id === 'case', 'heading focused');
    const text = $(desk, '[part=detail]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(one.ticket).and.contain('物业管理').and.contain('已受理');
    // The category's question as the resident read it, with the answer.
    expect(text)
      .to.contain('是否已向物业反映过？结果如何？')
      .and.contain('跟物业说过两次，没有回音。');
    expect(text).to.contain('楼下的垃圾桶满了三天').and.contain('幸福里社区 · 第一网格 · 2号楼');
    // Each part of the place kept whole on its line, the separator after it ("2号楼", not "2" /
    // "号楼"; never a line starting with "·").
    expect(
      [...root(desk).querySelectorAll('[part=detail] dd .part')].map((p) => p.textContent),
    ).to.deep.equal(['幸福里社区 ·', '第一网格 ·', '2号楼']);
    expect(getComputedStyle($(desk, '[part=detail] .part')!).display).to.equal('inline-block');
    // Staff see the contact in full.
    expect(text).to.contain('张三丰 13812345678');
    expect(text).to.contain('办理记录').and.contain('提交诉求').and.contain('居民');
    // The action and its new status one unit, so no line of the history starts with →.
    expect($(desk, '.history .part')!.textContent).to.equal('提交诉求 → 已受理');
    await waitUntil(() => $(desk, '.photos img'), 'photo shown');
    const img = $<HTMLImageElement>(desk, '.photos img')!;
    expect(img.alt).to.equal('照片 1（共 1 张）');
    expect(img.src).to.match(/^blob:/);
    await accessible(desk, 44);

    // Leaving the case revokes the photo's object URL and puts focus back on its row.
    const revoked: string[] = [];
    const original = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      original(url);
    };
    try {
      const back = [...root(desk).querySelectorAll('button')].find((b) =>
        b.textContent!.includes('返回列表'),
      )!;
      back.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => root(desk).activeElement?.getAttribute('data-id') === one.id,
        'row focused',
      );
      expect(revoked).to.deep.equal([img.src]);
      expect($(desk, '[part=detail]')).to.equal(null);
    } finally {
      URL.revokeObjectURL = original;
    }
  });

  it('offers only the actions legal in the status and takes a case to 已办结', async () => {
    const { staff, resident } = world();
    const one = await submit(resident, '小区门口的路灯坏了一个星期。');
    const desk = await mount(staff);
    await listed(desk);
    await openCase(desk, one.ticket);
    const offered = () =>
      [...root(desk).querySelectorAll('[aria-controls=action-form]')].map((b) =>
        b.textContent!.trim(),
      );
    expect(offered()).to.deep.equal(['派单', '回复居民', '内部备注', '退回', '转办', '延期']);
    const primary = () =>
      [...root(desk).querySelectorAll('[aria-controls=action-form].primary')]
        .map((b) => b.textContent!.trim())
        .join();
    expect(primary()).to.equal('派单');

    // Assign: nothing chosen → the error, focus on the field; then a named handler.
    await choose(desk, '派单');
    expect(root(desk).activeElement?.id).to.equal('f-handler');
    await send(desk);
    expect($(desk, '#e-handler')!.textContent).to.contain('请选择本社区的工作人员');
    expect($(desk, '#f-handler')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(desk, '#action-form [role=alert]')).not.to.equal(null);
    const handler = $<HTMLSelectElement>(desk, '#f-handler')!;
    expect([...handler.options].map((o) => o.text)).to.include.members(['李秀英', '王建国']);
    handler.value = 'demo-xfl-grid';
    await send(desk);
    await waitUntil(() => status(desk).includes('已派单给 王建国'), 'announced');
    // The likely next step is the primary button: 派单 for a new case, then 开始处理.
    expect(primary()).to.equal('开始处理');
    expect(offered()).to.deep.equal([
      '派单',
      '开始处理',
      '回复居民',
      '内部备注',
      '退回',
      '转办',
      '延期',
    ]);
    expect(root(desk).activeElement?.id).to.equal('case');

    await choose(desk, '开始处理');
    await send(desk);
    await waitUntil(() => $(desk, '#case')!.textContent!.includes('处理中'));

    await choose(desk, '内部备注');
    expect($(desk, '#h-text')!.textContent).to.contain('只有工作人员能看到');
    fill(desk, 'f-text', '已联系物业电工，明天上午维修。');
    await send(desk);
    await waitUntil(() => status(desk).includes('已添加内部备注'));

    await choose(desk, '延期');
    fill(desk, 'f-days', '40');
    await send(desk);
    expect($(desk, '#e-days')!.textContent).to.contain('1 到 30');
    expect($(desk, '#e-reason')!.textContent).to.contain('请填写内容');
    expect(root(desk).activeElement?.id).to.equal('f-days');
    fill(desk, 'f-days', '2');
    fill(desk, 'f-reason', '需要等配件。');
    await send(desk);
    await waitUntil(() => status(desk).includes('已延期'));

    await choose(desk, '办结');
    fill(desk, 'f-text', '路灯已修好。');
    await send(desk);
    await waitUntil(() => $(desk, '#case')!.textContent!.includes('已办结'));
    expect(offered()).to.deep.equal(['回复居民', '内部备注']);
    const history = $(desk, '[part=history]')!;
    expect(history.querySelectorAll('li')).to.have.length(6);
    const internal = history.querySelector('li.internal')!;
    expect(internal.textContent).to.contain('已联系物业电工').and.contain('内部');
    expect(history.textContent).to.contain('王建国').and.contain('需要等配件');

    // The list row follows without a reload.
    const back = [...root(desk).querySelectorAll('button')].find((b) =>
      b.textContent!.includes('返回列表'),
    )!;
    back.click();
    await waitUntil(() => $(desk, '[part=detail]') === null);
    expect(rows(desk)[0]!.textContent).to.contain('已办结');

    // The resident sees the public reply and the resolution, not the note.
    const view = await resident.complaints.track(one.ticket, one.queryCode);
    expect(JSON.stringify(view)).not.to.contain('物业电工');
  });

  it('shows list and case side by side at ≥ 960px, the case alone on a phone; the phone is a tel: link', async () => {
    const { staff, resident } = world();
    const one = await submit(resident, '小区门口的路灯坏了一个星期。');
    await setViewport({ width: 1280, height: 800 });
    try {
      const desk = await mount(staff);
      await listed(desk);
      await openCase(desk, one.ticket);
      const list = $(desk, '[part=list]')!.getBoundingClientRect();
      const detail = $(desk, '[part=detail]')!.getBoundingClientRect();
      expect(list.width).to.be.above(0);
      expect(detail.left).to.be.at.least(list.right);
      const row = rows(desk).find((r) => r.dataset.id === one.id)!;
      expect(row.getAttribute('aria-current')).to.equal('true');
      const tel = $<HTMLAnchorElement>(desk, '[part=detail] a[href^="tel:"]')!;
      expect(tel.getAttribute('href')).to.equal('tel:13812345678');
      // One date format: the received time reads like the due date ("2026年12月5日 21:09").
      const text = $(desk, '[part=detail] dl')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.match(/受理时间 ?\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
      expect(text).not.to.match(/\d{4}\/\d/);
      await setViewport({ width: 375, height: 667 });
      await desk.updateComplete;
      expect($(desk, '[part=list]')!.getBoundingClientRect().width).to.equal(0);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows a server refusal (invalid_transition) in the form and keeps the text', async () => {
    const { staff, resident } = world();
    const one = await submit(resident, '小区门口的路灯坏了一个星期。');
    const desk = await mount(staff);
    await listed(desk);
    await openCase(desk, one.ticket);
    await choose(desk, '退回');
    // Meanwhile a colleague transfers the case.
    await staff.complaints.act(one.id, { action: 'transfer', to: '区城管局' });
    $<HTMLSelectElement>(desk, '#f-reason')!.value = 'duplicate';
    await send(desk);
    await waitUntil(() => $(desk, '#action-form [role=alert]'), 'error shown');
    expect($(desk, '#action-form [role=alert]')!.textContent).to.contain(
      '当前状态下不能进行此操作',
    );
    expect($<HTMLSelectElement>(desk, '#f-reason')!.value).to.equal('duplicate');
    await accessible(desk, 44);
    // Refresh shows the new status and the actions it allows.
    const refresh = [...root(desk).querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === '刷新',
    )!;
    refresh.click();
    await waitUntil(() => $(desk, '#case')!.textContent!.includes('已转办'));
    expect(root(desk).querySelectorAll('[aria-controls=action-form]')).to.have.length(1);
  });

  it('renders residents’ text inert', async () => {
    const { staff, resident } = world();
    (window as { __xss?: number }).__xss = undefined;
    for (const payload of XSS_PAYLOADS) {
      await submit(resident, `${payload} 这是一段测试文字`, {
        contact: { name: payload.slice(0, 30), phone: '13812345678' },
        location: { community: 'xingfuli', text: payload },
      });
    }
    const desk = await mount(staff);
    await listed(desk);
    for (const row of rows(desk)) {
      row.click();
      await waitUntil(() => $(desk, '#case'));
      await desk.updateComplete;
    }
    const last = rows(desk).at(-1)!.querySelector('strong')!.textContent!;
    await waitUntil(() => $(desk, '#case')!.textContent!.includes(last), 'the last case shown');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(root(desk).querySelectorAll('script, svg, img')).to.have.length(0);
    expect($(desk, '[part=detail]')!.textContent).to.contain('<');
  });

  it('asks for a login when the client has no staff session (embedded without actor)', async () => {
    const desk = await mount(createClient({ embedded: { persistence: false } }));
    await waitUntil(() => $(desk, '[part=login]'), 'login form');
    expect($(desk, 'label[for=f-username]')!.textContent).to.equal('用户名');
    expect(root(desk).textContent).to.contain('本页是演示模式');
    $<HTMLButtonElement>(desk, '[part=login] button')!.click();
    await desk.updateComplete;
    expect($(desk, '#f-username-error')!.textContent).to.contain('请填写用户名');
    expect($(desk, '#f-password-error')!.textContent).to.contain('请填写密码');
    expect(root(desk).activeElement?.id).to.equal('f-username');
    await accessible(desk, 44);
  });

  it('keeps a signed-in desk when the client is swapped and the old client answers late (no 登录已过期)', async () => {
    const { staff } = world();
    let answer!: () => void;
    const late = new Promise<void>((resolve) => (answer = resolve));
    // The client in force first (the embedded default, say): its me() answers 401, late.
    const first: Client = {
      ...createClient({ embedded: { persistence: false } }),
      auth: {
        ...staff.auth,
        me: () =>
          late.then(() => {
            throw new ApiError('unauthorized');
          }),
      },
    };
    const desk = await mount(first);
    const provider = desk.closest('sq-provider') as HTMLElement & { client: Client };
    provider.client = staff; // Set by script after the desk upgraded.
    await listed(desk);
    answer();
    await new Promise((r) => setTimeout(r, 50));
    await desk.updateComplete;
    expect($(desk, '[part=login]')).to.equal(null);
    expect(root(desk).textContent).not.to.contain('登录已过期');
    expect($(desk, '[part=header]')!.textContent).to.contain('李秀英');
  });

  it('shows a load failure with a retry when the server cannot be reached', async () => {
    const client = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: { attempts: 1 },
      outbox: false,
    });
    const desk = await mount(client);
    await waitUntil(() => $(desk, '[role=alert]'), 'alert', { timeout: 8000 });
    expect($(desk, '[role=alert]')!.textContent).to.contain('网络连接失败');
    expect(
      [...root(desk).querySelectorAll('[role=alert] button')].map((b) => b.textContent!.trim()),
    ).to.deep.equal(['重试']);
    await accessible(desk, 44);
  });

  it('shows 三率 for a period in its own tab, loaded on demand', async () => {
    const { staff, resident } = world();
    const one = await submit(resident, '小区门口的路灯坏了一个星期。');
    await staff.complaints.act(one.id, { action: 'reply', text: '收到，马上安排。' });
    await submit(resident, '楼道里堆满了杂物，挡住了消防通道。', { category: 'fire-safety' });
    const desk = await mount(staff);
    await listed(desk);
    const tab = [...root(desk).querySelectorAll<HTMLElement>('nav button')].find((b) =>
      b.textContent!.includes('三率'),
    )!;
    tab.click();
    await waitUntil(() => customElements.get('sq-complaint-metrics'), 'metrics defined');
    const metrics = $(desk, 'sq-complaint-metrics')!;
    await waitUntil(() => metrics.shadowRoot?.querySelector('[part=figures]'), 'figures', {
      timeout: 5000,
    });
    const figures = metrics
      .shadowRoot!.querySelector('[part=figures]')!
      .textContent!.replace(/\s+/g, '');
    expect(figures).to.contain('受理2').and.contain('响应率50%').and.contain('满意率无数据');
    expect(metrics.shadowRoot!.querySelector('[part=categories]')!.textContent)
      .to.contain('噪音扰民')
      .and.contain('消防安全');
    expect(tab.getAttribute('aria-pressed')).to.equal('true');
    expect(await axeViolations(desk)).to.deep.equal([]);
    expect(smallTargets(metrics, 44)).to.deep.equal([]);

    // A period that ends before it starts.
    const from = metrics.shadowRoot!.querySelector<HTMLInputElement>('#from')!;
    const to = metrics.shadowRoot!.querySelector<HTMLInputElement>('#to')!;
    from.value = '2026-03-10';
    to.value = '2026-03-01';
    metrics.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => metrics.shadowRoot!.querySelector('#invalid'));
    expect(metrics.shadowRoot!.querySelector('#invalid')!.textContent).to.contain(
      '结束日期不能早于开始日期',
    );
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    to.value = '2026-03-31';
    metrics.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => metrics.shadowRoot!.textContent!.includes('这段时间没有受理的诉求'));
  });

  it('is accessible in care mode with 60px targets, at 320px', async () => {
    const { staff, resident } = world();
    const one = await submit(resident, '小区门口的路灯坏了一个星期。');
    await setViewport({ width: 320, height: 640 });
    try {
      const desk = await mount(staff, { care: true });
      await listed(desk);
      expect(getComputedStyle(rows(desk)[0]!).fontSize).to.equal('18px');
      await accessible(desk, 60);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await openCase(desk, one.ticket);
      await choose(desk, '转办');
      await send(desk);
      expect($(desk, '#e-to')!.textContent).to.contain('请填写转办单位');
      await accessible(desk, 60);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('sq-complaint-desk over HTTP on the real server', () => {
  before(serverReady);

  it('shares its sign-in with a <sq-wish-review> on the same page: one question, one sign-in', async function () {
    this.timeout(60_000);
    const asked: string[] = [];
    const counting: typeof window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/auth/me')) asked.push(url);
      return window.fetch(input, init);
    };
    const client = createClient({
      baseUrl: '/api/v1',
      outbox: false,
      credentials: 'omit',
      fetch: counting,
    });
    const provider = await fixture<HTMLElement>(
      html`<sq-provider .client=${client} lang="zh-CN">
        <sq-complaint-desk></sq-complaint-desk>
        <sq-wish-review></sq-wish-review>
      </sq-provider>`,
    );
    const desk = provider.querySelector('sq-complaint-desk')!;
    const review = provider.querySelector('sq-wish-review')!;
    await waitUntil(() => $(desk, '[part=login]'), 'desk asks to sign in', { timeout: 10_000 });
    await waitUntil(() => review.shadowRoot!.querySelector('[part=login]'), 'review too');
    expect(asked.length).to.equal(1);
    fill(desk, 'f-username', 'xfl-admin');
    fill(desk, 'f-password', (await demoLogin()).password);
    $<HTMLButtonElement>(desk, '[part=login] button')!.click();
    await listed(desk);
    await waitUntil(
      () => review.shadowRoot!.querySelector('.who')?.textContent?.includes('李秀英'),
      'the review is signed in too',
      { timeout: 10_000 },
    );
    expect(review.shadowRoot!.querySelector('[part=login]')).to.equal(null);
    expect(asked.length).to.equal(1);
    // Signing out on the review signs the desk out too.
    [...review.shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent!.includes('退出'))!
      .click();
    await waitUntil(() => $(desk, '[part=login]'), 'desk signed out', { timeout: 10_000 });
    await client.close();
  });

  it('logs in with the form, works a case, shows 三率 and logs out', async function () {
    this.timeout(60_000);
    // A resident's browser has no staff session: no cookie rides along.
    const resident = createClient({ baseUrl: '/api/v1', outbox: false, credentials: 'omit' });
    const one = await submit(resident, '单元门的门禁坏了，陌生人随便进出。');
    const el = await fixture<SqComplaintDesk>(
      html`<sq-complaint-desk api-base="/api/v1"></sq-complaint-desk>`,
    );
    const desk = el;
    await waitUntil(() => $(desk, '[part=login]'), 'login form', { timeout: 10_000 });
    expect(root(desk).textContent).not.to.contain('演示模式');
    const login = async (password: string) => {
      fill(desk, 'f-username', 'xfl-admin');
      fill(desk, 'f-password', password);
      $<HTMLButtonElement>(desk, '[part=login] button')!.click();
      await desk.updateComplete;
    };
    await login('not the password');
    await waitUntil(() => $(desk, '[part=login] [role=alert]'), 'refused', { timeout: 10_000 });
    expect($(desk, '[part=login] [role=alert]')!.textContent).to.contain('用户名或密码不正确');
    await login((await demoLogin()).password);
    await listed(desk);
    expect($(desk, '[part=header]')!.textContent).to.contain('李秀英');
    await openCase(desk, one.ticket);
    expect($(desk, '[part=detail]')!.textContent).to.contain('张三丰 13812345678');

    await choose(desk, '派单');
    $<HTMLSelectElement>(desk, '#f-handler')!.value = [
      ...$<HTMLSelectElement>(desk, '#f-handler')!.options,
    ].find((o) => o.text === '王建国')!.value;
    await send(desk);
    await waitUntil(() => status(desk).includes('已派单给 王建国'), 'assigned', {
      timeout: 10_000,
    });
    await choose(desk, '回复居民');
    fill(desk, 'f-text', '已通知物业，今天下午修好。');
    await send(desk);
    await waitUntil(() => status(desk).includes('已回复居民'), 'replied', { timeout: 10_000 });
    const view = await resident.complaints.track(one.ticket, one.queryCode);
    expect(view.timeline.map((e) => e.text)).to.include('已通知物业，今天下午修好。');
    expect(view.handlerName).to.equal('王*国');

    const back = [...root(desk).querySelectorAll('button')].find((b) =>
      b.textContent!.includes('返回列表'),
    )!;
    back.click();
    const tab = [...root(desk).querySelectorAll<HTMLElement>('nav button')].find((b) =>
      b.textContent!.includes('三率'),
    )!;
    tab.click();
    await waitUntil(
      () => $(desk, 'sq-complaint-metrics')?.shadowRoot?.querySelector('[part=figures]'),
      'figures',
      { timeout: 10_000 },
    );

    const logout = [...root(desk).querySelectorAll('button')].find((b) =>
      b.textContent!.includes('退出登录'),
    )!;
    logout.click();
    await waitUntil(() => $(desk, '[part=login]'), 'signed out', { timeout: 10_000 });
    expect(status(desk)).to.contain('已退出登录');
    expect(root(desk).activeElement?.id).to.equal('f-username');
    await resident.close();
  });
});
