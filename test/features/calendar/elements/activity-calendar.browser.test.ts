import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/activity-calendar.js';
import '../../../../src/define/provider.js';
import type { SqActivityCalendar } from '../../../../src/features/calendar/elements/activity-calendar/index.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets } from '../../../ui/a11y.js';

function street() {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const admin = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  return { resident, admin };
}

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const cell = (el: Element, date: string) => $(el, `[part~=day][data-date="${date}"]`)!;
const focused = (el: Element) =>
  (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['date'];

interface Options {
  lang?: string;
  care?: boolean;
  view?: string;
  date?: string;
}

async function mount(client: Client, opts: Options = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${opts.lang ?? 'zh-CN'} community="xingfuli">
      <sq-activity-calendar
        ?care=${opts.care ?? false}
        view=${opts.view ?? ''}
        date=${opts.date ?? '2026-02-17'}
      ></sq-activity-calendar>
    </sq-provider>`,
  );
  const el = provider.querySelector('sq-activity-calendar')! as SqActivityCalendar;
  if (!opts.view) el.removeAttribute('view');
  await waitUntil(() => el.workdays || el.scheduleFailed, 'schedules', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

describe('<sq-activity-calendar>', () => {
  before(() => setViewport({ width: 1024, height: 800 }));

  it('shows lunar dates, 节气, festivals and 休/班 from the 2026 schedule', async () => {
    const el = await mount(street().resident, { view: 'month' });
    expect($(el, '#heading')!.textContent).to.contain('2026年2月');
    const spring = cell(el, '2026-02-17');
    expect(spring.querySelector('.lunar')!.textContent).to.equal('正月'); // 初一 shows the month
    expect(spring.textContent).to.contain('春节');
    expect(spring.querySelector('[part=badge]')!.textContent).to.equal('休');
    expect(spring.querySelector('.label')!.textContent).to.equal(
      '2026年2月17日星期二，农历正月初一，春节，放假',
    );
    expect(cell(el, '2026-02-16').textContent).to.contain('除夕');
    expect(cell(el, '2026-02-16').textContent).to.contain('廿九');
    expect(cell(el, '2026-02-04').textContent).to.contain('立春');
    const work = cell(el, '2026-02-14');
    expect(work.querySelector('[part=badge]')!.textContent).to.equal('班');
    expect(work.querySelector('.label')!.textContent).to.contain('调休上班');
    expect(cell(el, '2026-02-28').querySelector('[part=badge]')!.textContent).to.equal('班');
    expect(!!cell(el, '2026-02-10').querySelector('[part=badge]')).to.equal(false);
    // Monday first: the grid of February 2026 opens on Monday 2026-01-26.
    const first = $(el, '[part~=day]')!;
    expect(first.dataset['date']).to.equal('2026-01-26');
    expect(!!$(el, '[part=notice]')).to.equal(false);
  });

  it('marks a leap month on its first day', async () => {
    const el = await mount(street().resident, { view: 'month', date: '2025-07-25' });
    expect(cell(el, '2025-07-25').textContent).to.contain('闰六月');
    expect(cell(el, '2025-07-25').querySelector('.label')!.textContent).to.contain(
      '农历闰六月初一',
    );
  });

  it('shows no 休/班 in a year with no schedule, and says so; a loaded year shows them', async () => {
    const { resident, admin } = street();
    const el = await mount(resident, { view: 'month', date: '2027-01-01' });
    expect(cell(el, '2027-01-01').textContent).to.contain('元旦');
    expect(!!$(el, '[part~=day] [part=badge]')).to.equal(false);
    expect($(el, '[part=notice]')!.textContent).to.contain('2027');

    await admin.calendar.putHolidays({
      year: 2027,
      off: [['2027-01-01', '2027-01-03']],
      work: ['2027-01-09'],
    });
    // Another client on the same store (the schedules are read once per client).
    const again = await mount(admin, { view: 'month', date: '2027-01-01' });
    expect(cell(again, '2027-01-01').querySelector('[part=badge]')!.textContent).to.equal('休');
    expect(cell(again, '2027-01-09').querySelector('[part=badge]')!.textContent).to.equal('班');
    expect(!!$(again, '[part=notice]')).to.equal(false);
  });

  it('is a date grid driven by the keyboard alone', async () => {
    const el = await mount(street().resident, { view: 'month' });
    const tabStops = el.shadowRoot!.querySelectorAll('[part~=day][tabindex="0"]');
    expect(tabStops.length).to.equal(1);
    expect((tabStops[0] as HTMLElement).dataset['date']).to.equal('2026-02-17');
    // Tab from the last toolbar button into the grid.
    $(el, '[data-nav=next]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('2026-02-17');
    const press = async (key: string, expected: string) => {
      const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
      if (modifier) await sendKeys({ down: modifier });
      await sendKeys({ press: name! });
      if (modifier) await sendKeys({ up: modifier });
      await el.updateComplete;
      expect(focused(el), key).to.equal(expected);
    };
    await press('ArrowRight', '2026-02-18');
    await press('ArrowDown', '2026-02-25');
    await press('ArrowLeft', '2026-02-24');
    await press('ArrowUp', '2026-02-17');
    await press('Home', '2026-02-16'); // Monday
    await press('End', '2026-02-22'); // Sunday
    await press('PageDown', '2026-03-22');
    expect($(el, '#heading')!.textContent).to.contain('2026年3月');
    await press('PageUp', '2026-02-22');
    await press('Shift+PageDown', '2027-02-22');
    await press('Shift+PageUp', '2026-02-22');
    // Across a month's edge.
    await press('Home', '2026-02-16');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focused(el)).to.equal('2026-01-26');
    await press('ArrowLeft', '2026-01-25');
    await press('ArrowLeft', '2026-01-24');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(cell(el, '2026-01-24').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '[part=detail]')!.textContent).to.contain('腊月初六');
  });

  it('pages with the previous / today / next buttons and switches views', async () => {
    const el = await mount(street().resident, { view: 'month' });
    $(el, '[data-nav=next]')!.click();
    await el.updateComplete;
    expect($(el, '#heading')!.textContent).to.contain('2026年3月');
    $(el, '[data-view=week]')!.click();
    await el.updateComplete;
    expect(el.view).to.equal('week');
    expect(el.shadowRoot!.querySelectorAll('[part~=day]').length).to.equal(7);
    $(el, '[data-nav=prev]')!.click();
    await el.updateComplete;
    expect(el.date).to.equal('2026-03-10');
    $(el, '[data-view=agenda]')!.click();
    await el.updateComplete;
    expect(!!$(el, '[part=agenda]')).to.equal(true);
    $(el, '[data-nav=today]')!.click();
    await el.updateComplete;
    expect(el.date).to.equal(el.today());
  });

  it('lists the month in the agenda: festivals, 节气 and 休/班', async () => {
    const el = await mount(street().resident, { view: 'agenda' });
    const spring = $(el, '[part=agenda-day][data-date="2026-02-17"]')!;
    expect(spring.textContent).to.contain('农历正月初一');
    expect(spring.textContent).to.contain('春节');
    expect(spring.textContent).to.contain('放假');
    expect($(el, '[part=agenda-day][data-date="2026-02-14"]')!.textContent).to.contain('调休上班');
    expect(!!$(el, '[part=agenda-day][data-date="2026-02-11"]')).to.equal(false);
  });

  it('opens on the agenda on a phone and in care mode, the month on a wide screen', async () => {
    const { resident } = street();
    expect((await mount(resident)).shown).to.equal('month');
    expect((await mount(resident, { care: true })).shown).to.equal('agenda');
    await setViewport({ width: 375, height: 700 });
    try {
      const el = await mount(resident);
      await waitUntil(() => el.shown === 'agenda', 'narrow');
      expect(!!$(el, '[part=agenda]')).to.equal(true);
    } finally {
      await setViewport({ width: 1024, height: 800 });
    }
  });

  for (const care of [false, true]) {
    it(`is accessible with target-size ${care ? 'in care mode (60px)' : '(44px)'}`, async () => {
      const { resident } = street();
      for (const view of ['month', 'week', 'agenda']) {
        const el = await mount(resident, { care, view });
        $(el, '[part~=day]')?.click();
        await el.updateComplete;
        expect(await axeViolations(el), view).to.deep.equal([]);
        expect(smallTargets(el, care ? 60 : 44), view).to.deep.equal([]);
      }
    });
  }

  for (const care of [false, true]) {
    it(`has no horizontal scroll at 320px with 200% text${care ? ' in care mode' : ''}`, async () => {
      const { resident } = street();
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      try {
        for (const view of ['', 'month', 'week', 'agenda']) {
          const el = await mount(resident, { care, view });
          await el.updateComplete;
          expect(
            document.documentElement.scrollWidth,
            `${view}: ${[...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
              .filter((e) => e.getBoundingClientRect().right > 330)
              .map((e) => `${e.localName}.${e.className}`)
              .join(' ')}`,
          ).to.be.at.most(320);
        }
      } finally {
        document.documentElement.style.fontSize = '';
        await setViewport({ width: 1024, height: 800 });
      }
    });
  }

  it('ignores a hostile date attribute', async () => {
    const el = await mount(street().resident, {
      view: 'month',
      date: '<img src=x onerror="window.__xss = 1">',
    });
    expect(!!$(el, 'img, script, svg')).to.equal(false);
    expect(el.focusDate).to.equal(el.today());
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('speaks English and follows a language switch', async () => {
    const el = await mount(street().resident, { view: 'month', lang: 'en' });
    await waitUntil(() => text(el).includes('Community calendar'));
    expect($(el, '#heading')!.textContent).to.contain('February 2026');
    expect(cell(el, '2026-02-17').textContent).to.contain('Spring Festival');
    expect(cell(el, '2026-02-17').querySelector('[part=badge]')!.textContent).to.equal('Off');
    expect(cell(el, '2026-02-17').querySelector('.label')!.textContent).to.contain(
      'lunar 正月初一, Spring Festival, Public holiday (day off)',
    );
    expect(cell(el, '2026-02-04').textContent).to.contain('Start of Spring');
    el.closest('sq-provider')!.setAttribute('lang', 'zh-CN');
    await waitUntil(() => text(el).includes('社区活动日历'));
    expect(cell(el, '2026-02-17').textContent).to.contain('春节');
  });
});
