import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { categoriesOf, loadCategories } from '../../../core/elements/categories.js';
import type { Community } from '../../../core/model.js';
import { displayName } from '../../../../domain/names.js';
import type { FieldError } from '../../../../domain/errors.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import type { ClaimReceipt, ClaimerType, WishCard } from '../../model.js';
import zhCN from '../../locales/zh-CN/wish-wall.js';
import type { Client } from '../../../../sdk/client.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import { ActionController } from '../../../../ui/action.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { controlStyles } from '../../../../ui/control-styles.js';
import { wallStyles } from './wish-wall.styles.js';
import { wishTone } from '../tones.js';

/** Past this many cards the list is virtualized (only the cards on screen are in the DOM). */
export const VIRTUALIZE_AFTER = 100;

// Loaded with the first page (the SDK needs them then anyway): kept out of the page's first bytes.
const wishModule = () => import('./later.js');
const virtualizer = () => import('@lit-labs/virtualizer/virtualize.js');
type WishModule = Awaited<ReturnType<typeof wishModule>>;
type Virtualize = Awaited<ReturnType<typeof virtualizer>>['virtualize'];

/** @internal */
type Filter = 'category' | 'status' | 'grid';
const FILTERS: Filter[] = ['category', 'status', 'grid'];

/**
 * 心愿墙: the community's published wishes (微心愿) as cards — title, category, the wisher's
 * masked name or alias, grid, status and public thanks to the claimer — 待认领 first (people
 * come to claim), then 已认领, then 已完成, each newest first — filtered by category, status
 * and grid, paged with "加载更多" and virtualized past 100 cards. A card
 * opens a modal dialog with the story and the claim form (认领: claimer type, name or unit,
 * phone, consent). Claiming is exclusive: when someone else was first the dialog says
 * 已被认领 and the card is refreshed. Phones are never shown; the claim code is shown once.
 *
 * @summary 心愿墙: browse, filter and claim 微心愿.
 *
 * @event {SqClaimedEvent} sq-claimed - {@link SqClaimedEvent}: the visitor claimed a wish; `detail` is the receipt.
 *
 * @csspart filters - The filter group.
 * @csspart chips - The status filter chips (a radio group).
 * @csspart list - The list of cards.
 * @csspart card - One wish card.
 * @csspart more - The "加载更多" button.
 * @csspart dialog - The wish's modal dialog.
 * @csspart error - Load and claim failure alerts.
 *
 * @cssprop --sq-wish-wall-max-width - Widest the wall grows (48rem).
 * @cssprop --sq-wish-wall-gap - Space between cards.
 * @cssprop --sq-color-primary - Primary colour (党建红).
 * @cssprop --sq-target-size - Smallest control size (44px; 60px in care mode).
 *
 * @cssstate loading - A page is loading.
 * @cssstate virtualized - Only the cards on screen are rendered (`:--virtualized` on Chromium 90–124).
 */
export class SqWishWall extends SqElement {
  static override tagName = 'sq-wish-wall';
  static override styles = [baseStyles, controlStyles, badgeStyles, messageStyles, wallStyles];

  /** Show only this category (id from the community's wish catalogue). */
  @property({ reflect: true }) category?: string;
  /** Show only this public status: `open`, `claimed`, `fulfilled` or `thanked`. */
  @property({ reflect: true }) status?: string;
  /** Show only this grid (网格) id. */
  @property({ reflect: true }) grid?: string;
  /** Cards per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private cards?: WishCard[];
  /** @internal */ @state() tree?: Community;
  @state() private loadError?: ApiError;
  @state() private loading = false;
  /** @internal */ @state() selected?: WishCard;
  /** @internal */ @state() claimErrors: FieldError[] = [];
  /** @internal */ @state() receipt?: ClaimReceipt;
  /** @internal */ @state() claimerType: ClaimerType = 'resident';
  /** @internal */ @state() copied = false;
  /** The live region's words, translated when rendered (a language switch re-says them). */
  @state() private announcement: () => string = () => '';

  /** @internal */ @query('dialog') dialog!: HTMLDialogElement;

  /** @internal */
  readonly localize = new LocalizeController(this, 'wish-wall', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/wish-wall.js'),
  });
  /** 认领: one key per claim (wish + claimer), so a retry after a lost answer replays its receipt. */
  /**
   * @internal The claim form's check, from here: domain/validation stays in the chunks the SDK
   * loads anyway (the later chunk importing it split the drop-in's errors out of the client's).
   */
  readonly toFieldErrors = toFieldErrors;
  /** @internal */
  readonly claiming = new ActionController(this);
  private loadedKey?: string;
  private itemsGiven = false;
  private nextCursor?: string;
  private wish?: WishModule;
  private virtualizeFn?: Virtualize;
  private treeFor?: string;

  /**
   * The cards loaded so far. Setting it shows those cards instead of loading the first page (an
   * app that already has them, the benchmark); a filter change loads from the client again.
   */
  get items(): WishCard[] {
    return this.cards ?? [];
  }
  set items(cards: WishCard[]) {
    this.cards = cards;
    this.nextCursor = undefined;
    this.loadError = undefined;
    if (this.loadedKey === undefined) this.itemsGiven = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.virtualizeFn && (this.cards?.length ?? 0) > VIRTUALIZE_AFTER) {
      void virtualizer().then((m) => {
        this.virtualizeFn = m.virtualize;
        this.requestUpdate();
      });
    }
    const community = this.communityId;
    const key = JSON.stringify([community, this.category, this.status, this.grid, this.apiBase]);
    if (community && key !== this.loadedKey) {
      this.loadedKey = key;
      if (this.itemsGiven) {
        this.itemsGiven = false;
        void this.prepare(this.client, community);
      } else void this.load(true);
    }
  }

  /** Strings aside, what every state needs: the community (names of grids) and the schemas. */
  private async prepare(client: Client, community: string) {
    const [wish, tree] = await Promise.all([
      this.later(),
      this.treeFor === community ? this.tree : client.communities.get(community),
      loadCategories(),
    ]);
    this.treeFor = community;
    this.tree = tree;
    return wish;
  }

  private async load(first: boolean) {
    const key = this.loadedKey;
    const client = this.client;
    const community = this.communityId!;
    if (first) {
      this.cards = undefined;
      this.nextCursor = undefined;
    }
    this.loading = true;
    this.loadError = undefined;
    const before = this.cards?.length ?? 0;
    try {
      const [page] = await Promise.all([
        client.wishes.list({
          community,
          category: this.category || undefined,
          status: (this.status || undefined) as WishCard['status'] | undefined,
          grid: this.grid || undefined,
          limit: this.pageSize,
          cursor: this.nextCursor,
        }),
        this.prepare(client, community),
      ]);
      if (key !== this.loadedKey) return;
      const cards = [...(this.cards ?? []), ...page.items];
      this.cards = cards;
      this.nextCursor = page.nextCursor;
      this.announcement = () => this.localize.t('count', { count: cards.length });
      if (!first) {
        // The button may be gone (last page): focus goes on to the first new card.
        await this.updateComplete;
        this.cardButton(cards[before]?.id)?.focus();
      }
    } catch (error) {
      if (key === this.loadedKey) this.loadError = ApiError.from(error);
    } finally {
      if (key === this.loadedKey) this.loading = false;
    }
  }

  /**
   * The later chunk: the model, the filters and the dialog, their styles adopted as it loads
   * (before the first filter or dialog renders).
   */
  private async later() {
    if (!this.wish) {
      const wish = await wishModule();
      if (!this.wish) {
        adoptLater(this, [wish.chipStyles, wish.choiceStyles, wish.dialogStyles, wish.viewStyles]);
        this.wish = wish;
      }
    }
    return this.wish;
  }

  private cardButton(id: string | undefined) {
    return id
      ? this.renderRoot.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(id)}"] button`)
      : null;
  }

  /** @internal */
  setFilter(name: Filter, value: string) {
    this[name] = value || undefined;
  }

  private clearFilters() {
    for (const name of FILTERS) this[name] = undefined;
  }

  private async open(card: WishCard) {
    await this.later();
    this.selected = card;
    this.receipt = undefined;
    this.claimErrors = [];
    this.claiming.reset();
    this.copied = false;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    // Start at the wish, not on 关闭: the reader reads the story, then the claim form.
    this.renderRoot.querySelector<HTMLElement>('#d-title')?.focus();
  }

  private onClose() {
    const id = this.selected?.id;
    this.selected = undefined;
    this.cardButton(id)?.focus();
  }

  /** One card changed (claimed here, or found claimed): only it re-renders. */
  /** @internal */
  replace(card: WishCard) {
    this.cards = this.cards?.map((c) => (c.id === card.id ? card : c));
    if (this.selected?.id === card.id) this.selected = card;
  }

  // ---- rendering ----

  /** @internal */
  t(key: string, options?: Record<string, unknown>) {
    return this.localize.t(key, options);
  }

  private categoryName(id: string) {
    const category = categoriesOf(this.tree ?? { categories: {} }, 'wish').find((c) => c.id === id);
    return category ? displayName(category, this.localize.lang) : id;
  }

  private gridName(id: string | undefined) {
    const grid = id && this.tree?.grids.find((g) => g.id === id);
    return grid ? displayName(grid, this.localize.lang) : '';
  }

  /** @internal */
  renderMeta(card: WishCard) {
    const grid = this.gridName(card.grid);
    return html`<p class="tags">
        <span class="badge" data-tone=${wishTone[card.status]}
          >${this.t(`statusName.${card.status}`)}</span
        >
        <span class="tag">${this.categoryName(card.category)}</span>
      </p>
      <p class="meta">
        ${this.t('wisher', { name: card.wisherName })}${grid ? html` · <span class="nowrap">${grid}</span>` : ''}${
          card.value === undefined
            ? ''
            : html` · <span class="nowrap">${this.t('valueAbout', { value: card.value })}</span>`
        }
      </p>
      ${
        card.claimer
          ? html`<p class="thanks">
              ${this.t('thanksClaimer', {
                name: card.claimer.name,
                type: this.t(`claimerTypes.${card.claimer.type}`),
              })}
            </p>`
          : nothing
      }`;
  }

  private renderCard = (card: WishCard, index: number) =>
    html`<li
      class="card"
      part="card"
      data-id=${card.id}
      aria-posinset=${index + 1}
      aria-setsize=${this.cards?.length ?? 0}
    >
      <h3 class="title" id="t-${card.id}">${card.title}</h3>
      ${this.renderMeta(card)}
      <!-- The card's one button, visible: "查看并认领" while it can be claimed. It covers the
           card (::after), so a tap anywhere on the card opens it too. -->
      <button
        type="button"
        class=${card.status === 'open' ? 'open primary' : 'open button-secondary'}
        id="o-${card.id}"
        aria-haspopup="dialog"
        aria-labelledby="o-${card.id} t-${card.id}"
        @click=${() => this.open(card)}
      >
        ${this.t(card.status === 'open' ? 'open' : 'view')}
      </button>
    </li>`;

  private renderList(cards: WishCard[]) {
    const filtered = FILTERS.some((name) => this[name]);
    if (cards.length === 0)
      return html`<div class="notice" role="status">
        <p>${this.t(filtered ? 'filteredEmpty' : 'empty')}</p>
        ${
          filtered
            ? html`<button type="button" class="button-secondary" @click=${this.clearFilters}>
                ${this.t('clearFilters')}
              </button>`
            : nothing
        }
      </div>`;
    const long = cards.length > VIRTUALIZE_AFTER;
    const virtualize = long ? this.virtualizeFn : undefined;
    // A long list waits for the virtualizer (a moment, once) rather than render every card.
    if (long && !virtualize) return html`<p class="hint-text">${this.t('common:loading')}</p>`;
    this.customStates.set({ virtualized: !!virtualize });
    // Two templates: the virtualizer owns its list's children, so it never takes over a plain one.
    return virtualize
      ? html`<ul class="list" part="list">
          ${virtualize({ items: cards, renderItem: this.renderCard, keyFunction: (c) => c.id })}
        </ul>`
      : html`<ul class="list" part="list">
          ${cards.map(this.renderCard)}
        </ul>`;
  }

  /** @internal */
  renderAlert(error: ApiError, lead: string, retry?: () => void) {
    return html`<div class="alert" role="alert" part="error">
      <p>${lead}${this.t(`common:errors.${error.code}`)}</p>
      ${
        retry
          ? html`<button type="button" class="button-secondary" @click=${retry}>
              ${this.t('common:retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const cards = this.cards;
    this.customStates.set({ loading: this.loading });
    return html`<section aria-labelledby="heading" aria-busy=${this.loading ? 'true' : 'false'}>
        <h2 id="heading">${this.t('heading')}</h2>
        ${
          !this.communityId && !cards
            ? html`<p class="notice">${this.t('noCommunity')}</p>`
            : this.tree
              ? (this.wish?.renderFilters(this) ?? nothing)
              : nothing
        }
        ${cards ? this.renderList(cards) : nothing}
        ${this.loading ? html`<p class="hint-text" role="status">${this.t('common:loading')}</p>` : nothing}
        ${
          this.loadError
            ? this.renderAlert(this.loadError, this.t('loadFailed'), () => this.load(!cards))
            : nothing
        }
        ${
          this.nextCursor && !this.loading && !this.loadError
            ? html`<button
                type="button"
                class="more button-secondary"
                part="more"
                @click=${() => this.load(false)}
              >
                ${this.t('more')}
              </button>`
            : nothing
        }
        <p class="visually-hidden" aria-live="polite">${this.announcement()}</p>
      </section>
      <dialog part="dialog" aria-labelledby="d-title" @close=${this.onClose}>
        ${this.selected && this.wish ? this.wish.renderDialog(this, this.selected) : nothing}
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-wish-wall': SqWishWall;
  }
}
