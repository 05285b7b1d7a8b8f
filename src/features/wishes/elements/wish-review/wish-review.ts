import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { categoriesOf, loadCategories } from '../../../core/elements/categories.js';
import type { Community } from '../../../core/model.js';
import { displayName } from '../../../../domain/names.js';
import { shanghaiDate } from '../../../../domain/time.js';
import type { WishCounts, WishStaffAction, WishStaffView, WishStatus } from '../../model.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/wish-review.js';
import { ActionController } from '../../../../ui/action.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SignInForm, StaffSessionController } from '../../../../ui/staff-session.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { options } from '../../../../ui/fields/options.js';
import { renderDateTime } from '../../../../ui/time.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { controlStyles } from '../../../../ui/control-styles.js';
import { wishReviewStyles } from './wish-review.styles.js';
import { wishTone } from '../tones.js';

export type WishReviewAction = WishStaffAction['action'];

/** `sq-wish-acted`: a staff action on a wish succeeded; `wish` is the wish as it is now. */
export class SqWishActedEvent extends CustomEvent<{
  action: WishReviewAction;
  wish: WishStaffView;
}> {
  static readonly type = 'sq-wish-acted';
  constructor(detail: { action: WishReviewAction; wish: WishStaffView }) {
    super(SqWishActedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-wish-acted': SqWishActedEvent;
  }
  interface HTMLElementTagNameMap {
    'sq-wish-review': SqWishReview;
  }
}

/** Statuses offered by the filter, the review queue first, then claims (stale holds). */
const STATUSES: WishStatus[] = [
  'pending_review',
  'claimed',
  'open',
  'fulfilled',
  'thanked',
  'rejected',
  'withdrawn',
];
const ACTIONS: WishReviewAction[] = ['approve', 'reject', 'release', 'fulfil'];
/** Actions that need a text, and the field error shown when it is empty. */
const TEXT_KEY: Partial<Record<WishReviewAction, string>> = {
  reject: 'rejectReason.required',
  fulfil: 'fulfilNote.required',
};
const PERIODS = [7, 30, 90, 365];
const DAY = 864e5;

interface Failure {
  id: string;
  text?: string;
  field?: string;
}

/**
 * The staff side of 微心愿 (small wishes): sign in, review the queue (核实通过 or 驳回 with a
 * reason told to the wisher only), release stale claims (认领超期), record a fulfilment, and
 * see a period's counts. Only the actions the wish's status allows are offered; each intent
 * carries one Idempotency-Key, reused on retry. Over HTTP it asks `client.auth.me()` and shows
 * a login form on 401; on the embedded client it acts as the client's `actor`.
 *
 * @summary 微心愿审核: staff queue, actions and counts.
 *
 * @event {SqWishActedEvent} sq-wish-acted - An action succeeded: `detail.action`, `detail.wish` (the staff view).
 *
 * @csspart login - The sign-in form.
 * @csspart published - Under a wish's story: what the wall will show, when masking changed it.
 * @csspart counts - The counts panel.
 * @csspart figure - One count.
 * @csspart toolbar - The status filter and refresh button.
 * @csspart item - One wish in the queue.
 * @csspart actions - An item's action buttons.
 * @csspart status - The live region announcing results.
 * @csspart error - Error alerts.
 *
 * @cssprop --sq-wish-review-gap - Space between items.
 * @cssprop --sq-color-primary - Primary buttons (党建红).
 * @cssprop --sq-target-size - Height of buttons and fields (44px; 60px in care mode).
 * @cssprop --sq-font-size-key - Size of the counts (30px in care mode).
 *
 * @cssstate login - The sign-in form is shown.
 */
export class SqWishReview extends SqElement {
  static override tagName = 'sq-wish-review';
  static override styles = [
    baseStyles,
    controlStyles,
    badgeStyles,
    messageStyles,
    wishReviewStyles,
  ];

  /** The status the queue shows first (待核实). */
  @property({ reflect: true }) status: WishStatus = 'pending_review';
  /** Wishes per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private tree?: Community;
  @state() private items?: WishStaffView[];
  @state() private cursor?: string;
  @state() private loading = false;
  @state() private loadError?: ApiError;
  @state() private counts?: WishCounts;
  @state() private countsError?: ApiError;
  @state() private days = 30;
  @state() private open?: { id: string; act: WishReviewAction };
  @state() private failure?: Failure;
  @state() private announce = '';

  private readonly localize = new LocalizeController(this, 'wish-review', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/wish-review.js'),
  });
  /** The sign-in, shared with every staff element of this client on the page (the desk too). */
  private readonly session = new StaffSessionController(this, (staff) => {
    this.items = this.cursor = undefined;
    this.acting.reset();
    if (staff) this.reload();
  });
  private readonly signIn = new SignInForm(
    this,
    this.session,
    () => this.localize.t.bind(this.localize),
    () => this.focus$('h2'),
  );
  /** One Idempotency-Key per intent (wish + action + text), reused on its retries. */
  private readonly acting = new ActionController(this);
  private scoped?: string;
  private run = 0;
  private readonly drafts = new Map<string, string>();
  /**
   * The one table of transitions (nextWishStatus) and the notes' limits, loaded with the wish
   * schemas that the first wish call needs anyway; a page shows wishes and their legal actions
   * together.
   */
  private rules?: typeof import('./later.js');

  private get scope() {
    return this.communityId ?? this.session.staff?.community;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      this.session.phase === 'ready' &&
      this.scoped !== undefined &&
      (this.scope !== this.scoped || changed.has('status'))
    )
      this.reload();
    this.customStates.set({ login: this.session.phase === 'login' });
  }

  /** 401 ends the session on every staff element of this client; else an alert. */
  private failed(error: ApiError) {
    if (error.code === 'unauthorized') this.session.expired();
    else this.loadError = error;
  }

  private reload() {
    this.scoped = this.scope;
    this.items = this.cursor = undefined;
    this.failure = undefined;
    void this.loadPage(false);
    void this.loadCounts();
    if (this.tree?.id !== this.scoped) {
      Promise.all([this.client.communities.get(this.scoped!), loadCategories()]).then(
        ([tree]) => (this.tree = tree),
        () => undefined, // Names fall back to ids.
      );
    }
  }

  private async loadPage(more: boolean) {
    const run = more ? this.run : ++this.run;
    const client = this.client;
    const before = this.items?.length ?? 0;
    this.loading = true;
    this.loadError = undefined;
    try {
      const [page, rules] = await Promise.all([
        client.wishes.queue({
          community: this.scoped!,
          status: this.status,
          limit: this.pageSize,
          cursor: more ? this.cursor : undefined,
        }),
        import('./later.js'),
      ]);
      this.rules = rules;
      if (run !== this.run || client !== this.client) return;
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.cursor = page.nextCursor;
      if (more) {
        this.announce = this.localize.t('loadedMore', { count: page.items.length });
        await this.updateComplete;
        this.focusItem(before);
      }
    } catch (error) {
      if (run === this.run && client === this.client) this.failed(ApiError.from(error));
    } finally {
      if (run === this.run) this.loading = false;
    }
  }

  private async loadCounts() {
    this.countsError = undefined;
    const now = Date.now();
    try {
      this.counts = await this.client.wishes.counts({
        community: this.scoped!,
        from: shanghaiDate(new Date(now - (this.days - 1) * DAY)),
        to: shanghaiDate(new Date(now)),
      });
    } catch (error) {
      this.counts = undefined;
      this.countsError = ApiError.from(error);
    }
  }

  private async logout() {
    await this.session.logout();
  }

  private focus$(selector: string) {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Focuses the item at `index`, else the one before, else the queue's heading. */
  private focusItem(index: number) {
    const items = this.items ?? [];
    const wish = items[Math.min(index, items.length - 1)];
    this.focus$(wish ? `#t-${wish.id}` : '#queue');
  }

  private async act(wish: WishStaffView, act: WishReviewAction) {
    const t = this.localize;
    const field = TEXT_KEY[act];
    const text = (this.drafts.get(wish.id) ?? '').trim();
    if (field && !text) {
      this.failure = { id: wish.id, field };
      await this.updateComplete;
      this.focus$(`#x-${wish.id}`);
      return;
    }
    const body = (
      act === 'reject'
        ? { action: act, reason: text }
        : field
          ? { action: act, note: text }
          : { action: act }
    ) as WishStaffAction;
    this.failure = undefined;
    this.announce = '';
    const outcome = await this.acting.run(wish.id, body, (client, idempotencyKey) =>
      client.wishes.act(wish.id, body, { idempotencyKey }),
    );
    if (!outcome) return;
    if ('value' in outcome) {
      const updated = outcome.value;
      this.drafts.delete(wish.id);
      this.open = undefined;
      const items = [...(this.items ?? [])];
      const index = items.findIndex((w) => w.id === wish.id);
      if (updated.status === this.status) items[index] = updated;
      else items.splice(index, 1);
      this.items = items;
      this.announce = t.t(`done.${act}`, { title: wish.title });
      this.emit(new SqWishActedEvent({ action: act, wish: updated }));
      void this.loadCounts();
      await this.updateComplete;
      this.focusItem(index);
      return;
    }
    const e = outcome.error;
    if (e.code === 'unauthorized') return this.session.expired();
    this.failure = {
      id: wish.id,
      text: t.t('failed', { title: wish.title }) + t.t(this.acting.message!),
      field: e.fields[0]?.key,
    };
    await this.updateComplete;
    this.focus$(e.fields.length ? `#x-${wish.id}` : `#f-${wish.id}`);
  }

  private async choose(wish: WishStaffView, act: WishReviewAction) {
    if (!TEXT_KEY[act]) return this.act(wish, act);
    this.open = { id: wish.id, act };
    this.failure = undefined;
    await this.updateComplete;
    this.focus$(`#x-${wish.id}`);
  }

  private async cancel(wish: WishStaffView) {
    const act = this.open!.act;
    this.open = this.failure = undefined;
    await this.updateComplete;
    this.focus$(`#${act}-${wish.id}`);
  }

  private renderCounts() {
    const t = this.localize;
    const c = this.counts;
    const figure = (key: string, value: string) =>
      html`<div part="figure">
        <dt>${t.t(`counts.${key}`)}</dt>
        <dd>${value}</dd>
      </div>`;
    return html`<section
      part="counts"
      aria-labelledby="counts"
      aria-busy=${c || this.countsError ? 'false' : 'true'}
    >
      <div class="row">
        <h3 id="counts">${t.t('counts.heading')}</h3>
        <label for="period">${t.t('counts.period')}</label>
        <select
          id="period"
          @change=${(e: Event) => {
            this.days = +(e.target as HTMLSelectElement).value;
            void this.loadCounts();
          }}
        >
          ${options(
            PERIODS.map((d) => [String(d), t.t(`counts.periods.${d}`)] as const),
            String(this.days),
          )}
        </select>
      </div>
      ${
        this.countsError
          ? html`<p class="alert" role="alert" part="error">
              ${t.t('counts.failed')}${t.t(`common:${this.countsError.key}`)}
            </p>`
          : c
            ? html`<dl class="figures">
                ${figure('posted', t.number(c.posted))} ${figure('claimed', t.number(c.claimed))}
                ${figure('fulfilled', t.number(c.fulfilled))}
                ${figure(
                  'median',
                  c.medianDaysToFulfil === null
                    ? t.t('counts.none')
                    : t.t('counts.days', { value: t.number(c.medianDaysToFulfil) }),
                )}
              </dl>`
            : html`<p>${t.t('common:loading')}</p>`
      }
    </section>`;
  }

  private renderItem(wish: WishStaffView) {
    const t = this.localize;
    const lang = t.lang;
    const tree = this.tree;
    const category = tree && categoriesOf(tree, 'wish').find((c) => c.id === wish.category);
    const grid = tree?.grids.find((g) => g.id === wish.grid);
    const claim = wish.claim;
    const expired = wish.status === 'claimed' && claim && Date.parse(claim.holdUntil) <= Date.now();
    const open = this.open?.id === wish.id ? this.open.act : undefined;
    const failure = this.failure?.id === wish.id ? this.failure : undefined;
    const busy = this.acting.is(wish.id, 'sending');
    const row = (key: string, value: unknown) =>
      value === undefined || value === ''
        ? nothing
        : html`<div>
            <dt>${t.t(key)}</dt>
            <dd>${value}</dd>
          </div>`;
    return html`<li part="item" class="item">
      <h4 id="t-${wish.id}" tabindex="-1">${wish.title}</h4>
      <p class="badges">
        <span class="badge" data-tone=${wishTone[wish.status]}
          >${t.t(`status.${wish.status}`)}</span
        >
        ${expired ? html`<span class="badge" data-tone="overdue">${t.t('expired')}</span>` : nothing}
      </p>
      <p class="story">${wish.story}</p>
      ${
        // Phones, ID numbers and the wisher's name are masked on the wall: say so before 通过.
        wish.published.title !== wish.title || wish.published.story !== wish.story
          ? html`<div class="notice" part="published">
              <p>
                <strong>${t.t('publishedAs')}</strong><br />${wish.published.title}<br />${
                  wish.published.story
                }
              </p>
            </div>`
          : nothing
      }
      <dl class="facts">
        ${row('category', category ? displayName(category, lang) : wish.category)}
        ${row('grid', grid ? displayName(grid, lang) : wish.grid)}
        ${row('posted', renderDateTime(wish.createdAt, lang))}
        ${row(
          'wisher',
          html`${wish.wisherName}${wish.alias ? t.t('alias', { alias: wish.alias }) : ''}`,
        )}
        ${row('phone', html`<span class="nowrap">${wish.phone}</span>`)}
        ${row(
          'value',
          wish.value === undefined
            ? undefined
            : html`<span class="nowrap">${t.t('yuan', { value: wish.value })}</span>`,
        )}
        ${
          claim
            ? html`${row(
                'claimer',
                html`${claim.name} · ${t.t(`claimerTypes.${claim.type}`)} ·
                  <span class="nowrap">${claim.phone}</span>`,
              )}
              ${row('holdUntil', renderDateTime(claim.holdUntil, lang))}`
            : nothing
        }
        ${row('reason', wish.rejectReason)} ${row('fulfilment', wish.fulfilment?.note)}
        ${row('thanks', wish.thanks?.message)}
      </dl>
      ${
        open
          ? html`<div class="field">
              <label for="x-${wish.id}">${t.t(open === 'reject' ? 'reason' : 'fulfilment')}</label>
              <p id="h-${wish.id}" class="hint-text">
                ${t.t(open === 'reject' ? 'reasonHint' : 'noteHint')}
              </p>
              <textarea
                id="x-${wish.id}"
                rows="3"
                maxlength=${this.rules?.[open === 'reject' ? 'REJECT_REASON_MAX' : 'FULFIL_NOTE_MAX']}
                required
                aria-invalid=${failure?.field ? 'true' : 'false'}
                aria-describedby="h-${wish.id}${failure?.field ? ` e-${wish.id}` : ''}"
                .value=${this.drafts.get(wish.id) ?? ''}
                @input=${(e: Event) =>
                  this.drafts.set(wish.id, (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              ${
                failure?.field
                  ? html`<p id="e-${wish.id}" class="error-text">${t.t(failure.field)}</p>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        failure?.text
          ? html`<p id="f-${wish.id}" class="alert" role="alert" part="error" tabindex="-1">
              ${failure.text}
            </p>`
          : nothing
      }
      <div class="actions" part="actions">
        ${
          open
            ? html`<button class="primary" ?disabled=${busy} @click=${() => this.act(wish, open)}>
                  ${t.t(`confirm.${open}`)}
                </button>
                <button class="button-secondary" @click=${() => this.cancel(wish)}>
                  ${t.t('cancel')}
                </button>`
            : ACTIONS.filter((a) => this.rules?.nextWishStatus(wish.status, a)).map(
                (a) =>
                  html`<button
                    id="${a}-${wish.id}"
                    class=${a === 'approve' ? 'primary' : 'button-secondary'}
                    ?disabled=${busy}
                    @click=${() => this.choose(wish, a)}
                  >
                    ${t.t(`actions.${a}`)}
                  </button>`,
              )
        }
      </div>
    </li>`;
  }

  private renderQueue() {
    const t = this.localize;
    const items = this.items;
    return html`<section aria-labelledby="queue" aria-busy=${this.loading ? 'true' : 'false'}>
      <div class="row" part="toolbar">
        <h3 id="queue" tabindex="-1">${t.t('queue')}</h3>
        <label for="filter">${t.t('filter')}</label>
        <select
          id="filter"
          @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as WishStatus)}
        >
          ${options(
            STATUSES.map((s) => [s, t.t(`status.${s}`)] as const),
            this.status,
          )}
        </select>
        <button class="button-secondary" @click=${this.reload}>${t.t('refresh')}</button>
      </div>
      ${
        this.loadError
          ? html`<div class="alert" role="alert" part="error">
              <p>${t.t('loadFailed')}${t.t(`common:${this.loadError.key}`)}</p>
              <button class="button-secondary" @click=${() => this.loadPage(!!items)}>
                ${t.t('common:retry')}
              </button>
            </div>`
          : nothing
      }
      ${
        items?.length
          ? html`<ul class="list">
              ${items.map((w) => this.renderItem(w))}
            </ul>`
          : items
            ? html`<p class="empty">${t.t('empty', { status: t.t(`status.${this.status}`) })}</p>`
            : this.loading
              ? html`<p>${t.t('common:loading')}</p>`
              : nothing
      }
      ${
        this.cursor && items
          ? html`<button
              class="button-secondary more"
              ?disabled=${this.loading}
              @click=${() => this.loadPage(true)}
            >
              ${t.t('more')}
            </button>`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    const t = this.localize;
    const { phase, staff } = this.session;
    return html`<div class="head">
        <h2 tabindex="-1">${t.t('heading')}</h2>
        ${
          phase === 'ready' && staff
            ? html`<p class="who">
                ${t.t('signedIn', { name: staff.name })}
                <button class="button-secondary" @click=${this.logout}>${t.t('logout')}</button>
              </p>`
            : nothing
        }
      </div>
      <p class="status" role="status" part="status">${this.announce}</p>
      ${
        phase === 'login'
          ? this.signIn.render()
          : phase === 'ready'
            ? html`${this.renderCounts()}${this.renderQueue()}`
            : phase === 'failed'
              ? html`<div class="alert" role="alert" part="error">
                  <p>${t.t('loadFailed')}${t.t(`common:${this.session.error?.key}`)}</p>
                  <button class="button-secondary" @click=${() => this.session.retry()}>
                    ${t.t('common:retry')}
                  </button>
                </div>`
              : html`<p aria-busy="true">${t.t('common:loading')}</p>`
      }`;
  }
}
