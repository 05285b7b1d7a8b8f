import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { Activity, ActivityStatus } from '../../model.js';
import { shanghaiDate, type CivilDate } from '../../../../domain/time.js';
import type { WorkdayCalendar } from '../../../../domain/workdays.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/activity-desk.js';
import { ActionController } from '../../../../ui/action.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { chipStyles, renderChips } from '../../../../ui/chips.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { SignInForm, StaffSessionController } from '../../../../ui/staff-session.js';
import { baseStyles } from '../../../../ui/styles.js';
import { workdaysOf } from '../workdays.js';
import { deskStyles } from './activity-desk.styles.js';
import { SqActivityChangedEvent, type ActivityChangedDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-activity-desk': SqActivityDesk;
  }
}

/** What the confirm dialog asks about. */
export interface Confirming {
  kind: 'publish' | 'cancel' | 'withdraw';
  activity: Activity;
}

/** Seats of an activity's next occurrence, for the list. */
export interface NextCount {
  date: CivilDate;
  taken: number;
  waiting: number;
  capacity: number;
}

const STATUSES: readonly ActivityStatus[] = ['draft', 'published', 'cancelled', 'finished'];

/**
 * The staff desk of 社区活动: the community's activities (drafts, published, cancelled,
 * finished) with their status, next dates and registrations, filtered by status; a form to
 * create or edit one (category, place, Beijing times or all day, seats, the registration
 * window, and its recurrence — weekly, monthly by date or nth weekday, yearly, 农历 yearly or
 * monthly, exceptions, skipping 法定节假日, an end — with a live preview of the next dates
 * computed by the calendar's own rule); publishing a draft, cancelling an activity or
 * withdrawing one occurrence with a reason residents see (each confirmed in a dialog); an
 * occurrence's registrations (seats, then the waitlist in line order, phones for staff only),
 * 签到 by code or from the list, cancelling a registration with a reason, 代报名 by phone, and
 * the CSV export (UTF-8 with BOM). Over HTTP staff log in here; an embedded client acts as its
 * `actor`.
 *
 * @summary Staff desk for community activities: list, recurrence editor with preview, publish, registrations, 签到, CSV.
 *
 * @event {SqActivityChangedEvent} sq-activity-changed - An activity was created, updated, published, cancelled or had an occurrence withdrawn; `detail.action`, `detail.activity`.
 *
 * @csspart header - The title bar with the staff member's name and the logout button.
 * @csspart login - The login form.
 * @csspart tools - The status filter, refresh and "new activity".
 * @csspart chips - The status filter chips.
 * @csspart list - The activities.
 * @csspart card - One activity in the list.
 * @csspart form - The create / edit form.
 * @csspart field - A field of a form.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - Error messages and alerts.
 * @csspart error-summary - The list of a form's errors, each linking to its field.
 * @csspart preview - The recurrence preview (next dates with 农历, holidays marked).
 * @csspart registrations - An occurrence's registrations, 签到, 代报名 and export.
 * @csspart dialog - The confirm dialog (publish, cancel, withdraw one date).
 *
 * @cssprop --sq-activity-desk-max-width - Widest the desk grows (72rem).
 * @cssprop --sq-color-primary - Primary colour (党建红) of buttons.
 * @cssprop --sq-target-size - Smallest button and field height (44px; 60px in care mode).
 *
 * @cssstate form - The create / edit form is open.
 * @cssstate registrations - An occurrence's registrations are open.
 */
export class SqActivityDesk extends SqElement {
  static override tagName = 'sq-activity-desk';
  static override styles = [
    baseStyles,
    controlStyles,
    messageStyles,
    badgeStyles,
    chipStyles,
    deskStyles,
  ];

  /** @internal */ @state() activities?: Activity[] | undefined;
  /** @internal */ @state() calendar?: WorkdayCalendar | undefined;
  /** @internal */ @state() counts: Record<string, NextCount> = {};
  /** @internal */ @state() filter: '' | ActivityStatus = '';
  /** @internal */ @state() view: 'list' | 'form' | 'registrations' = 'list';
  /** @internal The activity the form edits (none: a new one), or whose registrations are open. */
  @state() current?: Activity | undefined;
  /** @internal */ @state() confirming?: Confirming | undefined;
  /** @internal */ @state() error?: ApiError | undefined;
  /** @internal */ @state() announce = '';
  /** @internal */ @state() busy = false;
  /** @internal The form, preview and registrations: loaded with the first data. */
  @state() later?: typeof import('./later.js');

  /** @internal */
  readonly t = new LocalizeController(this, 'activity-desk', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/activity-desk.js'),
  });
  /** @internal Every desk action: one Idempotency-Key per intent, reused on its retries. */
  readonly action = new ActionController(this);
  private readonly session = new StaffSessionController(this, (staff) => {
    this.activities = undefined;
    this.view = 'list';
    if (staff) void this.load();
  });
  private readonly signIn = new SignInForm(this, this.session, () => this.t.t.bind(this.t));

  /** @internal The community: the `community` attribute or provider, else the staff member's. */
  get deskCommunity(): string {
    return this.communityId || this.session.staff?.community || '';
  }

  /** @internal Today in Beijing. */
  get today(): CivilDate {
    return shanghaiDate(new Date());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('community') && changed.get('community') !== undefined && this.session.staff)
      void this.load();
    this.customStates.set({
      form: this.view === 'form',
      registrations: this.view === 'registrations',
    });
  }

  /** @internal The list, again (after every action), with the form's chunk and the holidays. */
  async load() {
    const client = this.client;
    this.busy = true;
    this.error = undefined;
    try {
      const [list, calendar, later] = await Promise.all([
        client.calendar.manage(this.deskCommunity),
        workdaysOf(client),
        this.loadLater(),
      ]);
      if (client !== this.client) return;
      this.calendar = calendar;
      this.activities = list;
      if (this.current) this.current = list.find((a) => a.id === this.current!.id);
      void later.loadCounts(this, list);
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  /** @internal */
  async loadLater() {
    if (!this.later) {
      const later = await import('./later.js');
      later.attach(this);
      this.later = later;
    }
    return this.later;
  }

  /** @internal */
  fail(e: unknown) {
    const error = ApiError.from(e);
    if (error.code === 'unauthorized') this.session.expired(this.client);
    else this.error = error;
  }

  /** @internal Runs one desk action; on success the list is read again and `done` is said. */
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

  /** @internal Tells the page what changed. */
  changed(detail: ActivityChangedDetail) {
    this.dispatchEvent(new SqActivityChangedEvent(detail));
  }

  /** @internal Opens a view and moves focus to its heading. */
  async go(view: 'list' | 'form' | 'registrations', current?: Activity) {
    this.action.reset();
    this.error = undefined;
    this.view = view;
    this.current = current;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#view')?.focus();
  }

  /** @internal Asks in a modal dialog; its form does the action. */
  async ask(kind: Confirming['kind'], activity: Activity) {
    this.action.reset();
    this.confirming = { kind, activity };
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** @internal An alert with the failure's message (a field's, or the code's). */
  alert(error: ApiError | undefined, retry?: () => void) {
    const t = this.t;
    if (!error) return nothing;
    const field = error.fields[0];
    return html`<div class="alert" role="alert" part="error">
      <p>
        ${t.t('failed')}${t.t(
          error.code === 'unauthorized' ? 'login.failed' : (field ?? error).key,
          field?.params,
        )}
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

  protected override render() {
    const t = this.t;
    const session = this.session;
    const me = session.staff;
    if (session.phase === 'login') return this.signIn.render();
    if (!me) {
      return session.error
        ? this.alert(session.error, () => session.retry())
        : html`<p role="status">${t.t('common:loading')}</p>`;
    }
    const later = this.later;
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
      <p class="visually-hidden" role="status">${this.announce}</p>
      ${this.announce ? html`<p class="notice" aria-hidden="true"><span>${this.announce}</span></p>` : nothing}
      ${this.alert(this.error, () => void this.load())}
      ${
        this.view === 'form' && later
          ? later.renderForm(this)
          : this.view === 'registrations' && later && this.current
            ? later.renderRegistrations(this, this.current)
            : this.renderList()
      }
      ${this.confirming && later ? later.renderConfirm(this, this.confirming) : nothing}`;
  }

  private renderList() {
    const t = this.t;
    const all = this.activities;
    const later = this.later;
    const shown = later && all?.filter((a) => !this.filter || later.statusOf(a) === this.filter);
    return html`<div class="bar" part="tools">
        ${renderChips(
          'status',
          t.t('filter'),
          [['', t.t('all')], ...STATUSES.map((s) => [s, t.t(`statuses.${s}`)] as const)],
          this.filter,
          (v) => (this.filter = v as '' | ActivityStatus),
        )}
        <button type="button" class="primary" @click=${() => this.go('form')}>
          ${t.t('create')}
        </button>
        <button type="button" class="button-secondary" @click=${() => this.load()}>
          ${t.t('refresh')}
        </button>
      </div>
      <div part="list" aria-busy=${this.busy ? 'true' : 'false'}>
        ${
          !shown || !later
            ? html`<p role="status">${t.t('common:loading')}</p>`
            : !shown.length
              ? html`<p>${t.t(all!.length ? 'emptyFilter' : 'emptyList')}</p>`
              : html`<ul>
                  ${shown.map(
                    (a) =>
                      html`<li class="card" part="card" data-id=${a.id}>
                        ${later.renderCard(this, a)}
                      </li>`,
                  )}
                </ul>`
        }
      </div>`;
  }
}
