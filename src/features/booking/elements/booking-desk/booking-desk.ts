import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingCounts, BookingDay, BookingStaffView } from '../../model.js';
import { formatDateTime, shanghaiDate } from '../../../../domain/time.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/booking-desk.js';
import { ActionController } from '../../../../ui/action.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { download } from '../../../../ui/download.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { SignInForm, StaffSessionController } from '../../../../ui/staff-session.js';
import { baseStyles } from '../../../../ui/styles.js';
import { bookingTone } from '../tones.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-booking-desk': SqBookingDesk;
  }
}

type DeskSlot = BookingDay['services'][number]['slots'][number];
/** What the open form cancels: a slot (its start) or the whole day of a service. */
type Cancelling = { service: string; start?: string };

/**
 * The staff desk of 志愿服务预约: a day's slots per service with their bookings and waitlists
 * (list and the chosen booking side by side on wide screens); 核销 by the code a resident
 * shows or from the list; mark a no-show; cancel a booking, a slot or the whole day with a
 * reason residents see by code; book by phone on a resident's behalf; record the volunteers
 * who served a slot and their hours; export the day as CSV (UTF-8 with BOM, for Excel/WPS);
 * counts of a period. Over HTTP staff log in here; an embedded client acts as its `actor`.
 *
 * @summary Staff desk for volunteer-service bookings: day view, 核销, no-shows, cancellations, CSV, counts.
 *
 * @csspart header - The title bar with the staff member's name and the logout button.
 * @csspart login - The login form.
 * @csspart tools - Date, 核销 by code, export.
 * @csspart list - The day's services and slots.
 * @csspart row - One booking in the list (a button).
 * @csspart detail - The chosen booking and its actions.
 * @csspart counts - The period's counts.
 * @csspart error - Error alerts.
 *
 * @cssprop --sq-booking-desk-max-width - Widest the desk grows (72rem).
 * @cssprop --sq-color-primary - Primary colour (党建红) of buttons.
 * @cssprop --sq-target-size - Smallest button and field height (44px; 60px in care mode).
 *
 * @cssstate detail - A booking is open.
 */
export class SqBookingDesk extends SqElement {
  static override tagName = 'sq-booking-desk';
  static override styles = [
    baseStyles,
    controlStyles,
    messageStyles,
    badgeStyles,
    css`
      :host {
        display: block;
        max-width: var(--sq-booking-desk-max-width, 72rem);
      }
      header,
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--sq-space-2) var(--sq-space-3);
        margin: 0 0 var(--sq-space-3);
      }
      header h2 {
        flex: 1 1 auto;
      }
      h2,
      h3,
      h4 {
        margin: var(--sq-space-3) 0 var(--sq-space-2);
        line-height: 1.3;
      }
      h2,
      h3 {
        font-size: var(--sq-font-size-heading);
      }
      .field {
        display: grid;
        gap: var(--sq-space-1);
        flex: 1 1 10em;
        min-width: 0;
      }
      label {
        font-weight: 600;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--sq-space-4);
      }
      /* Long words (names, a URL someone typed) and large text wrap inside the column. */
      button {
        max-width: 100%;
        overflow-wrap: anywhere;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--sq-space-2);
      }
      .row > * {
        min-width: 0;
      }
      .slot,
      .idle,
      .box,
      .detail {
        padding: var(--sq-space-3);
        border: var(--sq-border-width) solid var(--sq-color-border);
        border-radius: var(--sq-radius);
        overflow-wrap: anywhere;
      }
      .slot {
        margin-bottom: var(--sq-space-3);
      }
      /* The times nobody booked: a panel like a slot's, its line in the text colour (not an
         alarm), the marker beside its first line. */
      .idle[open] > summary {
        margin-bottom: var(--sq-space-2);
      }
      .idle > summary {
        align-items: baseline;
        color: inherit;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--sq-space-1) var(--sq-space-3);
        width: 100%;
        padding: var(--sq-space-2) var(--sq-space-3);
        text-align: start;
        color: inherit;
        background: var(--sq-color-surface);
        border: var(--sq-border-width) solid var(--sq-color-border);
      }
      .row[aria-current='true'],
      .primary {
        color: var(--sq-color-on-primary);
        background: var(--sq-color-primary);
        border-color: var(--sq-color-primary);
      }
      .row[aria-current='true'] .badge {
        color: inherit;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .nowrap {
        white-space: nowrap;
      }
      summary {
        display: flex;
        align-items: center;
        gap: var(--sq-space-2);
        min-height: var(--sq-target-size);
        color: var(--sq-color-primary);
        cursor: pointer;
      }
      summary::before {
        content: '▸';
      }
      details[open] > summary::before {
        content: '▾';
      }
      form.box {
        display: grid;
        gap: var(--sq-space-3);
        margin: var(--sq-space-3) 0;
      }
    `,
  ];

  /** The day shown (`YYYY-MM-DD`, Beijing time); today by default. */
  @property() date = shanghaiDate(new Date());
  /** @internal */ @state() day?: BookingDay | undefined;
  /** @internal */ @state() error?: ApiError | undefined;
  /** @internal */ @state() current?: BookingStaffView | undefined;
  /** @internal */ @state() cancelling?: Cancelling | undefined;
  /** @internal */ @state() panel?: 'byPhone' | 'counts' | undefined;
  /** @internal */ @state() counts?: BookingCounts | undefined;
  /** @internal */ @state() announce = '';
  /** @internal */ @state() busy = false;

  /** @internal */
  readonly t = new LocalizeController(this, 'booking-desk', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/booking-desk.js'),
  });
  /** Every desk action: one Idempotency-Key per intent, reused on its retries. */
  /** @internal */
  readonly action = new ActionController(this);
  private readonly session = new StaffSessionController(this, (staff) => {
    this.day = this.current = undefined;
    if (staff) void this.load();
  });
  private readonly signIn = new SignInForm(this, this.session, () => this.t.t.bind(this.t));

  /** @internal */
  get staffCommunity() {
    return this.session.staff?.community ?? '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // Set from outside (an attribute, a property): the day is read again.
    if (changed.has('date') && changed.get('date') !== undefined && this.session.staff) {
      this.current = undefined;
      void this.load();
    }
    this.customStates.set({ detail: !!this.current });
  }

  /** @internal The day, again (after every action: residents book and cancel meanwhile). */
  async load() {
    const client = this.client;
    this.busy = true;
    this.error = undefined;
    try {
      const day = await client.booking.day({ community: this.staffCommunity, date: this.date });
      if (client !== this.client) return;
      this.day = day;
      // The panels, their styles and the booking messages an action may need: right after.
      void this.updateComplete.then(() => this.loadPanels());
      const id = this.current?.id;
      this.current = id ? this.bookings().find((b) => b.id === id) : undefined;
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  /** @internal */
  fail(e: unknown) {
    const error = ApiError.from(e);
    if (error.code === 'unauthorized') this.session.expired(this.client);
    else this.error = error;
  }

  private bookings(): BookingStaffView[] {
    return (this.day?.services ?? []).flatMap((s) =>
      s.slots.flatMap((x) => [...x.bookings, ...x.waitlist]),
    );
  }

  /** Runs one desk action; on success the day is read again and `done` is said. */
  /** @internal */
  async act<T>(
    name: string,
    body: unknown,
    send: (key: string) => Promise<T>,
    done: (value: T) => string,
  ): Promise<T | undefined> {
    const outcome = await this.action.run(name, body, (_, key) => send(key));
    if (!outcome) return undefined;
    if ('error' in outcome) {
      if (outcome.error.code === 'unauthorized') this.session.expired(this.client);
      return undefined;
    }
    this.announce = done(outcome.value);
    await this.load();
    return outcome.value;
  }

  /** @internal */
  form(e: Event) {
    e.preventDefault();
    return new FormData(e.currentTarget as HTMLFormElement);
  }

  private async checkInByCode(e: Event) {
    const form = e.currentTarget as HTMLFormElement;
    const code = String(this.form(e).get('code') ?? '')
      .replace(/[\s-]/g, '')
      .toUpperCase();
    const b = await this.act(
      'checkIn',
      code,
      (key) => this.client.booking.checkIn(this.staffCommunity, code, { idempotencyKey: key }),
      (v) => this.t.t('checkedIn', { name: v.name, service: this.serviceName(v.service) }),
    );
    if (b) form.reset();
  }

  private async cancelSlots(e: Event) {
    const c = this.cancelling!;
    const reason = String(this.form(e).get('reason') ?? '');
    const body = { date: this.date, reason, ...(c.start ? { start: c.start } : {}) };
    const done = await this.act(
      `cancel:${c.service}`,
      body,
      (key) => this.client.booking.cancelSlots(c.service, body, { idempotencyKey: key }),
      (r) => this.t.t('cancelledCount', { n: r.cancelled }),
    );
    if (done) this.cancelling = undefined;
  }

  private async recordVolunteer(e: Event, service: string, slot: DeskSlot) {
    const data = this.form(e);
    const volunteers = [
      ...slot.volunteers,
      { name: String(data.get('name') ?? ''), hours: Number(data.get('hours')) },
    ];
    const body = { start: slot.start, volunteers };
    await this.act(
      `volunteers:${service}@${slot.start}`,
      body,
      (key) => this.client.booking.recordVolunteers(service, body, { idempotencyKey: key }),
      () => this.t.t('done'),
    );
  }

  private async exportCsv() {
    try {
      const { filename, csv } = await this.client.booking.exportDay({
        community: this.staffCommunity,
        date: this.date,
      });
      download(filename, csv, 'text/csv;charset=utf-8');
    } catch (e) {
      this.fail(e);
    }
  }

  /** @internal */
  serviceName(id: string) {
    return this.day?.services.find((s) => s.service.id === id)?.service.name ?? id;
  }

  /** @internal A time of day in Beijing, 24-hour in both languages (as the resident's view). */
  clock(at: string) {
    return formatDateTime(at, this.t.lang, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  private alert(error: ApiError | undefined, retry?: () => void) {
    const t = this.t;
    if (!error) return nothing;
    return html`<div class="alert" role="alert" part="error">
      <p>
        ${t.t('failed')}${
          error.code === 'unauthorized'
            ? t.t('login.failed')
            : error.fields[0]
              ? t.t(error.fields[0].key, error.fields[0].params)
              : t.t(error.key)
        }
      </p>
      ${
        retry
          ? html`<button type="button" class="button-secondary" @click=${retry}>
              ${t.t('common:retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** @internal */
  input(name: string, label: string, attrs: { type?: string; value?: string } = {}) {
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      <input
        id="f-${name}"
        name=${name}
        type=${attrs.type ?? 'text'}
        step=${attrs.type === 'number' ? '0.5' : nothing}
        .value=${attrs.value ?? ''}
        autocomplete="off"
      />
    </div>`;
  }

  protected override render() {
    const t = this.t;
    const session = this.session;
    const me = session.staff;
    if (session.phase === 'login') return html`<h2>${t.t('title')}</h2>${this.signIn.render()}`;
    if (!me) {
      return session.error
        ? this.alert(session.error, () => session.retry())
        : html`<p role="status">${t.t('common:loading')}</p>`;
    }
    const actionError = this.action.phase === 'failed' ? this.action.error : undefined;
    return html`<header part="header">
        <h2>${t.t('title')}</h2>
        <span>${t.t('signedIn', { name: me.name })}</span>
        ${
          this.client.mode === 'http'
            ? html`<button type="button" class="button-secondary" @click=${() => session.logout()}>
                ${t.t('logout')}
              </button>`
            : nothing
        }
      </header>
      <div class="bar" part="tools">
        <div class="field">
          <label for="f-date">${t.t('date')}</label>
          <input
            id="f-date"
            type="date"
            .value=${this.date}
            @change=${(e: Event) => {
              this.date = (e.target as HTMLInputElement).value || this.date;
            }}
          />
        </div>
        <button type="button" class="button-secondary" @click=${() => this.load()}>
          ${t.t('refresh')}
        </button>
        <button type="button" class="button-secondary" @click=${() => this.exportCsv()}>
          ${t.t('exportCsv')}
        </button>
        <button
          type="button"
          class="button-secondary"
          aria-expanded=${this.panel === 'byPhone' ? 'true' : 'false'}
          @click=${() => this.toggle('byPhone')}
        >
          ${t.t('byPhone')}
        </button>
        <button
          type="button"
          class="button-secondary"
          aria-expanded=${this.panel === 'counts' ? 'true' : 'false'}
          @click=${() => this.toggle('counts')}
        >
          ${t.t('counts')}
        </button>
      </div>
      <form class="bar" @submit=${this.checkInByCode} aria-label=${t.t('checkInTitle')}>
        ${this.input('code', t.t('checkInCode'))}
        <button class="primary">${t.t('checkIn')}</button>
      </form>
      ${this.panel === 'byPhone' && this.panels ? this.panels.renderByPhone(this) : nothing}
      ${this.panel === 'counts' && this.panels ? this.panels.renderCounts(this) : nothing}
      ${this.alert(actionError)} ${this.alert(this.error, () => void this.load())}
      <p class="visually-hidden" role="status">${this.announce}</p>
      ${this.announce ? html`<p class="notice" aria-hidden="true"><span>${this.announce}</span></p>` : nothing}
      <div class="layout ${this.current ? 'open' : ''}">
        <div part="list" aria-busy=${this.busy ? 'true' : 'false'}>${this.renderDay()}</div>
        ${this.current && this.panels ? this.panels.renderDetail(this, this.current) : nothing}
      </div>`;
  }

  private renderDay() {
    const t = this.t;
    const day = this.day;
    if (!day) return html`<p role="status">${t.t('common:loading')}</p>`;
    if (!day.services.length) return html`<p>${t.t('noServices')}</p>`;
    return day.services.map(
      ({ service, day: d, slots }) =>
        html`<section aria-labelledby="s-${service.id}">
          <h3 id="s-${service.id}">${service.name} <span class="badge">${service.team}</span></h3>
          ${d.state === 'closed' ? html`<p>${t.t('dayClosed', { note: d.note ?? t.t(`reasons.${d.reason ?? 'closed'}`) })}</p>` : nothing}
          ${
            slots.length
              ? html`<button
                  type="button"
                  class="button-secondary"
                  @click=${() => (this.cancelling = { service: service.id })}
                >
                  ${t.t('cancelDay', { name: service.name })}
                </button>`
              : nothing
          }
          ${this.cancelling?.service === service.id && !this.cancelling.start ? this.renderCancelForm() : nothing}
          ${this.renderSlots(service.id, slots)}
        </section>`,
    );
  }

  /**
   * Slots someone booked, waits for, served or cancelled, as cards in time order; the rest (a
   * morning of 15-minute 理发 slots, say) behind one line, so the day is not a long scroll of
   * "no bookings yet". A slot whose cancel form is open stays a card.
   */
  private renderSlots(service: string, slots: readonly DeskSlot[]) {
    const idle = (slot: DeskSlot) =>
      !slot.bookings.length &&
      !slot.waitlist.length &&
      !slot.volunteers.length &&
      !slot.cancelled &&
      !(this.cancelling?.service === service && this.cancelling.start === slot.start);
    const empty = slots.filter(idle);
    return html`${slots.filter((x) => !idle(x)).map((slot) => this.renderSlot(service, slot))}
    ${
      empty.length
        ? html`<details class="idle">
            <summary>
              ${this.t.t('idleSlots', {
                count: empty.length,
                times: empty.map((x) => this.clock(x.start)).join(' '),
              })}
            </summary>
            ${empty.map((slot) => this.renderSlot(service, slot))}
          </details>`
        : nothing
    }`;
  }

  private renderSlot(service: string, slot: DeskSlot) {
    const t = this.t;
    const row = (b: BookingStaffView) =>
      html`<li>
        <button
          type="button"
          class="row"
          part="row"
          data-id=${b.id}
          aria-current=${this.current?.id === b.id ? 'true' : 'false'}
          @click=${() => this.open(b)}
        >
          ${b.position ? html`<strong>${b.position}.</strong>` : nothing}
          <strong>${b.name}</strong>
          <span class="nowrap">${b.phone}</span>
          <span class="badge" data-tone=${bookingTone[b.status]}
            >${t.t(`statuses.${b.status}`)}</span
          >
          ${b.party > 1 ? html`<span>${t.t('people', { n: b.party })}</span>` : nothing}
        </button>
      </li>`;
    const cancelling = this.cancelling?.service === service && this.cancelling.start === slot.start;
    return html`<article class="slot" aria-labelledby="t-${service}-${slot.start}">
      <h4 id="t-${service}-${slot.start}">
        <span class="nowrap">${this.clock(slot.start)}–${this.clock(slot.end)}</span>
        · ${t.t('seats', { taken: slot.taken, seats: slot.seats })}
      </h4>
      ${slot.cancelled ? html`<p>${t.t('cancelledSlot', { reason: slot.cancelled.reason })}</p>` : nothing}
      ${
        slot.bookings.length
          ? html`<ul>
              ${slot.bookings.map(row)}
            </ul>`
          : html`<p>${t.t('noBookings')}</p>`
      }
      ${
        slot.waitlist.length
          ? html`<h4>${t.t('waitlist')}</h4>
              <ul>
                ${slot.waitlist.map(row)}
              </ul>`
          : nothing
      }
      ${
        slot.volunteers.length
          ? html`<p>
              ${t.t('volunteers')}：${slot.volunteers.map((v) => `${v.name} ${v.hours}h`).join('、')}
            </p>`
          : nothing
      }
      <div class="bar">
        ${
          slot.cancelled
            ? nothing
            : html`<button
                type="button"
                class="button-secondary"
                @click=${() => (this.cancelling = { service, start: slot.start })}
              >
                ${t.t('cancelSlot')}
              </button>`
        }
      </div>
      ${cancelling ? this.renderCancelForm() : nothing}
      <details>
        <summary>${t.t('addVolunteer')}</summary>
        <form class="bar" @submit=${(e: Event) => this.recordVolunteer(e, service, slot)}>
          ${this.input('name', t.t('volunteerName'))}
          ${this.input('hours', t.t('hours'), { type: 'number', value: '1' })}
          <button class="primary">${t.t('addVolunteer')}</button>
        </form>
      </details>
    </article>`;
  }

  private renderCancelForm() {
    const t = this.t;
    return html`<form class="box" @submit=${this.cancelSlots}>
      ${this.input('reason', t.t('reasonLabel'))}
      <div class="bar">
        <button class="primary">${t.t('confirmCancel')}</button>
        <button
          type="button"
          class="button-secondary"
          @click=${() => (this.cancelling = undefined)}
        >
          ${t.t('close')}
        </button>
      </div>
    </form>`;
  }

  private async toggle(panel: 'byPhone' | 'counts') {
    await this.loadPanels();
    this.panel = this.panel === panel ? undefined : panel;
  }

  /** @internal The booking's panel, booking by phone and counts: loaded the first time asked for. */
  @state() panels?: typeof import('./panels.js');

  private async loadPanels() {
    if (this.panels) return;
    const panels = await import('./panels.js');
    panels.attach(this);
    this.panels = panels;
  }

  private async open(b: BookingStaffView) {
    await this.loadPanels();
    this.current = b;
    this.action.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail')?.focus();
  }
}
