import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadCategories } from '../../../core/elements/categories.js';
import type { Community } from '../../../core/model.js';
import { shanghaiDate } from '../../../../domain/time.js';
import type { WishCounts, WishStaffView, WishStatus } from '../../model.js';
import type { WishReviewAction } from './events.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/wish-review.js';
import { ActionController } from '../../../../ui/action.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SignInForm, StaffSessionController } from '../../../../ui/staff-session.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { controlStyles } from '../../../../ui/control-styles.js';
import { wishReviewStyles } from './wish-review.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'sq-wish-review': SqWishReview;
  }
}

const DAY = 864e5;

/** @internal A failed action on one wish: its message, or the field to fix. */
export interface Failure {
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
  static override styles = [baseStyles, controlStyles, messageStyles, wishReviewStyles];

  /** The status the queue shows first (待核实). */
  @property({ reflect: true }) status: WishStatus = 'pending_review';
  /** Wishes per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** @internal */
  @state() tree?: Community;
  /** @internal */
  @state() items?: WishStaffView[];
  /** @internal */
  @state() cursor?: string;
  /** @internal */
  @state() loading = false;
  /** @internal */
  @state() loadError?: ApiError;
  /** @internal */
  @state() counts?: WishCounts;
  /** @internal */
  @state() countsError?: ApiError;
  /** @internal */
  @state() days = 30;
  /** @internal */
  @state() open?: { id: string; act: WishReviewAction };
  /** @internal */
  @state() failure?: Failure;
  /** @internal */
  @state() announce = '';

  /** @internal */
  readonly localize = new LocalizeController(this, 'wish-review', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/wish-review.js'),
  });
  /** The sign-in, shared with every staff element of this client on the page (the desk too). */
  /** @internal */
  readonly session = new StaffSessionController(this, (staff) => {
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
  /** @internal */
  readonly acting = new ActionController(this);
  private scoped?: string;
  private run = 0;
  /** @internal What was typed per wish (a reason, a note), kept across renders. */
  readonly drafts = new Map<string, string>();
  /**
   * @internal The signed-in view (queue.ts), loaded with the wish schemas that the first wish
   * call needs anyway: a page shows wishes and their legal actions together.
   */
  @state() later?: typeof import('./later.js');

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

  /** @internal */
  reload() {
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

  /** @internal */
  async loadPage(more: boolean) {
    const run = more ? this.run : ++this.run;
    const client = this.client;
    const before = this.items?.length ?? 0;
    this.loading = true;
    this.loadError = undefined;
    try {
      const [page, later] = await Promise.all([
        client.wishes.queue({
          community: this.scoped!,
          status: this.status,
          limit: this.pageSize,
          cursor: more ? this.cursor : undefined,
        }),
        import('./later.js'),
      ]);
      if (!this.later) adoptLater(this, later.reviewStyles);
      this.later = later;
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

  /** @internal */
  async loadCounts() {
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

  /** @internal */
  focus$(selector: string) {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Focuses the item at `index`, else the one before, else the queue's heading. */
  /** @internal */
  focusItem(index: number) {
    const items = this.items ?? [];
    const wish = items[Math.min(index, items.length - 1)];
    this.focus$(wish ? `#t-${wish.id}` : '#queue');
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
          : phase === 'ready' && this.later
            ? this.later.renderReview(this)
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
