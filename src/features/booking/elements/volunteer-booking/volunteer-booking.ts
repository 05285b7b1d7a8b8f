import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type {
  BookingReceipt,
  BookingResidentView,
  BookingService,
  BookingServiceListing,
  BookingSubmission,
  DayView,
  SlotView,
} from '../../model.js';
import { addDays, formatDate, formatDateTime, shanghaiDate } from '../../../../domain/time.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/volunteer-booking.js';
import type { Mine } from '../../../../ui/mine.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { fieldStyles } from '../../../../ui/fields/fields.styles.js';
import { lookupStyles } from '../../../../ui/lookup.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { SubmissionController } from '../../../../ui/submission/submission-controller.js';
import { bookingStyles } from './volunteer-booking.styles.js';
import { SqBookedEvent, SqCancelledEvent } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-volunteer-booking': SqVolunteerBooking;
  }
}

/** What the resident has entered. A draft keeps all but the names, the phone and the ticks. */
export interface Values {
  [field: string]: unknown;
  service: string;
  start: string;
  name: string;
  phone: string;
  forWhom: 'self' | 'elder';
  elderName: string;
  elderRelation: string;
  party: string;
  answers: Record<string, string>;
  grid?: string | undefined;
  building?: string | undefined;
  unit?: string | undefined;
  eligible: boolean;
  consent: boolean;
}

export type Step = 'service' | 'day' | 'slot' | 'details' | 'confirm';

const empty = (): Values => ({
  service: '',
  start: '',
  name: '',
  phone: '',
  forWhom: 'self',
  elderName: '',
  elderRelation: '',
  party: '1',
  answers: {},
  eligible: false,
  consent: false,
});
/** Never a name (the booker's or the elder's), a phone, or a tick the resident must give. */
const DRAFT = [
  'service',
  'start',
  'forWhom',
  'elderRelation',
  'party',
  'answers',
  'grid',
  'building',
  'unit',
] as const;

/**
 * The details, the confirmation, the receipt (.ics), 我的预约, the field partials, the
 * community picker, the sending half and their strings: one chunk, loaded once the services
 * are shown (or at the resident's first step, whichever comes first).
 */
let laterModule: Promise<typeof import('./later.js')> | undefined;
const later = () => (laterModule ??= import('./later.js'));

/**
 * 志愿服务预约: a resident books a volunteer service (义诊, 爱心理发, 法律咨询, 上门维修…) — a
 * service card (team, place, next free day) → a day strip of the next bookable days (余 N /
 * 约满·可候补 / 不开放) → a time → the details (name, private phone, 本人 or 代约 for an elder,
 * party, the service's questions, a home visit's place, its eligibility ticked, the privacy
 * notice and consent) → confirm → the receipt: the booking code (shown once), time, place, how
 * to cancel and an "add to calendar" .ics file. A full slot takes the booking into its waitlist
 * with a place in line. 我的预约 looks a booking up by its code, shows its place in line or its
 * promotion, and cancels it before the cutoff. A booking is never queued offline (seats are
 * live): offline, the element says so, keeps the draft (never the phone) and sends it, exactly
 * once by its Idempotency-Key, when the network is back. Care mode shows one step per screen.
 *
 * @summary Book a volunteer service slot, with a waitlist and 代约; look up or cancel by code.
 *
 * @event {SqBookedEvent} sq-booked - A booking was made: `detail` is `{ receipt, key }` (`receipt.status` `confirmed` or `waitlisted` with `position`).
 * @event {SqCancelledEvent} sq-cancelled - The resident cancelled a booking by its code: `detail` is `{ view }`.
 * @event {SqSubmittedEvent} sq-submitted - `kind: 'booking'`, `state: 'delivered'`: the form kit's event for every resident submission.
 *
 * @csspart tabs - 预约服务 / 我的预约.
 * @csspart step - The current step's heading ("第 2 步，共 5 步").
 * @csspart service - One service card.
 * @csspart days - The day strip.
 * @csspart day - One day's button.
 * @csspart slots - The times of the chosen day.
 * @csspart slot - One time's button.
 * @csspart form - The details form.
 * @csspart field - One field: label, hint, control and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - Errors and alerts.
 * @csspart choice - A checkbox or radio with its label.
 * @csspart error-summary - The list of errors shown on "next".
 * @csspart privacy - The privacy notice.
 * @csspart submit - The confirm button.
 * @csspart status - Sending, offline or failed.
 * @csspart receipt - The receipt with the booking code.
 * @csspart result - 我的预约: the booking found.
 *
 * @cssprop --sq-volunteer-booking-max-width - Widest the element grows (44rem).
 * @cssprop --sq-color-primary - Primary buttons and the chosen day and time (党建红).
 * @cssprop --sq-target-size - Smallest button and field height (44px; 60px in care mode).
 * @cssprop --sq-font-size-key - Size of the booking code (30px in care mode).
 *
 * @cssstate sending - The booking is being sent.
 * @cssstate delivered - The receipt is shown.
 * @cssstate failed - Not booked (offline, or refused with why).
 */
export class SqVolunteerBooking extends SqElement {
  static override tagName = 'sq-volunteer-booking';
  static override styles = [
    baseStyles,
    controlStyles,
    messageStyles,
    badgeStyles,
    fieldStyles,
    lookupStyles,
    bookingStyles,
  ];

  /** @internal */ @state() mode: 'book' | 'mine' = 'book';
  /** @internal */ @state() step: Step = 'service';
  /** @internal */ @state() services?: BookingServiceListing[];
  /** @internal */ @state() loadError?: ApiError | undefined;
  /** @internal */ @state() service?: BookingService | undefined;
  /** @internal */ @state() days?: DayView[] | undefined;
  /** @internal */ @state() day?: string | undefined;
  /** @internal */ @state() note = '';
  /** @internal */ @state() announce = '';
  /** @internal 我的预约: the look-up by code and its cancellation (the kit's), made by the later chunk. */
  mine?: Mine<BookingResidentView>;

  /** @internal */
  readonly t = new LocalizeController(this, 'volunteer-booking', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/volunteer-booking.js'),
  });
  /** @internal The later chunk, once here (it renders every step after the days). */
  @state() lazy?: typeof import('./later.js');

  /** @internal */
  readonly s: SubmissionController<Values, BookingSubmission, BookingReceipt> =
    new SubmissionController(this, {
      kind: 'booking',
      operation: 'bookSlot',
      empty,
      draft: DRAFT,
      draftKey: (community) => `sq-booking-draft:${community}`,
      layout: (v) => this.lazy!.layout(this, v),
      input: async (v) => (await later()).toInput(this, v),
      check: async (input) => (await later()).check(this, input),
      // Nothing to adopt: a booking never waits in the outbox. The sending half comes with
      // the later chunk, which is here before the resident can confirm.
      actions: async () => ({
        adopt: async () => undefined,
        submit: async (c) => (await later()).submit(c),
        dismiss: async (c) => (await later()).dismiss(c),
      }),
      send: async (input, key) => ({
        state: 'delivered',
        key,
        value: await this.client.booking.book(input, { idempotencyKey: key }),
      }),
      receiptFocus: 'done',
    });

  private readonly online = () => {
    // Back online: the booking that could not be sent goes now, under the same key.
    const s = this.s;
    if (s.phase === 'failed' && s.failure?.code === 'network') void s.retry();
  };

  /** Loads the later chunk (once per page) and renders with it. */
  private loadLater() {
    if (!this.lazy)
      void later().then(
        (m) => (this.lazy = m),
        () => undefined,
      );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.online);
    this.addEventListener('sq-submitted', this.booked);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.online);
    this.removeEventListener('sq-submitted', this.booked);
  }

  private readonly booked = (e: Event) => {
    const detail = (e as CustomEvent<{ kind: string; key: string; receipt: BookingReceipt }>)
      .detail;
    if (e.target !== this || detail.kind !== 'booking') return;
    this.announce = '';
    this.emit(new SqBookedEvent({ receipt: detail.receipt, key: detail.key }));
  };

  /** @internal 我的预约 cancelled a booking: says so to the page. */
  cancelled(view: BookingResidentView) {
    this.emit(new SqCancelledEvent({ view }));
  }

  private loaded?: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.communityId;
    if (id && id !== this.loaded) {
      this.loaded = id;
      void this.load(id);
    }
    // The server found something to change in the details: back to them.
    if (this.step === 'confirm' && Object.keys(this.s.errors).length) this.step = 'details';
  }

  /** @internal Today in Beijing. */
  today() {
    return shanghaiDate(new Date());
  }

  /** @internal The community's services, and each one's next free day. */
  async load(id: string) {
    const client = this.client;
    this.loadError = undefined;
    try {
      const services = await client.booking.services(id);
      if (client !== this.client || id !== this.communityId) return;
      this.services = services;
      // The cards are the first render; what comes after them loads once they are shown.
      void this.updateComplete.then(() => this.loadLater());
      const s = this.s;
      const drafted = s.restored && services.find((x) => x.id === s.values.service);
      if (drafted && this.step === 'service') void this.choose(drafted, s.values.start);
    } catch (error) {
      this.loadError = ApiError.from(error);
    }
  }

  private availability(service: BookingService) {
    const from = this.today();
    const to = addDays(from, Math.min(service.schedule.windowDays, 61));
    return this.client.booking.availability(service.id, { from, to }).then((a) => a.days);
  }

  /** @internal Goes to `step` and focuses its heading. */
  async go(step: Step) {
    this.step = step;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step')?.focus();
  }

  /** @internal A service chosen: its days (and, from a draft, the time chosen before). */
  async choose(service: BookingService, start?: string) {
    this.loadLater();
    const changed = this.service?.id !== service.id;
    this.service = service;
    if (changed) {
      this.days = undefined;
      this.day = undefined;
    }
    if (this.s.values.service !== service.id) this.s.set({ service: service.id, start: '' });
    void this.go('day');
    await this.refreshDays();
    const slot = start && this.days?.flatMap((d) => d.slots).find((x) => x.start === start);
    if (slot && slot.state !== 'closed') {
      this.day = shanghaiDate(start!);
      void this.go('details');
    }
  }

  /** @internal Reads the chosen service's days again (after "this time is gone"). */
  async refreshDays() {
    const service = this.service;
    if (!service) return;
    this.loadError = undefined;
    try {
      const days = await this.availability(service);
      if (service === this.service) this.days = days;
    } catch (error) {
      this.loadError = ApiError.from(error);
    }
  }

  private pickDay(day: DayView) {
    this.day = day.date;
    this.announce = this.t.t('slots', { date: this.date(day.date) });
    if (this.careMode) void this.go('slot');
  }

  private pickSlot(slot: SlotView) {
    this.s.set({ start: slot.start });
    void this.go('details');
  }

  /** @internal The chosen slot as it was last read. */
  get chosenSlot(): SlotView | undefined {
    const start = this.s.values.start;
    return this.days?.flatMap((d) => d.slots).find((x) => x.start === start);
  }

  /** @internal */
  date(date: string, style: 'long' | 'short' = 'long') {
    const lang = this.t.lang;
    if (style === 'short')
      return formatDate(date, lang, { month: 'numeric', day: 'numeric', weekday: 'short' });
    // "12月9日（星期三）" as the complaint form's due date; "Wednesday, December 9" in English.
    return lang.startsWith('zh')
      ? `${formatDate(date, lang, { month: 'long', day: 'numeric' })}（${formatDate(date, lang, { weekday: 'long' })}）`
      : formatDate(date, lang, { month: 'long', day: 'numeric', weekday: 'long' });
  }

  /**
   * @internal A time of day in Beijing, on the 24-hour clock in both languages ("08:30–08:45",
   * as the service station posts it): "08:30 AM–08:45 AM" does not fit a slot button on a phone.
   */
  clock(instant: string) {
    return formatDateTime(instant, this.t.lang, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  /** @internal The service's name in the reader's language. */
  nameOf(service: { name: string; nameEn?: string | undefined }) {
    return this.t.lang.startsWith('en') && service.nameEn ? service.nameEn : service.name;
  }

  /** @internal Where the service happens. */
  placeOf(service: BookingService) {
    return service.place.kind === 'home' ? this.t.t('home') : service.place.address;
  }

  private steps(): Step[] {
    return this.careMode
      ? ['service', 'day', 'slot', 'details', 'confirm']
      : ['service', 'day', 'details', 'confirm'];
  }

  /** @internal The step's heading, focused when the step changes. */
  heading(step: Step, back?: Step) {
    const t = this.t;
    const steps = this.steps();
    return html`${
        back
          ? html`<button type="button" class="button-secondary back" @click=${() => this.go(back)}>
              ${t.t('back')}
            </button>`
          : nothing
      }
      <h3 id="step" part="step" tabindex="-1">
        <span class="count"
          >${t.t('step', { n: steps.indexOf(step) + 1, total: steps.length })}</span
        >
        ${t.t(`steps.${step}`)}
      </h3>`;
  }

  private tab(mode: 'book' | 'mine') {
    this.loadLater();
    this.mode = mode;
  }

  protected override render() {
    const t = this.t;
    const tab = (mode: 'book' | 'mine') =>
      html`<button
        type="button"
        class="button-secondary"
        aria-pressed=${this.mode === mode ? 'true' : 'false'}
        @click=${() => this.tab(mode)}
      >
        ${t.t(`tabs.${mode}`)}
      </button>`;
    return html`<h2>${t.t('title')}</h2>
      <nav part="tabs" class="tabs">${tab('book')} ${tab('mine')}</nav>
      ${this.mode === 'mine' ? this.renderMine() : this.renderBook()}
      <p class="visually-hidden" role="status">${this.announce}</p>`;
  }

  private renderMine() {
    return this.lazy
      ? this.lazy.renderMine(this)
      : html`<p role="status">${this.t.t('common:loading')}</p>`;
  }

  private renderBook() {
    const t = this.t;
    const s = this.s;
    const m = this.lazy;
    if (s.phase === 'delivered' && s.receipt && m) return m.renderReceipt(this, s.receipt);
    if (this.loadError) {
      return html`<div class="alert" role="alert" part="error">
        <p>${t.t('loadFailed')}${t.t(this.loadError.key)}</p>
        <button
          type="button"
          class="button-secondary"
          @click=${() => (this.service ? this.refreshDays() : this.load(this.communityId ?? ''))}
        >
          ${t.t('common:retry')}
        </button>
      </div>`;
    }
    const step = this.step;
    if (step === 'details' || step === 'confirm') {
      return m && this.service
        ? m.renderDetails(this, this.service, step)
        : html`<p role="status">${t.t('common:loading')}</p>`;
    }
    if (step === 'day' || step === 'slot') return this.renderDays(step);
    return this.renderServices();
  }

  private renderServices() {
    const t = this.t;
    const services = this.services;
    if (!services) return html`<p role="status">${t.t('common:loading')}</p>`;
    return html`${this.heading('service')}
      <p class="hint-text">${t.t('intro')}</p>
      ${services.length ? nothing : html`<p role="status">${t.t('noServices')}</p>`}
      <ul class="cards">
        ${services.map((service) => {
          const next = service.next;
          const when = !next
            ? t.t('noneOpen')
            : next.state === 'full'
              ? t.t('onlyWaitlist')
              : t.t('nextFree', { date: this.date(next.date) });
          return html`<li class="card" part="service">
            <h4>${this.nameOf(service)}</h4>
            <p><span class="badge">${service.team}</span> ${this.placeOf(service)}</p>
            ${service.description ? html`<p class="hint-text">${service.description}</p>` : nothing}
            <p class="when">${when}</p>
            <button type="button" class="primary" @click=${() => this.choose(service)}>
              ${t.t('choose', { name: this.nameOf(service) })}
            </button>
          </li>`;
        })}
      </ul>`;
  }

  private renderDays(step: 'day' | 'slot') {
    const t = this.t;
    const service = this.service!;
    const days = this.days;
    const shown = (days ?? []).filter(
      (d) => d.state !== 'closed' || d.reason === 'holiday' || d.reason === 'closed',
    );
    const chosen = shown.find((d) => d.date === this.day);
    const strip = html`<ul class="days" part="days" aria-label=${t.t('days')}>
      ${shown.slice(0, 21).map((d) => {
        const label =
          d.state === 'open'
            ? t.t('left', { n: d.left })
            : d.state === 'full'
              ? t.t('full')
              : d.reason === 'holiday'
                ? t.t('holiday')
                : t.t('closed');
        return html`<li>
          ${
            d.state === 'closed'
              ? html`<div class="day closed" part="day">
                  <strong>${this.date(d.date, 'short')}</strong><span>${label}</span>
                  ${d.note ? html`<span class="note">${d.note}</span>` : nothing}
                </div>`
              : html`<button
                  type="button"
                  class="day"
                  part="day"
                  data-date=${d.date}
                  data-state=${d.state}
                  aria-pressed=${d.date === this.day ? 'true' : 'false'}
                  @click=${() => this.pickDay(d)}
                >
                  <strong>${this.date(d.date, 'short')}</strong><span>${label}</span>
                </button>`
          }
        </li>`;
      })}
    </ul>`;
    const slots = chosen ? this.renderSlots(chosen) : nothing;
    if (step === 'slot') {
      return html`${this.heading('slot', 'day')}
        <p class="hint-text">${this.nameOf(service)} · ${this.placeOf(service)}</p>
        ${chosen ? slots : html`<p>${t.t('noSlots')}</p>`}`;
    }
    return html`${this.heading('day', 'service')}
      <p class="hint-text">${this.nameOf(service)} · ${this.placeOf(service)}</p>
      ${
        !days
          ? html`<p role="status">${t.t('common:loading')}</p>`
          : shown.length
            ? strip
            : html`<p role="status">${t.t('noDays')}</p>`
      }
      ${this.careMode ? nothing : slots}`;
  }

  private renderSlots(day: DayView) {
    const t = this.t;
    const open = day.slots.filter((x) => x.state !== 'closed');
    return html`<h4 id="slots-heading">${t.t('slots', { date: this.date(day.date) })}</h4>
      ${open.length ? nothing : html`<p>${t.t('noSlots')}</p>`}
      <ul class="days slots" part="slots" aria-labelledby="slots-heading">
        ${open.map(
          (x) =>
            html`<li>
              <button
                type="button"
                class="day"
                part="slot"
                data-start=${x.start}
                data-state=${x.state}
                aria-pressed=${x.start === this.s.values.start ? 'true' : 'false'}
                @click=${() => this.pickSlot(x)}
              >
                <strong class="nowrap">${this.clock(x.start)}–${this.clock(x.end)}</strong>
                <span
                  >${
                    x.state === 'open'
                      ? t.t('slotLeft', { n: x.left })
                      : t.t('slotFull', { n: x.waiting })
                  }</span
                >
              </button>
            </li>`,
        )}
      </ul>`;
  }
}
