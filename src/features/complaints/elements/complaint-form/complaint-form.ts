import { DESCRIPTION_MAX, MAX_PHOTOS } from '../../../../domain/input-rules.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Category, CategoryQuestion, Community } from '../../../core/model.js';
import { displayName } from '../../../../domain/names.js';
import type { ComplaintInput } from '../../model.js';
import type { ComplaintReceipt } from '../../views.js';
import type { FieldError } from '../../../../domain/errors.js';
import { newId } from '../../../../domain/ids.js';
import type { Client } from '../../../../sdk/client.js';
import { ApiError } from '../../../../sdk/errors.js';
import type { OutboxDeliveredEvent, OutboxFailedEvent } from '../../../../sdk/outbox.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/complaint-form.js';
import type { SqCommunityPicker } from '../../../core/elements/community-picker/community-picker.js';
import { SqSubmittedEvent } from '../../../../ui/events.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { formStyles } from './complaint-form.styles.js';

/** What the resident has entered. All but `name`, `phone` and `consent` is kept as a draft. */
interface Values {
  category: string;
  description: string;
  answers: Record<string, string>;
  /** Location in words instead of from the community model. */
  words: boolean;
  grid?: string | undefined;
  building?: string | undefined;
  unit?: string | undefined;
  text: string;
  anonymous: boolean;
  publishConsent: boolean;
  name: string;
  phone: string;
  consent: boolean;
}
/** A category's extra question, when an operator's catalogue defines them. */
/**
 * The server's input schema, the default catalogue, the community picker and the receipt load
 * in one chunk right after the first render (awaited where needed): the form paints sooner, and
 * all of it is in the page before the resident can submit, so an offline submit still
 * validates and queues.
 */
const later = () => import('./later.js');

type Phase = 'edit' | 'sending' | 'queued' | 'failed' | 'done';

const EMPTY: Values = {
  category: '',
  description: '',
  answers: {},
  words: false,
  text: '',
  anonymous: false,
  publishConsent: false,
  name: '',
  phone: '',
  consent: false,
};
const PREFILL = ['community', 'grid', 'building', 'unit', 'category'] as const;
const draftKey = (community: string) => `sq-complaint-draft:${community}`;

/**
 * 居民说事: a resident reports a concern — category, what happened, where (社区 → 网格 → 楼栋
 * → 单元, or in words), photos, contact or anonymous, consent to the privacy notice. Prefilled
 * from attributes or the page URL (`?community=&grid=&building=&unit=&category=`: a building's
 * 说事二维码). A draft (never the name or phone) is kept in localStorage per community until the
 * case is sent. Checked with the server's own schema; offline, the case waits in the SDK's
 * outbox and is delivered exactly once. The receipt shows the ticket, the query code (once)
 * and the answer's due date.
 *
 * @summary Report a concern (居民说事) and get a ticket and query code.
 *
 * @event {SqSubmittedEvent} sq-submitted - {@link SqSubmittedEvent} `kind: 'complaint'`: `state: 'queued'` when kept
 *   to send once online, `state: 'delivered'` with the receipt.
 *
 * @slot - Nothing: the element renders its own fields.
 *
 * @csspart form - The form.
 * @csspart title - The heading.
 * @csspart field - One field: label, hint, control and error.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors shown on submit.
 * @csspart privacy - The privacy notice.
 * @csspart submit - The submit button.
 * @csspart status - Sending / saved offline / failed message.
 * @csspart receipt - The receipt: ticket, query code, due date.
 *
 * @cssprop --sq-complaint-form-gap - Space between fields.
 * @cssprop --sq-color-primary - Primary colour (党建红) of the submit button and ticks.
 * @cssprop --sq-target-size - Height of controls (44px; 60px in care mode).
 * @cssprop --sq-font-size-key - Size of the ticket and query code (30px in care mode).
 *
 * @cssstate sending - While the case is being sent.
 * @cssstate queued - Saved in the outbox, waiting for the network.
 * @cssstate done - The receipt is shown.
 */
export class SqComplaintForm extends SqElement {
  static override tagName = 'sq-complaint-form';
  static override styles = [baseStyles, formStyles];

  /** Defines the form, and the community picker it uses (loaded on demand). */
  static override define(tag: string = this.tagName): void {
    super.define(tag);
    void later().then((m) => m.SqCommunityPicker.define());
  }

  /** Category id to prefill (else the `category` query parameter). */
  @property() category?: string;
  /** Grid (网格) id to prefill (else the `grid` query parameter). */
  @property() grid?: string;
  /** Building (楼栋) id to prefill (else `building` in the URL). */
  @property() building?: string;
  /** Unit (单元) id to prefill (else `unit` in the URL). */
  @property() unit?: string;

  @state() private v: Values = EMPTY;
  @state() private errors: Record<string, FieldError> = {};
  @state() private phase: Phase = 'edit';
  @state() private failure?: ApiError | undefined;
  @state() private receipt?: ComplaintReceipt | undefined;
  @state() private tree?: Community | undefined;
  @state() private loadError?: ApiError | undefined;
  @state() private photos: { blob: Blob; url: string }[] = [];
  @state() private note = '';
  @state() private defaults?: Category[];

  private readonly localize = new LocalizeController(this, 'complaint-form', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/complaint-form.js'),
  });
  private readonly internals = this.attachInternals();
  private shownFor?: string;
  private dirty = false;
  private idemKey?: string;
  private sentBody = '';
  /** The client whose outbox was looked at for reports of earlier page loads. */
  private adopted?: Client;
  private unwatch?: () => void;
  private lazy?: typeof import('./later.js');

  override connectedCallback(): void {
    super.connectedCallback();
    void later().then((m) => {
      this.lazy = m;
      this.defaults = m.defaultCategories.complaint;
    });
    const query = new URLSearchParams(location.search);
    for (const name of PREFILL) this[name] ??= query.get(name) ?? undefined;
    this.photos = this.photos.map(({ blob }) => ({ blob, url: URL.createObjectURL(blob) }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.photos.forEach((p) => URL.revokeObjectURL(p.url));
    this.unwatch?.();
  }

  private get t() {
    return this.localize;
  }

  /** The community's catalogue, else the default one (once loaded). */
  private get categories(): Category[] {
    return this.tree?.categories.complaint ?? this.defaults ?? [];
  }

  private get questions(): CategoryQuestion[] {
    const category = this.categories.find((c) => c.id === this.v.category);
    return category?.questions ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Here, not in connectedCallback: a provider's client arrives by context after connecting.
    const client = this.client;
    if (client !== this.adopted) void this.adoptQueued((this.adopted = client));
    const id = this.communityId;
    if (id !== this.shownFor) {
      this.shownFor = id;
      this.tree = undefined;
      if (id) {
        void this.load(id);
        if (!this.dirty) this.v = this.fresh(id);
      }
    }
    for (const s of ['sending', 'queued', 'done'] as const) {
      try {
        if (this.phase === s) this.internals.states.add(s);
        else this.internals.states.delete(s);
      } catch {
        // Browsers without CustomStateSet (or only the `--x` syntax): no :state().
      }
    }
  }

  /** The values to start with: the saved draft, then the prefill (a QR code's place wins). */
  private fresh(community: string): Values {
    let draft: Partial<Values> = {};
    try {
      draft = JSON.parse(localStorage.getItem(draftKey(community)) ?? '{}') as Partial<Values>;
    } catch {
      // No storage (private mode) or a broken draft: start empty.
    }
    const v = { ...EMPTY, ...draft };
    if (this.category) v.category = this.category;
    if (this.grid)
      Object.assign(v, { words: false, grid: this.grid, building: this.building, unit: this.unit });
    return v;
  }

  private async load(id: string) {
    this.loadError = undefined;
    try {
      const tree = await this.client.communities.get(id);
      if (id === this.communityId) this.tree = tree;
    } catch (error) {
      this.loadError = ApiError.from(error);
    }
  }

  private set(patch: Partial<Values>) {
    this.v = { ...this.v, ...patch };
    this.dirty = true;
    const community = this.communityId;
    if (!community) return;
    const { name: _n, phone: _p, consent: _c, ...draft } = this.v;
    try {
      localStorage.setItem(draftKey(community), JSON.stringify(draft));
    } catch {
      // Storage full or off: the draft is only a convenience.
    }
  }

  private clearDraft() {
    try {
      localStorage.removeItem(draftKey(this.communityId ?? ''));
    } catch {
      // Nothing was stored.
    }
  }

  private onInput(e: Event) {
    const target = e.target as HTMLElement;
    const el = target as HTMLInputElement;
    const id = el.id;
    if (target.localName === 'sq-community-picker') {
      const place = (target as SqCommunityPicker).value;
      this.set({ grid: place?.grid, building: place?.building, unit: place?.unit });
      if (place && place.community !== this.communityId) this.community = place.community;
    } else if (el.type === 'file') return;
    else if (id.startsWith('q-'))
      this.set({ answers: { ...this.v.answers, [id.slice(2)]: el.value } });
    else
      this.set({
        [el.name]:
          el.type === 'checkbox' ? el.checked : el.type === 'radio' ? !!el.value : el.value,
      });
    if (this.errors[id]) {
      const { [id]: _, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private async addPhotos(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const room = MAX_PHOTOS - this.photos.length;
    const { photos: _, ...rest } = this.errors;
    this.errors =
      files.length > room ? { ...rest, photos: { path: 'photos', key: 'photos.tooMany' } } : rest;
    for (const file of files.slice(0, room)) {
      const blob = await (await later()).shrink(file);
      this.photos = [...this.photos, { blob, url: URL.createObjectURL(blob) }];
    }
  }

  private removePhoto(i: number) {
    URL.revokeObjectURL(this.photos[i]!.url);
    this.photos = this.photos.filter((_, j) => j !== i);
    this.renderRoot.querySelector<HTMLElement>('#photos')?.focus();
  }

  /** The submission, as the server's schema takes it. */
  private input(): ComplaintInput {
    const v = this.v;
    const community = this.communityId ?? '';
    const picked = this.renderRoot.querySelector('sq-community-picker')?.value;
    const answers: Record<string, string> = {};
    for (const q of this.questions) if (v.answers[q.id]?.trim()) answers[q.id] = v.answers[q.id]!;
    return {
      community,
      category: v.category,
      description: v.description,
      location: v.words ? { community, text: v.text } : { ...picked, community },
      answers,
      anonymous: v.anonymous,
      ...(v.anonymous ? {} : { contact: { name: v.name, phone: v.phone } }),
      consent: v.consent as true,
      publishConsent: v.publishConsent,
    };
  }

  private async showErrors(fields: readonly FieldError[]) {
    const errors = (await later()).errorsByField(fields);
    this.errors = errors;
    await this.updateComplete;
    this.focusField(Object.keys(errors)[0]!);
  }

  private focusField(id: string) {
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  }

  private async submit(e?: Event) {
    e?.preventDefault();
    if (this.phase === 'sending') return;
    // Sending from the first moment: a second click while the schema is checked is ignored.
    this.phase = 'sending';
    this.failure = undefined;
    const input = this.input();
    const { complaintInputSchema, toFieldErrors } = await later();
    const checked = complaintInputSchema.safeParse(input);
    if (!checked.success) {
      this.phase = 'edit';
      return this.showErrors(toFieldErrors(checked.error.issues));
    }
    this.errors = {};
    // One key per intent: the same content again (a retry, a second click) reuses it.
    const body = JSON.stringify(input) + this.photos.map((p) => p.blob.size);
    if (body !== this.sentBody || !this.idemKey) [this.sentBody, this.idemKey] = [body, newId()];
    const key = this.idemKey;
    try {
      const delivery = await this.client.complaints.submit(input, {
        attachments: this.photos.map((p) => p.blob),
        idempotencyKey: key,
      });
      if (delivery.state === 'delivered') return this.done(delivery.value);
      this.phase = 'queued';
      this.clearDraft();
      void this.watch(key);
      this.emit(new SqSubmittedEvent({ kind: 'complaint', state: 'queued', key }));
    } catch (error) {
      this.fail(ApiError.from(error));
    }
  }

  private fail(error: ApiError) {
    this.phase = 'failed';
    this.failure = error;
    if (error.fields.length) void this.showErrors(error.fields);
  }

  /**
   * A report an earlier page load left in the outbox (sent offline, then the page was closed)
   * is this form's to show: its state now, and its receipt — the only place the query code is
   * ever shown — once it is delivered.
   */
  private async adoptQueued(client: Client) {
    const key = await (await later()).queuedReport(client);
    if (!key || this.phase !== 'edit' || !this.isConnected) return;
    this.idemKey = key;
    this.phase = 'queued';
    void this.watch(key);
  }

  /** Waits for the outbox to deliver (or refuse) the queued case. */
  private async watch(key: string) {
    const outbox = await this.client.outbox();
    if (!outbox) return;
    const on = (e: Event) => {
      const detail = (e as OutboxDeliveredEvent<ComplaintReceipt> | OutboxFailedEvent).detail;
      if (detail.key !== key) return;
      this.unwatch?.();
      if ('value' in detail) this.done(detail.value);
      else this.fail(detail.error);
    };
    outbox.addEventListener('delivered', on);
    outbox.addEventListener('failed', on);
    this.unwatch = () => {
      outbox.removeEventListener('delivered', on);
      outbox.removeEventListener('failed', on);
    };
  }

  private async done(receipt: ComplaintReceipt) {
    this.phase = 'done';
    this.receipt = receipt;
    this.note = '';
    this.clearDraft();
    this.emit(
      new SqSubmittedEvent({ kind: 'complaint', state: 'delivered', key: this.idemKey!, receipt }),
    );
    await this.updateComplete;
    this.focusField('done');
  }

  /** Starts a new report: the old receipt, and with it the query code, is gone. */
  private again() {
    this.photos.forEach((p) => URL.revokeObjectURL(p.url));
    Object.assign(this, {
      photos: [],
      errors: {},
      phase: 'edit',
      receipt: undefined,
      failure: undefined,
    });
    this.idemKey = undefined;
    this.dirty = false;
    this.v = this.fresh(this.communityId ?? '');
  }

  /** One field: label, hint, the control (given its describedby and invalid), error. */
  private field(
    id: string,
    label: string,
    control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult,
    hint?: string,
  ) {
    const error = this.errors[id];
    const ids = [hint && `${id}-h`, error && `${id}-e`].filter(Boolean).join(' ');
    return html`<div class="f" part="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<p id="${id}-h" class="hint-text">${hint}</p>` : nothing}
      ${control(ids || nothing, error ? 'true' : 'false')}
      ${error ? html`<p id="${id}-e" class="error-text" part="error">${this.t.t(error.key, error.params)}</p>` : nothing}
    </div>`;
  }

  /** A checkbox with its label, and its error when it has one. */
  private check(name: 'anonymous' | 'consent' | 'publishConsent', label: string) {
    const error = this.errors[name];
    return html`<label class="c"
        ><input
          type="checkbox"
          id=${name}
          name=${name}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${name}-e` : nothing}
          .checked=${live(this.v[name])}
        /><span>${label}</span></label
      >${
        error
          ? html`<p id="${name}-e" class="error-text" part="error">
              ${this.t.t(error.key, error.params)}
            </p>`
          : nothing
      }`;
  }

  protected override render() {
    const t = this.t;
    if (this.phase === 'done' && this.receipt && this.lazy) {
      return this.lazy.renderReceipt(
        this.receipt,
        t,
        this.note,
        (note) => (this.note = note),
        () => this.again(),
      );
    }
    const v = this.v;
    const lang = t.lang;
    const privacy = this.tree?.privacy;
    const errors = Object.entries(this.errors);
    const status =
      this.phase === 'sending' ? t.t('sending') : this.phase === 'queued' ? t.t('queued') : '';
    if (this.phase === 'queued') {
      return html`<div class="box" part="status" role="status">
        <p>${status}</p>
        <button
          type="button"
          class="button-secondary"
          @click=${async () => (await this.client.outbox())?.flush()}
        >
          ${t.t('common:retry')}
        </button>
      </div>`;
    }
    return html`<form part="form" novalidate @submit=${this.submit} @input=${this.onInput}>
      <h2 part="title">${t.t('title')}</h2>
      <p class="hint-text">${t.t('intro')}</p>
      ${
        this.loadError
          ? html`<div class="alert" role="alert">
              ${t.t('loadFailed')} ${t.t(`common:${this.loadError.key}`)}
              <button
                type="button"
                class="button-secondary"
                @click=${() => this.load(this.communityId!)}
              >
                ${t.t('common:retry')}
              </button>
            </div>`
          : nothing
      }
      ${
        errors.length
          ? html`<div class="alert" part="error-summary" role="alert">
              <p>${t.t('summary', { n: errors.length })}</p>
              <ul>
                ${errors.map(
                  ([id, e]) =>
                    html`<li>
                      <a
                        href="#${id}"
                        @click=${(ev: Event) => {
                          ev.preventDefault();
                          this.focusField(id);
                        }}
                        >${t.t(e.key, e.params)}</a
                      >
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      ${this.field(
        'category',
        t.t('field.category'),
        (d, inv) =>
          html`<select
            id="category"
            name="category"
            class="i"
            aria-describedby=${d}
            aria-invalid=${inv}
          >
            <option value="">${t.t('choose')}</option>
            ${this.categories.map(
              (c) =>
                html`<option value=${c.id} ?selected=${c.id === v.category}>
                  ${displayName(c, lang)}
                </option>`,
            )}
          </select>`,
        t.t('categoryHint'),
      )}
      ${this.field(
        'description',
        t.t('field.description'),
        (d, inv) =>
          html`<textarea
              id="description"
              name="description"
              class="i"
              rows="5"
              maxlength=${DESCRIPTION_MAX}
              aria-describedby="${d} description-n"
              aria-invalid=${inv}
              .value=${live(v.description)}
            ></textarea>
            <p id="description-n" class="hint-text">
              ${t.t('counter', { n: v.description.trim().length, max: DESCRIPTION_MAX })}
            </p>`,
        t.t('descriptionHint'),
      )}
      ${this.questions.map((q) =>
        this.field(
          `q-${q.id}`,
          displayName({ name: q.label, nameEn: q.labelEn }, lang),
          (d, inv) =>
            html`<input
              id="q-${q.id}"
              class="i"
              aria-describedby=${d}
              aria-invalid=${inv}
              .value=${live(v.answers[q.id] ?? '')}
            />`,
        ),
      )}
      <fieldset class="f" part="field">
        <legend>${t.t('field.where')}</legend>
        <div class="row">
          <label class="c"
            ><input type="radio" name="words" value="" .checked=${live(!v.words)} /><span
              >${t.t('inList')}</span
            ></label
          >
          <label class="c"
            ><input type="radio" name="words" value="1" .checked=${live(v.words)} /><span
              >${t.t('inWords')}</span
            ></label
          >
        </div>
        <sq-community-picker
          id="where"
          .community=${this.communityId}
          .grid=${v.grid}
          .building=${v.building}
          .unit=${v.unit}
          depth=${v.words ? 'community' : 'unit'}
        ></sq-community-picker>
        ${
          this.errors.where
            ? html`<p id="where-e" class="error-text" part="error">
                ${t.t(this.errors.where.key, this.errors.where.params)}
              </p>`
            : nothing
        }
        ${
          v.words
            ? this.field(
                'text',
                t.t('field.place'),
                (d, inv) =>
                  html`<input
                    id="text"
                    name="text"
                    class="i"
                    autocomplete="off"
                    aria-describedby=${d}
                    aria-invalid=${inv}
                    .value=${live(v.text)}
                  />`,
                t.t('placeHint'),
              )
            : nothing
        }
      </fieldset>
      ${this.field(
        'photos',
        t.t('field.photos', { max: MAX_PHOTOS }),
        (d, inv) =>
          html`<input
              type="file"
              id="photos"
              accept="image/*"
              multiple
              aria-describedby=${d}
              aria-invalid=${inv}
              ?disabled=${this.photos.length >= MAX_PHOTOS}
              @change=${this.addPhotos}
            />
            <ul class="thumbs">
              ${this.photos.map(
                (p, i) =>
                  html`<li>
                    <img src=${p.url} alt=${t.t('photoAlt', { n: i + 1 })} />
                    <button
                      type="button"
                      class="button-secondary"
                      @click=${() => this.removePhoto(i)}
                    >
                      ${t.t('remove', { n: i + 1 })}
                    </button>
                  </li>`,
              )}
            </ul>`,
        t.t('photosHint'),
      )}
      <fieldset class="f" part="field">
        <legend>${t.t('field.contact')}</legend>
        ${this.check('anonymous', t.t('anonymous'))}
        <p class="hint-text">${t.t('anonymousHint')}</p>
        ${
          v.anonymous
            ? nothing
            : html`${this.field(
                'name',
                t.t('field.name'),
                (d, inv) =>
                  html`<input
                    id="name"
                    name="name"
                    class="i"
                    autocomplete="name"
                    aria-describedby=${d}
                    aria-invalid=${inv}
                    .value=${live(v.name)}
                  />`,
              )}
              ${this.field(
                'phone',
                t.t('field.phone'),
                (d, inv) =>
                  html`<input
                    id="phone"
                    name="phone"
                    class="i"
                    type="tel"
                    inputmode="tel"
                    autocomplete="tel"
                    aria-describedby=${d}
                    aria-invalid=${inv}
                    .value=${live(v.phone)}
                  />`,
                t.t('phoneHint'),
              )}`
        }
      </fieldset>
      <section class="box" part="privacy" aria-labelledby="privacy">
        <h3 id="privacy">${t.t('privacy')}</h3>
        <p>${t.t('privacyWho', { controller: privacy?.controller ?? t.t('defaultController') })}</p>
        <p>${t.t('privacyWhat')}</p>
        <p>${t.t('privacyKeep', { days: privacy?.retentionDays ?? 730 })}</p>
        <p>${t.t('privacyRights', { contact: privacy?.contact ?? t.t('defaultContact') })}</p>
      </section>
      ${this.check('consent', t.t('consent'))} ${this.check('publishConsent', t.t('publish'))}
      <button
        type="submit"
        class="primary"
        part="submit"
        aria-disabled=${this.phase === 'sending' ? 'true' : 'false'}
      >
        ${t.t('submit')}
      </button>
      <p class="status" part="status" role="status">${status}</p>
      ${
        this.phase === 'failed' && this.failure && !this.failure.fields.length
          ? html`<div class="alert" role="alert">
              ${t.t('failed')}${t.t(`common:${this.failure.key}`)}
              <button type="button" class="button-secondary" @click=${() => this.submit()}>
                ${t.t('common:retry')}
              </button>
            </div>`
          : nothing
      }
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-complaint-form': SqComplaintForm;
  }
}
