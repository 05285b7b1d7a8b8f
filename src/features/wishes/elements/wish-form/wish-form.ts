import { html, nothing } from 'lit';
import { privacyNotice } from '../../../../ui/format-days.js';
import { state } from 'lit/decorators.js';
import { categoriesOf, loadCategories } from '../../../core/elements/categories.js';
import type { Community } from '../../../core/model.js';
import { displayName } from '../../../../domain/names.js';
import type { FieldError } from '../../../../domain/errors.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import type { WishInput, WishReceipt } from '../../model.js';
import zhCN from '../../locales/zh-CN/wish-form.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import type { FieldProps } from '../../../../ui/fields/field.js';
import { fieldStyles } from '../../../../ui/fields/fields.styles.js';
import { refusalKey, statusBanner } from '../../../../ui/fields/status-banner.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { SubmissionController } from '../../../../ui/submission/submission-controller.js';
import { formStyles } from './wish-form.styles.js';

// The schemas and the fields come right after the first render, which says it is loading (the
// SDK's first call needs the schemas then anyway).
const wishModule = () => import('./later.js');
type WishModule = Awaited<ReturnType<typeof wishModule>>;

type Values = Record<string, string>;

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
/** Fields that must not be empty: theirs say what to do (`title.required`). */
const REQUIRED = ['title', 'category'];

/**
 * 许个微心愿: a resident posts a small wish — title, story, category, grid, their name (masked
 * on the wall, or an alias they choose), a private phone and an optional value within the
 * community's cap — with the privacy notice, consent and a separate consent to publish (both
 * unticked). Validated with the domain's schema, the server's rule. A draft survives a reload
 * (never the name or phone). Sent through the SDK's outbox: offline it is kept and delivered
 * once the network is back; if the server then refuses it, the form says why until the resident
 * dismisses it. On delivery it says the wish appears after review and shows the wish code
 * (心愿码) once.
 *
 * @summary Post a 微心愿 (small wish).
 *
 * @event {SqSubmittedEvent} sq-submitted - {@link SqSubmittedEvent} with `kind: 'wish'`: delivered (with the
 * receipt) or queued offline (delivered later, then fired again as delivered).
 *
 * @csspart form - The form.
 * @csspart field - One field: label, hint, control and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart choice - A checkbox with its label.
 * @csspart error-summary - The error summary.
 * @csspart privacy - The privacy notice.
 * @csspart submit - The submit button.
 * @csspart status - Sending, saved-offline, failure and refusal messages.
 * @csspart receipt - The delivered panel with the wish code.
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
  static override styles = [baseStyles, controlStyles, messageStyles, fieldStyles, formStyles];

  @state() private tree?: Community;
  @state() private loadError?: ApiError;
  @state() private copied = false;

  private readonly localize = new LocalizeController(this, 'wish-form', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/wish-form.js'),
  });
  private readonly s = new SubmissionController<Values, WishInput, WishReceipt>(this, {
    kind: 'wish',
    operation: 'postWish',
    empty: () => ({}),
    // Never the name, the phone or a consent.
    draft: ['title', 'story', 'category', 'grid', 'alias', 'value'],
    draftKey: (community) => `sq-wish-form-draft:${community}`,
    layout: (v) => ({ order: FIELDS, isEmpty: (f) => REQUIRED.includes(f) && !v[f]?.trim() }),
    input: (v) => this.input(v),
    check: (input) => this.validate(input),
    actions: wishModule,
    send: (input, idempotencyKey) => this.client.wishes.post(input, { idempotencyKey }),
    receiptFocus: 'done',
  });
  private wish?: WishModule;
  private treeKey?: string;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const key = `${this.communityId}|${this.apiBase}`;
    if (this.communityId && key !== this.treeKey) {
      this.treeKey = key;
      void this.load();
    }
  }

  private async load() {
    const key = this.treeKey;
    const community = this.communityId!;
    this.loadError = undefined;
    try {
      const [tree, wish] = await Promise.all([
        this.client.communities.get(community),
        wishModule(),
        loadCategories(),
      ]);
      if (key !== this.treeKey) return;
      this.wish = wish;
      this.tree = tree;
    } catch (error) {
      if (key === this.treeKey) this.loadError = ApiError.from(error);
    }
  }

  private onInput(event: Event) {
    const target = event.target as HTMLInputElement;
    if (!target.name) return;
    this.s.set({
      [target.name]: target.type === 'checkbox' ? (target.checked ? 'on' : '') : target.value,
    });
  }

  private input(v: Values): WishInput {
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
    const errors = checked.success ? [] : toFieldErrors(checked.error.issues);
    const cap = wish.wishSettings(this.tree!).valueCap;
    if ((input.value ?? 0) > cap)
      errors.push({ path: 'value', key: 'value.tooHigh', params: { max: cap } });
    return errors.map((e) =>
      e.path === 'value' && e.key.startsWith('validation.') ? { ...e, key: 'valueInvalid' } : e,
    );
  }

  // ---- rendering ----

  private t(key: string, options?: Record<string, unknown>) {
    return this.localize.t(key, options);
  }

  /** A field's label, hint and error in the reader's language. */
  private props(id: string, hint?: string, optional = false): FieldProps {
    const e = this.s.errors[id];
    return {
      id,
      label: this.t(`label.${id}`),
      hint,
      error: e && this.t(e.key, e.params),
      optional: optional ? this.t('common:optional') : undefined,
    };
  }

  private text(id: string, hint?: string, optional = false, more: object = {}) {
    return this.wish!.textField({
      ...this.props(id, hint, optional),
      value: this.s.values[id] ?? '',
      ...more,
    });
  }

  private counter(value: string, max: number) {
    const count = Array.from(value.trim()).length;
    return { count: this.t('counter', { count, max }), over: count > max, max };
  }

  private check(id: string) {
    const { label, error } = this.props(id);
    return this.wish!.choice({ id, name: id, label, checked: this.s.values[id] === 'on', error });
  }

  protected override render() {
    const tree = this.tree;
    const wish = this.wish;
    const s = this.s;
    if (!this.communityId) return html`<p class="notice">${this.t('noCommunity')}</p>`;
    // A load failure under the form's heading: the resident sees what did not open.
    if (this.loadError)
      return html`<h2>${this.t('heading')}</h2>
        ${statusBanner(
          `${this.t('loadFailed')}${this.t(`common:errors.${this.loadError.code}`)}`,
          true,
          { label: this.t('common:retry'), run: () => this.load() },
        )}`;
    if (!tree || !wish)
      return html`<p class="hint-text" role="status">${this.t('common:loading')}</p>`;
    const receipt = s.receipt;
    if (s.phase === 'delivered' && receipt)
      return wish.codeReceipt({
        heading: this.t('delivered.heading'),
        notes: [this.t('delivered.review')],
        // In two groups of four, as the other receipts; copy takes it whole.
        rows: [[this.t('delivered.code'), receipt.code.replace(/^(.{4})(?=.)/, '$1 '), 'code']],
        code: receipt.code,
        copy: this.t('delivered.copy'),
        said: this.copied ? this.t('delivered.copied') : '',
        onCopy: (copied) => (this.copied = copied),
        keep: this.t('delivered.codeHint'),
        again: this.t('delivered.again'),
        onAgain: () => ((this.copied = false), s.again()),
      });
    // Saved offline: a heading that says where the wish is, then what happens next (the form
    // with its submit button would invite sending it again).
    if (s.phase === 'queued')
      return html`<h2 id="done" tabindex="-1">${this.t('queuedTitle')}</h2>
        ${statusBanner(this.t('queued'), false, {
          label: this.t('common:retry'),
          run: () => s.retry(),
        })}`;
    const lang = this.localize.lang;
    const v = s.values;
    // Until a name is typed the hint explains the rule and no preview shows (an example name
    // there reads as if we had filled in the resident's own).
    const typed = v.wisherName?.trim() || v.alias?.trim();
    const nameHint = v.wisherName?.trim()
      ? this.t('hint.wisherName', { masked: wish.maskName(v.wisherName) })
      : this.t('hint.wisherNameEmpty');
    const cap = wish.wishSettings(tree).valueCap;
    const busy = s.phase === 'sending';
    const failure = s.failure;
    const ids = Object.keys(s.errors);
    return html`<form
      part="form"
      novalidate
      @input=${this.onInput}
      @change=${this.onInput}
      @submit=${(e: Event) => (e.preventDefault(), s.submit())}
      aria-labelledby="heading"
    >
      <h2 id="heading">${this.t('heading')}</h2>
      <p class="intro">${this.t('intro')}</p>
      ${
        s.restored
          ? statusBanner(this.t('draftRestored'), false, {
              label: this.t('clearDraft'),
              run: () => s.again(true),
            })
          : nothing
      }
      ${
        s.refused
          ? statusBanner(`${this.t('refused')}${this.t(refusalKey(s.refused.error?.code))}`, true, {
              label: this.t('dismiss'),
              run: () => s.dismiss(),
            })
          : nothing
      }
      ${wish.errorSummary(
        this.t('errorsHeading', { count: ids.length }),
        ids.map((id) => [id, this.props(id).error!]),
        (id) => s.focus(id),
      )}
      ${this.text('title', this.t('hint.title'), false, this.counter(v.title ?? '', wish.TITLE_MAX))}
      ${wish.textareaField({
        ...this.props('story', this.t('hint.story')),
        value: v.story ?? '',
        ...this.counter(v.story ?? '', wish.STORY_MAX),
      })}
      ${wish.selectField({
        ...this.props('category'),
        value: v.category ?? '',
        empty: this.t('choose'),
        options: categoriesOf(tree, 'wish').map((c) => ({
          id: c.id,
          label: displayName(c, lang),
        })),
      })}
      ${wish.selectField({
        ...this.props('grid', undefined, true),
        value: v.grid ?? '',
        empty: this.t('gridNone'),
        options: tree.grids.map((g) => ({ id: g.id, label: displayName(g, lang) })),
      })}
      ${this.text('wisherName', nameHint, false, { autocomplete: 'name' })}
      ${this.text('alias', this.t('hint.alias'), true)}
      <p class="shown" aria-live="polite">
        ${typed ? this.t('shownAs', { name: wish.publicWisherName({ wisherName: v.wisherName ?? '', alias: v.alias }) }) : nothing}
      </p>
      ${wish.phoneField({ ...this.props('phone', this.t('hint.phone')), value: v.phone ?? '' })}
      ${this.text('value', this.t('hint.value', { max: cap }), true, { inputmode: 'decimal' })}
      ${privacyNotice(this.localize, tree.privacy)}
      ${this.check('consent')} ${this.check('publishConsent')}
      <p class="visually-hidden" part="status" role="status">${busy ? this.t('sending') : ''}</p>
      ${
        s.phase === 'failed' && failure && !failure.fields.length && !s.refused
          ? statusBanner(`${this.t('failed')}${this.t(`common:errors.${failure.code}`)}`, true, {
              label: this.t('common:retry'),
              run: () => s.retry(),
            })
          : nothing
      }
      <button class="primary" part="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${this.t(busy ? 'sending' : 'submit')}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sq-wish-form': SqWishForm;
  }
}
