import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublicBuildingScores, PublicEntry, RedblackBoard } from '../../model.js';
import { displayName } from '../../../../domain/names.js';
import { formatDate, shanghaiDate } from '../../../../domain/time.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/redblack-board.js';
import { ActionController } from '../../../../ui/action.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { SqAppealedEvent, SqPeriodChangeEvent } from './events.js';
import { boardStyles } from './redblack-board.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-redblack-board': SqRedblackBoard;
  }
}

type List = 'red' | 'black';

/** What the appeal form holds. Never kept in storage: a phone is in it. */
export interface AppealValues {
  role: string;
  name: string;
  phone: string;
  reason: string;
  consent: boolean;
}

/**
 * The appeal form, its receipt, the look-up by code, their fields, styles and strings: one
 * chunk, loaded when the reader opens the appeal or the look-up (never for the board itself).
 */
let laterModule: Promise<typeof import('./later.js')> | undefined;
const later = () => (laterModule ??= import('./later.js'));

/** Interactions that pause a kiosk's paging, and how long after the last one it stays paused. */
const PAUSERS = ['pointerdown', 'keydown', 'wheel', 'focusin', 'touchstart'] as const;
const RESUME_MS = 60_000;

/**
 * 红黑榜: the community's public praise-and-criticism board. 红榜 / 黑榜 tabs (told apart by
 * text and icon, not colour alone), the period on the board now and the archive of past
 * periods, cards with the subject (a place or an organisation on the black list, never a
 * person; a person on the red list only with consent, masked), category, reason, dates, cleared
 * photos, 已整改 and archive badges, and the board's public change log ("11月3日 更正：…").
 * The responsible party of a black entry appeals (申诉) from its card: role, an optional contact
 * name, a private phone, the reason, the privacy notice with an unticked consent; the answer is
 * a one-time query code, and the look-up shows the appeal's status by that code (typed in, never
 * in a URL). 查我家楼栋 looks up one building's 和谐楼道 scores: each rubric item, the total and
 * its rank among the buildings scored that period, and its past periods (building-level only). `kiosk` is the 党群服务中心 screen: large type, pages that turn on a timer, paused
 * by a touch, a key, the wheel or focus and by its pause button — never a timer in care mode.
 * `poster` (and printing) is the A4 notice-board poster: both lists, nothing to press.
 *
 * @summary The 红黑榜: red and black lists per period, archive, change log, appeal by a black entry's responsible party; kiosk and A4 poster views.
 *
 * @event {SqAppealedEvent} sq-appealed - An appeal was filed: `detail` is `{ entry, receipt }` (`receipt.code` is shown once).
 * @event {SqPeriodChangeEvent} sq-period-change - The reader chose another period: `detail` is `{ period }` (`undefined`: the board now).
 *
 * @csspart tabs - 红榜 / 黑榜.
 * @csspart tab - One list's button.
 * @csspart period - The period selector.
 * @csspart entry - One entry's card.
 * @csspart changes - The board's change log.
 * @csspart kiosk - The kiosk's page bar (page, previous, pause, next).
 * @csspart form - The appeal form.
 * @csspart field - One field: label, hint, control and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - Errors and alerts.
 * @csspart choice - The consent checkbox with its label.
 * @csspart error-summary - The list of errors shown on submit.
 * @csspart privacy - The privacy notice.
 * @csspart submit - The appeal's submit button.
 * @csspart status - Sending or failed.
 * @csspart receipt - The receipt with the query code.
 * @csspart result - The appeal found by its code, or the building's scores.
 * @csspart scores - The building's items and their scores (a table).
 *
 * @cssprop --sq-redblack-board-max-width - Widest the element grows (56rem; none in kiosk mode).
 * @cssprop --sq-redblack-red - The red list's colour (党建红, `--sq-color-primary`).
 * @cssprop --sq-redblack-black - The black list's colour (`--sq-color-text`).
 * @cssprop --sq-target-size - Smallest button and field height (44px; 60px in care and kiosk mode).
 * @cssprop --sq-font-size-key - Size of the query code (30px in care mode).
 *
 * @cssstate kiosk-paused - Kiosk mode with its paging paused.
 */
export class SqRedblackBoard extends SqElement {
  static override tagName = 'sq-redblack-board';
  static override styles = [baseStyles, controlStyles, messageStyles, badgeStyles, boardStyles];

  /** The list shown first: `red` (红榜) or `black` (黑榜). */
  @property({ reflect: true }) list: List = 'red';
  /** A period of the archive to show (`2026-Q3`); absent: what is on the board now. */
  @property() period?: string | undefined;
  /** The 党群服务中心 screen: large type, pages turn on a timer (never in care mode). */
  @property({ type: Boolean, reflect: true }) kiosk = false;
  /** Seconds a kiosk page stays before the next one (default 12). */
  @property({ type: Number }) interval = 12;
  /** Entries per kiosk page (default 3). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 3;
  /** The A4 poster for the notice board: both lists, nothing to press. */
  @property({ type: Boolean, reflect: true }) poster = false;

  /** @internal */ @state() board?: RedblackBoard | undefined;
  /** @internal */ @state() loadError?: ApiError | undefined;
  /** @internal What the board shows instead of the lists: an entry's appeal, or the look-up. */
  @state() view?:
    { kind: 'appeal'; entry: PublicEntry } | { kind: 'lookup' } | { kind: 'scores' } | undefined;
  /** @internal The later chunk, once here. */
  @state() lazy?: typeof import('./later.js');
  /** @internal The kiosk's page. */
  @state() page = 0;
  /** @internal The kiosk's pause button was pressed. */
  @state() held = false;
  /** @internal */ @state() announce = '';

  /** @internal */
  readonly t = new LocalizeController(this, 'redblack-board', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/redblack-board.js'),
  });
  /** @internal The appeal: one Idempotency-Key per intent, reused on its retries. */
  readonly appealing = new ActionController(this);
  /** @internal The look-up by code. */
  readonly finding = new ActionController(this);
  /** @internal The appeal form's values (in memory only: a phone is in them). */
  values: AppealValues = { role: '', name: '', phone: '', reason: '', consent: false };
  /** @internal The appeal form's errors by field. */
  errors: Record<string, { key: string; params?: Record<string, unknown> | undefined }> = {};
  /** @internal The appeal filed (its code shown once), until the reader goes back. */
  receipt?: { entry: PublicEntry; receipt: SqAppealedEvent['detail']['receipt'] } | undefined;
  /** @internal What the last copy of the code did. */
  said = '';
  /** @internal The look-up: what the code found (in memory only), or why not. */
  found?: import('../../model.js').AppealView | undefined;
  /** @internal */ notFound = false;
  /** @internal 查我家楼栋: the building and period chosen, and what was found. */
  scores: { building: string; period: string; found?: PublicBuildingScores | undefined } = {
    building: '',
    period: '',
  };
  /** @internal */ codeError?: string | undefined;
  /** @internal The kiosk's timer (only in kiosk mode, never in care mode). */
  timer?: ReturnType<typeof setInterval> | undefined;
  private touchedAt = -Infinity;

  private readonly touched = () => {
    this.touchedAt = Date.now();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of PAUSERS) this.addEventListener(type, this.touched, { passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of PAUSERS) this.removeEventListener(type, this.touched);
    this.stopTimer();
  }

  private loaded?: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.communityId;
    const key = `${id}\n${this.period ?? ''}`;
    if (id && key !== this.loaded) {
      this.loaded = key;
      void this.load(id, this.period);
    }
    if (changed.has('kiosk') || changed.has('list')) this.page = this.firstPage(this.list);
    this.customStates.set({ 'kiosk-paused': this.kiosk && this.paused });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A timer only where it may act on its own: kiosk mode, never care mode (适老化).
    const wanted = this.kiosk && !this.careMode && !this.poster && this.pages().length > 1;
    if (wanted && !this.timer) {
      this.timer = setInterval(() => this.tick(), Math.max(1, this.interval) * 1000);
    } else if (!wanted) this.stopTimer();
  }

  private stopTimer() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** @internal Paused: by the pause button, or a touch, key, wheel or focus in the last minute. */
  get paused(): boolean {
    return this.held || Date.now() - this.touchedAt < RESUME_MS;
  }

  /** @internal The timer's turn: the next page, unless someone is reading or touching. */
  tick() {
    if (this.paused || this.view) return;
    this.turn(1);
  }

  /** @internal The board now, or a period of the archive. */
  async load(id: string, period?: string) {
    const client = this.client;
    this.loadError = undefined;
    try {
      // The poster's title names the community.
      if (this.poster) await client.communities.get(id).catch(() => undefined);
      const board = await client.redblack.board(id, period);
      if (client !== this.client || id !== this.communityId || period !== this.period) return;
      this.board = board;
      this.page = this.firstPage(this.list);
    } catch (error) {
      this.loadError = ApiError.from(error);
    }
  }

  /** @internal The kiosk's pages: each list in pages of `pageSize`, red then black. */
  pages(): [List, PublicEntry[]][] {
    const board = this.board;
    if (!board) return [];
    const size = Math.max(1, Math.floor(this.pageSize) || 3);
    return (['red', 'black'] as const).flatMap((list) => {
      const entries = board[list];
      const pages: [List, PublicEntry[]][] = [];
      for (let i = 0; i < entries.length; i += size) pages.push([list, entries.slice(i, i + size)]);
      return pages.length ? pages : [[list, []] as [List, PublicEntry[]]];
    });
  }

  private firstPage(list: List) {
    return Math.max(
      0,
      this.pages().findIndex(([l]) => l === list),
    );
  }

  /** @internal The kiosk turns `by` pages (wrapping), and the tab follows. */
  turn(by: number) {
    const pages = this.pages();
    if (!pages.length) return;
    this.page = (this.page + by + pages.length) % pages.length;
    const list = pages[this.page]![0];
    if (list !== this.list) {
      this.list = list;
      // willUpdate would move to the list's first page; keep the page turned to.
      const page = this.page;
      void this.updateComplete.then(() => (this.page = page));
    }
  }

  private choose(list: List) {
    this.list = list;
    this.announce = '';
  }

  private choosePeriod(e: Event) {
    const value = (e.target as HTMLSelectElement).value;
    this.period = value || undefined;
    this.board = undefined;
    this.emit(new SqPeriodChangeEvent({ period: this.period }));
  }

  /** @internal Opens the appeal of a black entry, or the look-up by code. */
  async open(view: NonNullable<SqRedblackBoard['view']>) {
    this.appealing.reset();
    this.finding.reset();
    this.errors = {};
    this.found = undefined;
    this.notFound = false;
    this.codeError = undefined;
    this.view = view;
    const id = this.communityId ?? '';
    // The privacy notice names the community's controller, contact and retention; the score
    // look-up lists its buildings.
    if (view.kind !== 'lookup' && !this.client.communities.peek(id)) {
      void this.client.communities.get(id).then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
    this.lazy ??= await later().catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#view')?.focus();
  }

  /** @internal Back to the board; focus returns to what opened the view. */
  async close() {
    const view = this.view;
    this.view = undefined;
    this.values = { role: '', name: '', phone: '', reason: '', consent: false };
    this.errors = {};
    await this.updateComplete;
    const back =
      view?.kind === 'appeal'
        ? this.renderRoot.querySelector<HTMLElement>(`[data-appeal="${view.entry.id}"]`)
        : this.renderRoot.querySelector<HTMLElement>(
            view?.kind === 'scores' ? '#scores-open' : '#lookup',
          );
    (back ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
  }

  /** @internal The appeal was filed: says so to the page. */
  appealed(entry: string, receipt: SqAppealedEvent['detail']['receipt']) {
    this.emit(new SqAppealedEvent({ entry, receipt }));
  }

  /** @internal A Beijing date, long or short. */
  date(instant: string, short = false) {
    const day = instant.length > 10 ? shanghaiDate(instant) : instant;
    return formatDate(
      day,
      this.t.lang,
      short
        ? { month: 'long', day: 'numeric' }
        : { year: 'numeric', month: 'long', day: 'numeric' },
    );
  }

  /** @internal The last day on the board: `until` is the first moment off it. */
  lastDay(until: string) {
    return this.date(shanghaiDate(new Date(Date.parse(until) - 1)));
  }

  /** @internal A category's name in the reader's language. */
  categoryOf(entry: PublicEntry) {
    return this.t.lang.startsWith('en') && entry.categoryNameEn
      ? entry.categoryNameEn
      : entry.categoryName;
  }

  /** @internal A period's label in the reader's language (the server's is Chinese). */
  periodName(key: string, label: string) {
    if (!this.t.lang.startsWith('en')) return label;
    const [year, part] = key.split('-');
    if (!part) return year!;
    if (part.startsWith('Q')) return `${part} ${year}`;
    return formatDate(`${year}-${part}-01`, 'en', { year: 'numeric', month: 'long' });
  }

  protected override render() {
    const t = this.t;
    if (this.view && this.lazy) {
      return html`${this.lazy.renderView(this, this.view)}
        <p class="visually-hidden" role="status">${this.announce}</p>`;
    }
    if (this.view) return html`<p role="status">${t.t('common:loading')}</p>`;
    if (this.poster) return this.renderPoster();
    const board = this.board;
    const page = html`<h2 tabindex="-1">${t.t('title')}</h2>
      ${this.kiosk ? nothing : html`<p class="hint-text">${t.t('about')}</p>`}
      ${
        this.loadError
          ? html`<div class="alert" role="alert" part="error">
              <p>${t.t('loadFailed')}${t.t(this.loadError.key)}</p>
              <button
                type="button"
                class="button-secondary"
                @click=${() => this.load(this.communityId ?? '', this.period)}
              >
                ${t.t('common:retry')}
              </button>
            </div>`
          : !board
            ? html`<p role="status">${t.t('common:loading')}</p>`
            : this.renderBoard(board)
      }
      <p class="visually-hidden" role="status">${this.announce}</p>`;
    return this.kiosk ? html`<div class="kiosk-root">${page}</div>` : page;
  }

  private renderBoard(board: RedblackBoard) {
    const t = this.t;
    const list = this.list;
    const pages = this.pages();
    const page = this.kiosk ? pages[this.page] : undefined;
    const entries = page ? page[1] : board[list];
    return html`<div class="bar">
        <div class="tabs" part="tabs" role="group" aria-label=${t.t('title')}>
          ${(['red', 'black'] as const).map(
            (l) =>
              html`<button
                type="button"
                class="button-secondary tab"
                part="tab"
                data-list=${l}
                aria-pressed=${l === list ? 'true' : 'false'}
                @click=${() => this.choose(l)}
              >
                <span aria-hidden="true">${t.t(`listIcon.${l}`)}</span> ${t.t(`lists.${l}`)}
                <span class="nowrap">${t.t('count', { n: board[l].length })}</span>
              </button>`,
          )}
        </div>
        ${this.kiosk ? nothing : this.renderPeriods(board)}
      </div>
      <h3>
        ${t.t(`lists.${list}`)} ·
        ${
          board.period
            ? this.periodName(board.period, board.periodLabel ?? board.period)
            : t.t('current')
        }
      </h3>
      <p class="hint-text">${t.t(`listHint.${list}`)}</p>
      ${entries.length ? nothing : html`<p role="status">${t.t(`none.${list}`)}</p>`}
      <ul class="cards">
        ${entries.map((e) => html`<li>${this.renderEntry(e)}</li>`)}
      </ul>
      ${this.kiosk ? this.renderKioskBar(pages.length) : this.renderChanges(board)}
      ${
        this.kiosk
          ? html`<p class="hint-text">${t.t('kiosk.appealHere')}</p>`
          : html`<div class="actions">
              <button
                type="button"
                id="scores-open"
                class="button-secondary"
                @click=${() => this.open({ kind: 'scores' })}
              >
                ${t.t('scoresOpen')}
              </button>
              <button
                type="button"
                id="lookup"
                class="button-secondary"
                @click=${() => this.open({ kind: 'lookup' })}
              >
                ${t.t('lookup')}
              </button>
            </div>`
      }`;
  }

  private renderPeriods(board: RedblackBoard) {
    const t = this.t;
    return html`<div class="period" part="period">
      <label for="period">${t.t('periodPick')}</label>
      <select id="period" @change=${this.choosePeriod}>
        <option value="" ?selected=${!this.period}>${t.t('current')}</option>
        ${board.periods.map(
          (p) =>
            html`<option value=${p.key} ?selected=${p.key === this.period}>
              ${this.periodName(p.key, p.label)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  /** @internal One entry's card. */
  renderEntry(e: PublicEntry, actions = !this.kiosk && !this.poster): TemplateResult {
    const t = this.t;
    const status =
      e.status === 'rectified'
        ? html`<span class="badge" data-tone="done">${t.t('rectifiedBadge')}</span>`
        : e.status === 'archived'
          ? html`<span class="badge" data-tone="rejected">${t.t('archived')}</span>`
          : e.status === 'expired'
            ? html`<span class="badge" data-tone="rejected">${t.t('expired')}</span>`
            : e.list === 'black'
              ? html`<span class="badge" data-tone="progress">${t.t('pending')}</span>`
              : nothing;
    return html`<article class="card" part="entry" data-list=${e.list} data-status=${e.status}>
      <p class="tags">
        <span class="list-tag"
          ><span aria-hidden="true">${t.t(`listIcon.${e.list}`)}</span>
          ${t.t(`lists.${e.list}`)}</span
        >
        <span class="badge">${this.categoryOf(e)}</span> ${status}
      </p>
      <h4>${e.subject.label}</h4>
      <p>${e.reason}</p>
      ${
        e.rectification
          ? html`<p class="rectified">
              ${t.t('rectifiedOn', {
                date: this.date(e.rectification.date, true),
                note: e.rectification.note,
              })}
            </p>`
          : nothing
      }
      ${e.photos.length ? html`<p class="meta">${t.t('photos', { n: e.photos.length })}</p>` : nothing}
      <p class="meta">${t.t('published', { date: this.date(e.publishedAt) })}</p>
      ${
        e.status === 'archived' || e.status === 'expired'
          ? nothing
          : html`<p class="meta">${t.t('until', { date: this.lastDay(e.until) })}</p>`
      }
      ${
        actions && e.appealable
          ? html`<button
              type="button"
              class="button-secondary"
              data-appeal=${e.id}
              @click=${() => this.open({ kind: 'appeal', entry: e })}
            >
              ${t.t('appealButton')}<span class="visually-hidden">：${e.subject.label}</span>
            </button>`
          : nothing
      }
    </article>`;
  }

  private renderChanges(board: RedblackBoard) {
    const t = this.t;
    return html`<section class="changes" part="changes" aria-labelledby="changes">
      <h3 id="changes">${t.t('changes')}</h3>
      ${
        board.changes.length
          ? html`<ul>
              ${board.changes.map(
                (c) =>
                  html`<li>
                    ${t.t('changeLine', {
                      date: this.date(c.at, true),
                      kind: t.t(`change.${c.kind}`),
                      subject: c.subject,
                      note: c.note,
                    })}
                  </li>`,
              )}
            </ul>`
          : html`<p class="hint-text">${t.t('changesNone')}</p>`
      }
    </section>`;
  }

  private renderKioskBar(total: number) {
    const t = this.t;
    const auto = !this.careMode;
    return html`<div class="kiosk-bar" part="kiosk">
      <span class="nowrap">${t.t('kiosk.page', { n: this.page + 1, total })}</span>
      <button type="button" class="button-secondary" @click=${() => this.turn(-1)}>
        ${t.t('kiosk.prev')}
      </button>
      <button type="button" class="button-secondary" @click=${() => this.turn(1)}>
        ${t.t('kiosk.next')}
      </button>
      ${
        auto && total > 1
          ? html`<button
              type="button"
              class="button-secondary"
              id="pause"
              aria-pressed=${this.held ? 'true' : 'false'}
              @click=${() => {
                this.held = !this.held;
                this.touchedAt = -Infinity;
                this.announce = this.held ? t.t('kiosk.paused') : '';
              }}
            >
              ${t.t('kiosk.pause')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderPoster() {
    const t = this.t;
    const board = this.board;
    if (!board) return html`<p role="status">${t.t('common:loading')}</p>`;
    const first = board.red[0] ?? board.black[0];
    const label = board.period
      ? this.periodName(board.period, board.periodLabel ?? board.period)
      : first
        ? this.periodName(first.period, first.periodLabel)
        : '';
    const community = this.client.communities.peek(this.communityId ?? '');
    const name = community ? displayName(community, t.lang) : '';
    return html`<h2 class="poster-title">${name} ${label} ${t.t('title')}</h2>
      <div class="poster-lists">
        ${(['red', 'black'] as const).map(
          (l) =>
            html`<section data-list=${l} aria-label=${t.t(`lists.${l}`)}>
              <h3><span aria-hidden="true">${t.t(`listIcon.${l}`)}</span> ${t.t(`lists.${l}`)}</h3>
              ${board[l].length ? nothing : html`<p>${t.t(`none.${l}`)}</p>`}
              <ul class="cards">
                ${board[l].map((e) => html`<li>${this.renderEntry(e, false)}</li>`)}
              </ul>
            </section>`,
        )}
      </div>
      ${this.renderChanges(board)}
      <p class="poster-footer">${t.t('poster.footer')}</p>`;
  }
}
