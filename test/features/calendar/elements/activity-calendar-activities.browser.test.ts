/**
 * <sq-activity-calendar>'s activities on the embedded transport: a lunar-recurring activity
 * (每月初一、十五) published through the staff SDK shows on its days with its seats; a resident
 * registers in the dialog (confirmed), the next is waitlisted with a place in line, cancelling
 * by code (我的报名) promotes them; XSS inert; keyboard only; axe and 320px at 200% text with
 * the dialog open; a failed read says so and 重试 brings it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/activity-calendar.js';
import '../../../../src/define/provider.js';
import { toLunar } from '../../../../src/domain/lunar.js';
import { addDays, shanghaiDate } from '../../../../src/domain/time.js';
import type {
  SqActivityCalendar,
  SqRegisteredEvent,
} from '../../../../src/features/calendar/elements/activity-calendar/index.js';
import type { ActivityInput } from '../../../../src/features/calendar/model.js';
import { ApiError, createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

const WAIT = { timeout: 20_000 };

function street() {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  return { resident, staff };
}

/** The first day of next month (Beijing), and its days that are lunar 初一 or 十五. */
function nextMonth() {
  const today = shanghaiDate(new Date());
  const first = `${addDays(`${today.slice(0, 8)}28`, 7).slice(0, 8)}01`;
  const days: string[] = [];
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) {
    const day = toLunar(d).day;
    if (day === 1 || day === 15) days.push(d);
  }
  return { first, days };
}

export const lunarActivity = (extra: Partial<ActivityInput> = {}): ActivityInput => ({
  community: 'xingfuli',
  title: '初一十五 邻里茶话会',
  description: '喝茶聊天，测血压。\n请自带水杯。',
  category: 'elderly',
  place: '幸福里社区党群服务中心',
  organiser: '幸福里社区居委会',
  audience: '适合老人',
  date: nextMonth().days[0]!,
  startTime: '09:00',
  endTime: '10:30',
  recurrence: { rule: { kind: 'lunar-monthly', days: [1, 15] } },
  capacity: 1,
  partyMax: 3,
  publish: true,
  ...extra,
});

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cell = (el: Element, date: string) => $(el, `[part~=day][data-date="${date}"]`)!;

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function tick(el: Element, id: string) {
  $<HTMLInputElement>(el, `#${id}`)!.click();
}

async function mount(client: Client, opts: { view?: string; date?: string; care?: boolean } = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang="zh-CN" community="xingfuli">
      <sq-activity-calendar
        ?care=${opts.care ?? false}
        view=${opts.view ?? 'month'}
        date=${opts.date ?? nextMonth().first}
      ></sq-activity-calendar>
    </sq-provider>`,
  );
  const el = provider.querySelector('sq-activity-calendar')! as SqActivityCalendar;
  await waitUntil(() => el.occurrences || el.loadError, 'activities', WAIT);
  await el.updateComplete;
  return el;
}

/** Opens the dialog of the occurrence on `date` from the chosen day's list. */
async function openOn(el: SqActivityCalendar, date: string) {
  cell(el, date).click();
  await el.updateComplete;
  $(el, `[part~=detail] [part~=activity]`)!.click();
  await waitUntil(() => el.dialog.open && el.activity, 'dialog', WAIT);
  await el.updateComplete;
}

async function register(el: SqActivityCalendar, n: number, party = 1) {
  type(el, 'name', `居民${n}`);
  type(el, 'phone', `1391234100${n}`);
  if (party > 1) {
    const select = $<HTMLSelectElement>(el, '#party')!;
    select.value = String(party);
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  tick(el, 'consent');
  await el.updateComplete;
  const event = oneEvent(el, 'sq-registered') as Promise<SqRegisteredEvent>;
  $(el, '[part=submit]')!.click();
  const e = await event;
  await waitUntil(() => $(el, '[part=receipt]'), 'receipt', WAIT);
  return e;
}

describe('<sq-activity-calendar> activities', () => {
  before(() => setViewport({ width: 1024, height: 800 }));

  it('shows a 每月初一、十五 activity on its lunar days with seats, one read per range', async function () {
    this.timeout(40_000);
    const { resident, staff } = street();
    const a = await staff.calendar.create(lunarActivity({ capacity: 0 }));
    const calls: string[] = [];
    const month = resident.calendar.month.bind(resident.calendar);
    resident.calendar.month = (q) => (calls.push(`${q.from}..${q.to}`), month(q));
    const el = await mount(resident);
    const { first, days } = nextMonth();
    expect(days.length).to.be.within(1, 3);
    for (const d of days) {
      const chip = cell(el, d).querySelector('[part=chip]')!;
      expect(text(chip)).to.equal(`09:00 ${a.title} 不限名额`);
      expect(text(cell(el, d).querySelector('.label'))).to.contain('1 项活动');
      expect(toLunar(d).day === 1 || toLunar(d).day === 15).to.equal(true);
    }
    const chips = $$(el, '[part=chip]').map((c) => c.closest('td')!.dataset['date']);
    // The grid's days from the neighbouring months may show their own 初一/十五.
    expect(chips.filter((d) => d!.startsWith(first.slice(0, 7)))).to.deep.equal(days);
    expect(calls.length).to.equal(1);
    // Next month: one more read; back: the range is kept.
    $(el, '[data-nav=next]')!.click();
    await waitUntil(() => calls.length === 2 && !el.loading, 'next', WAIT);
    $(el, '[data-nav=prev]')!.click();
    await el.updateComplete;
    await waitUntil(() => !el.loading, 'back', WAIT);
    expect(calls.length).to.equal(2);
    expect(cell(el, days[0]!).querySelector('[part=chip]')).not.to.equal(null);
    // The agenda lists the day with a row: time, title, place, category, seats.
    el.view = 'agenda';
    await el.updateComplete;
    const row = $(el, `[part~=agenda-day][data-date="${days[0]}"] [part=activities]`)!;
    expect(text(row)).to.contain('09:00–10:30');
    expect(text(row)).to.contain('幸福里社区党群服务中心');
    expect(text(row)).to.contain('助老');
  });

  it('register → confirmed; full → waitlisted at 1; cancel by code → promoted; a cancelled date struck with its reason', async function () {
    this.timeout(40_000);
    const { resident, staff } = street();
    const a = await staff.calendar.create(lunarActivity());
    const date = nextMonth().days[0]!;
    const el = await mount(resident);
    expect(text(cell(el, date).querySelector('[part=chip] .seats'))).to.equal('余1位');

    await openOn(el, date);
    expect(text($(el, 'dialog'))).to.contain('适合老人');
    expect($(el, '.description')!.textContent).to.equal('喝茶聊天，测血压。\n请自带水杯。');
    // Party: at most min(partyMax 3, capacity 1) = 1, so no choice is offered.
    expect($(el, '#party')).to.equal(null);
    const first = await register(el, 1);
    expect(first.detail).to.deep.equal({ activity: a.id, date, status: 'confirmed' });
    expect(JSON.stringify(first.detail)).not.to.contain('1391234');
    expect(text($(el, '#done'))).to.equal('报名成功');
    const code1 = $(el, '#code')!.textContent!.replace(/\s/g, '');
    expect(code1).to.have.length(8);
    el.dialog.close();
    await waitUntil(
      () => text(cell(el, date).querySelector('.seats')) === '已满 可候补',
      'full',
      WAIT,
    );

    // The next one waits in line.
    await openOn(el, date);
    expect(text($(el, 'dialog'))).to.contain('名额已满');
    expect(text($(el, '[part=submit]'))).to.equal('排队候补');
    const second = await register(el, 2);
    expect(second.detail).to.deep.equal({
      activity: a.id,
      date,
      status: 'waitlisted',
      position: 1,
    });
    expect(text($(el, '#done'))).to.equal('已排队候补，您排第 1 位');
    const code2 = $(el, '#code')!.textContent!.replace(/\s/g, '');
    el.dialog.close();

    // 我的报名: cancel the first; the second moves up.
    $(el, '[part=mine]')!.click();
    await waitUntil(() => el.dialog.open && $(el, '#code'), 'mine', WAIT);
    $<HTMLInputElement>(el, '#code')!.value = code1;
    $(el, 'dialog form button')!.click();
    await waitUntil(() => el.mine?.view, 'found', WAIT);
    await el.updateComplete;
    expect(text($(el, '[part=result]'))).to.contain('已报名');
    expect(text($(el, '[part=result]'))).not.to.contain('1391234');
    [...$$(el, '[part=result] button')].find((b) => text(b) === '取消报名')!.click();
    await waitUntil(() => el.mine?.view?.status === 'cancelled', 'cancelled', WAIT);
    expect((await resident.calendar.registration(code2)).status).to.equal('promoted');
    el.dialog.close();

    // Staff withdraw the second date: struck, with the reason.
    const other = nextMonth().days[1];
    if (other) {
      await staff.calendar.act(a.id, {
        action: 'cancel_occurrence',
        date: other,
        reason: '场地维修',
      });
      el.refresh();
      await waitUntil(() => cell(el, other).querySelector('[part=chip] s'), 'struck', WAIT);
      cell(el, other).click();
      await el.updateComplete;
      expect(text($(el, '[part~=detail]'))).to.contain('原因：场地维修');
    }
  });

  it('offers a party up to min(partyMax, seats) and says when it will wait', async function () {
    this.timeout(40_000);
    const { resident, staff } = street();
    await staff.calendar.create(lunarActivity({ capacity: 5, partyMax: 3 }));
    const el = await mount(resident);
    await openOn(el, nextMonth().days[0]!);
    const options = $$<HTMLOptionElement>(el, '#party option').map((o) => o.value);
    expect(options).to.deep.equal(['1', '2', '3']);
    expect(text($(el, '#party-hint'))).to.equal('每份报名最多 3 人。');
    // Empty submit: each field says what to do.
    $(el, '[part=submit]')!.click();
    await waitUntil(() => $(el, '[part=error-summary]'), 'errors', WAIT);
    expect(text($(el, '#name-error'))).to.equal('请填写您的姓名。');
    expect(text($(el, '#consent-error'))).to.contain('勾选同意');
    expect(el.shadowRoot!.activeElement?.id).to.equal('name');
  });

  it('renders hostile titles, descriptions and places as text', async function () {
    this.timeout(40_000);
    const { resident, staff } = street();
    (window as { __xss?: number }).__xss = 0;
    const payload = XSS_PAYLOADS.join(' ').slice(0, 40);
    await staff.calendar.create(
      lunarActivity({
        title: payload,
        description: XSS_PAYLOADS.join('\n'),
        place: XSS_PAYLOADS[1].slice(0, 100),
        audience: XSS_PAYLOADS[2],
      }),
    );
    const el = await mount(resident);
    await openOn(el, nextMonth().days[0]!);
    el.view = 'agenda';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect($$(el, 'img, script, svg')).to.have.length(0);
    expect((window as { __xss?: number }).__xss).to.equal(0);
    expect(text($(el, '#d-title'))).to.equal(payload.trim());
    expect($(el, '.description')!.textContent).to.equal(XSS_PAYLOADS.join('\n'));
  });

  it('registers with the keyboard alone', async function () {
    this.timeout(40_000);
    const { resident, staff } = street();
    await staff.calendar.create(lunarActivity());
    const date = nextMonth().days[0]!;
    const el = await mount(resident, { date });
    cell(el, date).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    $(el, '[part~=detail] [part~=activity]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.dialog.open && $(el, '#name'), 'dialog', WAIT);
    expect(el.shadowRoot!.activeElement?.id).to.equal('d-title');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 12 && el.shadowRoot!.activeElement?.id !== id; i++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(el.shadowRoot!.activeElement?.id).to.equal(id);
    };
    await tabTo('name');
    await sendKeys({ type: '王秀英' });
    await tabTo('phone');
    await sendKeys({ type: '13912341009' });
    await tabTo('consent');
    await sendKeys({ press: 'Space' });
    const event = oneEvent(el, 'sq-registered');
    await sendKeys({ press: 'Enter' });
    await event;
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'done', 'receipt focused', WAIT);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.dialog.open, 'closed', WAIT);
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['key']).to.contain(date);
  });

  for (const care of [false, true]) {
    it(`is accessible with the dialog open (target-size ${care ? '60px, care mode' : '44px'})`, async function () {
      this.timeout(40_000);
      const { resident, staff } = street();
      await staff.calendar.create(lunarActivity({ capacity: 5 }));
      const el = await mount(resident, { care, view: 'month' });
      expect(await axeViolations(el), 'month').to.deep.equal([]);
      await openOn(el, nextMonth().days[0]!);
      expect(await axeViolations(el), 'dialog').to.deep.equal([]);
      expect(smallTargets($(el, 'dialog')!, care ? 60 : 44), 'dialog').to.deep.equal([]);
      await register(el, 1);
      expect(await axeViolations(el), 'receipt').to.deep.equal([]);
      el.dialog.close();
      el.view = 'agenda';
      await el.updateComplete;
      expect(await axeViolations(el), 'agenda').to.deep.equal([]);
      expect(smallTargets(el, care ? 60 : 44), 'agenda').to.deep.equal([]);
    });

    it(`has no horizontal scroll at 320px with 200% text and the dialog open${care ? ' in care mode' : ''}`, async function () {
      this.timeout(40_000);
      const { resident, staff } = street();
      await staff.calendar.create(lunarActivity({ capacity: 5 }));
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      try {
        const el = await mount(resident, { care, view: 'month' });
        const wide = (right = 322) =>
          [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
            .filter((e) => e.getBoundingClientRect().right > right)
            .map((e) => `${e.localName}.${e.className}`)
            .join(' ');
        expect(document.documentElement.scrollWidth, `month: ${wide()}`).to.be.at.most(320);
        await openOn(el, nextMonth().days[0]!);
        const dialog = el.dialog;
        // What is wider than its box inside the dialog (a word that cannot wrap).
        const inside = () =>
          [...dialog.querySelectorAll<HTMLElement>('*')]
            .filter((e) => e.clientWidth && e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.localName}.${e.className}:${e.scrollWidth}/${e.clientWidth}`)
            .join(' ');
        expect(dialog.scrollWidth, `dialog: ${inside()}`).to.be.at.most(dialog.clientWidth);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await register(el, 1, 2);
        expect(dialog.scrollWidth, `receipt: ${inside()}`).to.be.at.most(dialog.clientWidth);
      } finally {
        document.documentElement.style.fontSize = '';
        await setViewport({ width: 1024, height: 800 });
      }
    });
  }

  it('says when the activities did not load, keeps the calendar, and 重试 brings them', async function () {
    this.timeout(40_000);
    const { resident, staff } = street();
    await staff.calendar.create(lunarActivity());
    const month = resident.calendar.month.bind(resident.calendar);
    let fail = true;
    resident.calendar.month = (q) =>
      fail ? Promise.reject(new ApiError('network', 'offline')) : month(q);
    const el = await mount(resident);
    expect(text($(el, '[part=load-error]'))).to.contain('活动没有加载成功');
    expect($$(el, '[part~=day]').length).to.be.above(27);
    fail = false;
    $(el, '[part=load-error] button')!.click();
    await waitUntil(() => $(el, '[part=chip]'), 'chips', WAIT);
    expect($(el, '[part=load-error]')).to.equal(null);
  });
});
