/**
 * What <sq-redblack-editor> shows once its data is in, in a chunk of its own: the entry form
 * (with the feature schema's check and the server's field errors at their fields), the review
 * queue with its per-photo checklist, the published entries with 已整改, renewal, withdrawal
 * and the period's counts, and the appeals — their partials, styles and strings.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '../../../../domain/errors.js';
import { displayName } from '../../../../domain/names.js';
import { formatDateTime, shanghaiDate } from '../../../../domain/time.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { choiceStyles } from '../../../../ui/choice-styles.js';
import { errorSummary } from '../../../../ui/fields/error-summary.js';
import {
  choice,
  field,
  selectField,
  textField,
  textareaField,
} from '../../../../ui/fields/field.js';
import { fieldStyles } from '../../../../ui/fields/fields.styles.js';
import { photoPicker, photoStatusKey } from '../../../../ui/fields/photo-picker.js';
import { photoStyles } from '../../../../ui/fields/photo.styles.js';
import { fieldErrors } from '../../../../ui/field-errors.js';
import { units } from '../../../../ui/format-days.js';
import { i18n } from '../../../../ui/localize.js';
import { renderDateTime } from '../../../../ui/time.js';
import {
  ENTRY_REASON_MAX,
  EVIDENCE_PHOTOS_MAX,
  NOTE_MAX,
  redblackEntryInputSchema,
  redblackMachine,
  type AppealOutcome,
  type AppealStaffView,
  type RedblackEntry,
  type RedblackStaffAction,
  type SubjectInput,
} from '../../model.js';
import { placeName } from '../../places.js';
import { rubricOf } from '../../rubric.js';
import {
  mayName,
  periodAt,
  periodLabel,
  periodStart,
  rubricList,
  subjectKinds,
  type PeriodKind,
  type RedblackList,
  type SubjectKind,
} from '../../rules.js';
import zhFields from '../../locales/zh-CN/redblack-fields.js';
import zhAfter from '../../locales/zh-CN/redblack-editor-after.js';
import zhCN from '../../locales/zh-CN/redblack-editor.js';
import { appealTone, redblackTone } from '../tones.js';
import { SqAppealDecidedEvent, SqEntryActedEvent, type EditorAction } from './events.js';
import type { EditorTab, SqRedblackEditor } from './redblack-editor.js';
import type { DraftSuggestedDetail, SqDraftSuggestedEvent } from '../score-sheet/events.js';

// The kit's sending half, as every form's later chunk re-exports it (unused here: the editor's
// sends are an ActionController's): the drop-in then keeps the field partials in the chunk the
// forms share instead of splitting them into one more (a request more on every form's page).
export {
  adopt,
  dismiss,
  submit as submitForm,
} from '../../../../ui/submission/submission-actions.js';

// The editor's strings after its first render and the fields' messages join its namespace
// (English has them in its one lazily loaded file).
i18n.addResourceBundle('zh-CN', 'redblack-editor', { ...zhFields, ...zhCN, ...zhAfter }, true);

type Host = SqRedblackEditor;

/** Adds the panels' styles to the editor (once, when this chunk loads). */
export function attach(host: Host): void {
  adoptLater(host, [fieldStyles, photoStyles, choiceStyles, panelStyles]);
}

// Terse on purpose (kept out of Prettier): element CSS ships unminified inside the JS.
// prettier-ignore
const panelStyles = css`
ul.items{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--sq-space-3);margin:0;padding:0;list-style:none}
.item{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--sq-space-2);min-width:0;padding:var(--sq-space-3);border:var(--sq-border-width) solid var(--sq-color-border);border-radius:var(--sq-radius);overflow-wrap:anywhere}
.item h3{margin:0}
.list-badge{font-weight:700}
.list-badge[data-list=red]{color:var(--sq-color-primary)}
.meta{color:var(--sq-color-text-muted,inherit)}
.nowrap{white-space:nowrap}
form{display:grid;gap:var(--sq-space-3)}
fieldset{display:grid;gap:var(--sq-space-2);min-width:0;justify-self:stretch;margin:0;padding:var(--sq-space-3);border:var(--sq-border-width) solid var(--sq-color-border);border-radius:var(--sq-radius)}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,8em),1fr));gap:var(--sq-space-2);margin:var(--sq-space-3) 0}
.figures div{padding:var(--sq-space-2);border:var(--sq-border-width) solid var(--sq-color-border);border-radius:var(--sq-radius)}
.figures dd{margin:0;font-size:var(--sq-font-size-key);font-weight:700}
[part=confirm]{padding:var(--sq-space-3);border:2px solid var(--sq-color-primary);border-radius:var(--sq-radius)}
.thumb{width:8em;max-width:100%;aspect-ratio:1;object-fit:cover;border-radius:var(--sq-radius)}
`;

// ---- Shared bits ----

const listBadge = (host: Host, list: RedblackList) =>
  html`<span class="list-badge" data-list=${list}
    >${host.t.t(`listIcon.${list}`)} ${host.t.t(`lists.${list}`)}</span
  >`;

const statusBadge = (host: Host, e: RedblackEntry) =>
  html`<span class="badge" data-tone=${redblackTone[e.status]}
    >${host.t.t(
      e.status === 'published' && e.list === 'black' ? 'blackPublished' : `statuses.${e.status}`,
    )}</span
  >`;

function categoryName(host: Host, id: string): string {
  const c = host.tree && rubricOf(host.tree).find((x) => x.id === id);
  return c ? displayName(c, host.t.lang) : id;
}

/** The subject as staff see it: a place by its name, a person by their full name. */
const subjectOf = (host: Host, s: RedblackEntry['subject']): string =>
  'name' in s ? s.name : ((host.tree && placeName(host.tree, s)) ?? s.building);

const mine = (host: Host, e: { author: string }) => e.author === host.session.staff?.id;

const date = (host: Host, iso: string) => renderDateTime(iso, host.t.lang);

/** The last day before an instant (`until` is the midnight a period ends at). */
const lastDay = (host: Host, iso: string) =>
  formatDateTime(new Date(Date.parse(iso) - 1), host.t.lang, { dateStyle: 'medium' });

/** One entry's heading and facts (list, status, period, category, subject, reason, dates). */
function entryHead(host: Host, e: RedblackEntry) {
  const t = host.t;
  return html`<h3 id="e-${e.id}">${subjectOf(host, e.subject)}</h3>
    <p>
      ${listBadge(host, e.list)} ${statusBadge(host, e)}
      <span class="badge">${categoryName(host, e.category)}</span>
      <span class="nowrap">${periodLabel(e.period, host.t.lang)}</span>
    </p>
    <p>${e.reason}</p>
    <p class="meta">
      ${t.t(mine(host, e) ? 'mine' : 'byOther')} ·
      ${t.t(e.publishedAt ? 'publishedOn' : 'created', { date: '' })}
      ${date(host, e.publishedAt ?? e.createdAt)}
      ${e.until && e.status !== 'withdrawn' ? html`· ${t.t('until', { date: lastDay(host, e.until) })}` : nothing}
    </p>
    ${
      e.rectification
        ? html`<p>
            ${t.t('rectifiedOn', { date: e.rectification.date, note: e.rectification.note })}
          </p>`
        : nothing
    }
    ${e.withdrawal ? html`<p>${t.t('withdrawnNote', { note: e.withdrawal.note })}</p>` : nothing}`;
}

/** Runs an action; on success: reload, announce, emit. Resolves true on success. */
async function run<T>(
  host: Host,
  name: string,
  body: unknown,
  send: (key: string) => Promise<T>,
  done: string,
  event: (value: T) => Event,
): Promise<T | { error: FieldError[] } | undefined> {
  host.announce = '';
  const outcome = await host.action.run(name, body, (_, key) => send(key));
  if (!outcome) return undefined;
  if ('error' in outcome) {
    if (outcome.error.code === 'unauthorized') host.session.expired(host.client);
    return { error: outcome.error.fields };
  }
  host.open = undefined;
  // Said once the lists show it (other staff act meanwhile: everything is read again).
  await host.load();
  host.announce = host.t.t(`done.${done}`);
  host.notify(event(outcome.value));
  return outcome.value;
}

/** The last action's failure, shown beside the item it was about. */
function failure(host: Host, name: string) {
  const a = host.action;
  if (a.name !== name || a.phase !== 'failed') return nothing;
  return host.alert(a.error);
}

const formValues = (e: Event) => new FormData(e.currentTarget as HTMLFormElement);

function actOn(host: Host, entry: RedblackEntry, action: RedblackStaffAction) {
  return run(
    host,
    `${action.action}:${entry.id}`,
    action,
    (key) => host.client.redblack.act(entry.id, action, { idempotencyKey: key }),
    action.action,
    (value) => new SqEntryActedEvent({ action: action.action as EditorAction, entry: value }),
  );
}

/**
 * A field of an item's action form: `key` its label, `<key>Hint` its hint; the error is the last
 * failed action's on this item, at `path` (without one, its first).
 */
function actionField(
  host: Host,
  id: string,
  key: string,
  path?: string,
  more?: Partial<Parameters<typeof textField>[0]>,
) {
  const t = host.t;
  const a = host.action;
  const error =
    a.name?.endsWith(`:${id.split('-').pop()}`) && a.phase === 'failed'
      ? a.error?.fields.find((f) => !path || f.path === path)
      : undefined;
  return textField({
    id,
    label: t.t(key),
    hint: t.t(`${key}Hint`),
    value: '',
    error: error && t.t(error.key, error.params),
    ...more,
  });
}

/** An item's action form: its fields, and the button that sends them (or asks once more). */
const actionForm = (
  host: Host,
  send: (data: FormData) => unknown,
  fields: unknown,
  label: string,
) =>
  html`<form
    class="box"
    @submit=${(e: Event) => {
      e.preventDefault();
      void send(formValues(e));
    }}
  >
    ${fields}
    <button class="primary" ?disabled=${host.action.busy}>${label}</button>
  </form>`;

// ---- Tabs ----

const drafts = (host: Host) => (host.entries ?? []).filter((e) => e.status === 'draft');
const submitted = (host: Host) => (host.entries ?? []).filter((e) => e.status === 'submitted');
const pendingAppeals = (host: Host) => (host.appeals ?? []).filter((a) => a.status === 'pending');

/** The number after a tab's name: what waits there. */
export function tabCount(host: Host, tab: EditorTab) {
  const n =
    tab === 'drafts'
      ? drafts(host).length
      : tab === 'review'
        ? submitted(host).filter((e) => !mine(host, e)).length
        : tab === 'appeals'
          ? pendingAppeals(host).length
          : 0;
  return n ? html` <span class="badge">${host.t.number(n)}</span>` : nothing;
}

/** Each tab's panel; a tab's id is in EDITOR_TABS. */
const PANELS: Record<EditorTab, (host: Host) => TemplateResult> = {
  drafts: renderDrafts,
  review: renderReview,
  published: renderPublished,
  appeals: renderAppeals,
  scores: renderScores,
};

/** A tab's panel: its open form (a draft, a correction, an appeal's corrected reason), else its list. */
export const renderPanel = (host: Host, tab: EditorTab): TemplateResult =>
  host.editing && forms.get(host)?.tab === tab ? renderForm(host) : PANELS[tab](host);

// ---- 和谐楼道评分 ----

/**
 * The score sheet, as it is on its own: it follows the editor's client, community and care mode
 * (an element rendered inside another gets its host's) and the staff session of that client, so
 * nobody signs in twice. Its code loads the first time the tab opens.
 */
function renderScores(host: Host): TemplateResult {
  // The element's module, not src/define/: a second import() of the define file would merge it
  // into a shared chunk of the drop-in build, where the loader looks for it by name.
  void import('../score-sheet/index.js').then((m) => m.SqRedblackScoreSheet.define());
  return html`<sq-redblack-score-sheet
    draftable
    @sq-draft-suggested=${(e: SqDraftSuggestedEvent) => void draftFrom(host, e.detail)}
  ></sq-redblack-score-sheet>`;
}

/** 以此起草红榜 / 起草黑榜条目: the entry form, new, with the building as its subject (a place). */
async function draftFrom(host: Host, d: DraftSuggestedDetail) {
  const grid = host.tree?.grids.find((g) => g.buildings.some((b) => b.id === d.building));
  host.tab = 'drafts';
  await openForm(host, undefined, {
    list: d.list,
    period: d.period,
    kind: 'building',
    grid: grid?.id ?? '',
    building: grid ? d.building : '',
  });
}

// ---- Drafts and the entry form ----

interface Photo {
  id: string;
  url?: string | undefined;
}
interface Values {
  list: RedblackList;
  period: string;
  category: string;
  kind: SubjectKind | '';
  grid: string;
  building: string;
  unit: string;
  name: string;
  consentOn: string;
  consentFull: boolean;
  consentNote: string;
  reason: string;
  photos: Photo[];
  /** 更正说明: a correction's public note (the board's change log). */
  note: string;
}

/**
 * What the entry form does: write a draft, correct (更正) a published entry — list and period
 * fixed, a public note — or uphold an appeal by correcting the entry's reason (a public note).
 */
type FormMode = 'draft' | 'correct' | 'uphold';

interface FormState {
  values: Values;
  errors: Record<string, FieldError>;
  uploading: number;
  uploadError?: string | undefined;
  mode: FormMode;
  /** The tab it is shown in, instead of the tab's list. */
  tab: EditorTab;
  /** The published entry corrected, and the appeal upheld. */
  entry?: RedblackEntry | undefined;
  appeal?: AppealStaffView | undefined;
  /** Where focus goes back to when it closes. */
  back: string;
  /** A correction's last step: it asks once more, showing the public note. */
  confirming?: boolean;
}

const forms = new WeakMap<Host, FormState>();
/** Object URLs of photos this page uploaded or read back, by upload id. */
const photoUrls = new Map<string, string>();

const ORDER = [
  'list',
  'period',
  'category',
  'kind',
  'grid',
  'building',
  'unit',
  'name',
  'consentOn',
  'consentNote',
  'reason',
  'photos',
  'note',
] as const;

/** The form's field for a path of the input (or of the server's field errors). */
function fieldOf(path: string): string {
  const [head, sub = 'kind', leaf] = path.split('.') as [string, string?, string?];
  if (head === 'subject') {
    return sub !== 'consent' ? sub : leaf === 'note' ? 'consentNote' : 'consentOn';
  }
  return head === 'correctedReason' ? 'reason' : head === 'photos' ? head : path;
}

const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'year'];

/** This and the last month, quarter and year: `[key, label]`. */
function periodChoices(host: Host, now = new Date()): [string, string][] {
  return PERIOD_KINDS.flatMap((kind) => {
    const current = periodAt(kind, now);
    const before = periodAt(
      kind,
      new Date(Date.parse(`${periodStart(current)}T00:00:00+08:00`) - 1),
    );
    return [
      [current, host.t.t(`periods.this.${kind}`, { label: periodLabel(current, host.t.lang) })],
      [before, host.t.t(`periods.last.${kind}`, { label: periodLabel(before, host.t.lang) })],
    ] as [string, string][];
  });
}

function valuesOf(entry?: RedblackEntry): Values {
  const v: Values = {
    list: 'red',
    period: periodAt('quarter', new Date()),
    category: '',
    kind: '',
    grid: '',
    building: '',
    unit: '',
    name: '',
    consentOn: '',
    consentFull: false,
    consentNote: '',
    reason: '',
    photos: [],
    note: '',
  };
  if (!entry) return v;
  const s = entry.subject;
  // The subject's own fields by their names (kind, grid, building, unit, name).
  return {
    ...v,
    ...s,
    list: entry.list,
    period: entry.period,
    category: entry.category,
    reason: entry.reason,
    photos: entry.photos.map((p) => ({ id: p.id, url: photoUrls.get(p.id) })),
    ...(s.kind === 'person' && {
      consentOn: s.consent.obtainedOn,
      consentFull: s.consent.fullName,
      consentNote: s.consent.note ?? '',
    }),
  };
}

/** What the form sends: the subject shaped by its kind. */
function inputOf(v: Values) {
  const k = v.kind;
  const subject = {
    kind: k,
    ...((k === 'building' || k === 'unit' || k === 'household') && {
      grid: v.grid,
      building: v.building,
    }),
    // A unit's is asked for; a household's is sent where it is known.
    ...((k === 'unit' || (k === 'household' && v.unit)) && { unit: v.unit }),
    ...((k === 'area' || k === 'organisation' || k === 'person') && { name: v.name }),
    ...(k === 'person' && {
      consent: {
        obtainedOn: v.consentOn,
        fullName: v.consentFull,
        ...(v.consentNote.trim() ? { note: v.consentNote } : {}),
      },
    }),
  };
  return {
    list: v.list,
    period: v.period,
    category: v.category,
    subject: subject as unknown as SubjectInput,
    reason: v.reason,
    photos: v.photos.map((p) => p.id),
  };
}

/**
 * Opens the entry form: a new entry, a draft to edit, a published entry to correct, or (an
 * appeal upheld) its reason to correct.
 */
export async function openForm(
  host: Host,
  entry?: RedblackEntry,
  prefill?: Partial<Values>,
  mode: FormMode = 'draft',
  appeal?: AppealStaffView,
): Promise<void> {
  forms.set(host, {
    values: { ...valuesOf(entry), ...prefill },
    errors: {},
    uploading: 0,
    mode,
    entry,
    appeal,
    tab: mode === 'draft' ? 'drafts' : mode === 'correct' ? 'published' : 'appeals',
    back: appeal
      ? `[data-correct="${appeal.id}"]`
      : entry
        ? mode === 'draft'
          ? '#panel'
          : `[data-open="correct:${entry.id}"]`
        : '#new-entry',
  });
  host.editing = entry ? { id: entry.id } : {};
  host.open = undefined;
  host.action.reset();
  await host.focusOn('#entry-title');
  if (entry) void readPhotos(host, entry);
}

/** Reads back an entry's stored photos for their thumbnails (where this staff member may read them). */
async function readPhotos(host: Host, entry: RedblackEntry) {
  for (const { id } of entry.photos) {
    if (photoUrls.has(id)) continue;
    try {
      photoUrls.set(id, URL.createObjectURL(await host.client.uploads.get(id)));
      const form = forms.get(host);
      form?.values.photos.forEach((p) => {
        if (p.id === id) p.url = photoUrls.get(id);
      });
      host.requestUpdate();
    } catch {
      // Shown as "cannot be shown right now" beside its checkbox or in the form.
    }
  }
}

function closeForm(host: Host, focus = forms.get(host)!.back) {
  host.editing = undefined;
  forms.delete(host);
  void host.focusOn(focus);
}

function onInput(host: Host, e: Event) {
  const form = forms.get(host)!;
  const target = e.target as HTMLInputElement;
  const name = target.name as keyof Values;
  if (!name || name === 'photos' || target.type === 'file') return;
  const v = form.values as unknown as Record<string, unknown>;
  v[name] = target.type === 'checkbox' ? target.checked : target.value;
  // What depends on a choice starts again when it changes.
  if (name === 'list') {
    const list = form.values.list;
    if (form.values.kind && !mayName(list, form.values.kind)) form.values.kind = '';
    const own = rubricList(form.values.category);
    if (own && own !== list) form.values.category = '';
  }
  if (name === 'grid') form.values.building = form.values.unit = '';
  if (name === 'building') form.values.unit = '';
  delete form.errors[fieldOf(name)];
  // A change after the confirmation asked: it asks again, with what is sent now.
  form.confirming = false;
  host.requestUpdate();
}

async function addPhotos(host: Host, e: Event) {
  const input = e.target as HTMLInputElement;
  const form = forms.get(host)!;
  const files = [...(input.files ?? [])].slice(0, EVIDENCE_PHOTOS_MAX - form.values.photos.length);
  input.value = '';
  form.uploadError = undefined;
  form.uploading += files.length;
  host.requestUpdate();
  for (const file of files) {
    try {
      const { id } = await host.client.uploads.create(file);
      const url = URL.createObjectURL(file);
      photoUrls.set(id, url);
      form.values.photos.push({ id, url });
    } catch (err) {
      const key = (err as { fields?: FieldError[]; key?: string }).fields?.[0]?.key;
      form.uploadError = host.t.t(key ?? (err as { key?: string }).key ?? 'errors.internal');
    } finally {
      form.uploading--;
      host.requestUpdate();
    }
  }
}

/** Checks the form; a draft is sent, a correction asks once more (it is public). */
async function save(host: Host, e: Event) {
  e.preventDefault();
  const form = forms.get(host)!;
  const { mode, values: v } = form;
  const input = inputOf(v);
  const note = v.note.trim() || undefined;
  // A correction and an appeal's corrected reason are checked as the entry they make.
  const checked = redblackEntryInputSchema.safeParse({ community: host.scope, ...input });
  const errors: FieldError[] = checked.success ? [] : toFieldErrors(checked.error.issues);
  // A correction says why, in public (the server asks the same).
  if (mode !== 'draft' && !note) errors.push({ path: 'note', key: 'correction.noteRequired' });
  if ((note?.length ?? 0) > NOTE_MAX) errors.push({ path: 'note', key: 'redblackNote.tooLong' });
  if (errors.length) return showErrors(host, errors);
  if (mode === 'draft') return send(host);
  form.confirming = true;
  host.requestUpdate();
  await host.focusOn('#confirm-title');
}

/** Sends the form (one intent, one key): a draft saved, an entry corrected, an appeal upheld. */
async function send(host: Host) {
  const form = forms.get(host)!;
  const { mode, values: v, appeal } = form;
  const input = inputOf(v);
  const note = v.note.trim();
  const id = host.editing?.id;
  form.confirming = false;
  let result: object | { error: FieldError[] } | undefined;
  if (appeal) {
    const decision: AppealOutcome = { outcome: 'upheld', correctedReason: v.reason, note };
    result = await run(
      host,
      `uphold:${appeal.id}`,
      decision,
      (key) => host.client.redblack.decide(appeal.id, decision, { idempotencyKey: key }),
      'upheldCorrected',
      (value) => new SqAppealDecidedEvent({ appeal: value }),
    );
  } else {
    const action: EditorAction = mode === 'correct' ? 'correct' : id ? 'update' : 'create';
    const body = mode === 'correct' ? { ...input, note } : input;
    result = await run(
      host,
      id ? `${action}:${id}` : action,
      body,
      (key) =>
        id
          ? host.client.redblack.update(id, body, { idempotencyKey: key })
          : host.client.redblack.create(
              { community: host.scope, ...input },
              { idempotencyKey: key },
            ),
      action,
      (entry) => new SqEntryActedEvent({ action, entry }),
    );
  }
  if (result && !('error' in result))
    return closeForm(host, mode === 'draft' ? '#new-entry' : '#panel');
  await showErrors(host, (result as { error?: FieldError[] } | undefined)?.error ?? []);
}

/** Errors at their fields (an empty one says what to do), the first one focused. */
async function showErrors(host: Host, errors: FieldError[]) {
  const form = forms.get(host)!;
  const values = form.values as unknown as Record<string, unknown>;
  form.errors = fieldErrors(errors, {
    order: ORDER,
    fieldOf,
    isEmpty: (f) => typeof values[f] === 'string' && !(values[f] as string).trim(),
  });
  host.requestUpdate();
  const first = ORDER.find((f) => form.errors[f]);
  if (first) await host.focusOn(`#${first === 'list' ? 'list-red' : first}`);
}

function renderForm(host: Host): TemplateResult {
  const t = host.t;
  const form = forms.get(host)!;
  const v = form.values;
  const err = (f: string) => {
    const e = form.errors[f];
    return e ? t.t(e.key, e.params) : undefined;
  };
  // A field's label and hint are `form.<id>` and `form.<id>Hint`, its value and error its id's.
  const props = (
    id:
      | 'category'
      | 'kind'
      | 'grid'
      | 'building'
      | 'unit'
      | 'name'
      | 'consentOn'
      | 'consentNote'
      | 'reason',
  ) => ({
    id,
    label: t.t(`form.${id}`),
    hint: t.t(`form.${id}Hint`),
    value: v[id],
    error: err(id),
  });
  const select = (
    id: 'category' | 'kind' | 'grid' | 'building' | 'unit',
    options: { id: string; label: string }[] = [],
    optional?: string,
  ) => selectField({ ...props(id), empty: t.t('form.choose'), options, optional });
  const named = (places: { id: string; name: string; nameEn?: string | undefined }[] = []) =>
    places.map((p) => ({ id: p.id, label: displayName(p, t.lang) }));
  const tree = host.tree;
  const categories = named(
    (tree ? rubricOf(tree) : []).filter((c) => (rubricList(c.id) ?? v.list) === v.list),
  );
  const kinds = subjectKinds
    .filter((k) => mayName(v.list, k))
    .map((k) => ({ id: k, label: t.t(`kinds.${k}`) }));
  const grid = tree?.grids.find((g) => g.id === v.grid);
  const building = grid?.buildings.find((b) => b.id === v.building);
  const inPlace = v.kind === 'building' || v.kind === 'unit' || v.kind === 'household';
  const summary = ORDER.filter((f) => form.errors[f]).map(
    (f) => [f === 'list' ? 'list-red' : f, err(f)!] as [string, string],
  );
  const periods = periodChoices(host);
  if (!periods.some(([k]) => k === v.period)) {
    periods.unshift([v.period, periodLabel(v.period, host.t.lang)]);
  }
  const actionError =
    host.action.phase === 'failed' && !host.action.error?.fields.length
      ? host.alert(host.action.error)
      : nothing;
  return html`<form
    part="form"
    class="box"
    novalidate
    aria-labelledby="entry-title"
    @input=${(e: Event) => onInput(host, e)}
    @change=${(e: Event) => onInput(host, e)}
    @submit=${(e: Event) => save(host, e)}
  >
    <h3 id="entry-title" tabindex="-1">
      ${
        form.mode === 'draft'
          ? t.t(host.editing?.id ? 'form.editTitle' : 'form.newTitle')
          : t.t(`correct.${form.mode}`, { subject: subjectOf(host, form.entry!.subject) })
      }
    </h3>
    ${errorSummary(t.t('form.errors'), summary, (id) => void host.focusOn(`#${id}`))} ${actionError}
    ${
      form.mode === 'draft'
        ? html`<fieldset aria-describedby="list-hint">
              <legend>${t.t('form.list')}</legend>
              <p id="list-hint" class="hint-text">${t.t('form.listHint')}</p>
              ${(['red', 'black'] as const).map((list) =>
                choice({
                  id: `list-${list}`,
                  name: 'list',
                  type: 'radio',
                  value: list,
                  checked: v.list === list,
                  label: html`${t.t(`listIcon.${list}`)} ${t.t(`lists.${list}`)}`,
                }),
              )}
            </fieldset>
            ${field(
              {
                id: 'period',
                label: t.t('form.period'),
                hint: t.t('form.periodHint'),
                error: err('period'),
              },
              (d, invalid) =>
                html`<select
                  id="period"
                  name="period"
                  aria-describedby=${d}
                  aria-invalid=${invalid}
                >
                  ${periods.map(([k, label]) => html`<option value=${k} ?selected=${k === v.period}>${label}</option>`)}
                </select>`,
            )}`
        : form.mode === 'correct'
          ? html`<p>${listBadge(host, v.list)} ${periodLabel(v.period, host.t.lang)}</p>
              <p class="hint-text">${t.t('correct.fixed')}</p>`
          : html`<p>${t.t('correct.appealReason', { reason: form.appeal!.reason })}</p>`
    }
    ${
      form.mode === 'uphold'
        ? nothing
        : html`${select('category', categories)}
          ${selectField({
            ...props('kind'),
            hint: t.t(v.list === 'black' ? 'form.kindHint' : 'form.kindHintRed'),
            empty: t.t('form.choose'),
            options: kinds,
          })}
          ${
            inPlace
              ? html`${select('grid', named(tree?.grids))}
                ${select('building', named(grid?.buildings))}
                ${
                  v.kind === 'building'
                    ? nothing
                    : select(
                        'unit',
                        named(building?.units),
                        v.kind === 'household' ? t.t('common:optional') : undefined,
                      )
                }`
              : nothing
          }
          ${
            v.kind === 'area' || v.kind === 'organisation' || v.kind === 'person'
              ? textField({
                  ...props('name'),
                  label: t.t(v.kind === 'person' ? 'form.personName' : 'form.placeName'),
                  hint: t.t(v.kind === 'person' ? 'form.personNameHint' : 'form.placeNameHint'),
                })
              : nothing
          }
          ${
            v.kind === 'person'
              ? html`<fieldset aria-describedby="consent-about">
                  <legend>${t.t('form.consentHeading')}</legend>
                  <p id="consent-about" class="hint-text">${t.t('form.consentAbout')}</p>
                  <p>${t.t('form.consentBy', { name: host.session.staff?.name ?? '' })}</p>
                  ${textField({ ...props('consentOn'), type: 'date' })}
                  ${choice({
                    id: 'consentFull',
                    name: 'consentFull',
                    checked: v.consentFull,
                    label: t.t('form.consentFull'),
                  })}
                  ${textField({ ...props('consentNote'), optional: t.t('common:optional') })}
                </fieldset>`
              : nothing
          }`
    }
    ${textareaField({
      ...props('reason'),
      max: ENTRY_REASON_MAX,
      count: t.t('form.counter', { n: v.reason.length, max: ENTRY_REASON_MAX }),
    })}
    ${
      form.mode === 'uphold'
        ? nothing
        : html`${photoPicker({
            id: 'photos',
            label: t.t('form.photos'),
            hint: t.t('form.photosHint', { max: EVIDENCE_PHOTOS_MAX }),
            optional: t.t('common:optional'),
            error: form.uploadError ?? err('photos'),
            photos: v.photos.map((p) => ({ url: p.url ?? '' })),
            max: EVIDENCE_PHOTOS_MAX,
            pick: t.t('form.photosPick'),
            status: t.t(`form.${photoStatusKey(v.photos.length, EVIDENCE_PHOTOS_MAX)}`, {
              count: v.photos.length,
              left: EVIDENCE_PHOTOS_MAX - v.photos.length,
            }),
            alt: (n) =>
              v.photos[n - 1]?.url
                ? t.t('form.photoAlt', { n })
                : t.t('review.photoUnavailable', { n }),
            remove: (n) => t.t('form.photoRemove', { n }),
            onAdd: (e) => void addPhotos(host, e),
            onRemove: (i) => {
              v.photos.splice(i, 1);
              host.requestUpdate();
            },
          })}
          ${form.uploading ? html`<p role="status">${t.t('form.uploading')}</p>` : nothing}`
    }
    ${
      form.mode === 'draft'
        ? nothing
        : textField({
            id: 'note',
            label: t.t('correct.note'),
            hint: t.t('correct.noteHint'),
            value: v.note,
            max: NOTE_MAX,
            error: err('note'),
          })
    }
    ${
      form.confirming
        ? confirmBox(
            host,
            host.editing!.id!,
            'correct',
            t.t('correct.confirmText', { note: v.note.trim() }),
            () => send(host),
            () => {
              form.confirming = false;
              host.requestUpdate();
              void host.focusOn('#note');
            },
          )
        : html`<div class="bar">
            <button class="primary" ?disabled=${form.uploading > 0 || host.action.busy}>
              ${t.t(form.mode === 'draft' ? 'form.save' : 'correct.send')}
            </button>
            <button type="button" class="button-secondary" @click=${() => closeForm(host)}>
              ${t.t('form.cancel')}
            </button>
          </div>`
    }
  </form>`;
}

function renderDrafts(host: Host): TemplateResult {
  const t = host.t;
  if (host.editing) return renderForm(host);
  const list = drafts(host);
  const waiting = submitted(host).filter((e) => mine(host, e));
  const item = (e: RedblackEntry) => {
    const returned = [...e.history].reverse().find((h) => h.action === 'return');
    const own = mine(host, e) && e.status === 'draft';
    return html`<li class="item" part="item" aria-labelledby="e-${e.id}">
      ${entryHead(host, e)}
      ${returned?.text ? html`<p class="alert">${t.t('returnedNote', { note: returned.text })}</p>` : nothing}
      ${
        own
          ? html`<div class="bar" part="actions">
              <button
                type="button"
                class="button-secondary"
                data-edit=${e.id}
                @click=${() => openForm(host, e)}
              >
                ${t.t('edit')}
              </button>
              <button
                type="button"
                class="primary"
                data-submit=${e.id}
                ?disabled=${host.action.busy}
                @click=${() => actOn(host, e, { action: 'submit' })}
              >
                ${t.t('submit')}
              </button>
            </div>`
          : nothing
      }
      ${failure(host, `submit:${e.id}`)}
    </li>`;
  };
  return html`<div class="bar">
      <button type="button" id="new-entry" class="primary" @click=${() => openForm(host)}>
        ${t.t('newEntry')}
      </button>
    </div>
    ${
      list.length || waiting.length
        ? html`<ul class="items">
            ${[...list, ...waiting].map(item)}
          </ul>`
        : html`<p>${t.t('none.drafts')}</p>`
    }`;
}

// ---- Review ----

async function publish(host: Host, e: Event, entry: RedblackEntry) {
  e.preventDefault();
  const data = formValues(e);
  const clearedPhotos = entry.photos.map((p) => p.id).filter((id) => data.has(`clear-${id}`));
  await actOn(host, entry, { action: 'publish', clearedPhotos });
}

async function sendNote(
  host: Host,
  data: FormData,
  entry: RedblackEntry,
  action: 'return' | 'withdraw',
) {
  const note = String(data.get(`note-${entry.id}`) ?? '');
  if (action === 'withdraw') {
    // Asked once more: the withdrawal is public (the board's change log).
    host.open = { id: entry.id, act: 'confirmWithdraw', note };
    await host.focusOn('#confirm-title');
    return;
  }
  await actOn(host, entry, { action, note });
}

async function toggle(
  host: Host,
  id: string,
  act: NonNullable<Host['open']>['act'],
  focus: string,
) {
  host.open = host.open?.id === id && host.open.act === act ? undefined : { id, act };
  host.action.reset();
  await host.focusOn(host.open ? focus : `[data-${act}="${id}"], [data-open="${act}:${id}"]`);
}

function renderReview(host: Host): TemplateResult {
  const t = host.t;
  const list = submitted(host);
  if (!list.length) return html`<p>${t.t('none.review')}</p>`;
  return html`<ul class="items">
    ${list.map((e) => {
      const open = host.open?.id === e.id ? host.open.act : undefined;
      return html`<li class="item" part="item" aria-labelledby="e-${e.id}">
        ${entryHead(host, e)}
        ${
          mine(host, e)
            ? html`<p class="notice" data-own=${e.id}><span>${t.t('needsReviewer')}</span></p>`
            : html`<div class="bar" part="actions">
                <button
                  type="button"
                  class="primary"
                  data-publish=${e.id}
                  aria-expanded=${open === 'publish' ? 'true' : 'false'}
                  @click=${() => {
                    void readPhotos(host, e);
                    void toggle(host, e.id, 'publish', `#checklist-${e.id}`);
                  }}
                >
                  ${t.t('review.publish')}
                </button>
                <button
                  type="button"
                  class="button-secondary"
                  data-return=${e.id}
                  aria-expanded=${open === 'return' ? 'true' : 'false'}
                  @click=${() => toggle(host, e.id, 'return', `#note-${e.id}`)}
                >
                  ${t.t('review.return')}
                </button>
              </div>`
        }
        ${open === 'publish' ? renderChecklist(host, e) : nothing}
        ${
          open === 'return'
            ? actionForm(
                host,
                (data) => sendNote(host, data, e, 'return'),
                actionField(host, `note-${e.id}`, 'review.returnNote', 'note'),
                t.t('review.confirmReturn'),
              )
            : nothing
        }
        ${failure(host, `publish:${e.id}`)} ${failure(host, `return:${e.id}`)}
      </li>`;
    })}
  </ul>`;
}

function renderChecklist(host: Host, e: RedblackEntry) {
  const t = host.t;
  return html`<form
    class="box"
    part="checklist"
    @submit=${(ev: Event) => publish(host, ev, e)}
    aria-labelledby="checklist-${e.id}"
  >
    <h4 id="checklist-${e.id}" tabindex="-1">${t.t('review.checklist')}</h4>
    ${
      e.photos.length
        ? html`<p class="hint-text">${t.t('review.checklistHint')}</p>
            ${e.photos.map((p, i) => {
              const url = photoUrls.get(p.id);
              return html`${
                url
                  ? html`<img class="thumb" src=${url} alt=${t.t('form.photoAlt', { n: i + 1 })} />`
                  : html`<p class="meta">${t.t('review.photoUnavailable', { n: i + 1 })}</p>`
              }
              ${choice({
                id: `clear-${p.id}`,
                name: `clear-${p.id}`,
                checked: false,
                label: t.t('review.photoClear', { n: i + 1 }),
              })}`;
            })}`
        : html`<p>${t.t('review.noPhotos')}</p>`
    }
    <button class="primary" ?disabled=${host.action.busy}>${t.t('review.confirmPublish')}</button>
  </form>`;
}

// ---- Published ----

/** Were published (the machine's `public` set), or withdrawn. */
const shown = (e: RedblackEntry) =>
  redblackMachine.is('public', e.status) || e.status === 'withdrawn';

function renderCounts(host: Host, period: string) {
  const t = host.t;
  const of = (host.entries ?? []).filter((e) => e.period === period && shown(e));
  const ids = new Set(of.map((e) => e.id));
  const figures: [string, number][] = [
    ['red', of.filter((e) => e.list === 'red' && e.status !== 'withdrawn').length],
    ['black', of.filter((e) => e.list === 'black' && e.status !== 'withdrawn').length],
    ['onBoard', of.filter((e) => redblackMachine.is('onBoard', e.status)).length],
    ['withdrawn', of.filter((e) => e.status === 'withdrawn').length],
    ['appeals', (host.appeals ?? []).filter((a) => ids.has(a.entry)).length],
  ];
  return html`<dl class="figures" part="counts">
    ${figures.map(
      ([key, n]) =>
        html`<div data-count=${key}>
          <dt>${t.t(`published.${key}`)}</dt>
          <dd>${t.number(n)}</dd>
        </div>`,
    )}
  </dl>`;
}

function renderPublished(host: Host): TemplateResult {
  const t = host.t;
  const all = (host.entries ?? []).filter((e) => shown(e) && e.publishedAt);
  const periods = [...new Set(all.map((e) => e.period))].sort().reverse();
  const period =
    host.countsPeriod && periods.includes(host.countsPeriod) ? host.countsPeriod : periods[0];
  const list = all.filter((e) => e.period === period);
  return html`<h3 id="counts-title">${t.t('published.counts')}</h3>
    ${
      periods.length
        ? html`<div class="field">
              <label for="counts-period">${t.t('published.countsPeriod')}</label>
              <select
                id="counts-period"
                @change=${(e: Event) => (host.countsPeriod = (e.target as HTMLSelectElement).value)}
              >
                ${periods.map((p) => html`<option value=${p} ?selected=${p === period}>${periodLabel(p, host.t.lang)}</option>`)}
              </select>
            </div>
            ${renderCounts(host, period!)}`
        : nothing
    }
    ${
      list.length
        ? html`<ul class="items">
            ${list.map((e) => renderPublishedItem(host, e))}
          </ul>`
        : html`<p>${t.t('none.published')}</p>`
    }`;
}

function renderPublishedItem(host: Host, e: RedblackEntry) {
  const t = host.t;
  const open = host.open?.id === e.id ? host.open : undefined;
  const canRectify = e.list === 'black' && redblackMachine.can(e.status, 'rectify');
  const canRenew = e.list === 'black' && redblackMachine.can(e.status, 'renew');
  const canWithdraw = redblackMachine.can(e.status, 'withdraw');
  const canCorrect = redblackMachine.can(e.status, 'correct');
  const button = (act: 'rectify' | 'withdraw', label: string, focus: string) =>
    html`<button
      type="button"
      class="button-secondary"
      data-open=${`${act}:${e.id}`}
      aria-expanded=${open?.act === act ? 'true' : 'false'}
      @click=${() => toggle(host, e.id, act, focus)}
    >
      ${label}
    </button>`;
  return html`<li class="item" part="item" aria-labelledby="e-${e.id}">
    ${entryHead(host, e)}
    ${
      canRectify || canRenew || canWithdraw
        ? html`<div class="bar" part="actions">
            ${
              canCorrect
                ? html`<button
                    type="button"
                    class="button-secondary"
                    data-open=${`correct:${e.id}`}
                    @click=${() => openForm(host, e, {}, 'correct')}
                  >
                    ${t.t('published.correct')}
                  </button>`
                : nothing
            }
            ${canRectify ? button('rectify', t.t('published.rectify'), `#date-${e.id}`) : nothing}
            ${
              canRenew
                ? html`<button
                    type="button"
                    class="button-secondary"
                    data-renew=${e.id}
                    ?disabled=${host.action.busy}
                    @click=${() => actOn(host, e, { action: 'renew' })}
                  >
                    ${t.t('published.renew')}
                  </button>`
                : nothing
            }
            ${canWithdraw ? button('withdraw', t.t('published.withdraw'), `#note-${e.id}`) : nothing}
          </div>`
        : nothing
    }
    ${
      open?.act === 'rectify'
        ? actionForm(
            host,
            (data) =>
              actOn(host, e, {
                action: 'rectify',
                date: String(data.get(`date-${e.id}`) ?? ''),
                note: String(data.get(`note-${e.id}`) ?? ''),
              }),
            [
              actionField(host, `date-${e.id}`, 'published.rectifyDate', 'date', {
                type: 'date',
                value: shanghaiDate(new Date()),
              }),
              actionField(host, `note-${e.id}`, 'published.rectifyNote', 'note', { max: NOTE_MAX }),
            ],
            t.t('published.confirmRectify'),
          )
        : open?.act === 'withdraw'
          ? actionForm(
              host,
              (data) => sendNote(host, data, e, 'withdraw'),
              actionField(host, `note-${e.id}`, 'published.withdrawNote', 'note'),
              t.t('published.confirmWithdraw'),
            )
          : nothing
    }
    ${
      open?.act === 'confirmWithdraw'
        ? confirmBox(
            host,
            e.id,
            'published',
            t.t('published.confirmText', { subject: subjectOf(host, e.subject), note: open.note }),
            async () => {
              const done = await actOn(host, e, { action: 'withdraw', note: open.note! });
              // Refused (an empty note): back to the note's form, its error beside it.
              if (done && 'error' in done) host.open = { id: e.id, act: 'withdraw' };
            },
            () => toggle(host, e.id, 'confirmWithdraw', ''),
          )
        : nothing
    }
    ${['rectify', 'renew', 'withdraw'].map((a) => failure(host, `${a}:${e.id}`))}
  </li>`;
}

/** Asks once more before something public: the question, what residents will see, yes and no. */
function confirmBox(
  host: Host,
  id: string,
  k: 'published' | 'correct',
  text: string,
  yes: () => unknown,
  no: () => unknown,
) {
  const t = host.t;
  return html`<div
    role="alertdialog"
    part="confirm"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-text"
  >
    <h4 id="confirm-title" tabindex="-1">${t.t(`${k}.confirmTitle`)}</h4>
    <p id="confirm-text">${text}</p>
    <div class="bar">
      <button
        type="button"
        class="primary"
        data-confirm=${id}
        ?disabled=${host.action.busy}
        @click=${yes}
      >
        ${t.t(`${k}.yes`)}
      </button>
      <button type="button" class="button-secondary" data-cancel=${id} @click=${no}>
        ${t.t(`${k}.no`)}
      </button>
    </div>
  </div>`;
}

// ---- Appeals ----

async function decide(
  host: Host,
  data: FormData,
  appeal: AppealStaffView,
  act: 'uphold' | 'dismiss',
) {
  const text = String(data.get(`note-${appeal.id}`) ?? '').trim();
  const decision: AppealOutcome =
    act === 'uphold'
      ? { outcome: 'upheld', ...(text ? { note: text } : {}) }
      : { outcome: 'dismissed', reason: text };
  await run(
    host,
    `${act}:${appeal.id}`,
    decision,
    (key) => host.client.redblack.decide(appeal.id, decision, { idempotencyKey: key }),
    decision.outcome,
    (value) => new SqAppealDecidedEvent({ appeal: value }),
  );
}

function renderAppeals(host: Host): TemplateResult {
  const t = host.t;
  const list = pendingAppeals(host);
  if (!list.length) return html`<p>${t.t('none.appeals')}</p>`;
  return html`<ul class="items">
    ${list.map((a) => {
      const entry = host.entries?.find((e) => e.id === a.entry);
      const open = host.open?.id === a.id ? host.open.act : undefined;
      const a$ = host.action;
      const fieldErr =
        (a$.name === `uphold:${a.id}` || a$.name === `dismiss:${a.id}`) && a$.phase === 'failed'
          ? a$.error?.fields[0]
          : undefined;
      const form = (act: 'uphold' | 'dismiss') => {
        const up = act === 'uphold';
        return actionForm(
          host,
          (data) => decide(host, data, a, act),
          actionField(
            host,
            `note-${a.id}`,
            up ? 'appeals.upholdNote' : 'appeals.dismissReason',
            '',
            {
              optional: up ? t.t('common:optional') : undefined,
            },
          ),
          t.t(up ? 'appeals.confirmUphold' : 'appeals.confirmDismiss'),
        );
      };
      return html`<li class="item" part="item" aria-labelledby="a-${a.id}">
        <h3 id="a-${a.id}">
          ${entry ? subjectOf(host, entry.subject) : a.entry}
          <span class="badge" data-tone=${a.overdue ? 'overdue' : appealTone[a.status]}
            >${t.t(a.overdue ? 'appeals.overdue' : 'appeals.pending')}</span
          >
        </h3>
        ${entry ? html`<p>${listBadge(host, entry.list)} ${entry.reason}</p>` : nothing}
        <p>${t.t('appeals.appellant', { role: a.role })}</p>
        <p>
          ${t.t('appeals.contact')}：${a.name ? html`${a.name} ` : nothing}<span class="nowrap"
            >${a.phone}</span
          >
        </p>
        <p><strong>${t.t('appeals.reason')}</strong>：${a.reason}</p>
        <p class="meta">
          ${t.t('appeals.filed', { date: '' })} ${date(host, a.createdAt)} ·
          ${units(t.t('appeals.dueBy', { date: a.dueBy }))}
        </p>
        <div class="bar" part="actions">
          <button
            type="button"
            class="primary"
            data-uphold=${a.id}
            aria-expanded=${open === 'uphold' ? 'true' : 'false'}
            @click=${() => toggle(host, a.id, 'uphold', `#note-${a.id}`)}
          >
            ${t.t('appeals.uphold')}
          </button>
          <button
            type="button"
            class="button-secondary"
            data-dismiss=${a.id}
            aria-expanded=${open === 'dismiss' ? 'true' : 'false'}
            @click=${() => toggle(host, a.id, 'dismiss', `#note-${a.id}`)}
          >
            ${t.t('appeals.dismiss')}
          </button>
          ${
            entry && redblackMachine.can(entry.status, 'correct')
              ? html`<button
                  type="button"
                  class="button-secondary"
                  data-correct=${a.id}
                  @click=${() => openForm(host, entry, {}, 'uphold', a)}
                >
                  ${t.t('appeals.upholdCorrect')}
                </button>`
              : nothing
          }
        </div>
        ${open ? form(open as 'uphold' | 'dismiss') : nothing}
        ${fieldErr ? nothing : [failure(host, `uphold:${a.id}`), failure(host, `dismiss:${a.id}`)]}
      </li>`;
    })}
  </ul>`;
}
