import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/complaint-tracker.js';
import '../../../../src/define/provider.js';
import type {
  SqComplaintTracker,
  SqRatedEvent,
} from '../../../../src/features/complaints/elements/complaint-tracker/index.js';
import type { ComplaintInput } from '../../../../src/features/complaints/model.js';
import type { Clock } from '../../../../src/domain/time.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

/** A resident and a staff member of 幸福里 on one in-memory store (the embedded services). */
function street(clock?: Clock) {
  const store = createMemoryStore();
  const resident = createClient({
    embedded: { store, persistence: false, ...(clock && { clock }) },
  });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  return { store, resident, staff };
}

const CASE: ComplaintInput = {
  community: 'xingfuli',
  category: 'noise',
  description: '楼上每天夜里十二点以后还在装修，吵得睡不着。',
  location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2' },
  anonymous: false,
  contact: { name: '张三丰', phone: '13812341234' },
  consent: true,
};

async function report(resident: Client, input: Partial<ComplaintInput> = {}) {
  const delivery = await resident.complaints.submit({ ...CASE, ...input });
  if (delivery.state !== 'delivered') throw new Error('not delivered');
  return delivery.value;
}

/** Staff assign to 王建国, start, reply in public, note internally and resolve. */
async function handle(staff: Client, id: string, reply = '已联系楼上住户，约定晚上十点后停工。') {
  await staff.complaints.act(id, { action: 'assign', handler: 'demo-xfl-grid' });
  await staff.complaints.act(id, { action: 'start' });
  await staff.complaints.act(id, { action: 'reply', text: reply });
  await staff.complaints.act(id, { action: 'note', text: '内部备注：业主电话 13912345678' });
  await staff.complaints.act(id, { action: 'resolve', text: '装修队已调整施工时间。' });
}

async function mount(client: Client, lang = 'zh-CN', ticket?: string) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${lang}>
      <sq-complaint-tracker ticket=${ticket ?? ''}></sq-complaint-tracker>
    </sq-provider>`,
  );
  const tracker = provider.querySelector('sq-complaint-tracker')!;
  await waitUntil(() => tracker.shadowRoot!.querySelector('form'), 'first render', {
    timeout: 5000,
  });
  // The fields' messages load right after the first render (as before a resident's first check).
  await import('../../../../src/features/complaints/elements/complaint-tracker/later.js');
  return tracker;
}

const $ = <E extends Element = HTMLElement>(el: SqComplaintTracker, selector: string) =>
  el.shadowRoot!.querySelector<E & Element>(selector) as E | null;
const text = (el: SqComplaintTracker) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function lookUp(el: SqComplaintTracker, ticket: string, code: string) {
  $<HTMLInputElement>(el, '#ticket')!.value = ticket;
  $<HTMLInputElement>(el, '#code')!.value = code;
  $<HTMLButtonElement>(el, 'form button')!.click();
  await el.updateComplete;
  await waitUntil(() => !el.matches(':state(loading)'), 'answer');
  await el.updateComplete;
}

async function rate(el: SqComplaintTracker, rating: string, comment = '') {
  const radio = $<HTMLInputElement>(el, `input[value=${rating}]`)!;
  radio.click();
  await el.updateComplete;
  $<HTMLTextAreaElement>(el, '#comment')!.value = comment;
  const rated = oneEvent(el, 'sq-rated') as Promise<SqRatedEvent>;
  $<HTMLButtonElement>(el, '.rate button')!.click();
  return rated;
}

describe('sq-complaint-tracker', () => {
  it('loads English on demand and renders it from the first paint', async () => {
    const { resident } = street();
    const el = await mount(resident, 'en');
    expect($(el, 'h2')!.textContent).to.equal('Check on your report');
    expect($(el, 'label[for=code]')!.textContent).to.equal('Query code');
  });

  it('starts empty: labelled fields with hints, no case shown', async () => {
    const el = await mount(street().resident);
    expect($(el, 'label[for=ticket]')!.textContent).to.equal('工单号');
    expect($(el, 'label[for=code]')!.textContent).to.equal('查询码');
    expect($(el, '#ticket')!.getAttribute('aria-describedby')).to.equal('ticket-hint');
    expect($(el, '#code')!.getAttribute('autocomplete')).to.equal('off');
    expect($(el, '.result')).to.equal(null);
  });

  it('checks both fields before asking: an error summary, messages, focus to the first', async () => {
    const el = await mount(street().resident);
    $<HTMLButtonElement>(el, 'form button')!.click();
    await el.updateComplete;
    const summary = $(el, 'form > [role=alert]')!;
    expect(summary.textContent).to.contain('请填写工单号').and.to.contain('请填写查询码');
    expect(el.shadowRoot!.activeElement?.id).to.equal('ticket');
    expect($(el, '#ticket')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#ticket')!.getAttribute('aria-describedby')).to.equal('ticket-hint ticket-error');

    $<HTMLInputElement>(el, '#ticket')!.value = 'sq-2026-000001';
    $<HTMLInputElement>(el, '#code')!.value = 'ABC';
    $<HTMLButtonElement>(el, 'form button')!.click();
    await el.updateComplete;
    expect($(el, '#ticket-error')).to.equal(null); // lower case is fine
    expect($(el, '#code-error')!.textContent).to.contain('查询码是 8 位字母和数字');
    expect(el.shadowRoot!.activeElement?.id).to.equal('code');

    $<HTMLInputElement>(el, '#ticket')!.value = 'SQ-26-1';
    $<HTMLButtonElement>(el, 'form button')!.click();
    await el.updateComplete;
    // The example with non-breaking hyphens: never "SQ-2026-" / "000123" at 200% text (it is
    // an example to read, not a number to copy).
    expect($(el, '#ticket-error')!.textContent).to.contain('SQ\u20112026\u2011000123');
    expect($(el, '#ticket-hint')!.textContent).to.contain('SQ\u20112026\u2011000123');
  });

  it('says so when ticket or code is wrong, without telling which, and puts focus back', async () => {
    const { resident } = street();
    const receipt = await report(resident);
    const el = await mount(resident);
    await lookUp(el, receipt.ticket, 'ZZZZ-ZZZZ');
    const alert = $(el, '#not-found')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('没有找到这个工单，或查询码不对');
    expect(el.shadowRoot!.activeElement?.id).to.equal('ticket');
    expect($(el, '#code')!.getAttribute('aria-describedby')).to.contain('not-found');
    expect($(el, '.result')).to.equal(null);
  });

  it('shows a new case: status, deadline as a date, the timeline; the code stays out of URLs and attributes', async () => {
    const { resident } = street();
    const receipt = await report(resident);
    const el = await mount(resident, 'zh-CN', receipt.ticket);
    expect($<HTMLInputElement>(el, '#ticket')!.value).to.equal(receipt.ticket);
    expect($<HTMLInputElement>(el, '#code')!.value).to.equal('');
    await lookUp(el, receipt.ticket, receipt.queryCode.toLowerCase());
    expect($(el, '#result-heading')!.textContent).to.contain(receipt.ticket);
    expect(el.shadowRoot!.activeElement?.id).to.equal('result-heading');
    expect($(el, '[part=status]')!.textContent!.trim()).to.equal('已受理');
    const [y, m, d] = receipt.dueDate.split('-').map(Number);
    expect(text(el)).to.contain(`${y}年${m}月${d}日`);
    expect(el.shadowRoot!.querySelectorAll('ol[part=timeline] > li').length).to.equal(1);
    expect($(el, '[role=status]')!.textContent).to.contain('已受理');
    expect(el.matches(':state(found)')).to.equal(true);
    // The code is in memory only.
    expect(location.href).not.to.contain(receipt.queryCode);
    expect(el.outerHTML).not.to.contain(receipt.queryCode);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain(
      receipt.queryCode,
    );
    expect($(el, '.rate')).to.equal(null);
  });

  it('follows the case to its answer; 不满意 reopens once; a second rating closes it', async () => {
    const { resident, staff } = street();
    const receipt = await report(resident);
    await handle(staff, receipt.id);
    const el = await mount(resident);
    await lookUp(el, receipt.ticket, receipt.queryCode);

    expect($(el, '[part=status]')!.textContent!.trim()).to.equal('已办结');
    const steps = [...el.shadowRoot!.querySelectorAll('ol[part=timeline] > li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' '),
    );
    expect(steps.length).to.equal(5);
    expect(steps[0]).to.contain('已受理');
    expect(steps[1]).to.contain('已分派，承办人 王*国');
    expect(steps[3]).to.contain('工作人员回复').and.to.contain('约定晚上十点后停工');
    expect(steps[4]).to.contain('已办结').and.to.contain('装修队已调整施工时间');
    const all = text(el);
    expect(all).not.to.contain('王建国');
    expect(all).not.to.contain('张三丰');
    expect(all).not.to.contain('13812341234');
    expect(all).not.to.contain('内部备注');

    // The rating form: a radio group in a fieldset with a legend, reopening said up front.
    expect($(el, '.rate legend')!.textContent).to.contain('您对办理结果满意吗');
    expect(el.shadowRoot!.querySelectorAll('.rate input[type=radio]').length).to.equal(3);
    expect($(el, '#rate-hint')!.textContent).to.contain('重新办理');

    $<HTMLButtonElement>(el, '.rate button')!.click();
    await el.updateComplete;
    expect($(el, '#rate-error')!.textContent).to.contain('请选择满意程度');

    const first = await rate(el, 'unsatisfied', '噪音还是有。');
    expect(first.detail).to.include({
      ticket: receipt.ticket,
      rating: 'unsatisfied',
      state: 'delivered',
      reopened: true,
    });
    await el.updateComplete;
    expect($(el, '#rate-outcome')!.textContent).to.contain('已重新办理');
    expect(el.shadowRoot!.activeElement?.id).to.equal('rate-outcome');
    expect($(el, '[part=status]')!.textContent!.trim()).to.equal('处理中');
    expect(text(el)).to.contain('您不满意，已重新办理');

    await staff.complaints.act(receipt.id, { action: 'resolve', text: '再次上门，已解决。' });
    $<HTMLButtonElement>(el, '.result > .button-secondary')!.click();
    await waitUntil(() => $(el, '.rate'), 'rating form again');
    expect($(el, '#rate-hint')!.textContent).to.contain('这次评价后工单结束');
    const second = await rate(el, 'basically_satisfied');
    expect(second.detail).to.include({ rating: 'basically_satisfied', reopened: false });
    await el.updateComplete;
    expect($(el, '#rate-outcome')!.textContent).to.contain('谢谢您的评价：基本满意');
    expect($(el, '[part=status]')!.textContent!.trim()).to.equal('已评价');

    // Seen later: the rating given, no form.
    const later = await mount(resident);
    await lookUp(later, receipt.ticket, receipt.queryCode);
    expect($(later, '.given')!.textContent).to.contain('基本满意');
    expect($(later, '.rate')).to.equal(null);
  });

  it('flags an overdue case', async () => {
    const { store, resident } = street({ now: () => new Date('2026-03-02T02:00:00Z') });
    const receipt = await report(resident);
    const el = await mount(createClient({ embedded: { store, persistence: false } }));
    await lookUp(el, receipt.ticket, receipt.queryCode);
    expect($(el, '.badge')!.textContent).to.equal('已超期');
  });

  it('says when the network fails, keeps the input, and retries', async () => {
    const { resident } = street();
    const receipt = await report(resident);
    const offline = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: { attempts: 1 },
      outbox: false,
    });
    const el = await mount(offline);
    $<HTMLInputElement>(el, '#ticket')!.value = receipt.ticket;
    $<HTMLInputElement>(el, '#code')!.value = receipt.queryCode;
    $<HTMLButtonElement>(el, 'form button')!.click();
    await waitUntil(() => $(el, '.alert button'), 'failure', { timeout: 8000 });
    const alert = $(el, '[role=alert]')!;
    expect(alert.textContent).to.contain('查询没有成功').and.to.contain('网络连接失败');
    expect(await axeViolations(el)).to.deep.equal([]);

    (el.closest('sq-provider') as HTMLElement & { client: Client }).client = resident;
    await el.updateComplete;
    $<HTMLButtonElement>(el, '.alert button')!.click();
    await waitUntil(() => $(el, '.result'), 'found after retry');
    expect($(el, '.alert')).to.equal(null);
  });

  it('renders what residents and staff typed as inert text', async () => {
    const { resident, staff } = street();
    const receipt = await report(resident, { description: XSS_PAYLOADS.join(' ') });
    await staff.complaints.act(receipt.id, { action: 'reply', text: XSS_PAYLOADS.join('\n') });
    const el = await mount(resident);
    await lookUp(el, receipt.ticket, receipt.queryCode);
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, svg, iframe')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(text(el)).to.contain('<img src=x onerror=');
  });

  it('can be used with the keyboard alone, from the ticket to the rating', async () => {
    const { resident, staff } = street();
    const receipt = await report(resident);
    await handle(staff, receipt.id);
    const el = await mount(resident);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('ticket');
    await sendKeys({ type: receipt.ticket });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('code');
    await sendKeys({ type: receipt.queryCode });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'result-heading', 'result focused');
    // Tab into the radio group, arrow to 基本满意, on to the comment and the button.
    let guard = 0;
    while (
      (el.shadowRoot!.activeElement as HTMLInputElement | null)?.name !== 'rating' &&
      guard++ < 10
    ) {
      await sendKeys({ press: 'Tab' });
    }
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('comment');
    await sendKeys({ type: '谢谢' });
    await sendKeys({ press: 'Tab' });
    const rated = oneEvent(el, 'sq-rated') as Promise<SqRatedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await rated).detail.rating).to.equal('basically_satisfied');
  });

  for (const care of [false, true]) {
    it(`is axe-clean with ${care ? '60' : '44'}px targets in every state (${care ? 'care' : 'default'} mode)`, async () => {
      const { resident, staff } = street();
      const receipt = await report(resident);
      await handle(staff, receipt.id);
      const el = await mount(resident);
      el.care = care;
      await el.updateComplete;
      const check = async (state: string) => {
        expect(await axeViolations(el), state).to.deep.equal([]);
        expect(smallTargets(el, care ? 60 : 44), state).to.deep.equal([]);
      };
      await check('empty');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'form button')!.click();
      await el.updateComplete;
      await check('errors');
      await lookUp(el, receipt.ticket, 'WRONG234');
      await check('not found');
      await lookUp(el, receipt.ticket, receipt.queryCode);
      $<HTMLInputElement>(el, 'input[value=unsatisfied]')!.click();
      $<HTMLButtonElement>(el, '.rate button')!.click();
      await waitUntil(() => $(el, '#rate-outcome'), 'reopened');
      await check('reopened');
      await expect(el).to.be.accessible();
      const body = parseFloat(getComputedStyle($(el, '#ticket')!).fontSize);
      expect(body).to.be.at.least(care ? 18 : 16);
      if (care) {
        expect(parseFloat(getComputedStyle($(el, 'h2')!).fontSize)).to.be.at.least(30);
        expect(parseFloat(getComputedStyle($(el, '[part=status]')!).fontSize)).to.be.at.least(30);
      }
    });
  }

  it('never splits the ticket in the care-mode heading on a phone ("SQ-2026-" / "000003")', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const { resident } = street();
      const receipt = await report(resident);
      const provider = await fixture<HTMLElement>(
        html`<sq-provider .client=${resident} lang="zh-CN" care>
          <sq-complaint-tracker></sq-complaint-tracker>
        </sq-provider>`,
      );
      const el = provider.querySelector('sq-complaint-tracker')!;
      await waitUntil(() => $(el, 'form'), 'first render', { timeout: 5000 });
      await lookUp(el, receipt.ticket, receipt.queryCode);
      const ticket = $(el, '#result-heading .nowrap')!;
      expect(ticket.textContent).to.equal(receipt.ticket);
      expect(parseFloat(getComputedStyle(ticket).fontSize)).to.be.at.least(30);
      // One line box: the ticket moves to the next line whole, if at all.
      const range = document.createRange();
      range.selectNodeContents(ticket);
      expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size).to.equal(1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('fits 320px at 200% text size without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const { resident, staff } = street();
      const receipt = await report(resident);
      await handle(staff, receipt.id);
      const el = await mount(resident, 'en');
      await lookUp(el, receipt.ticket, receipt.queryCode);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });
});
