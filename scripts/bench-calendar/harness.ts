/**
 * The benchmark page of scripts/bench-calendar.mjs: <sq-activity-calendar>'s month view of a
 * month with 500 activities against a hand-written vanilla DOM month grid of the same visible
 * content, measured in this browser.
 *
 * The street is the embedded transport on a memory store; staff publish 500 one-off activities
 * in October 2026 (国庆 休, 调休 班, 寒露, 霜降, 重阳) before anything is timed. A warm-up
 * calendar reads the month (the element keeps each range per client) and loads its chunks, so
 * what is timed is rendering: from creating the element to a settled DOM (every cell with its
 * 农历, 节气, festivals and 休/班, the chips and "另 N 项", the dialog chunk in), then one forced
 * layout. The vanilla grid gets the same occurrences (read once through the SDK) and the same
 * holiday schedule, and builds in one go: the toolbar, the weekday heads, 42 cells with the
 * hidden label (date, 农历, 节气, festivals, 休/班, activity count), the day, its badge, the
 * lunar day, 节气 and festivals, up to three chips (time, title, seats) and "另 N 项"; then
 * one forced layout. A second vanilla grid shows all 500 chips.
 */
import '../../src/define/provider.js';
import '../../src/define/activity-calendar.js';
import { festivalsOf, solarTermOf, toLunar } from '../../src/domain/lunar.js';
import { festivalNames, solarTermNames } from '../../src/domain/lunar-names.js';
import { addDays, shanghaiClock, type CivilDate } from '../../src/domain/time.js';
import type { SqActivityCalendar } from '../../src/features/calendar/elements/activity-calendar/index.js';
import type { ActivityInput, Occurrence } from '../../src/features/calendar/model.js';
import { workdaysOf } from '../../src/features/calendar/elements/workdays.js';
import type { WorkdayCalendar } from '../../src/domain/workdays.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { median, tick } from '../bench-page/browser.js';

const COMMUNITY = 'xingfuli';
const MONTH = '2026-10';
const ACTIVITIES = 500;
/** Chips a month cell shows before "另 N 项" (the element's MONTH_CHIPS). */
const CHIPS = 3;
const root = document.getElementById('root')!;

const categories = ['culture', 'festival', 'volunteer', 'health', 'elderly', 'family'] as const;
const titles = ['太极拳晨练', '重阳敬老宴', '垃圾分类宣传', '义诊测血压', '书法兴趣班', '亲子手工'];

/** The day of the month of the k-th activity: 18 on each of the 1st–25th, 1–4 then 40 after, none on the 31st. */
function dayOf(k: number): number {
  if (k < 450) return 1 + (k % 25);
  const rest = k - 450;
  if (rest < 10) return rest < 1 ? 26 : rest < 3 ? 27 : rest < 6 ? 28 : 29;
  return 30;
}

function input(k: number): ActivityInput {
  const hour = 8 + (k % 12);
  const date = `${MONTH}-${String(dayOf(k)).padStart(2, '0')}`;
  return {
    community: COMMUNITY,
    title: `${titles[k % titles.length]!}（第 ${k + 1} 场）`,
    description: '',
    category: categories[k % categories.length]!,
    place: '幸福里社区党群服务中心',
    date,
    startTime: `${String(hour).padStart(2, '0')}:${k % 2 ? '30' : '00'}`,
    endTime: `${String(hour + 1).padStart(2, '0')}:${k % 2 ? '30' : '00'}`,
    capacity: k % 3 ? 20 : 0,
    publish: true,
  };
}

async function street(): Promise<Client> {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  for (let k = 0; k < ACTIVITIES; k++) await staff.calendar.create(input(k));
  return resident;
}

// ---- the element -----------------------------------------------------------------------------

interface Expected {
  chips: number;
  more: number;
  badges: number;
}

function settled(el: SqActivityCalendar, expected: Expected): boolean {
  const shadow = el.shadowRoot;
  if (!shadow || !el.lazy || el.isUpdatePending) return false;
  return (
    shadow.querySelectorAll('[part~=chip]').length === expected.chips &&
    shadow.querySelectorAll('.day > .more').length === expected.more &&
    shadow.querySelectorAll('[part~=badge]').length === expected.badges
  );
}

async function element(client: Client, expected: Expected): Promise<number> {
  root.replaceChildren();
  const start = performance.now();
  const provider = document.createElement('sq-provider') as HTMLElement & { client: Client };
  provider.client = client;
  provider.setAttribute('community', COMMUNITY);
  const el = document.createElement('sq-activity-calendar');
  el.setAttribute('view', 'month');
  el.setAttribute('date', `${MONTH}-15`);
  provider.append(el);
  root.append(provider);
  // Microtasks first, as bench-form does: a task would let a frame render in between.
  for (let turns = 0; !settled(el, expected); turns++) {
    await (turns < 200 ? null : tick());
    if (turns > 5000) throw new Error('the calendar did not settle');
  }
  void root.offsetHeight;
  return performance.now() - start;
}

// ---- the vanilla month grid ------------------------------------------------------------------

const STYLE = `:host{display:block;max-width:60rem;font:16px/1.5 system-ui}h2,h3{margin:12px 0}.toolbar{display:flex;flex-wrap:wrap;gap:12px;justify-content:space-between}.views,.nav{display:flex;gap:8px}button{min-height:44px;font:inherit}[aria-pressed=true]{color:#fff;background:#b3121f}table{width:100%;table-layout:fixed;border-collapse:collapse}th{padding:4px 0;color:#41464e}th.weekend,.weekend .num,.festival{color:#b3121f}.day{vertical-align:top;height:5.5rem;padding:4px;border:1px solid #d0d4da;overflow:hidden;overflow-wrap:anywhere;word-break:break-all;line-height:1.25;cursor:pointer}.day>span{display:block}.top{display:flex;justify-content:space-between;gap:2px}.num{font-size:1.125em;font-weight:700}.lunar,.term,.festival,.chip,.more{font-size:14px}.lunar{color:#41464e}.month-start,.term{color:#1a6b34;font-weight:600}.outside{background:#f4f5f7}.outside>span{opacity:.75}.off{background:#fbe9ea}.badge{display:inline-block;padding:0 .3em;border-radius:4px;color:#fff;background:#b3121f;font-size:14px;font-weight:700}.badge[data-status=work]{background:#3d4249}.day>.chip{display:block;margin-top:2px;padding:0 2px;border-radius:4px;background:#fbe9ea;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.chip .time,.chip .seats{font-weight:600}.chip[data-state=finished]{background:#f4f5f7;color:#41464e}.more{color:#41464e}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
  timeZone: 'UTC',
});
const weekdayFormat = new Intl.DateTimeFormat('zh-CN', { weekday: 'long', timeZone: 'UTC' });
const narrowFormat = new Intl.DateTimeFormat('zh-CN', { weekday: 'narrow', timeZone: 'UTC' });
const utc = (date: CivilDate) => new Date(`${date}T00:00:00.000Z`);

interface Day {
  lunarShort: string;
  lunarLong: string;
  newMonth: boolean;
  term?: string | undefined;
  festivals: string[];
}

/** Each day's lunar facts, worked out once per date (as a hand-written page would keep them). */
const days = new Map<CivilDate, Day>();
function day(date: CivilDate): Day {
  let d = days.get(date);
  if (!d) {
    const lunar = toLunar(date);
    const term = solarTermOf(date);
    d = {
      lunarShort: lunar.day === 1 ? lunar.monthName : lunar.dayName,
      lunarLong: `${lunar.monthName}${lunar.dayName}`,
      newMonth: lunar.day === 1,
      term: term === undefined ? undefined : solarTermNames[term],
      festivals: festivalsOf(date).map((id) => festivalNames[id]),
    };
    days.set(date, d);
  }
  return d;
}

function seats(o: Occurrence): string {
  switch (o.state) {
    case 'open':
      return o.capacity ? `余${o.left ?? 0}位` : '不限名额';
    case 'full':
      return '已满 可候补';
    case 'closed':
      return '不在报名时间';
    case 'none':
      return '无需报名';
    case 'cancelled':
      return '已取消';
    default:
      return '已结束';
  }
}

function chip(o: Occurrence): HTMLElement {
  const node = el(
    'span',
    'chip',
    el('span', 'time', o.allDay ? '全天' : shanghaiClock(o.start)),
    ` ${o.title} `,
    el('span', 'seats', seats(o)),
  );
  node.dataset['state'] = o.state;
  node.dataset['key'] = `${o.activity}@${o.date}`;
  node.setAttribute('aria-hidden', 'true');
  return node;
}

function button(text: string): HTMLButtonElement {
  const b = el('button', 'button-secondary', text);
  b.type = 'button';
  return b;
}

/** The month grid: `max` chips per cell then "另 N 项" (Infinity: every chip). */
function vanillaGrid(occurrences: Occurrence[], workdays: WorkdayCalendar, max: number) {
  const byDate = new Map<CivilDate, Occurrence[]>();
  for (const o of occurrences) {
    const list = byDate.get(o.date);
    if (list) list.push(o);
    else byDate.set(o.date, [o]);
  }
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'open' });
  const views = el('div', 'views', ...['月', '周', '列表'].map(button));
  views.children[0]!.setAttribute('aria-pressed', 'true');
  const head = el('tr');
  const body = el('tbody');
  const first = `${MONTH}-01`;
  const monday = addDays(first, -((utc(first).getUTCDay() + 6) % 7));
  for (let i = 0; i < 7; i++) {
    const date = addDays(monday, i);
    const long = weekdayFormat.format(utc(date));
    const th = el(
      'th',
      i > 4 ? 'weekend' : '',
      el('span', '', narrowFormat.format(utc(date))),
      el('span', 'visually-hidden', long),
    );
    th.scope = 'col';
    th.abbr = long;
    head.append(th);
  }
  for (let week = 0, date = monday; week === 0 || date.slice(0, 7) === MONTH; week++) {
    const row = el('tr');
    for (let i = 0; i < 7; i++, date = addDays(date, 1)) {
      const d = day(date);
      const list = byDate.get(date) ?? [];
      const status = workdays.holidays.has(date)
        ? 'off'
        : workdays.workdays.has(date)
          ? 'work'
          : '';
      const label = [dateFormat.format(utc(date)), `农历${d.lunarLong}`];
      if (d.term) label.push(d.term);
      label.push(...d.festivals);
      if (status) label.push(status === 'off' ? '放假' : '调休上班');
      if (list.length) label.push(`${list.length} 项活动`);
      const top = el('span', 'top', el('span', 'num', String(Number(date.slice(8)))));
      if (status) {
        const badge = el('span', 'badge', status === 'off' ? '休' : '班');
        badge.dataset['status'] = status;
        top.append(badge);
      }
      const cell = el(
        'td',
        `day${date.slice(0, 7) === MONTH ? '' : ' outside'}${i > 4 ? ' weekend' : ''}${status ? ` ${status}` : ''}`,
        el('span', 'visually-hidden', label.join('，')),
        top,
        el('span', d.newMonth ? 'lunar month-start' : 'lunar', d.lunarShort),
      );
      cell.dataset['date'] = date;
      cell.tabIndex = date === `${MONTH}-15` ? 0 : -1;
      cell.setAttribute('role', 'gridcell');
      if (d.term) cell.append(el('span', 'term', d.term));
      for (const f of d.festivals) cell.append(el('span', 'festival', f));
      for (const o of list.slice(0, max)) cell.append(chip(o));
      if (list.length > max) cell.append(el('span', 'more', `另 ${list.length - max} 项`));
      row.append(cell);
    }
    body.append(row);
  }
  const table = el('table', 'month', el('thead', '', head), body);
  table.setAttribute('role', 'grid');
  shadow.append(
    el('style', '', STYLE),
    el('h2', '', '社区活动日历'),
    button('我的报名'),
    el(
      'div',
      'toolbar',
      views,
      el('div', 'nav', button('‹ 上个月'), button('今天'), button('下个月 ›')),
    ),
    el('h3', '', '2026年10月'),
    table,
    el('dialog'),
  );
  return host;
}

function vanilla(occurrences: Occurrence[], workdays: WorkdayCalendar, max: number): number {
  root.replaceChildren();
  const start = performance.now();
  root.append(vanillaGrid(occurrences, workdays, max));
  void root.offsetHeight;
  return performance.now() - start;
}

// ---- the run -----------------------------------------------------------------------------------

async function run(iterations = 21) {
  const seedStart = performance.now();
  const client = await street();
  const seedMs = performance.now() - seedStart;
  const from = addDays(`${MONTH}-01`, -3); // the grid's first Monday (2026-09-28)
  const read = await client.calendar.month({ community: COMMUNITY, from, to: addDays(from, 41) });
  const workdays = await workdaysOf(client);
  const counts = new Map<CivilDate, number>();
  for (const o of read.occurrences) counts.set(o.date, (counts.get(o.date) ?? 0) + 1);
  let badges = 0;
  for (let i = 0, d = from; i < 42; i++, d = addDays(d, 1)) {
    if (workdays.holidays.has(d) || workdays.workdays.has(d)) badges++;
  }
  const expected: Expected = {
    chips: [...counts.values()].reduce((sum, n) => sum + Math.min(n, CHIPS), 0),
    more: [...counts.values()].filter((n) => n > CHIPS).length,
    badges,
  };
  // Warm-up: the range read and kept by the element, its chunks, the JIT, the lunar facts.
  for (let i = 0; i < 3; i++) {
    await element(client, expected);
    vanilla(read.occurrences, workdays, CHIPS);
    vanilla(read.occurrences, workdays, Infinity);
  }
  const times = { element: [] as number[], vanilla: [] as number[], vanillaAll: [] as number[] };
  // Alternating, so drift (GC, thermal) hits all three alike.
  for (let i = 0; i < iterations; i++) {
    times.vanilla.push(vanilla(read.occurrences, workdays, CHIPS));
    await tick();
    times.element.push(await element(client, expected));
    await tick();
    times.vanillaAll.push(vanilla(read.occurrences, workdays, Infinity));
    await tick();
  }
  root.replaceChildren();
  return {
    seedMs,
    occurrences: read.occurrences.length,
    expected,
    element: median(times.element),
    vanilla: median(times.vanilla),
    vanillaAll: median(times.vanillaAll),
  };
}

(window as unknown as { bench: typeof run }).bench = run;
