import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { categoriesFor } from '../../../core/catalogues.js';
import { displayName, type Community } from '../../../core/model.js';
import type { FieldError } from '../../../../domain/errors.js';
import { newId } from '../../../../domain/ids.js';
import { maskName } from '../../../../domain/mask.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import type { WishInput, WishReceipt } from '../../model.js';
import zhCN from '../../locales/zh-CN/wish-form.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import type { Client } from '../../../../sdk/client.js';
import type { Outbox, OutboxDeliveredEvent, OutboxFailedEvent } from '../../../../sdk/outbox.js';
import { SqSubmittedEvent } from '../../../../ui/events.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { baseStyles } from '../../../../ui/styles.js';
import { formStyles } from './wish-form.styles.js';

// The schemas come with the first render (the SDK's first call needs them then anyway).
const wishModule = () => import('../../model.js');
type WishModule = Awaited<ReturnType<typeof wishModule>>;

const FIELDS = [
  'title',
  'story',
  'category',
  'grid',
  'wisherName',
  'alias',
  'phone',
  'value',
  'consent',
  'publishConsent',
];
/** Fields a draft keeps: never the name, the phone or a consent. */
const DRAFT_FIELDS = ['title', 'story', 'category', 'grid', 'alias', 'value'];
type Phase = 'edit' | 'sending' | 'queued' | 'delivered' | 'failed';

/**
 * 许个微心愿: a resident posts a small wish — title, story, category, grid, their name (masked
 * on the wall, or an alias they choose), a private phone and an optional value within the
 * community's cap — with the privacy notice, consent and a separate consent to publish (both
 * unticked). Validated with the domain's schema, the server's rule. A draft survives a reload
 * (never the name or phone). Sent through the SDK's outbox: offline it is kept and delivered
 * once the network is back. On delivery it says the wish appears after review and shows the
 * wish code (心愿码) once.
 *
 * @summary Post a 微心愿 (small wish).
 *
 * @event {SqSubmittedEvent} sq-submitted - {@link SqSubmittedEvent} with `kind: 'wish'`: delivered (with the
 * receipt) or queued offline (delivered later, then fired again as delivered).
 *
 * @csspart form - The form.
 * @csspart summary - The error summary.
 * @csspart submit - The submit button.
 * @csspart status - Sending, saved-offline and failure messages.
 * @csspart success - The delivered panel with the wish code.
 *
 * @cssprop --sq-wish-form-max-width - Widest the form grows (40rem).
 * @cssprop --sq-color-primary - Primary colour (党建红).
 * @cssprop --sq-target-size - Smallest control size (44px; 60px in care mode).
 *
 * @cssstate sending - The wish is being sent.
 * @cssstate queued - Saved offline, waiting for the network.
 * @cssstate delivered - Delivered; the wish code is shown.
 * @cssstate failed - Refused or not sent.
 */
export class SqWishForm extends SqElement {
  static override tagName = 'sq-wish-form';
  static override styles = [baseStyles, controlStyles, messageStyles, formStyles];

  @state() private values: Record<string, string> = {};
  @state() private errors: FieldError[] = [];
  @state() private phase: Phase = 'edit';
  @state() private failure?: ApiError;
  @state() private receipt?: WishReceipt;
  @state() private tree?: Community;
  @state() private loadError?: ApiError;
  @state() private restored = false;
  @state() private copied = false;

  private readonly localize = new LocalizeController(this, 'wish-form', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/wish-form.js'),
  });
  private readonly internals = this.attachInternals();
  private wish?: WishModule;
  private treeKey?: string;
  private idemKey = '';
  private idemBody = '';
  private unlisten?: () => void;
  /** The client whose outbox was looked at for wishes of earlier page loads. */
  private adopted?: Client;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Here, not in connectedCallback: a provider's client arrives by context after connecting.
    const client = this.client;
    if (client !== this.adopted) void this.adoptQueued((this.adopted = client));
    const key = `${this.communityId}|${this.apiBase}`;
    if (this.communityId && key !== this.treeKey) {
      this.treeKey = key;
      void this.load();
    }
    for (const phase of ['sending', 'queued', 'delivered', 'failed'])
      this.internals.states?.[phase === this.phase ? 'add' : 'delete'](phase);
  }

  private async load() {
    const key = this.treeKey;
    const community = this.communityId!;
    this.loadError = undefined;
    try {
      const [tree, wish] = await Promise.all([
        this.client.communities.get(community),
        wishModule(),
      ]);
      if (key !== this.treeKey) return;
      this.wish = wish;
      this.tree = tree;
      this.restore();
    } catch (error) {
      if (key === this.treeKey) this.loadError = ApiError.from(error);
    }
  }

  private get draftKey() {
    return `sq-wish-form-draft:${this.communityId}`;
  }

  private restore() {
    try {
      const draft = JSON.parse(localStorage.getItem(this.draftKey) ?? 'null') as Record<
        string,
        string
      > | null;
      if (!draft) return;
      this.values = Object.fromEntries(
        DRAFT_FIELDS.filter((f) => draft[f]).map((f) => [f, draft[f]!]),
      );
      this.restored = true;
    } catch {
      // No storage (private mode) or a broken draft: start empty.
    }
  }

  private saveDraft(clear = false) {
    try {
      const draft = Object.fromEntries(DRAFT_FIELDS.map((f) => [f, this.values[f] ?? '']));
      if (clear || !Object.values(draft).some(Boolean)) localStorage.removeItem(this.draftKey);
      else localStorage.setItem(this.draftKey, JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the draft is a convenience only.
    }
  }

  private onInput(event: Event) {
    const target = event.target as HTMLInputElement;
    if (!target.name) return;
    const value = target.type === 'checkbox' ? (target.checked ? 'on' : '') : target.value;
    this.values = { ...this.values, [target.name]: value };
    this.saveDraft();
  }

  private clearDraft() {
    this.values = {};
    this.errors = [];
    this.restored = false;
    this.saveDraft(true);
  }

  private input(): WishInput {
    const v = this.values;
    const trimmed = (name: string) => v[name]?.trim() || undefined;
    return {
      community: this.communityId!,
      grid: v.grid || undefined,
      category: v.category ?? '',
      title: v.title ?? '',
      story: v.story ?? '',
      wisherName: v.wisherName ?? '',
      alias: trimmed('alias'),
      phone: v.phone ?? '',
      value: trimmed('value') === undefined ? undefined : Number(trimmed('value')),
      consent: (v.consent === 'on' || undefined) as true,
      publishConsent: (v.publishConsent === 'on' || undefined) as true,
    };
  }

  /** The domain's schema (the server's rule), the community's value cap, and our wording. */
  private validate(input: WishInput): FieldError[] {
    const wish = this.wish!;
    const checked = wish.wishInputSchema.safeParse(input);
    const errors = (checked.success ? [] : toFieldErrors(checked.error.issues)).map((e) =>
      e.path === 'category' ? { path: e.path, key: 'categoryRequired' } : e,
    );
    const cap = wish.wishSettings(this.tree!).valueCap;
    if ((input.value ?? 0) > cap)
      errors.push({ path: 'value', key: 'value.tooHigh', params: { max: cap } });
    // In the order of the fields on screen, like the summary reads.
    const order = (e: FieldError) => FIELDS.indexOf(e.path) >>> 0;
    return errors
      .map((e) =>
        e.path === 'value' && e.key.startsWith('validation.') ? { ...e, key: 'valueInvalid' } : e,
      )
      .sort((a, b) => order(a) - order(b));
  }

  private async submit(event?: Event) {
    event?.preventDefault();
    if (this.phase === 'sending') return;
    const input = this.input();
    this.errors = this.validate(input);
    this.failure = undefined;
    if (this.errors.length) return this.focusInvalid();
    // One Idempotency-Key per intent: a retry of the same wish reuses it.
    const body = JSON.stringify(input);
    if (body !== this.idemBody) [this.idemKey, this.idemBody] = [newId(), body];
    const key = this.idemKey;
    this.phase = 'sending';
    try {
      const delivery = await this.client.wishes.post(input, { idempotencyKey: key });
      if (delivery.state === 'delivered') return this.delivered(delivery.value, key);
      this.phase = 'queued';
      this.saveDraft(true);
      this.emit(new SqSubmittedEvent({ kind: 'wish', state: 'queued', key }));
      this.listen(await this.client.outbox(), key);
    } catch (error) {
      this.fail(ApiError.from(error));
    }
  }

  private fail(failure: ApiError) {
    this.failure = failure;
    this.errors = failure.fields;
    this.phase = failure.fields.length ? 'edit' : 'failed';
    if (failure.fields.length) void this.focusInvalid();
  }

  /**
   * A wish an earlier page load left in the outbox (posted offline, then the page was closed)
   * is this form's to show: waiting now, then its receipt — the only place its code is shown.
   */
  private async adoptQueued(client: Client) {
    const outbox = await client.outbox();
    const queued = (await outbox?.pending())?.filter(
      (e) => e.name === 'postWish' && e.state === 'pending',
    );
    const last = queued?.[queued.length - 1];
    if (!last || this.phase !== 'edit' || !this.isConnected) return;
    [this.idemKey, this.phase] = [last.key, 'queued'];
    this.listen(outbox, last.key);
  }

  /** Waits for the outbox to deliver (or the server to refuse) the queued wish. */
  private listen(outbox: Outbox | undefined, key: string) {
    if (!outbox) return;
    const delivered = (e: OutboxDeliveredEvent) => {
      if (e.detail.key !== key) return;
      this.unlisten?.();
      this.delivered(e.detail.value as WishReceipt, key);
    };
    const failed = (e: OutboxFailedEvent) => {
      if (e.detail.key !== key) return;
      this.unlisten?.();
      void outbox.dismiss(key);
      this.fail(e.detail.error);
    };
    outbox.addEventListener('delivered', delivered);
    outbox.addEventListener('failed', failed);
    this.unlisten = () => {
      outbox.removeEventListener('delivered', delivered);
      outbox.removeEventListener('failed', failed);
    };
  }

  private async delivered(receipt: WishReceipt, key: string) {
    this.receipt = receipt;
    this.phase = 'delivered';
    this.values = {};
    this.restored = false;
    this.saveDraft(true);
    this.emit(new SqSubmittedEvent({ kind: 'wish', state: 'delivered', key, receipt }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.success h2')?.focus();
  }

  private async focusInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  private again() {
    this.receipt = undefined;
    this.copied = false;
    this.phase = 'edit';
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.receipt!.code);
      this.copied = true;
    } catch {
      // No clipboard (insecure context, old WebView): the code stays on screen to write down.
    }
  }

  // ---- rendering ----

  private t(key: string, options?: Record<string, unknown>) {
    return this.localize.t(key, options);
  }

  private field(
    name: string,
    control: (describedby: string, invalid: string) => unknown,
    options: { hint?: string; after?: unknown; optional?: boolean } = {},
  ) {
    const error = this.errors.find((e) => e.path === name);
    const describedby = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : '']
      .join(' ')
      .trim();
    return html`<div class="field">
      <label for=${name}
        >${this.t(`label.${name}`)}${
          options.optional ? html` <span class="tag">${this.t('common:optional')}</span>` : nothing
        }</label
      >
      ${options.hint ? html`<p id="${name}-hint" class="hint-text">${options.hint}</p>` : nothing}
      ${control(describedby, error ? 'true' : 'false')} ${options.after ?? nothing}
      ${error ? html`<p id="${name}-error" class="error-text">${this.t(error.key, error.params)}</p>` : nothing}
    </div>`;
  }

  private text(
    name: string,
    options: {
      hint?: string;
      max?: number;
      optional?: boolean;
      type?: string;
      autocomplete?: string;
      inputmode?: string;
    } = {},
  ) {
    const value = this.values[name] ?? '';
    return this.field(
      name,
      (describedby, invalid) =>
        html`<input
          id=${name}
          name=${name}
          type=${options.type ?? 'text'}
          .value=${value}
          autocomplete=${options.autocomplete ?? 'off'}
          inputmode=${options.inputmode ?? nothing}
          aria-invalid=${invalid}
          aria-describedby=${describedby || nothing}
        />`,
      {
        ...options,
        after: options.max ? this.counter(value, options.max) : undefined,
      },
    );
  }

  private counter(value: string, max: number) {
    const count = Array.from(value.trim()).length;
    return html`<p class="hint-text counter ${count > max ? 'over' : ''}">
      ${this.t('counter', { count, max })}
    </p>`;
  }

  private select(
    name: string,
    options: { id: string; label: string }[],
    empty: string,
    optional = false,
  ) {
    const selected = this.values[name] ?? '';
    return this.field(
      name,
      (describedby, invalid) =>
        html`<select
          id=${name}
          name=${name}
          aria-invalid=${invalid}
          aria-describedby=${describedby || nothing}
        >
          <option value="">${empty}</option>
          ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === selected}>${o.label}</option>`)}
        </select>`,
      { optional },
    );
  }

  private checkbox(name: string) {
    const error = this.errors.find((e) => e.path === name);
    return html`<label class="choice">
        <input
          type="checkbox"
          name=${name}
          .checked=${this.values[name] === 'on'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${name}-error` : nothing}
        />
        ${this.t(`label.${name}`)}
      </label>
      ${error ? html`<p id="${name}-error" class="error-text">${this.t(error.key, error.params)}</p>` : nothing}`;
  }

  protected override render() {
    const tree = this.tree;
    const wish = this.wish;
    if (!this.communityId) return html`<p class="notice">${this.t('noCommunity')}</p>`;
    if (this.loadError)
      return html`<div class="alert" role="alert">
        <p>${this.t('loadFailed')} ${this.t(`common:errors.${this.loadError.code}`)}</p>
        <button type="button" class="button-secondary" @click=${() => this.load()}>
          ${this.t('common:retry')}
        </button>
      </div>`;
    if (!tree || !wish)
      return html`<p class="hint-text" role="status">${this.t('common:loading')}</p>`;
    if (this.phase === 'delivered' && this.receipt) return this.renderSuccess(this.receipt);
    const lang = this.localize.lang;
    const v = this.values;
    const masked = maskName(v.wisherName || '王秀英');
    const cap = wish.wishSettings(tree).valueCap;
    const privacy = tree.privacy;
    const busy = this.phase === 'sending';
    return html`<form
      part="form"
      novalidate
      @input=${this.onInput}
      @change=${this.onInput}
      @submit=${this.submit}
      aria-labelledby="heading"
    >
      <h2 id="heading">${this.t('heading')}</h2>
      <p class="intro">${this.t('intro')}</p>
      ${
        this.restored
          ? html`<div class="notice">
              <p>${this.t('draftRestored')}</p>
              <button type="button" class="button-secondary" @click=${this.clearDraft}>
                ${this.t('clearDraft')}
              </button>
            </div>`
          : nothing
      }
      ${
        this.errors.length
          ? html`<div class="alert summary" role="alert" part="summary">
              <p>${this.t('errorsHeading', { count: this.errors.length })}</p>
              <ul>
                ${this.errors.map((e) => html`<li>${this.t(e.key, e.params)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${this.text('title', { hint: this.t('hint.title'), max: wish.TITLE_MAX })}
      ${this.field(
        'story',
        (describedby, invalid) =>
          html`<textarea
            id="story"
            name="story"
            rows="5"
            .value=${v.story ?? ''}
            aria-invalid=${invalid}
            aria-describedby=${describedby}
          ></textarea>`,
        { hint: this.t('hint.story'), after: this.counter(v.story ?? '', wish.STORY_MAX) },
      )}
      ${this.select(
        'category',
        categoriesFor(tree, 'wish').map((c) => ({ id: c.id, label: displayName(c, lang) })),
        this.t('choose'),
      )}
      ${this.select(
        'grid',
        tree.grids.map((g) => ({ id: g.id, label: displayName(g, lang) })),
        this.t('gridNone'),
        true,
      )}
      ${this.text('wisherName', { hint: this.t('hint.wisherName', { masked }), autocomplete: 'name' })}
      ${this.text('alias', { hint: this.t('hint.alias'), optional: true })}
      <p class="shown" aria-live="polite">
        ${this.t('shownAs', { name: wish.publicWisherName({ wisherName: v.wisherName || '王秀英', alias: v.alias }) })}
      </p>
      ${this.text('phone', { hint: this.t('hint.phone'), type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
      ${this.text('value', { hint: this.t('hint.value', { max: cap }), optional: true, inputmode: 'decimal' })}
      <section class="privacy" aria-labelledby="privacy">
        <h3 id="privacy">${this.t('privacy')}</h3>
        <p>
          ${this.t('notice', { controller: privacy.controller, days: privacy.retentionDays, contact: privacy.contact })}
        </p>
      </section>
      ${this.checkbox('consent')} ${this.checkbox('publishConsent')} ${this.renderStatus()}
      <button class="primary" part="submit" ?disabled=${busy}>
        ${this.t(busy ? 'sending' : 'submit')}
      </button>
    </form>`;
  }

  private renderStatus() {
    const failure = this.failure;
    const phase = this.phase;
    return html`<div part="status" role="status" class=${phase === 'queued' ? 'notice' : ''}>
        ${phase === 'queued' ? html`<p>${this.t('queued')}</p>` : ''}
        ${phase === 'sending' ? html`<p class="visually-hidden">${this.t('sending')}</p>` : ''}
      </div>
      ${
        phase === 'failed' && failure
          ? html`<div class="alert" role="alert" part="status">
              <p>${this.t('failed')} ${this.t(`common:errors.${failure.code}`)}</p>
              <button type="button" class="button-secondary" @click=${() => this.submit()}>
                ${this.t('common:retry')}
              </button>
            </div>`
          : nothing
      }`;
  }

  private renderSuccess(receipt: WishReceipt) {
    return html`<div class="success" part="success">
      <h2 tabindex="-1">${this.t('delivered.heading')}</h2>
      <p>${this.t('delivered.review')}</p>
      <p>${this.t('delivered.codeHint')}</p>
      <p class="code"><span>${this.t('delivered.code')}</span> <strong>${receipt.code}</strong></p>
      <button type="button" class="button-secondary" @click=${this.copy}>
        ${this.t('delivered.copy')}
      </button>
      <span aria-live="polite">${this.copied ? this.t('delivered.copied') : ''}</span>
      <p>
        <button type="button" class="button-secondary" @click=${this.again}>
          ${this.t('delivered.again')}
        </button>
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-wish-form': SqWishForm;
  }
}
