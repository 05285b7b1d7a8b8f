import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, formatDate, shanghaiDate, type CivilDate } from '../../../../domain/time.js';
import type { WorkdayCalendar } from '../../../../domain/workdays.js';
import type { Client } from '../../../../sdk/client.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/activity-calendar.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { calendarStyles } from './activity-calendar.styles.js';
import {
  addMonths,
  dayInfo,
  inRange,
  monthWeeks,
  weekdayOf,
  weekStart,
  type DayInfo,
} from './days.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-activity-calendar': SqActivityCalendar;
  }
}

export type CalendarView = 'month' | 'week' | 'agenda';
const VIEWS: readonly CalendarView[] = ['month', 'week', 'agenda'];
/** Narrower than this (in the element's own ems) the agenda is the default: a phone. */
const NARROW_EM = 36;
/** Narrower still (320px at 200% text): a grid cell has room for the day and its badge only. */
const TINY_EM = 20;

/** The working-day calendar of each client: the server's schedules, asked for once. */
const schedules = new WeakMap<Client, Promise<WorkdayCalendar>>();
function workdaysOf(client: Client): Promise<WorkdayCalendar> {
  let pending = schedules.get(client);
  if (!pending) {
    // The server's years only, as createWorkdayCalendar would make them, without the
    // shipped schedules: the page is about to be told them.
    pending = client.calendar.holidays().then(({ years }) => {
      const holidays = new Set<CivilDate>();
      for (const y of years) {
        for (const [from, to] of y.off) {
          for (let d = from!; d <= to!; d = addDays(d, 1)) holidays.add(d);
        }
      }
      return {
        years: new Set(years.map((y) => y.year)),
        holidays,
        workdays: new Set(years.flatMap((y) => y.work)),
      };
    });
    // A failed load is asked again on the next render that needs it.
    pending.catch(() => schedules.delete(client));
    schedules.set(client, pending);
  }
  return pending;
}

/**
 * 社区活动日历: a month (Monday first), week or agenda view of the community's calendar. Each
 * day shows its Gregorian day, its 农历 day (初一 shows the month: 八月; 闰 months marked), its
 * 节气 and festivals, and 休 / 班 for 法定节假日 and 调休 workdays from the server's schedules
 * (`client.calendar.holidays()`; a year with no schedule shows none, and says so). The agenda
 * is the default on a narrow container (a phone) and in care mode. The month and week grids
 * follow the WAI-ARIA date grid: one tab stop, arrow keys by day and week, Home/End to the
 * week's Monday and Sunday, PageUp/PageDown by month (Shift: by year); each cell is labelled
 * with its date, lunar date, festivals and holiday status. Enter or a tap chooses a day and
 * shows it in full below the grid.
 *
 * @summary A month/week/agenda calendar with 农历, 节气, festivals and 休/班 badges.
 *
 * @csspart toolbar - The view switch and the previous/today/next buttons.
 * @csspart views - The view switch (月 / 周 / 列表).
 * @csspart nav - Previous, today and next.
 * @csspart heading - The month or week shown.
 * @csspart grid - The month or week grid (a table).
 * @csspart day - One day cell of the grid.
 * @csspart badge - A 休 or 班 badge.
 * @csspart detail - The chosen day in full, below the grid.
 * @csspart agenda - The agenda list.
 * @csspart agenda-day - One day of the agenda.
 * @csspart notice - Says the year's holiday schedule is missing or did not load.
 *
 * @cssprop --sq-activity-calendar-max-width - Widest the element grows (60rem).
 * @cssprop --sq-activity-calendar-off - Colour of 休 badges (党建红).
 * @cssprop --sq-activity-calendar-work - Colour of 班 badges (dark grey).
 * @cssprop --sq-color-primary - Today's ring, the chosen day and the pressed view.
 * @cssprop --sq-target-size - Smallest button height (44px; 60px in care mode).
 *
 * @cssstate agenda - The agenda view is shown.
 */
export class SqActivityCalendar extends SqElement {
  static override tagName = 'sq-activity-calendar';
  static override styles = [baseStyles, messageStyles, calendarStyles];

  /**
   * `month`, `week` or `agenda`. Absent: the agenda on a narrow container (a phone) and in
   * care mode, else the month. Set by the view switch.
   */
  @property({ reflect: true }) view?: CalendarView;

  /** The day shown and focused (`YYYY-MM-DD`, Beijing); absent: today. */
  @property({ reflect: true }) date?: string;

  /** @internal */ @state() narrow = false;
  /** @internal Under TINY_EM: grid cells show the day and its badge only. */
  @state() tiny = false;
  /** @internal The working-day calendar, once loaded; undefined until then. */
  @state() workdays?: WorkdayCalendar | undefined;
  /** @internal */ @state() scheduleFailed = false;
  /** @internal The day chosen with Enter or a tap (shown in full below the grid). */
  @state() chosen?: CivilDate | undefined;
  /** @internal */ @state() announce = '';

  /** @internal */
  readonly t = new LocalizeController(this, 'activity-calendar', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/activity-calendar.js'),
  });

  private resizer?: ResizeObserver;
  private loadedFor?: Client;
  /** Focus the grid's tab stop after the next render (keyboard moves). */
  private refocus = false;

  /** @internal Today in Beijing. */
  today(): CivilDate {
    return shanghaiDate(new Date());
  }

  /** @internal The day in focus: `date`, else today. */
  get focusDate(): CivilDate {
    const d = this.date;
    return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && inRange(d) ? d : this.today();
  }

  /** @internal The view in force. */
  get shown(): CalendarView {
    if (this.view && VIEWS.includes(this.view)) return this.view;
    return this.careMode || this.narrow ? 'agenda' : 'month';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'function') {
      this.resizer ??= new ResizeObserver(() => requestAnimationFrame(() => this.measure()));
      this.resizer.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
  }

  /** Narrow: the element is less than NARROW_EM of its own font size wide. */
  private measure() {
    const width = this.getBoundingClientRect().width;
    if (!width) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 16;
    const narrow = width / em < NARROW_EM;
    if (narrow !== this.narrow) this.narrow = narrow;
    const tiny = width / em < TINY_EM;
    if (tiny !== this.tiny) this.tiny = tiny;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) this.measure();
    this.customStates.set({ agenda: this.shown === 'agenda' });
    const client = this.client;
    if (client !== this.loadedFor) {
      this.loadedFor = client;
      void this.loadSchedules(client);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.refocus) {
      this.refocus = false;
      this.renderRoot.querySelector<HTMLElement>('[part~=day][tabindex="0"]')?.focus();
    }
  }

  /** @internal Loads the server's (or the embedded store's) holiday schedules. */
  async loadSchedules(client: Client) {
    this.scheduleFailed = false;
    try {
      const calendar = await workdaysOf(client);
      if (client === this.client) this.workdays = calendar;
    } catch {
      if (client === this.client) this.scheduleFailed = true;
    }
  }

  /** @internal */
  info(date: CivilDate): DayInfo {
    return dayInfo(date, this.t.lang, this.workdays);
  }

  /** @internal A date for people: 2月17日 星期二 / Tuesday, February 17. */
  long(date: CivilDate) {
    return formatDate(date, this.t.lang, { month: 'long', day: 'numeric', weekday: 'long' });
  }

  /** @internal What a screen reader says for a day: date, lunar date, festivals, 休/班. */
  label(d: DayInfo): string {
    const t = this.t;
    const parts = [
      formatDate(d.date, t.lang, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: 'long',
      }),
    ];
    if (d.date === this.today()) parts.push(t.t('todayLong'));
    if (d.lunarLong) parts.push(t.t('lunar', { date: d.lunarLong }));
    if (d.term) parts.push(d.term);
    parts.push(...d.festivals);
    if (d.status) parts.push(t.t(d.status === 'off' ? 'offLong' : 'workLong'));
    return parts.join(t.lang.startsWith('en') ? ', ' : '，');
  }

  /** Moves the focus to `date` (and its month or week), keeping keyboard focus in the grid. */
  private moveTo(date: CivilDate, focus = true) {
    if (!inRange(date)) return;
    this.date = date;
    this.refocus = focus;
  }

  private setView(view: CalendarView) {
    this.view = view;
    this.chosen = undefined;
  }

  private page(step: number) {
    const view = this.shown;
    this.moveTo(
      view === 'week' ? addDays(this.focusDate, 7 * step) : addMonths(this.focusDate, step),
      false,
    );
    this.chosen = undefined;
  }

  private goToday() {
    this.moveTo(this.today(), false);
    this.chosen = undefined;
  }

  private choose(date: CivilDate) {
    this.moveTo(date, false);
    this.chosen = date;
    this.announce = this.t.t('chosen', { date: this.long(date) });
  }

  private readonly keydown = (e: KeyboardEvent) => {
    const date = this.focusDate;
    const day = weekdayOf(date);
    const moves: Record<string, () => CivilDate> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -day),
      End: () => addDays(date, 6 - day),
      PageUp: () => addMonths(date, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(date, e.shiftKey ? 12 : 1),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.moveTo(move());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.choose(date);
    }
  };

  protected override render() {
    const t = this.t;
    const view = this.shown;
    return html`<h2 part="title">${t.t('title')}</h2>
      ${this.renderToolbar(view)} ${this.renderNotice()}
      ${view === 'agenda' ? this.renderAgenda() : this.renderGrid(view)}
      <p class="visually-hidden" role="status">${this.announce}</p>`;
  }

  private heading(view: CalendarView): string {
    const lang = this.t.lang;
    const date = this.focusDate;
    if (view !== 'week') return formatDate(date, lang, { year: 'numeric', month: 'long' });
    const from = weekStart(date);
    const to = addDays(from, 6);
    return this.t.t('weekOf', {
      from: formatDate(from, lang, { year: 'numeric', month: 'long', day: 'numeric' }),
      to: formatDate(to, lang, { month: 'long', day: 'numeric' }),
    });
  }

  private renderToolbar(view: CalendarView) {
    const t = this.t;
    const unit = view === 'week' ? 'week' : 'month';
    return html`<div class="toolbar" part="toolbar">
        <div class="views" part="views" role="group" aria-label=${t.t('views.label')}>
          ${VIEWS.map(
            (v) =>
              html`<button
                type="button"
                class="button-secondary"
                data-view=${v}
                aria-pressed=${v === view ? 'true' : 'false'}
                @click=${() => this.setView(v)}
              >
                ${t.t(`views.${v}`)}
              </button>`,
          )}
        </div>
        <div class="nav" part="nav">
          <button
            type="button"
            class="button-secondary"
            data-nav="prev"
            @click=${() => this.page(-1)}
          >
            <span aria-hidden="true">‹</span> ${t.t(`prev.${unit}`)}
          </button>
          <button
            type="button"
            class="button-secondary"
            data-nav="today"
            @click=${() => this.goToday()}
          >
            ${t.t('today')}
          </button>
          <button
            type="button"
            class="button-secondary"
            data-nav="next"
            @click=${() => this.page(1)}
          >
            ${t.t(`next.${unit}`)} <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <h3 id="heading" part="heading" aria-live="polite">${this.heading(view)}</h3>`;
  }

  /** Says when the year shown has no 休/班 (no schedule yet, or it did not load). */
  private renderNotice() {
    const t = this.t;
    if (this.scheduleFailed) {
      return html`<p class="notice" part="notice">${t.t('scheduleFailed')}</p>`;
    }
    const year = Number(this.focusDate.slice(0, 4));
    if (!this.workdays || this.workdays.years.has(year)) return nothing;
    return html`<p class="notice" part="notice">${t.t('noSchedule', { year })}</p>`;
  }

  private badge(d: DayInfo) {
    if (!d.status) return nothing;
    return html`<span class="badge" part="badge" data-status=${d.status} aria-hidden="true"
      >${this.t.t(d.status)}</span
    >`;
  }

  private renderGrid(view: 'month' | 'week') {
    const t = this.t;
    const lang = t.lang;
    const focus = this.focusDate;
    const today = this.today();
    const weeks =
      view === 'month' ? monthWeeks(focus) : [monthWeeks(focus).find((w) => w.includes(focus))!];
    const month = focus.slice(0, 7);
    const names = weeks[0]!.map((d) => ({
      short: formatDate(d, lang, { weekday: lang.startsWith('en') ? 'short' : 'narrow' }),
      long: formatDate(d, lang, { weekday: 'long' }),
    }));
    return html`<p id="grid-help" class="visually-hidden">${t.t('gridHelp')}</p>
      <table
        role="grid"
        part="grid"
        class=${this.tiny ? `${view} tiny` : view}
        aria-labelledby="heading"
        aria-describedby="grid-help"
        @keydown=${this.keydown}
      >
        <thead>
          <tr>
            ${names.map(
              (n, i) =>
                html`<th scope="col" abbr=${n.long} class=${i > 4 ? 'weekend' : ''}>
                  <span aria-hidden="true">${n.short}</span
                  ><span class="visually-hidden">${n.long}</span>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                ${week.map((date) => {
                  const d = this.info(date);
                  const outside = view === 'month' && date.slice(0, 7) !== month;
                  const classes = [
                    'day',
                    outside ? 'outside' : '',
                    weekdayOf(date) > 4 ? 'weekend' : '',
                    d.status ?? '',
                  ].join(' ');
                  return html`<td
                    role="gridcell"
                    part="day"
                    class=${classes}
                    data-date=${date}
                    tabindex=${date === focus ? '0' : '-1'}
                    aria-selected=${date === this.chosen ? 'true' : 'false'}
                    aria-current=${date === today ? 'date' : nothing}
                    @click=${() => this.choose(date)}
                  >
                    <span class="visually-hidden label">${this.label(d)}</span>
                    <span class="top" aria-hidden="true"
                      ><span class="num">${d.day}</span>${this.badge(d)}</span
                    >
                    <span
                      class=${d.newMonth ? 'lunar month-start' : 'lunar'}
                      lang="zh-CN"
                      aria-hidden="true"
                      >${d.lunarShort}</span
                    >
                    ${d.term ? html`<span class="term" aria-hidden="true">${d.term}</span>` : nothing}
                    ${d.festivals.map((f) => html`<span class="festival" aria-hidden="true">${f}</span>`)}
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
      ${this.chosen ? this.renderDetail(this.info(this.chosen)) : nothing}`;
  }

  /** The chosen day in full: names the grid's narrow cells could only hint at. */
  private renderDetail(d: DayInfo) {
    return html`<section class="detail" part="detail" aria-labelledby="detail-heading">
      <h4 id="detail-heading">${this.long(d.date)}</h4>
      ${this.dayLines(d)}
    </section>`;
  }

  /**
   * A day's full date as an agenda heading: whole in Chinese (2月4日星期三 is short); in English
   * it may wrap between its words ("Wednesday, February 4" at 320px and 200% text) but keeps
   * the month with its day.
   */
  private dayTitle(date: CivilDate) {
    const label = this.long(date);
    return label.includes(' ')
      ? label.replace(/ (\d+)$/, '\u00a0$1')
      : html`<span class="nowrap">${label}</span>`;
  }

  private dayLines(d: DayInfo) {
    const t = this.t;
    return html`<p class="lines">
      ${
        d.status
          ? html`<span class="badge" part="badge" data-status=${d.status}>${t.t(d.status)}</span>
              <span class="status-text">${t.t(d.status === 'off' ? 'offLong' : 'workLong')}</span>`
          : nothing
      }
      ${d.lunarLong ? html`<span>${t.t('lunar', { date: d.lunarLong })}</span>` : nothing}
      ${d.term ? html`<span class="term">${d.term}</span>` : nothing}
      ${d.festivals.map((f) => html`<span class="festival">${f}</span>`)}
    </p>`;
  }

  /** The month as a list of the days that have something: today, festivals, 节气, 休/班, 初一. */
  private renderAgenda() {
    const t = this.t;
    const focus = this.focusDate;
    const today = this.today();
    const days = monthWeeks(focus)
      .flat()
      .filter((date) => date.slice(0, 7) === focus.slice(0, 7))
      .map((date) => this.info(date))
      .filter((d) => d.date === today || d.status || d.term || d.festivals.length || d.newMonth);
    return html`<p class="hint-text">${t.t('agendaIntro')}</p>
      ${
        days.length
          ? html`<ol class="agenda" part="agenda" aria-labelledby="heading">
              ${days.map(
                (d) =>
                  html`<li
                    part="agenda-day"
                    class=${d.date === today ? 'today' : ''}
                    data-date=${d.date}
                    aria-current=${d.date === today ? 'date' : nothing}
                  >
                    <h4>
                      ${this.dayTitle(d.date)}
                      ${d.date === today ? html`<span class="today-tag">${t.t('today')}</span>` : nothing}
                    </h4>
                    ${this.dayLines(d)}
                  </li>`,
              )}
            </ol>`
          : html`<p>${t.t('agendaEmpty')}</p>`
      }`;
  }
}
