import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ScoreSheet } from '../../model.js';
import { periodAt } from '../../rules.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/redblack-score-sheet.js';
import { ActionController } from '../../../../ui/action.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { controlStyles } from '../../../../ui/control-styles.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { SignInForm, StaffSessionController } from '../../../../ui/staff-session.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { scoreSheetStyles } from './score-sheet.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-redblack-score-sheet': SqRedblackScoreSheet;
  }
}

/**
 * 和谐楼道 score sheet: staff score each building of their community for a period on the
 * community's rubric (环境卫生, 楼道堆物, 文明养犬, 垃圾分类, 邻里互助 by default; 0–10 per item in
 * steps of 0.5), save each building on its own, and see the ranking (ties share a rank) with the
 * suggested candidates — the top N for the red list, those under the average threshold for the
 * black list — told by text and icon, not colour alone. Saving again replaces a building's
 * scores; the server keeps the replaced version. Staff only: a sign-in form on 401; on the
 * embedded client it acts as the client's `actor`. Standalone (`community`, `period`), or as a
 * tab of the editor.
 *
 * @summary 和谐楼道: score each building per period (0–10 per item), ranking and red/black candidates.
 *
 * @event {SqScoredEvent} sq-scored - A building's scores were saved: `detail` is `{ building, period, total }`.
 * @event {SqDraftSuggestedEvent} sq-draft-suggested - Staff asked to draft an entry from a building's suggestion (`draftable` only): `detail` is `{ building, list, period }`.
 *
 * @csspart login - The sign-in form.
 * @csspart ranking - The ranking table with the suggestions.
 * @csspart building - One building's card: its scores form, total, rank and suggestion.
 * @csspart field - One item's field: label, hint, input and error.
 * @csspart save - A building's save button.
 * @csspart draft - A suggested building's 以此起草红榜 / 起草黑榜条目 button (`draftable` only).
 * @csspart error - Errors and alerts.
 *
 * @cssprop --sq-score-sheet-max-width - Widest the element grows (64rem).
 * @cssprop --sq-color-primary - The red candidates' colour (党建红) and the save buttons.
 * @cssprop --sq-target-size - Smallest button and field height (44px; 60px in care mode).
 *
 * @cssstate login - The sign-in form is shown.
 */
export class SqRedblackScoreSheet extends SqElement {
  static override tagName = 'sq-redblack-score-sheet';
  static override styles = [
    baseStyles,
    controlStyles,
    messageStyles,
    badgeStyles,
    scoreSheetStyles,
  ];

  /** The period scored (`2026-Q4`, `2026-11`, `2026`); default: this quarter. */
  @property() period: string = periodAt('quarter', new Date());

  /** Offer to draft an entry from each suggestion (`sq-draft-suggested`): the editor's tab sets it. */
  @property({ type: Boolean }) draftable = false;

  /** @internal */ @state() sheet?: ScoreSheet | undefined;
  /** @internal */ @state() loadError?: ApiError | undefined;
  /** @internal */ @state() announce = '';

  /** @internal What is typed, by building and item (kept until saved or the period changes). */
  drafts = new Map<string, Record<string, string>>();
  /** @internal Field errors by building and item (i18n keys). */
  errors = new Map<string, Record<string, string>>();

  /** @internal */
  readonly t = new LocalizeController(this, 'redblack-score-sheet', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/redblack-score-sheet.js'),
  });
  /** @internal The sign-in, shared with every staff element of this client on the page. */
  readonly session = new StaffSessionController(this, (staff) => {
    this.sheet = undefined;
    this.saving.reset();
    if (staff) void this.load();
  });
  private readonly signIn = new SignInForm(
    this,
    this.session,
    () => this.t.t.bind(this.t),
    () => this.renderRoot.querySelector<HTMLElement>('h2')?.focus(),
  );
  /** @internal One Idempotency-Key per save (building + scores), reused on its retries. */
  readonly saving = new ActionController(this);
  /** @internal The sign-in, the cards and their fields: loaded with the first data. */
  @state() later?: typeof import('./later.js');
  private loaded?: string;
  private loads = 0;

  private get scope() {
    return this.communityId ?? this.session.staff?.community;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = `${this.scope}\n${this.period}`;
    if (this.session.phase === 'ready' && this.scope && key !== this.loaded) {
      if (changed.has('period')) {
        this.drafts.clear();
        this.errors.clear();
      }
      void this.load();
    }
    // The sign-in is in the later chunk too: asked for as soon as it is needed.
    if (this.session.phase === 'login') void this.loadLater();
    this.customStates.set({ login: this.session.phase === 'login' });
  }

  /** @internal The period's sheet. */
  async load() {
    const community = this.scope;
    if (!community) return;
    this.loaded = `${community}\n${this.period}`;
    const load = ++this.loads;
    const client = this.client;
    this.loadError = undefined;
    try {
      const [sheet, later] = await Promise.all([
        client.redblack.scoreSheet(community, this.period),
        this.loadLater(),
      ]);
      if (load !== this.loads || client !== this.client) return;
      Object.assign(this, { sheet, later });
    } catch (error) {
      if (load !== this.loads) return;
      const e = ApiError.from(error);
      if (e.code === 'unauthorized') this.session.expired();
      else this.loadError = e;
    }
  }

  /** @internal Dispatches one of the sheet's events. */
  notify(event: Event): void {
    this.emit(event);
  }

  /** @internal The later chunk, once (its styles adopted as it loads). */
  loadLater(): Promise<typeof import('./later.js')> {
    this.laterLoading ??= import('./later.js').then((later) => {
      later.attach(this);
      return (this.later = later);
    });
    return this.laterLoading;
  }
  private laterLoading?: Promise<typeof import('./later.js')>;

  protected override render() {
    const t = this.t;
    const session = this.session;
    const head = html`<h2 tabindex="-1">${t.t('heading')}</h2>`;
    const later = this.later;
    if (session.phase === 'login') return html`${head}${this.signIn.render()}`;
    if (session.phase !== 'ready' || !later) {
      return html`${head}
        <p role="status">${t.t('loading')}</p>`;
    }
    const sheet = this.sheet;
    return html`${head}
      ${
        session.staff && this.client.mode !== 'embedded'
          ? html`<p class="meta">
              ${t.t('signedIn', { name: session.staff.name })}
              <button type="button" class="button-secondary" @click=${() => session.logout()}>
                ${t.t('logout')}
              </button>
            </p>`
          : nothing
      }
      <p class="hint-text">${t.t('intro')}</p>
      ${later.renderPeriods(this)}
      ${
        this.loadError
          ? html`<div class="alert" role="alert" part="error">
              <p>${t.t('loadFailed')}${t.t(this.loadError.key)}</p>
              <button type="button" class="button-secondary" @click=${() => this.load()}>
                ${t.t('common:retry')}
              </button>
            </div>`
          : !sheet
            ? html`<p role="status">${t.t('loading')}</p>`
            : html`<p class="hint-text">
                  ${t.t('suggestHint', { top: sheet.redTop, below: sheet.blackBelow })}
                </p>
                ${later.renderRanking(this, sheet)}
                <ul class="buildings">
                  ${sheet.rows.map((row) => html`<li>${later.renderBuilding(this, sheet, row)}</li>`)}
                </ul>`
      }
      <p class="visually-hidden" role="status">${this.announce}</p>`;
  }
}
