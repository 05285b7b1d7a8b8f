import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { categoriesOf, loadCategories } from '../../../core/elements/categories.js';
import { displayName, type Community } from '../../../core/model.js';
import type { FieldError } from '../../../../domain/errors.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import type { ClaimReceipt, ClaimerType, WishCard } from '../../model.js';
import zhCN from '../../locales/zh-CN/wish-wall.js';
import type { Client } from '../../../../sdk/client.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import { ActionController } from '../../../../ui/action.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { formatDays } from '../../../../ui/time.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { chipStyles, renderChips } from '../../../../ui/chips.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { messageStyles } from '../../../../ui/message-styles.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { controlStyles } from '../../../../ui/control-styles.js';
import { SqClaimedEvent } from './events.js';
import { wallStyles } from './wish-wall.styles.js';
import { wishTone } from '../tones.js';

/** Past this many cards the list is virtualized (only the cards on screen are in the DOM). */
export const VIRTUALIZE_AFTER = 100;

// Loaded with the first page (the SDK needs them then anyway): kept out of the page's first bytes.
const wishModule = () => import('./later.js');
const virtualizer = () => import('@lit-labs/virtualizer/virtualize.js');
type WishModule = Awaited<ReturnType<typeof wishModule>>;
type Virtualize = Awaited<ReturnType<typeof virtualizer>>['virtualize'];

type Filter = 'category' | 'status' | 'grid';
const FILTERS: Filter[] = ['category', 'status', 'grid'];

/**
 * 心愿墙: the community's published wishes (微心愿) as cards — title, category, the wisher's
 * masked name or alias, grid, status and public thanks to the claimer — newest first, filtered
 * by category, status and grid, paged with "加载更多" and virtualized past 100 cards. A card
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
  static override styles = [
    baseStyles,
    controlStyles,
    badgeStyles,
    messageStyles,
    chipStyles,
    wallStyles,
  ];

  /** Show only this category (id from the community's wish catalogue). */
  @property({ reflect: true }) category?: string;
  /** Show only this public status: `open`, `claimed`, `fulfilled` or `thanked`. */
  @property({ reflect: true }) status?: string;
  /** Show only this grid (网格) id. */
  @property({ reflect: true }) grid?: string;
  /** Cards per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private cards?: WishCard[];
  @state() private tree?: Community;
  @state() private loadError?: ApiError;
  @state() private loading = false;
  @state() private selected?: WishCard;
  @state() private claimErrors: FieldError[] = [];
  @state() private receipt?: ClaimReceipt;
  @state() private claimerType: ClaimerType = 'resident';
  @state() private copied = false;
  /** The live region's words, translated when rendered (a language switch re-says them). */
  @state() private announcement: () => string = () => '';

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly localize = new LocalizeController(this, 'wish-wall', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/wish-wall.js'),
  });
  /** 认领: one key per claim (wish + claimer), so a retry after a lost answer replays its receipt. */
  private readonly claiming = new ActionController(this);
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
    if (!this.wish) {
      this.wish = await wishModule();
      adoptLater(this, [this.wish.choiceStyles]);
    }
    const [wish, tree] = await Promise.all([
      this.wish,
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

  private cardButton(id: string | undefined) {
    return id
      ? this.renderRoot.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(id)}"] button`)
      : null;
  }

  private setFilter(name: Filter, value: string) {
    this[name] = value || undefined;
  }

  private clearFilters() {
    for (const name of FILTERS) this[name] = undefined;
  }

  private async open(card: WishCard) {
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
  private replace(card: WishCard) {
    this.cards = this.cards?.map((c) => (c.id === card.id ? card : c));
    if (this.selected?.id === card.id) this.selected = card;
  }

  private async claim(event: SubmitEvent) {
    event.preventDefault();
    const card = this.selected;
    const form = event.target as HTMLFormElement;
    if (!card || this.claiming.busy) return;
    const data = new FormData(form);
    const input = {
      claimerType: String(data.get('claimerType') ?? ''),
      name: String(data.get('name') ?? ''),
      phone: String(data.get('phone') ?? ''),
      consent: data.get('consent') === 'on' || undefined,
    };
    const wish = this.wish ?? (await wishModule());
    const checked = wish.claimInputSchema.safeParse(input);
    this.claimErrors = checked.success ? [] : toFieldErrors(checked.error.issues);
    if (!checked.success) {
      this.claiming.reset();
      return this.focusInvalid();
    }
    const values = checked.data;
    const outcome = await this.claiming.run('claim', [card.id, values], (client, idempotencyKey) =>
      client.wishes.claim(card.id, values, { idempotencyKey }),
    );
    if (!outcome) return;
    if ('value' in outcome) {
      const receipt = outcome.value;
      this.receipt = receipt;
      this.replace(receipt.card);
      this.emit(new SqClaimedEvent(receipt));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success h3')?.focus();
      return;
    }
    const failure = outcome.error;
    this.claimErrors = failure.fields;
    if (failure.code === 'already_claimed' || failure.code === 'invalid_transition') {
      // Someone else was first: show the card as it is now.
      this.replace(await this.client.wishes.get(card.id).catch(() => card));
    }
    if (failure.fields.length) this.focusInvalid();
  }

  private async focusInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid=true]')?.focus();
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.receipt!.claimCode);
      this.copied = true;
    } catch {
      // No clipboard (insecure context, old WebView): the code stays on screen to write down.
    }
  }

  // ---- rendering ----

  private t(key: string, options?: Record<string, unknown>) {
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

  private renderMeta(card: WishCard) {
    const grid = this.gridName(card.grid);
    return html`<p class="tags">
        <span class="badge" data-tone=${wishTone[card.status]}
          >${this.t(`statusName.${card.status}`)}</span
        >
        <span class="tag">${this.categoryName(card.category)}</span>
      </p>
      <p class="meta">
        ${this.t('wisher', { name: card.wisherName })}${grid ? ` · ${grid}` : ''}${
          card.value === undefined ? '' : ` · ${this.t('valueAbout', { value: card.value })}`
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

  private renderFilters() {
    const tree = this.tree;
    const options: Record<Filter, { id: string; label: string }[]> = {
      category: categoriesOf(tree ?? { categories: {} }, 'wish').map((c) => ({
        id: c.id,
        label: displayName(c, this.localize.lang),
      })),
      status: (this.wish?.publicWishStatuses ?? []).map((s) => ({
        id: s,
        label: this.t(`statusName.${s}`),
      })),
      grid: (tree?.grids ?? []).map((g) => ({
        id: g.id,
        label: displayName(g, this.localize.lang),
      })),
    };
    // One compact row: the statuses as chips, one tap each; category chips and the grid (a
    // select: a street may have many) behind 更多筛选, so a phone's first screen shows wishes.
    const all = this.t('all');
    const more = (this.category ? 1 : 0) + (this.grid ? 1 : 0);
    return html`<fieldset class="filters" part="filters">
      <legend class="visually-hidden">${this.t('filters')}</legend>
      ${renderChips(
        'f-status',
        this.t('status'),
        [['', all], ...options.status.map((o) => [o.id, o.label] as const)],
        this.status ?? '',
        (value) => this.setFilter('status', value),
      )}
      <details ?open=${more > 0}>
        <summary>
          ${more ? this.t('moreFiltersOn', { count: more }) : this.t('moreFilters')}
        </summary>
        ${renderChips(
          'f-category',
          this.t('category'),
          [['', all], ...options.category.map((o) => [o.id, o.label] as const)],
          this.category ?? '',
          (value) => this.setFilter('category', value),
        )}
        <div class="field">
          <label for="f-grid">${this.t('grid')}</label>
          <select
            id="f-grid"
            @change=${(e: Event) => this.setFilter('grid', (e.target as HTMLSelectElement).value)}
          >
            <option value="">${all}</option>
            ${options.grid.map(
              (o) =>
                html`<option value=${o.id} ?selected=${o.id === this.grid}>${o.label}</option>`,
            )}
          </select>
        </div>
      </details>
    </fieldset>`;
  }

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

  private renderAlert(error: ApiError, lead: string, retry?: () => void) {
    return html`<div class="alert" role="alert" part="error">
      <p>${lead} ${this.t(`common:errors.${error.code}`)}</p>
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
              ? this.renderFilters()
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
        ${this.selected ? this.renderDialog(this.selected) : nothing}
      </dialog>`;
  }

  private renderDialog(card: WishCard) {
    return html`<div class="dialog-head">
        <h2 id="d-title" tabindex="-1">${card.title}</h2>
        <button type="button" class="close button-secondary" @click=${() => this.dialog.close()}>
          ${this.t('close')}
        </button>
      </div>
      ${this.renderMeta(card)}
      <h3>${this.t('story')}</h3>
      <p class="story">${card.story}</p>
      ${card.thanks ? html`<p class="thanks">${this.t('thanksMessage', { message: card.thanks })}</p>` : nothing}
      ${
        this.receipt
          ? this.renderReceipt(this.receipt)
          : card.status === 'open'
            ? this.renderClaimForm()
            : this.claiming.error
              ? this.renderAlert(this.claiming.error, '')
              : nothing
      }`;
  }

  private fieldError(path: string) {
    const error = this.claimErrors.find((e) => e.path === path);
    return error ? this.t(error.key, error.params) : '';
  }

  private control(path: string, hint?: string) {
    const error = this.fieldError(path);
    return {
      invalid: error ? 'true' : 'false',
      describedby: [hint ? `${path}-hint` : '', error ? `${path}-error` : ''].join(' ').trim(),
      error: error ? html`<p id="${path}-error" class="error-text">${error}</p>` : nothing,
    };
  }

  private renderClaimForm() {
    const types = this.wish?.claimerTypes ?? [];
    const privacy = this.tree?.privacy;
    const type = this.control('claimerType');
    const name = this.control('name', 'name');
    const phone = this.control('phone', 'phone');
    const consent = this.control('consent', 'notice');
    const errors = this.claimErrors;
    return html`<form class="claim" novalidate @submit=${this.claim}>
      <h3>${this.t('claim.heading')}</h3>
      ${
        errors.length
          ? html`<div class="alert summary" role="alert" part="error">
              <p>${this.t('errorsHeading', { count: errors.length })}</p>
              <ul>
                ${errors.map((e) => html`<li>${this.t(e.key, e.params)}</li>`)}
              </ul>
            </div>`
          : this.claiming.error
            ? this.renderAlert(this.claiming.error, this.t('claim.failed'))
            : nothing
      }
      <fieldset class="choices" aria-describedby=${type.describedby || nothing}>
        <legend>${this.t('claim.type')}</legend>
        ${types.map(
          (value) =>
            html`<label class="choice">
              <input
                type="radio"
                name="claimerType"
                value=${value}
                ?checked=${value === this.claimerType}
                aria-invalid=${type.invalid}
                @change=${() => (this.claimerType = value)}
              /><span>${this.t(`claimerTypes.${value}`)}</span>
            </label>`,
        )}
        ${type.error}
      </fieldset>
      <div class="field">
        <label for="name"
          >${this.t(this.claimerType === 'unit' ? 'claim.unitName' : 'claim.name')}</label
        >
        <p id="name-hint" class="hint-text">${this.t('claim.nameHint')}</p>
        <input
          id="name"
          name="name"
          autocomplete=${this.claimerType === 'unit' ? 'organization' : 'name'}
          aria-invalid=${name.invalid}
          aria-describedby=${name.describedby}
        />
        ${name.error}
      </div>
      <div class="field">
        <label for="phone">${this.t('claim.phone')}</label>
        <p id="phone-hint" class="hint-text">${this.t('claim.phoneHint')}</p>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          aria-invalid=${phone.invalid}
          aria-describedby=${phone.describedby}
        />
        ${phone.error}
      </div>
      <p id="consent-hint" class="hint-text">
        ${privacy ? this.t('claim.notice', { controller: privacy.controller, days: formatDays(privacy.retentionDays, this.localize.lang), contact: privacy.contact }) : ''}
      </p>
      <label class="choice">
        <input
          type="checkbox"
          name="consent"
          aria-invalid=${consent.invalid}
          aria-describedby=${consent.describedby}
        /><span>${this.t('claim.consent')}</span>
      </label>
      ${consent.error}
      <button class="primary" ?disabled=${this.claiming.busy}>
        ${this.t(this.claiming.busy ? 'claim.sending' : 'claim.submit')}
      </button>
    </form>`;
  }

  private renderReceipt(receipt: ClaimReceipt) {
    const date = new Intl.DateTimeFormat(this.localize.lang, {
      dateStyle: 'long',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(receipt.holdUntil));
    return html`<div class="success" role="status">
      <h3 tabindex="-1">${this.t('claimed.heading')}</h3>
      <p>${this.t('claimed.codeHint')}</p>
      <p class="code">
        <span>${this.t('claimed.code')}</span> <strong class="nowrap">${receipt.claimCode}</strong>
      </p>
      <button type="button" class="button-secondary" @click=${this.copy}>
        ${this.t('claimed.copy')}
      </button>
      <span aria-live="polite">${this.copied ? this.t('claimed.copied') : ''}</span>
      <p>${this.t('claimed.holdUntil', { date })}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-wish-wall': SqWishWall;
  }
}
