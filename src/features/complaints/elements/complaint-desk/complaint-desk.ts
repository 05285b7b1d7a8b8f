import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { categoriesOf, loadCategories } from '../../../core/elements/categories.js';
import type { Community } from '../../../core/model.js';
import { displayName } from '../../../../domain/names.js';
import type { ComplaintActionInput, ComplaintStaffView, ComplaintSummary } from '../../views.js';
import type { Client } from '../../../../sdk/client.js';
import type { ComplaintStatus } from '../../machine.js';
import { formatDate } from '../../../../domain/time.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/complaint-desk.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { SignInForm, StaffSessionController, type Staff } from '../../../../ui/staff-session.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { deskStyles } from './complaint-desk.styles.js';

type Aria = { invalid: string; described: string | typeof nothing };
/** @internal */
type Filters = {
  status?: ComplaintStatus;
  category?: string;
  grid?: string;
  overdue?: boolean;
};

/**
 * The staff desk of 居民说事: log in, list the community's cases (filters, paging), open one
 * (description, place, contact, photos, the whole history with internal notes) and act on it
 * — assign, start, reply, note, resolve, return, transfer, extend — with only the actions its
 * status allows; 三率 in `<sq-complaint-metrics>`. Over HTTP staff log in here; an embedded
 * client acts as the staff member given by its `actor` option.
 *
 * @summary Staff desk: list, detail, actions and 三率 for 居民说事.
 *
 * @csspart header - The title bar with the staff member's name and the logout button.
 * @csspart login - The login form.
 * @csspart filters - The list filters.
 * @csspart list - The list of cases.
 * @csspart row - One case in the list (a button).
 * @csspart detail - The open case.
 * @csspart history - The case's history.
 * @csspart action-form - The form of the chosen action.
 * @csspart error - Error alerts.
 *
 * @cssprop --sq-complaint-desk-max-width - Widest the desk grows (80rem: the list beside an open case from 960px).
 * @cssprop --sq-color-primary - Primary colour (党建红) of buttons.
 * @cssprop --sq-color-danger - Overdue flags and errors.
 * @cssprop --sq-target-size - Smallest button and field height (44px; 60px in care mode).
 *
 * @cssstate detail - A case is open.
 */
export class SqComplaintDesk extends SqElement {
  static override tagName = 'sq-complaint-desk';
  static override styles = [baseStyles, badgeStyles, messageStyles, deskStyles];

  @state() private view: 'list' | 'metrics' = 'list';
  /** @internal */ @state() items?: ComplaintSummary[];
  /** @internal */ @state() cursor?: string;
  /** @internal */ @state() busy = false;
  /** @internal */ @state() error?: ApiError;
  /** @internal */ @state() tree?: Community;
  /** @internal */ @state() handlers: { id: string; name: string }[] = [];
  /** The status filter's options: the machine's statuses, loaded with the community. */
  /** @internal */ @state() statuses: readonly ComplaintStatus[] = [];
  /** The machine's open set (loaded with the community): open cases sort first, by due date. */
  /** @internal */ isOpen: (status: ComplaintStatus) => boolean = () => true;
  /** @internal */ @state() current?: ComplaintStaffView;
  /** @internal */ @state() photos: string[] = [];
  /** @internal */ @state() open?: ComplaintActionInput['action'];
  /** @internal */ @state() errors: Record<string, string> = {};
  /** @internal */ @state() formError?: ApiError;
  /** What the live region says, translated when rendered (a language switch re-says it).
   * @internal
   */
  @state() announce: () => string = () => '';

  /** @internal */
  readonly localize = new LocalizeController(this, 'complaint-desk', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/complaint-desk.js'),
  });
  /** The sign-in, shared with every staff element of this client on the page. */
  private readonly session = new StaffSessionController(this, (staff) => {
    this.revoke();
    this.current = this.items = undefined;
    if (staff) this.started = this.start(staff);
  });
  private started?: Promise<void>;
  private readonly signIn = new SignInForm(
    this,
    this.session,
    () => this.localize.t.bind(this.localize),
    async () => {
      // Signed in: start() (called for every staff element of this client) loads the list.
      await this.started;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#list')?.focus();
    },
  );
  /** @internal */ filters: Filters = {};
  /** The case view and its actions, loaded the first time a case is opened. */
  private case?: typeof import('./case.js');
  /** The list and its filters, loaded with the community after sign-in (not in the first render). */
  private list?: typeof import('./list.js');
  private opened?: string;
  /** @internal */
  retry?: () => void;

  private get communityOf() {
    return this.session.staff?.community ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.customStates.set({ detail: !!this.current });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.revoke();
  }

  /** Signed in (embedded: the client's actor): the community, its handlers and the list. */
  private async start(me: Staff) {
    const client = this.client;
    this.busy = true;
    this.error = undefined;
    try {
      const [tree, handlers, machine, list] = await Promise.all([
        client.communities.get(me.community),
        client.complaints.handlers(me.community),
        import('../../machine.js'),
        import('./list.js'),
        loadCategories(),
      ]);
      if (client !== this.client) return;
      if (!this.list) adoptLater(this, [list.choiceStyles, list.listStyles]);
      this.list = list;
      this.statuses = machine.complaintStatuses;
      this.isOpen = machine.isOpen;
      this.tree = tree;
      this.handlers = handlers;
      await this.load();
    } catch (e) {
      this.fail(e, () => void this.start(me), client);
    }
  }

  /** A call of `client` failed: 401 ends the session (on every staff element), else an alert.
   * @internal
   */
  fail(e: unknown, retry?: () => void, client: Client = this.client) {
    if (client !== this.client) return; // An answer about a client no longer in use.
    const error = ApiError.from(e);
    this.busy = false;
    if (error.code === 'unauthorized') this.session.expired(client);
    else {
      this.error = error;
      this.retry = retry;
    }
  }

  /** @internal */
  async load(more = false) {
    const client = this.client;
    this.busy = true;
    this.error = undefined;
    try {
      const page = await client.complaints.list({
        community: this.communityOf,
        ...this.filters,
        ...(more && this.cursor ? { cursor: this.cursor } : {}),
      });
      if (client !== this.client) return;
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.cursor = page.nextCursor;
      this.busy = false;
      const count = this.items.length;
      this.announce = () => this.localize.t('list.count', { count });
    } catch (e) {
      this.fail(e, () => void this.load(more), client);
    }
  }

  private async logout() {
    void this.back(false);
    await this.session.logout();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#f-username')?.focus();
  }

  /** @internal */
  async show(id: string) {
    const client = this.client;
    this.opened = id;
    this.error = undefined;
    this.busy = true;
    try {
      if (!this.case) {
        this.case = await import('./case.js');
        adoptLater(this, [this.case.caseStyles]);
      }
      const c = await client.complaints.get(id);
      if (client !== this.client || id !== this.opened) return;
      this.busy = false;
      this.revoke();
      this.case.supersede(this);
      this.current = c;
      this.open = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#case')?.focus();
      const urls = await Promise.all(
        c.photos.map((p) =>
          client.uploads.get(p).then(
            (blob) => URL.createObjectURL(blob),
            () => '',
          ),
        ),
      );
      if (this.current?.id === c.id && !this.photos.length) this.photos = urls;
      else urls.forEach((u) => URL.revokeObjectURL(u));
    } catch (e) {
      this.fail(e, () => void this.show(id), client);
    }
  }

  private revoke() {
    this.photos.forEach((u) => u && URL.revokeObjectURL(u));
    this.photos = [];
  }

  /** Back to the list, focus on the case we came from.
   * @internal
   */
  async back(focus = true) {
    this.revoke();
    this.case?.supersede(this);
    this.current = undefined;
    this.error = undefined;
    this.open = undefined;
    if (!focus) return;
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(
      `[data-id="${CSS.escape(this.opened ?? '')}"]`,
    );
    (row ?? this.renderRoot.querySelector<HTMLElement>('#list'))?.focus();
  }

  /** Focuses the first field with an error; true when there was one.
   * @internal
   */
  focusInvalid(): boolean {
    const first = Object.keys(this.errors)[0];
    if (!first) return false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#f-${first}`)?.focus(),
    );
    return true;
  }

  /** A date the one way the desk shows dates ("2026年12月9日", "Dec 9, 2026").
   * @internal
   */
  day(date: string) {
    return formatDate(date, this.localize.lang, { dateStyle: 'medium' });
  }

  /** @internal */
  category(id: string) {
    const found = this.tree && categoriesOf(this.tree, 'complaint').find((c) => c.id === id);
    return found ? displayName(found, this.localize.lang) : id;
  }

  /** @internal */
  renderAlert(error: ApiError | undefined, lead = '', retry?: () => void) {
    const t = this.localize;
    if (!error) return nothing;
    const key = error.code === 'unauthorized' ? 'login.failed' : `common:${error.key}`;
    return html`<div class="alert" role="alert" part="error">
      <p>${lead && t.t(lead)} ${t.t(key)}</p>
      ${
        retry
          ? html`<button type="button" class="button-secondary" @click=${retry}>
              ${t.t('common:retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** A labelled control with its hint and error; `control` gets id, name and aria.
   * @internal
   */
  renderField(name: string, label: string, control: (aria: Aria) => TemplateResult, hint = '') {
    const t = this.localize;
    const error = this.errors[name];
    const described = [hint && `h-${name}`, error && `e-${name}`].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      ${hint ? html`<span id="h-${name}" class="hint-text">${t.t(hint)}</span>` : nothing}
      ${control({ invalid: error ? 'true' : 'false', described: described || nothing })}
      ${error ? html`<span id="e-${name}" class="error-text">${t.t(error)}</span>` : nothing}
    </div>`;
  }

  /** @internal */
  renderSelect(name: string, label: string, options: [string, string][], empty: string) {
    return this.renderField(
      name,
      label,
      (a) =>
        html`<select
          id="f-${name}"
          name=${name}
          aria-invalid=${a.invalid}
          aria-describedby=${a.described}
        >
          <option value="">${empty}</option>
          ${options.map(([v, l]) => html`<option value=${v}>${l}</option>`)}
        </select>`,
    );
  }

  protected override render() {
    const t = this.localize;
    const session = this.session;
    const me = session.staff;
    if (session.phase === 'login') return this.signIn.render();
    if (!me)
      return session.error
        ? this.renderAlert(session.error, '', () => session.retry())
        : html`<p role="status">${t.t('common:loading')}</p>`;
    return html`<header part="header">
        <h2>${t.t('title')}</h2>
        <span>${t.t('signedIn', { name: me.name })}</span>
        ${
          this.client.mode === 'http'
            ? html`<button type="button" class="button-secondary" @click=${this.logout}>
                ${t.t('logout')}
              </button>`
            : nothing
        }
      </header>
      <div class=${this.current ? 'split open' : 'split'}>
        ${this.renderMain()}
        ${this.current && this.case ? this.case.renderCase(this, this.current) : nothing}
      </div>
      <p class="visually-hidden" role="status">${this.announce()}</p>`;
  }

  /** 三率 is a tab of its own element, fetched the first time it is opened. */
  private tab(view: 'list' | 'metrics') {
    this.view = view;
    if (view === 'metrics')
      void import('../complaint-metrics/index.js').then((m) => m.SqComplaintMetrics.define());
  }

  private renderMain() {
    const t = this.localize;
    const tab = (v: 'list' | 'metrics') =>
      html`<button
        type="button"
        class="button-secondary"
        aria-pressed=${this.view === v ? 'true' : 'false'}
        @click=${() => this.tab(v)}
      >
        ${t.t(`tabs.${v}`)}
      </button>`;
    // Beside the open case at ≥ 960px; under 960px the case takes the screen (styles).
    return html`<div class="main">
      <nav>${tab('list')} ${tab('metrics')}</nav>
      ${
        this.view === 'metrics'
          ? html`<sq-complaint-metrics
              community=${this.communityOf}
              api-base=${this.apiBase ?? nothing}
              ?care=${this.careMode}
            ></sq-complaint-metrics>`
          : nothing
      }
      <div ?hidden=${this.view !== 'list'}>${this.list?.renderList(this) ?? nothing}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-complaint-desk': SqComplaintDesk;
  }
}
