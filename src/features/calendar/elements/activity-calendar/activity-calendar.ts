import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, formatDate, shanghaiDate, type CivilDate } from '../../../../domain/time.js';
import { workdaysOf } from '../workdays.js';
import type { WorkdayCalendar } from '../../../../domain/workdays.js';
import type { Client } from '../../../../sdk/client.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import type {
  ActivityCalendar,
  ActivityPublic,
  Occurrence,
  RegistrationReceipt,
  RegistrationResidentView,
} from '../../model.js';
import type { ActionController } from '../../../../ui/action.js';
import type { Mine } from '../../../../ui/mine.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
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
/**
 * Narrower still (320px at 200% text): a grid cell has room for the day and its badge only.
 * English names are wider: under 24em ("Laba Festival", "Work") they would break mid-word.
 */
const TINY_EM = 18;
const TINY_EM_EN = 24;

/** Chips a month cell shows before "另 N 项" (the chosen day and the agenda show them all). */
const MONTH_CHIPS = 3;

/** Ranges read by each client (`community|from|to`), kept while the page lives; a failure is forgotten. */
const ranges = new WeakMap<Client, Map<string, Promise<ActivityCalendar>>>();

/**
 * The dialog (details, registration form, receipt with .ics, 我的报名), its styles and its
 * strings: one chunk, loaded once the activities are shown (or at the first tap, whichever
 * comes first).
 */
let laterModule: Promise<typeof import('./later.js')> | undefined;
const later = () => (laterModule ??= import('./later.js'));

/** The activities' chips and rows, their styles and strings: loaded with the first read. */
let activitiesModule: Promise<typeof import('./activities.js')> | undefined;
const activities = () => (activitiesModule ??= import('./activities.js'));

/** The occurrences of a read by date, in the server's order (by start). */
function byDate(read: ActivityCalendar): Map<CivilDate, Occurrence[]> {
  const days = new Map<CivilDate, Occurrence[]>();
  for (const o of read.occurrences) {
    const list = days.get(o.date);
    if (list) list.push(o);
    else days.set(o.date, [o]);
  }
  return days;
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
 * shows it in full below the grid, with its activities.
 *
 * Activities (`community` attribute or the provider's): the visible range is read with one
 * `client.calendar.month()` call (again on navigation; each range once per page), shown as chips
 * in the month and week cells (time, title, seats: 余3位 / 已满 可候补 / 不限名额; a cancelled
 * occurrence struck with its reason) and as rows per day in the agenda. Each cell's label counts
 * its activities. A failed read says so with 重试 and keeps the calendar. Tapping an activity
 * (or its button in the chosen day or the agenda) opens a dialog: the details, then the
 * registration form (name and phone, private; 一家几口 up to the activity's limit and seats;
 * 代报名 for an elder; the privacy notice and consent), sent under one Idempotency-Key kept
 * across retries; the receipt says confirmed or waitlisted with the place in line, shows the
 * code once (copy) and offers the occurrence as an .ics file. 我的报名 looks a registration up
 * by its code and cancels it. The dialog's code loads after the first render.
 *
 * @summary A month/week/agenda calendar with 农历, 节气, festivals, 休/班 and the community's activities, with registration.
 *
 * @event {SqRegisteredEvent} sq-registered - A resident registered: `detail` is `{ activity, date, status, position }` (`confirmed`, or `waitlisted` with its place in line); never a name or phone.
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
 * @csspart chip - An activity in a month or week cell.
 * @csspart activities - The activities of the chosen day or of an agenda day.
 * @csspart activity - One activity's button (opens its dialog).
 * @csspart mine - The 我的报名 button.
 * @csspart load-error - The activities did not load, with 重试.
 * @csspart dialog - The activity's (or 我的报名's) modal dialog.
 * @csspart form - The registration form, or the code form of 我的报名.
 * @csspart field - One field: label, hint, control and error.
 * @csspart error - Errors and alerts.
 * @csspart privacy - The privacy notice.
 * @csspart submit - The 报名 button.
 * @csspart receipt - The receipt with the registration code.
 * @csspart result - 我的报名: the registration found.
 *
 * @cssprop --sq-activity-calendar-max-width - Widest the element grows (60rem).
 * @cssprop --sq-activity-calendar-off - Colour of 休 badges (党建红).
 * @cssprop --sq-activity-calendar-work - Colour of 班 badges (dark grey).
 * @cssprop --sq-activity-calendar-chip - Background of an activity chip (light 党建红).
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

  /** @internal The element's width in its own ems: narrow under NARROW_EM, tiny under TINY_EM. */
  @state() ems = 99;
  /** @internal */
  get narrow() {
    return this.ems < NARROW_EM;
  }
  /** @internal The working-day calendar, once loaded; undefined until then. */
  @state() workdays?: WorkdayCalendar | undefined;
  /** @internal */ @state() scheduleFailed = false;
  /** @internal The day chosen with Enter or a tap (shown in full below the grid). */
  @state() chosen?: CivilDate | undefined;
  /** @internal */ @state() announce = '';
  /** @internal The visible range's occurrences by date; undefined until read. */
  @state() occurrences?: Map<CivilDate, Occurrence[]> | undefined;
  /** @internal The visible range did not load. */
  @state() loadError?: ApiError | undefined;
  /** @internal */ @state() loading = false;
  /** @internal The activities' chunk (chips, rows), once here: before `occurrences`. */
  @state() acts?: typeof import('./activities.js');
  /**
   * @internal The later chunk (the dialog), once here. Not a state: its arrival changes nothing
   * on screen (the dialog opens with `dialogFor`), so it costs no render of the grid.
   */
  lazy?: typeof import('./later.js');
  /** @internal What the dialog shows: an occurrence, or 我的报名. */
  @state() dialogFor?: Occurrence | 'mine' | undefined;
  /** @internal The occurrence's activity (description, limits), read when the dialog opens. */
  @state() activity?: ActivityPublic | undefined;
  /** @internal */ @state() activityError?: ApiError | undefined;
  /** @internal The registration form's values (the phone lives here only, in memory). */
  @state() values: Record<string, string | boolean> = {};
  /** @internal The first error of each field, as i18n keys with their params. */
  @state() errors: Record<string, { key: string; params?: Record<string, unknown> }> = {};
  /** @internal The receipt; its code is shown once. */
  @state() receipt?: RegistrationReceipt | undefined;
  /** @internal What the last copy did. */
  @state() note = '';
  /**
   * @internal 报名: one Idempotency-Key per registration (its body), reused on its retries;
   * made by the later chunk (the dialog) with the kit's ActionController.
   */
  registering?: ActionController;
  /** @internal 我的报名: the look-up by code and its cancellation (the kit's), made by the later chunk. */
  mine?: Mine<RegistrationResidentView>;
  /** @internal */
  get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  /** @internal */
  readonly t = new LocalizeController(this, 'activity-calendar', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/activity-calendar.js'),
  });

  private resizer?: ResizeObserver;
  private loadedFor?: Client;
  /** The range (`community|from|to`) shown, or being read. */
  private rangeKey?: string;
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

  /** Its width in its own font size (ems): narrow and tiny are read from it. */
  private measure() {
    const width = this.getBoundingClientRect().width;
    if (!width) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 16;
    this.ems = width / em;
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
    const [from, to] = this.range();
    const key = `${this.communityId ?? ''}|${from}|${to}`;
    if (key !== this.rangeKey || client !== this.rangeClient) void this.loadActivities();
  }

  private rangeClient?: Client;

  /** @internal The first and last day the view shows (a month's whole weeks, or a week). */
  range(): [CivilDate, CivilDate] {
    const focus = this.focusDate;
    if (this.shown === 'week') {
      const from = weekStart(focus);
      return [from, addDays(from, 6)];
    }
    const weeks = monthWeeks(focus);
    return [weeks[0]![0]!, weeks[weeks.length - 1]![6]!];
  }

  /**
   * @internal Reads the visible range's activities: once per range and client (`force`: again,
   * after 重试 or a registration). A failure keeps the calendar and says so.
   */
  async loadActivities(force = false) {
    const client = this.client;
    const community = this.communityId;
    const [from, to] = this.range();
    const key = `${community ?? ''}|${from}|${to}`;
    this.rangeKey = key;
    this.rangeClient = client;
    this.loadError = undefined;
    if (!community) {
      this.occurrences = undefined;
      return;
    }
    let cache = ranges.get(client);
    if (!cache) ranges.set(client, (cache = new Map()));
    let pending = force ? undefined : cache.get(key);
    if (!pending) {
      const read = client.calendar.month({ community, from, to });
      pending = read;
      cache.set(key, read);
      read.catch(() => cache.get(key) === read && cache.delete(key));
    }
    this.loading = true;
    try {
      // The activities' chunk loads alongside the first read (its styles adopted before they show).
      const [read, acts] = await Promise.all([pending, activities()]);
      if (key !== this.rangeKey || client !== this.client) return;
      if (!this.acts) {
        adoptLater(this, acts.activityStyles);
        this.acts = acts;
      }
      this.occurrences = byDate(read);
      // The dialog's chunk loads once the activities are shown, before the first tap.
      if (read.occurrences.length) void this.updateComplete.then(() => this.later());
    } catch (error) {
      if (key === this.rangeKey && client === this.client) {
        this.occurrences = undefined;
        this.loadError = ApiError.from(error);
      }
    } finally {
      if (key === this.rangeKey) this.loading = false;
    }
  }

  /** @internal The later chunk, its styles adopted as it loads (before the dialog renders). */
  async later() {
    if (!this.lazy) {
      const m = await later();
      if (!this.lazy) {
        adoptLater(this, m.dialogStyles);
        this.lazy = m;
      }
    }
    return this.lazy;
  }

  /** @internal Opens the dialog for an occurrence, or 我的报名 (later.ts). */
  async open(what: Occurrence | 'mine') {
    return (await this.later()).open(this, what);
  }

  /** @internal Seats changed here (a registration, a cancellation): every range is read again. */
  refresh() {
    ranges.delete(this.client);
    void this.loadActivities(true);
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
    return dayInfo(date, this.t, this.workdays);
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
    const n = this.occurrences?.get(d.date)?.length ?? 0;
    if (n) parts.push(t.t('activities', { count: n }));
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
    const what = this.dialogFor;
    return html`<h2 part="title">${t.t('title')}</h2>
      ${
        // 我的报名 first: a resident with a code comes for it, not for the month.
        this.communityId
          ? html`<button
              type="button"
              class="button-secondary"
              part="mine"
              aria-haspopup="dialog"
              @click=${() => this.open('mine')}
            >
              ${t.t('mine')}
            </button>`
          : nothing
      }
      ${this.renderToolbar(view)} ${this.renderNotice()} ${this.renderLoad()}
      ${view === 'agenda' ? this.renderAgenda() : this.renderGrid(view)}
      <p class="visually-hidden" role="status">${this.announce}</p>
      <dialog part="dialog" aria-labelledby="d-title" @close=${() => this.lazy?.closed(this)}>
        ${what && this.lazy ? this.lazy.renderDialog(this, what) : nothing}
      </dialog>`;
  }

  /** Loading, or the activities did not load (with 重试): the calendar itself stays. */
  private renderLoad() {
    const t = this.t;
    if (this.loadError) {
      return html`<div class="alert" role="alert" part="load-error">
        <p>${t.t('loadFailed')}${t.t(this.loadError.key)}</p>
        <button type="button" class="button-secondary" @click=${() => this.loadActivities(true)}>
          ${t.t('common:retry')}
        </button>
      </div>`;
    }
    return html`<p class="hint-text loading" role="status">
      ${this.loading && this.communityId ? t.t('loading') : ''}
    </p>`;
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
    const en = lang.startsWith('en');
    const tiny = this.ems < (en ? TINY_EM_EN : TINY_EM);
    const names = weeks[0]!.map((d) => ({
      short: formatDate(d, lang, { weekday: en && !tiny ? 'short' : 'narrow' }),
      long: formatDate(d, lang, { weekday: 'long' }),
    }));
    return html`<p id="grid-help" class="visually-hidden">${t.t('gridHelp')}</p>
      <table
        role="grid"
        part="grid"
        class=${[view, this.narrow ? 'narrow' : '', tiny ? 'tiny' : ''].join(' ').trim()}
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
                  const list = this.occurrences?.get(date);
                  return html`<td
                    role="gridcell"
                    part="day"
                    class=${classes}
                    data-date=${date}
                    tabindex=${date === focus ? '0' : '-1'}
                    aria-selected=${date === this.chosen ? 'true' : 'false'}
                    aria-current=${date === today ? 'date' : nothing}
                    @click=${(e: Event) => this.cellClick(e, date)}
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
                    ${list && this.acts ? this.acts.chips(this, list, this.narrow ? 0 : view === 'month' ? MONTH_CHIPS : list.length) : nothing}
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
      ${this.chosen ? this.renderDetail(this.info(this.chosen)) : nothing}`;
  }

  /** A tap on a chip opens its activity; anywhere else in the cell chooses the day. */
  private cellClick(e: Event, date: CivilDate) {
    this.choose(date);
    const key = (e.target as Element).closest<HTMLElement>('[part~=chip]')?.dataset['key'];
    const o = key && this.occurrences?.get(date)?.find((x) => `${x.activity}@${x.date}` === key);
    if (o) void this.open(o);
  }

  /** The chosen day in full: names the grid's narrow cells could only hint at. */
  private renderDetail(d: DayInfo) {
    return html`<section class="detail" part="detail" aria-labelledby="detail-heading">
      <h4 id="detail-heading">${this.long(d.date)}</h4>
      ${this.dayLines(d)} ${this.rows(d.date, true)}
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

  /** A day's activities (the chunk's rows), once it is here. */
  private rows(date: CivilDate, intro = false) {
    return this.acts ? this.acts.rows(this, date, intro) : nothing;
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
      .filter(
        (d) =>
          d.date === today ||
          d.status ||
          d.term ||
          d.festivals.length ||
          d.newMonth ||
          this.occurrences?.has(d.date),
      );
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
                    ${this.dayLines(d)} ${this.rows(d.date)}
                  </li>`,
              )}
            </ol>`
          : html`<p>${t.t('agendaEmpty')}</p>`
      }`;
  }
}
