import { DESCRIPTION_MAX, MAX_PHOTOS } from '../../../../domain/input-rules.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Category, CategoryQuestion, Community } from '../../../core/model.js';
import { displayName } from '../../../../domain/names.js';
import type { ComplaintInput } from '../../model.js';
import type { ComplaintReceipt } from '../../views.js';
import { ApiError } from '../../../../sdk/errors.js';
import '../../sdk.js';
import zhCN from '../../locales/zh-CN/complaint-form.js';
import type { LocationLevels } from '../../../core/elements/community-picker/location-levels.js';
import { locationLevels, type LocationLevel } from '../../../core/location.js';
import { defaultCategories } from '../../../core/catalogues.js';
import { controlStyles, messageStyles } from '../../../../ui/control-styles.js';
import { refusalKey, statusBanner } from '../../../../ui/fields/status-banner.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { privacyNotice } from '../../../../ui/format-days.js';
import { LocalizeController } from '../../../../ui/localize.js';
import { SqElement } from '../../../../ui/sq-element.js';
import { baseStyles } from '../../../../ui/styles.js';
import { SubmissionController } from '../../../../ui/submission/submission-controller.js';
import { formStyles } from './complaint-form.styles.js';

/** What the resident has entered. All but `name`, `phone` and `consent` is kept as a draft. */
export interface Values {
  [field: string]: unknown;
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

/**
 * The fields, the server's input schema, the default catalogue, the community picker and the
 * receipt load in one chunk right after the first render (which says it is loading; awaited
 * where needed): the element paints sooner, and all of it is in the page before the resident
 * can submit, so an offline submit still validates and queues.
 */
let laterModule: typeof import('./later.js') | undefined;
// One import() for every form: another of a loaded module still goes through the module loader
// (bench:form: 0.2 ms a form). A failed one (offline) is tried again on the next call.
let loading: Promise<typeof import('./later.js')> | undefined;
const later = () =>
  (loading ??= import('./later.js').then(
    (m) => (laterModule = m),
    (error) => {
      loading = undefined;
      throw error;
    },
  ));

const empty = (): Values => ({
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
});
const PREFILL = ['community', 'grid', 'building', 'unit', 'category'] as const;
/** Never a name, a phone or a consent. */
const DRAFT = [
  'category',
  'description',
  'answers',
  'words',
  'grid',
  'building',
  'unit',
  'text',
  'anonymous',
  'publishConsent',
] as const;

/**
 * 居民说事: a resident reports a concern — category, what happened, where (社区 → 网格 → 楼栋
 * → 单元, or in words), photos, contact or anonymous, consent to the privacy notice. Prefilled
 * from attributes or the page URL (`?community=&grid=&building=&unit=&category=`: a building's
 * 说事二维码). A draft (never the name or phone) is kept in localStorage per community until the
 * case is sent. Checked with the server's own schema; offline, the case waits in the SDK's
 * outbox and is delivered exactly once. The receipt shows the ticket, the query code (once)
 * and the answer's due date. A queued report the server later refuses is shown, with why,
 * until the resident dismisses it (which deletes it, phone included, from the outbox).
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
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart choice - A checkbox or radio with its label.
 * @csspart fieldset - The place's levels (社区 → 网格 → 楼栋 → 单元), as in `<sq-community-picker>`.
 * @csspart legend - The place's title (所在位置).
 * @csspart select - A level's select.
 * @csspart summary - The chosen place, announced politely.
 * @csspart pick - The photo picker's button (添加照片), over which the file input lies.
 * @csspart error-summary - The list of errors shown on submit.
 * @csspart privacy - The privacy notice.
 * @csspart submit - The submit button.
 * @csspart status - Sending / saved offline / failed or refused message.
 * @csspart receipt - The receipt: ticket, query code, due date.
 *
 * @cssprop --sq-complaint-form-max-width - Widest the form grows (44rem: lines an eye can follow on a desk screen).
 * @cssprop --sq-complaint-form-gap - Space between fields.
 * @cssprop --sq-community-picker-gap - Space between the place's levels.
 * @cssprop --sq-community-picker-column-min - Narrowest column of the place's levels before they wrap (14em).
 * @cssprop --sq-color-primary - Primary colour (党建红) of the submit button and ticks.
 * @cssprop --sq-target-size - Height of controls (44px; 60px in care mode).
 * @cssprop --sq-font-size-key - Size of the ticket and query code (30px in care mode).
 *
 * @cssstate sending - While the case is being sent.
 * @cssstate queued - Saved in the outbox, waiting for the network.
 * @cssstate delivered - The receipt is shown.
 * @cssstate failed - Not sent, or refused by the server (with why).
 */
export class SqComplaintForm extends SqElement {
  static override tagName = 'sq-complaint-form';
  static override styles = [baseStyles, controlStyles, messageStyles, formStyles];

  /** Category id to prefill (else the `category` query parameter). */
  @property() category?: string;
  /** Grid (网格) id to prefill (else the `grid` query parameter). */
  @property() grid?: string;
  /** Building (楼栋) id to prefill (else `building` in the URL). */
  @property() building?: string;
  /** Unit (单元) id to prefill (else `unit` in the URL). */
  @property() unit?: string;

  @state() private tree?: Community | undefined;
  @state() private loadError?: ApiError | undefined;
  @state() private photos: { blob: Blob; url: string; name: string }[] = [];
  @state() private note = '';

  private readonly t = new LocalizeController(this, 'complaint-form', {
    'zh-CN': zhCN,
    en: () => import('../../locales/en/complaint-form.js'),
  });
  private readonly s = new SubmissionController<Values, ComplaintInput, ComplaintReceipt>(this, {
    kind: 'complaint',
    operation: 'submitComplaint',
    empty,
    draft: DRAFT,
    draftKey: (community) => `sq-complaint-draft:${community}`,
    prefill: (v) => {
      if (this.category) v.category = this.category;
      if (this.grid)
        Object.assign(v, {
          words: false,
          grid: this.grid,
          building: this.building,
          unit: this.unit,
        });
    },
    layout: (v) => ({
      order: [
        'category',
        'description',
        ...this.questions.map((q) => `q-${q.id}`),
        'where',
        'text',
        'photos',
        'name',
        'phone',
        'consent',
      ],
      fieldOf: (path) => this.lazy!.fieldOf(path),
      isEmpty: (field) => ['category', 'text'].includes(field) && !`${v[field] as string}`.trim(),
    }),
    input: async (v) =>
      (await later()).toInput(v, this.communityId ?? '', this.questions, this.where?.value),
    actions: later,
    send: (input, idempotencyKey) =>
      this.client.complaints.submit(input, {
        attachments: this.photos.map((p) => p.blob),
        idempotencyKey,
      }),
    extra: () => `${this.photos.map((p) => p.blob.size)}`,
    receiptFocus: 'done',
  });
  private lazy?: typeof import('./later.js');
  /** The community picker's levels, in this shadow root (not an element of their own: one
   * update fewer before the form shows, see docs/size.md). */
  private where?: LocationLevels;

  override connectedCallback(): void {
    super.connectedCallback();
    // Once loaded (a second form on the page), taken at once: the first render is the form.
    const takeLater = (m: typeof import('./later.js')) => {
      // The fields' and the photo picker's looks come with them, before the form first renders
      // (until then it only says it is loading).
      if (!this.lazy) adoptLater(this, [m.fieldStyles, m.photoStyles, m.pickerStyles]);
      this.lazy = m;
      // Loaded after the first render (which said it is loading): render the form now.
      this.requestUpdate();
      this.where ??= new m.LocationLevels(this, {
        localize: this.t,
        id: 'where',
        value: () => this.s.values,
        choose: (level, id) => {
          this.place(level, id);
          if (level === 'community' && id) this.community = id;
        },
        clear: (level) => this.place(level, undefined),
        depth: () => (this.s.values.words ? 'community' : 'unit'),
      });
    };
    if (laterModule) takeLater(laterModule);
    else void later().then(takeLater);
    const query = new URLSearchParams(location.search);
    for (const name of PREFILL) this[name] ??= query.get(name) ?? undefined;
    this.photos = this.photos.map((p) => ({ ...p, url: URL.createObjectURL(p.blob) }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.photos.forEach((p) => URL.revokeObjectURL(p.url));
  }

  /** The community's catalogue, else the default one (once loaded). */
  private get categories(): Category[] {
    return this.tree?.categories.complaint ?? defaultCategories.complaint;
  }

  private get questions(): CategoryQuestion[] {
    const category = this.categories.find((c) => c.id === this.s.values.category);
    return category?.questions ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.communityId;
    if (id !== this.tree?.id && id !== this.loading) {
      this.tree = undefined;
      if (id) void this.load(id);
    }
  }

  private loading?: string | undefined;
  /** The form has rendered (later, another community loads under it, keeping focus). */
  private shown = false;

  private async load(id: string) {
    this.loadError = undefined;
    this.loading = id;
    // The picker asks for the list of communities when it first renders, which waits for this
    // tree: asked now, beside it, the two answers come in one round trip instead of two. A
    // failure is the picker's to show (the client forgets it, and the picker asks again).
    this.client.communities.list().catch(() => undefined);
    try {
      // Held already (a second form, a page coming back): the first render shows it.
      const tree = this.client.communities.peek(id) ?? (await this.client.communities.get(id));
      if (id === this.communityId) this.tree = tree;
    } catch (error) {
      this.loadError = ApiError.from(error);
      // The list of places cannot come: the place is asked in words (one alert, not two).
      if (!this.s.values.grid) this.s.set({ words: true });
    }
  }

  /** Sets a level of the place (`id` undefined: unchosen) and clears the levels below it. */
  private place(level: LocationLevel, id: string | undefined) {
    const v = this.s.values;
    const at = locationLevels.indexOf(level);
    const next = { grid: v.grid, building: v.building, unit: v.unit };
    for (const l of ['grid', 'building', 'unit'] as const)
      next[l] = l === level ? id : locationLevels.indexOf(l) > at ? undefined : next[l];
    this.s.set(next);
    this.s.setError('where');
  }

  private onInput(e: Event) {
    const el = e.target as HTMLInputElement;
    const id = el.id;
    const s = this.s;
    // The place's selects: the levels take their `change` (the id `where` is the community's).
    if (el.closest('.place')) return;
    if (el.type === 'file') return;
    else if (id.startsWith('q-')) {
      s.set({ answers: { ...s.values.answers, [id.slice(2)]: el.value } });
      s.setError(id);
    } else
      s.set({
        [el.name]:
          el.type === 'checkbox' ? el.checked : el.type === 'radio' ? !!el.value : el.value,
      });
  }

  private async addPhotos(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const room = MAX_PHOTOS - this.photos.length;
    this.s.setError(
      'photos',
      files.length > room ? { path: 'photos', key: 'photos.tooMany' } : undefined,
    );
    for (const file of files.slice(0, room)) {
      const blob = await (await later()).shrink(file);
      this.photos = [...this.photos, { blob, url: URL.createObjectURL(blob), name: file.name }];
    }
  }

  private removePhoto(i: number) {
    URL.revokeObjectURL(this.photos[i]!.url);
    this.photos = this.photos.filter((_, j) => j !== i);
    this.s.focus('photos');
  }

  /** Starts a new report: the old receipt, and with it the query code, is gone. */
  private again() {
    this.photos.forEach((p) => URL.revokeObjectURL(p.url));
    this.photos = [];
    this.note = '';
    this.s.again();
  }

  /** A field's error in the reader's language. */
  private error(id: string) {
    const e = this.s.errors[id];
    return e && this.t.t(e.key, e.params);
  }

  /** A field's id, label (`field.<id>`), hint (`<id>Hint`) and error. */
  private f(id: string, hint = false, label = this.t.t(`field.${id}`)) {
    return { id, label, hint: hint ? this.t.t(`${id}Hint`) : undefined, error: this.error(id) };
  }

  protected override render() {
    const t = this.t;
    const s = this.s;
    const r = s.receipt;
    const lang = t.lang;
    if (s.phase === 'delivered' && r && this.lazy) {
      return this.lazy.codeReceipt({
        heading: t.t('receipt.received'),
        rows: [
          [t.t('receipt.ticket'), r.ticket, 'key'],
          // In two groups of four, as the other receipts (easier to read out and write down);
          // copy takes it whole.
          [t.t('receipt.code'), r.queryCode.replace(/^(.{4})(?=.)/, '$1 '), 'code'],
          [t.t('receipt.due'), this.lazy.dueDate(r.dueDate, lang)],
        ],
        code: r.queryCode,
        copy: t.t('receipt.copy'),
        said: this.note,
        onCopy: (copied) => (this.note = t.t(copied ? 'receipt.copied' : 'receipt.copyFailed')),
        keep: t.t('receipt.keep'),
        again: t.t('receipt.again'),
        onAgain: () => this.again(),
      });
    }
    // Saved offline: a heading that says where the report is, then what happens next.
    if (s.phase === 'queued')
      return html`<h2 id="done" tabindex="-1" part="title">${t.t('queuedTitle')}</h2>
        ${statusBanner(t.t('queued'), false, {
          label: t.t('common:retry'),
          run: () => s.retry(),
        })}`;
    const m = this.lazy;
    // Before the form first shows, a community still loading is not stood in for by the
    // default catalogue (a resident would pick categories it may not have).
    if (
      !m ||
      (!this.shown && (this.where?.pending || (this.communityId && !this.tree && !this.loadError)))
    )
      return html`<p class="hint-text" role="status">${t.t('common:loading')}</p>`;
    this.shown = true;
    const v = s.values;
    const privacy = this.tree?.privacy;
    const failure = s.failure;
    return html`<form
      part="form"
      novalidate
      @submit=${(e: Event) => (e.preventDefault(), s.submit())}
      @input=${this.onInput}
    >
      <h2 part="title">${t.t('title')}</h2>
      <p class="hint-text">${t.t('intro')}</p>
      ${
        this.loadError
          ? statusBanner(`${t.t('loadFailed')}${t.t(`common:${this.loadError.key}`)}`, true, {
              label: t.t('common:retry'),
              run: () => this.load(this.communityId!),
            })
          : nothing
      }${
        s.refused
          ? statusBanner(`${t.t('refused')}${t.t(refusalKey(s.refused.error?.code))}`, true, {
              label: t.t('dismiss'),
              run: () => s.dismiss(),
            })
          : nothing
      }${m.errorSummary(
        t.t('summary', { n: Object.keys(s.errors).length }),
        Object.keys(s.errors).map((id) => [id, this.error(id)!]),
        (id) => s.focus(id),
      )}${m.selectField({
        ...this.f('category', true),
        value: v.category,
        empty: t.t('choose'),
        options: this.categories.map((c) => ({ id: c.id, label: displayName(c, lang) })),
      })}${m.textareaField({
        ...this.f('description', true),
        value: v.description,
        max: DESCRIPTION_MAX,
        count: t.t('counter', { n: v.description.trim().length, max: DESCRIPTION_MAX }),
      })}${this.questions.map((q) =>
        m.textField({
          ...this.f(`q-${q.id}`, false, displayName({ name: q.label, nameEn: q.labelEn }, lang)),
          value: v.answers[q.id] ?? '',
        }),
      )}
      <fieldset class="field" part="field">
        <legend>${t.t('field.where')}</legend>
        <div class="row">
          ${m.choice({ name: 'words', type: 'radio', value: '', label: t.t('inList'), checked: !v.words })}${m.choice({ name: 'words', type: 'radio', value: '1', label: t.t('inWords'), checked: v.words })}
        </div>
        ${
          v.words && this.loadError ? nothing : this.where?.render()
        }${m.fieldError('where', this.error('where'))}${
          v.words
            ? m.textField({
                ...this.f('text', true, t.t('field.place')),
                value: v.text,
              })
            : nothing
        }
      </fieldset>
      ${m.photoPicker({
        ...this.f('photos', true, t.t('field.photos', { max: MAX_PHOTOS })),
        photos: this.photos,
        max: MAX_PHOTOS,
        pick: t.t('photosPick'),
        status: t.t(m.photoStatusKey(this.photos.length, MAX_PHOTOS), {
          count: this.photos.length,
          left: MAX_PHOTOS - this.photos.length,
        }),
        alt: (n) => t.t('photoAlt', { n }),
        remove: (n) => t.t('remove', { n }),
        onAdd: (e) => void this.addPhotos(e),
        onRemove: (i) => this.removePhoto(i),
      })}
      <fieldset class="field" part="field">
        <legend>${t.t('field.contact')}</legend>
        ${m.choice({ id: 'anonymous', name: 'anonymous', label: t.t('anonymous'), checked: v.anonymous })}
        <p class="hint-text">${t.t('anonymousHint')}</p>
        ${
          v.anonymous
            ? nothing
            : html`${m.textField({
                ...this.f('name'),
                value: v.name,
                autocomplete: 'name',
              })}${m.phoneField({
                ...this.f('phone', true),
                value: v.phone,
              })}`
        }
      </fieldset>
      ${privacyNotice(t, privacy)}
      ${m.choice({ id: 'consent', name: 'consent', label: t.t('consent'), checked: v.consent, error: this.error('consent') })}${m.choice({ id: 'publishConsent', name: 'publishConsent', label: t.t('publish'), checked: v.publishConsent })}
      <button
        type="submit"
        class="primary"
        part="submit"
        aria-disabled=${s.phase === 'sending' ? 'true' : 'false'}
      >
        ${t.t('submit')}
      </button>
      <p class="status" part="status" role="status">
        ${s.phase === 'sending' ? t.t('sending') : ''}
      </p>
      ${
        s.phase === 'failed' && failure && !failure.fields.length && !s.refused
          ? statusBanner(`${t.t('failed')}${t.t(`common:${failure.key}`)}`, true, {
              label: t.t('common:retry'),
              run: () => s.retry(),
            })
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
