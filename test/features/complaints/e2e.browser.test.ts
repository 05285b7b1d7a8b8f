/**
 * 居民说事 end to end through the elements (issue 4, "Done when"): a resident submits with a
 * photo in <sq-complaint-form>, staff work the case in <sq-complaint-desk> (assign, start,
 * reply in public, resolve), the resident sees the reply in <sq-complaint-tracker> and rates
 * it 不满意, which reopens the case (重办) — visible in the tracker and in the desk.
 * Once over HTTP on the real server (scripts/wtr-api-server.mjs), once on the embedded
 * transport (one in-memory store shared by a resident client and a staff client).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../src/define/complaint-desk.js';
import '../../../src/define/complaint-form.js';
import '../../../src/define/complaint-tracker.js';
import '../../../src/define/provider.js';
import type { SqSubmittedEvent } from '../../../src/ui/events.js';
import type { SqComplaintDesk } from '../../../src/features/complaints/elements/complaint-desk/index.js';
import type { SqComplaintForm } from '../../../src/features/complaints/elements/complaint-form/index.js';
import type {
  SqComplaintTracker,
  SqRatedEvent,
} from '../../../src/features/complaints/elements/complaint-tracker/index.js';
import type { ComplaintReceipt } from '../../../src/features/complaints/views.js';
import { createClient, type Client } from '../../../src/sdk/index.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { demoLogin, serverReady } from '../../e2e/server.js';

const WAIT = { timeout: 15_000 };
const DESCRIPTION = '三号楼二单元门口的路灯坏了一个星期，晚上很黑，老人走路不安全。';
const REPLY = '已通知物业电工，明天上午更换灯泡。';
const RESOLVED = '路灯已更换，恢复照明。';
const COMMENT = '换了以后第二天又不亮了。';

const root = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  root(el).querySelector<E>(selector);
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
/** Mounts `template` and returns the `tag` element in it (the root or a provider's child). */
async function mountIn<E extends Element>(template: TemplateResult, tag: string): Promise<E> {
  const host = await fixture<HTMLElement>(template);
  return (host.matches(tag) ? host : host.querySelector(tag)) as E;
}

// ---- the resident's form --------------------------------------------------------------------

/** Types into a control the way a person does: the value, then an `input` event. */
async function type(form: SqComplaintForm, id: string, value: string) {
  const el = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(form, `#${id}`)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}
async function tick(form: SqComplaintForm, id: string) {
  const el = $<HTMLInputElement>(form, `#${id}`)!;
  el.checked = true;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}
async function choosePlace(form: SqComplaintForm, level: string, value: string) {
  // The place's levels are in the form's shadow root; the community's select has the id `where`.
  const selector = `.place #${level === 'community' ? 'where' : level}`;
  await waitUntil(
    () => {
      const s = $<HTMLSelectElement>(form, selector);
      return s && !s.disabled && [...s.options].some((o) => o.value === value);
    },
    `${level} ${value}`,
    WAIT,
  );
  const s = $<HTMLSelectElement>(form, selector)!;
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await form.updateComplete;
}
/** A small photo drawn on a canvas (PNG). */
async function photo(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#c00';
  g.fillRect(0, 0, 32, 24);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'lamp.png', { type: 'image/png' });
}

/** Fills every field as a resident would, adds a photo, submits; returns the receipt. */
async function report(form: SqComplaintForm): Promise<ComplaintReceipt> {
  await waitUntil(
    () => ($<HTMLSelectElement>(form, '#category')?.options.length ?? 0) > 1,
    'categories',
    WAIT,
  );
  await type(form, 'category', 'infrastructure');
  await type(form, 'description', DESCRIPTION);
  await choosePlace(form, 'grid', 'xfl-g1');
  await choosePlace(form, 'building', 'xfl-g1-b2');
  await type(form, 'name', '张三丰');
  await type(form, 'phone', '138 1234 5678');
  await tick(form, 'consent');

  const input = $<HTMLInputElement>(form, 'input[type=file]')!;
  const data = new DataTransfer();
  data.items.add(await photo());
  input.files = data.files;
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => $(form, '.thumbs img'), 'photo preview', WAIT);
  expect(root(form).querySelectorAll('.thumbs img')).to.have.length(1);

  const submitted = oneEvent(form, 'sq-submitted') as Promise<SqSubmittedEvent>;
  $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
  const { detail } = await submitted;
  expect(detail.kind).to.equal('complaint');
  expect(detail.state).to.equal('delivered');
  if (detail.kind !== 'complaint' || detail.state !== 'delivered') throw new Error('not delivered');
  const receipt = detail.receipt;
  expect(receipt.ticket).to.match(/^SQ-\d{4}-\d{6,}$/);
  expect(receipt.queryCode).to.match(/^[A-Z0-9]{8}$/);
  expect(receipt.status).to.equal('received');
  await waitUntil(() => $(form, '[part=receipt]'), 'receipt', WAIT);
  // The query code in two groups of four, as the other receipts.
  expect(text(form))
    .to.contain(receipt.ticket)
    .and.contain(`${receipt.queryCode.slice(0, 4)} ${receipt.queryCode.slice(4)}`);
  return receipt;
}

// ---- the staff desk -------------------------------------------------------------------------

const rows = (desk: SqComplaintDesk) => [...root(desk).querySelectorAll<HTMLElement>('[part=row]')];
const listed = (desk: SqComplaintDesk) =>
  waitUntil(() => $(desk, '.list')?.getAttribute('aria-busy') === 'false', 'list loaded', WAIT);
const said = (desk: SqComplaintDesk) =>
  [...root(desk).querySelectorAll('[role=status]')].map((s) => s.textContent).join(' ');
function fill(desk: SqComplaintDesk, id: string, value: string) {
  const field = $<HTMLInputElement>(desk, `#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input'));
}
/** A visible button whose text contains `label` (the desk keeps the hidden view in the DOM). */
const button = (desk: SqComplaintDesk, label: string) =>
  [...root(desk).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.offsetParent !== null && b.textContent!.includes(label),
  );

async function signIn(desk: SqComplaintDesk) {
  await waitUntil(() => $(desk, '[part=login]'), 'login form', WAIT);
  fill(desk, 'f-username', 'xfl-admin');
  fill(desk, 'f-password', (await demoLogin()).password);
  $<HTMLButtonElement>(desk, '[part=login] button')!.click();
  await waitUntil(() => $(desk, '[part=header]'), 'signed in', WAIT);
  expect($(desk, '[part=header]')!.textContent).to.contain('李秀英');
}

/** Chooses an action, fills its form with `values`, sends it, waits for `done` to be said. */
async function act(
  desk: SqComplaintDesk,
  action: string,
  done: string,
  values: Record<string, string> = {},
) {
  const choice = [
    ...root(desk).querySelectorAll<HTMLButtonElement>('[aria-controls=action-form]'),
  ].find((b) => b.textContent!.trim() === action);
  if (!choice) throw new Error(`no action ${action} in ${text(desk)}`);
  choice.click();
  await waitUntil(() => $(desk, '#action-form'), `${action} form`, WAIT);
  for (const [id, value] of Object.entries(values)) fill(desk, id, value);
  $<HTMLButtonElement>(desk, '#action-form .primary')!.click();
  await waitUntil(() => said(desk).includes(done), `${action}: ${done}`, WAIT);
  expect($(desk, '#action-form')).to.equal(null);
}

const caseStatus = (desk: SqComplaintDesk) => $(desk, '#case .badge')?.textContent?.trim();

/** Assign through the select (its value is the handler's id, its text the name). */
async function assign(desk: SqComplaintDesk, name: string) {
  const choice = [
    ...root(desk).querySelectorAll<HTMLButtonElement>('[aria-controls=action-form]'),
  ].find((b) => b.textContent!.trim() === '派单')!;
  choice.click();
  await waitUntil(() => $(desk, '#f-handler'), 'handler select', WAIT);
  const select = $<HTMLSelectElement>(desk, '#f-handler')!;
  const option = [...select.options].find((o) => o.text.trim() === name);
  if (!option) throw new Error(`no handler ${name}`);
  select.value = option.value;
  $<HTMLButtonElement>(desk, '#action-form .primary')!.click();
  await waitUntil(() => said(desk).includes(`已派单给 ${name}`), 'assigned', WAIT);
}

// ---- the resident's tracker -----------------------------------------------------------------

async function lookUp(tracker: SqComplaintTracker, receipt: ComplaintReceipt) {
  await waitUntil(() => $(tracker, 'form'), 'tracker', WAIT);
  $<HTMLInputElement>(tracker, '#ticket')!.value = receipt.ticket;
  $<HTMLInputElement>(tracker, '#code')!.value = receipt.queryCode.toLowerCase();
  $<HTMLButtonElement>(tracker, 'form button')!.click();
  await waitUntil(() => $(tracker, '[part=result]'), 'case found', WAIT);
}

async function rateUnsatisfied(tracker: SqComplaintTracker) {
  $<HTMLInputElement>(tracker, 'input[value=unsatisfied]')!.click();
  await tracker.updateComplete;
  expect($(tracker, '.rate [role=status]')!.textContent).to.contain('会重新办理一次');
  $<HTMLTextAreaElement>(tracker, '#comment')!.value = COMMENT;
  const rated = oneEvent(tracker, 'sq-rated') as Promise<SqRatedEvent>;
  $<HTMLButtonElement>(tracker, '.rate button')!.click();
  return (await rated).detail;
}

// ---- the whole flow -------------------------------------------------------------------------

interface Pages {
  form(): Promise<SqComplaintForm>;
  /** The desk, signed in and listing. */
  desk(): Promise<SqComplaintDesk>;
  tracker(): Promise<SqComplaintTracker>;
}

async function flow(pages: Pages) {
  // 1. The resident reports, with a photo.
  const form = await pages.form();
  const receipt = await report(form);

  // 2. Staff find it, open it, see the photo, assign, start, reply and resolve.
  const desk = await pages.desk();
  await listed(desk);
  const row = rows(desk).find((r) => r.textContent!.includes(receipt.ticket));
  expect(row, `row of ${receipt.ticket}`).not.to.equal(undefined);
  expect(row!.textContent).to.contain('已受理').and.contain('基础设施');
  row!.click();
  await waitUntil(() => $(desk, '#case')?.textContent?.includes(receipt.ticket), 'case open', WAIT);
  expect($(desk, '[part=detail]')!.textContent)
    .to.contain(DESCRIPTION)
    .and.contain('张三丰 13812345678');
  expect(caseStatus(desk)).to.equal('已受理');

  await waitUntil(() => $<HTMLImageElement>(desk, '.photos img'), 'photo', WAIT);
  const img = $<HTMLImageElement>(desk, '.photos img')!;
  expect(img.src).to.match(/^blob:/);
  expect(img.alt).to.equal('照片 1（共 1 张）');
  await waitUntil(() => img.complete && img.naturalWidth > 0, 'photo decoded', WAIT);
  expect(img.naturalWidth / img.naturalHeight).to.be.closeTo(64 / 48, 0.05);

  await assign(desk, '王建国');
  expect(caseStatus(desk)).to.equal('已分派');
  await act(desk, '开始处理', '已开始处理');
  expect(caseStatus(desk)).to.equal('处理中');
  await act(desk, '回复居民', '已回复居民', { 'f-text': REPLY });
  await act(desk, '办结', '已办结', { 'f-text': RESOLVED });
  expect(caseStatus(desk)).to.equal('已办结');
  const history = $(desk, '[part=history]')!.textContent!.replace(/\s+/g, ' ');
  expect(history).to.contain('王建国').and.contain(REPLY).and.contain(RESOLVED);
  expect(root(desk).querySelectorAll('[part=history] li')).to.have.length(5);

  // 3. The resident looks the case up: the reply, the handler (masked), the rating form.
  const tracker = await pages.tracker();
  await lookUp(tracker, receipt);
  expect($(tracker, '[part=status]')!.textContent!.trim()).to.equal('已办结');
  const timeline = $(tracker, '[part=timeline]')!.textContent!;
  expect(timeline).to.contain('工作人员回复').and.contain(REPLY).and.contain(RESOLVED);
  expect(text(tracker)).to.contain('王*国').and.not.contain('王建国');
  expect(text(tracker)).to.contain('照片 1 张');
  expect(text(tracker)).not.to.contain('13812345678');

  // 4. 不满意: the case is reopened (重办).
  const rated = await rateUnsatisfied(tracker);
  expect(rated.state).to.equal('delivered');
  expect(rated.rating).to.equal('unsatisfied');
  expect(rated.reopened).to.equal(true);
  expect(rated.view!.status).to.equal('in_progress');
  expect(rated.view!.reopened).to.equal(1);
  await waitUntil(() => $(tracker, '#rate-outcome'), 'outcome', WAIT);
  expect($(tracker, '#rate-outcome')!.textContent).to.contain('这件事已重新办理');
  expect($(tracker, '[part=status]')!.textContent!.trim()).to.equal('处理中');
  expect($(tracker, '[part=timeline]')!.textContent).to.contain('您不满意，已重新办理');
  // Looked up again later: still reopened, a note says so, no rating form.
  $<HTMLButtonElement>(tracker, '.result > button')!.click();
  await waitUntil(() => text(tracker).includes('已更新：处理中'), 'refreshed', WAIT);
  expect(text(tracker)).to.contain('这件事已重新办理（重办）');
  expect($(tracker, '.rate')).to.equal(null);

  // 5. The desk sees it back in progress, with the resident's 不满意 in the history.
  button(desk, '刷新')!.click();
  await waitUntil(() => caseStatus(desk) === '处理中', 'desk: reopened', WAIT);
  const after = $(desk, '[part=history]')!.textContent!.replace(/\s+/g, ' ');
  expect(after).to.contain('居民').and.contain('不满意，重办').and.contain(COMMENT);
  expect(root(desk).querySelectorAll('[part=history] li')).to.have.length(6);
  const acts = [...root(desk).querySelectorAll('[aria-controls=action-form]')].map((b) =>
    b.textContent!.trim(),
  );
  expect(acts).to.include('办结');
  // And the list, filtered to 处理中, has it.
  button(desk, '返回列表')!.click();
  await waitUntil(() => $(desk, '[part=detail]') === null, 'back to the list', WAIT);
  const status = $<HTMLSelectElement>(desk, '#f-status')!;
  status.value = 'in_progress';
  status.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(
    () =>
      $(desk, '.list')?.getAttribute('aria-busy') === 'false' &&
      rows(desk).every((r) => r.textContent!.includes('处理中')),
    'filtered',
    WAIT,
  );
  const reopened = rows(desk).find((r) => r.textContent!.includes(receipt.ticket));
  expect(reopened, 'the reopened case in the 处理中 list').not.to.equal(undefined);
  return { desk, receipt };
}

describe('居民说事 end to end over HTTP on the real server', () => {
  before(serverReady);

  // Defect 8 of issue 9: the picker inside the form used the embedded demo data.
  it("the form's community picker uses the form's client: a grid renamed on the server shows its new name", async function () {
    this.timeout(60_000);
    const admin = createClient({ baseUrl: '/api/v1', outbox: false, credentials: 'omit' });
    await admin.auth.login({ username: 'xfl-admin', password: (await demoLogin()).password });
    const before = await admin.communities.get('xingfuli');
    const renamed = `第一网格 ${Date.now()}`;
    const withName = (name: string) => ({
      ...before,
      grids: before.grids.map((g) => (g.id === 'xfl-g1' ? { ...g, name } : g)),
    });
    await admin.call('putCommunity', withName(renamed));
    await new Promise<void>((resolve) => {
      const deleting = indexedDB.deleteDatabase('shequ-kit-embedded');
      deleting.onsuccess = deleting.onerror = deleting.onblocked = () => resolve();
    });
    try {
      const form = await mountIn<SqComplaintForm>(
        html`<sq-complaint-form api-base="/api/v1" community="xingfuli"></sq-complaint-form>`,
        'sq-complaint-form',
      );
      // The form's first render says it is loading; its fields, the place's levels among them
      // (rendered by the form, with its client), follow.
      await waitUntil(
        () => [...(form.shadowRoot?.querySelectorAll('.place #grid option') ?? [])].length > 1,
        'grids',
        WAIT,
      );
      const grids = [...form.shadowRoot!.querySelectorAll('.place #grid option')].map((o) =>
        o.textContent!.trim(),
      );
      expect(grids).to.include(renamed);
      const names = (await indexedDB.databases()).map((d) => d.name);
      expect(names).not.to.include('shequ-kit-embedded');
    } finally {
      await admin.call('putCommunity', before);
      await admin.auth.logout();
      await admin.close();
    }
  });

  it('form with a photo → desk login, assign, reply, resolve → tracker sees the reply, 不满意 reopens', async function () {
    this.timeout(120_000);
    const { desk } = await flow({
      form: () =>
        mountIn(
          html`<sq-complaint-form api-base="/api/v1" community="xingfuli"></sq-complaint-form>`,
          'sq-complaint-form',
        ),
      desk: async () => {
        const desk = await mountIn<SqComplaintDesk>(
          html`<sq-complaint-desk api-base="/api/v1"></sq-complaint-desk>`,
          'sq-complaint-desk',
        );
        await signIn(desk);
        return desk;
      },
      // The resident's own page: a client of their own, no staff session riding along.
      tracker: () =>
        mountIn(
          html`<sq-provider
            .client=${createClient({ baseUrl: '/api/v1', outbox: false, credentials: 'omit' })}
            ><sq-complaint-tracker></sq-complaint-tracker
          ></sq-provider>`,
          'sq-complaint-tracker',
        ),
    });
    // Sign out, so no staff session is left in this browser.
    button(desk, '退出登录')!.click();
    await waitUntil(() => $(desk, '[part=login]'), 'signed out', WAIT);
  });
});

describe('居民说事 end to end on the embedded transport', () => {
  it('the same flow with a resident client and a staff client on one memory store', async function () {
    this.timeout(60_000);
    const store = createMemoryStore();
    const resident: Client = createClient({ embedded: { store, persistence: false } });
    const staff: Client = createClient({
      embedded: { store, actor: 'xfl-admin', persistence: false },
    });
    localStorage.removeItem('sq-complaint-draft:xingfuli');
    const { desk } = await flow({
      form: () =>
        mountIn(
          html`<sq-provider .client=${resident}
            ><sq-complaint-form community="xingfuli"></sq-complaint-form
          ></sq-provider>`,
          'sq-complaint-form',
        ),
      desk: async () => {
        const desk = await mountIn<SqComplaintDesk>(
          html`<sq-provider .client=${staff}><sq-complaint-desk></sq-complaint-desk></sq-provider>`,
          'sq-complaint-desk',
        );
        // The embedded client acts as its actor: no login form, signed in at once.
        await waitUntil(() => $(desk, '[part=header]'), 'signed in', WAIT);
        expect($(desk, '[part=header]')!.textContent).to.contain('李秀英');
        expect($(desk, '[part=login]')).to.equal(null);
        return desk;
      },
      tracker: () =>
        mountIn(
          html`<sq-provider .client=${resident}
            ><sq-complaint-tracker></sq-complaint-tracker
          ></sq-provider>`,
          'sq-complaint-tracker',
        ),
    });
    expect(rows(desk)).to.have.length(1);
    // The store agrees with what the elements showed.
    const page = await staff.complaints.list({ community: 'xingfuli' });
    expect(page.items.map((c) => c.status)).to.deep.equal(['in_progress']);
  });
});
