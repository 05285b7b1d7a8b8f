/**
 * <sq-activity-desk>'s create / edit form: the activity's fields, its recurrence editor and the
 * live preview of the next dates, computed with the calendar's own rule (recurrence.ts: the
 * same code the server expands with), each with its 农历 date and a skipped 法定节假日 marked.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '../../../../domain/errors.js';
import { lunarDayName, lunarMonthName, toLunar } from '../../../../domain/lunar.js';
import { addDays, formatDate, type CivilDate } from '../../../../domain/time.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import type { WorkdayCalendar } from '../../../../domain/workdays.js';
import { fieldErrors, type FieldLayout } from '../../../../ui/field-errors.js';
import { errorSummary } from '../../../../ui/fields/error-summary.js';
import {
  choice,
  field,
  selectField,
  textareaField,
  textField,
} from '../../../../ui/fields/field.js';
import { options } from '../../../../ui/fields/options.js';
import {
  ACTIVITY_DESCRIPTION_MAX,
  ACTIVITY_PARTY_MAX,
  activityCategories,
  activityInputSchema,
  activityUpdateSchema,
  type Activity,
  type ActivityInput,
} from '../../model.js';
import { removed, ruleDates, type Recurrence, type RecurrenceRule } from '../../recurrence.js';
import type { SqActivityDesk } from './activity-desk.js';

type Host = SqActivityDesk;

const KINDS = [
  'none',
  'weekly',
  'monthly',
  'monthly-weekday',
  'yearly',
  'lunar-yearly',
  'lunar-monthly',
] as const;
type Kind = (typeof KINDS)[number];

/** The form's values as typed (numbers as text: an empty or odd one gets its message). */
export interface Values {
  title: string;
  description: string;
  category: string;
  place: string;
  date: string;
  allDay: boolean;
  startTime: string;
  endTime: string;
  organiser: string;
  audience: string;
  registration: boolean;
  capacity: string;
  partyMax: string;
  opensDaysBefore: string;
  closesMinutesBefore: string;
  cancelCutoffMinutes: string;
  repeat: Kind;
  weekdays: number[];
  interval: string;
  monthDay: string;
  nth: string;
  weekday: string;
  lunarMonth: string;
  lunarDay: string;
  short: 'skip' | 'last';
  lunarDays: (number | 'last')[];
  end: 'none' | 'until' | 'count';
  until: string;
  count: string;
  except: string;
  skipHolidays: boolean;
}

/** The form of one desk: what it edits (`new` or an id), its values and errors. */
interface FormState {
  for: string;
  values: Values;
  errors: Record<string, FieldError>;
}
const forms = new WeakMap<Host, FormState>();

/** An activity's values in the form, in page order (a new one: today, 19:00–21:00, no limit). */
export function valuesOf(a: Activity | undefined, today: CivilDate): Values {
  const r = a?.recurrence;
  const rule = r?.rule;
  return {
    title: a?.title ?? '',
    description: a?.description ?? '',
    category: a?.category ?? '',
    place: a?.place ?? '',
    date: a?.date ?? today,
    allDay: !!a && !a.startTime,
    startTime: a?.startTime ?? '19:00',
    endTime: a?.endTime ?? '21:00',
    organiser: a?.organiser ?? '',
    audience: a?.audience ?? '',
    registration: a?.registration ?? true,
    capacity: String(a?.capacity ?? 0),
    partyMax: String(a?.partyMax ?? 1),
    opensDaysBefore: String(a?.opensDaysBefore ?? 0),
    closesMinutesBefore: String(a?.closesMinutesBefore ?? 60),
    cancelCutoffMinutes: String(a?.cancelCutoffMinutes ?? 120),
    repeat: rule?.kind ?? 'none',
    weekdays: rule?.kind === 'weekly' ? rule.weekdays : [],
    interval: String(rule?.kind === 'weekly' ? (rule.interval ?? 1) : 1),
    monthDay: String(rule?.kind === 'monthly' ? rule.day : Number((a?.date ?? today).slice(8))),
    nth: String(rule?.kind === 'monthly-weekday' ? rule.nth : 1),
    weekday: String(rule?.kind === 'monthly-weekday' ? rule.weekday : 3),
    lunarMonth: String(rule?.kind === 'lunar-yearly' ? rule.month : 8),
    lunarDay: rule?.kind === 'lunar-yearly' ? String(rule.day) : '15',
    short: rule?.kind === 'lunar-yearly' ? (rule.short ?? 'skip') : 'skip',
    lunarDays: rule?.kind === 'lunar-monthly' ? rule.days : [],
    end: r?.until ? 'until' : r?.count ? 'count' : 'none',
    until: r?.until ?? '',
    count: String(r?.count ?? ''),
    except: (r?.except ?? []).join(', '),
    skipHolidays: !!r?.skipHolidays,
  };
}

/** Whole numbers as typed; anything else is NaN, which the schema refuses with its message. */
const int = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : Number.NaN);
const lunarDayValue = (s: string): number | 'last' => (s === 'last' ? 'last' : int(s));
const exceptDates = (s: string) => s.split(/[\s,，、;；]+/).filter(Boolean);

/** The rule the values describe (none: a one-off activity). */
export function ruleOf(v: Values): RecurrenceRule | undefined {
  switch (v.repeat) {
    case 'none':
      return undefined;
    case 'weekly':
      return { kind: 'weekly', weekdays: [...v.weekdays].sort(), interval: int(v.interval) };
    case 'monthly':
      return { kind: 'monthly', day: int(v.monthDay) };
    case 'monthly-weekday':
      return { kind: 'monthly-weekday', nth: int(v.nth), weekday: int(v.weekday) };
    case 'yearly':
      return { kind: 'yearly' };
    case 'lunar-yearly':
      return {
        kind: 'lunar-yearly',
        month: int(v.lunarMonth),
        day: lunarDayValue(v.lunarDay),
        short: v.short,
      };
    case 'lunar-monthly':
      return { kind: 'lunar-monthly', days: v.lunarDays };
  }
}

/** The recurrence the values describe. */
export function recurrenceOf(v: Values): Recurrence | undefined {
  const rule = ruleOf(v);
  if (!rule) return undefined;
  const except = exceptDates(v.except);
  return {
    rule,
    ...(v.end === 'until' ? { until: v.until } : {}),
    ...(v.end === 'count' ? { count: v.count.trim() ? int(v.count) : Number.NaN } : {}),
    ...(except.length ? { except } : {}),
    ...(v.skipHolidays ? { skipHolidays: true } : {}),
  };
}

/** What the form sends (the server's schema checks it as the form did). */
export function toInput(community: string, v: Values, publish: boolean): ActivityInput {
  const recurrence = recurrenceOf(v);
  const optional = (s: string) => (s.trim() ? s : undefined);
  return {
    community,
    title: v.title,
    description: v.description,
    category: v.category as ActivityInput['category'],
    place: v.place,
    ...(optional(v.organiser) ? { organiser: v.organiser } : {}),
    ...(optional(v.audience) ? { audience: v.audience } : {}),
    date: v.date,
    ...(v.allDay ? {} : { startTime: v.startTime, endTime: v.endTime }),
    ...(recurrence ? { recurrence } : {}),
    capacity: v.capacity.trim() ? int(v.capacity) : 0,
    registration: v.registration,
    partyMax: int(v.partyMax),
    opensDaysBefore: int(v.opensDaysBefore),
    closesMinutesBefore: int(v.closesMinutesBefore),
    cancelCutoffMinutes: int(v.cancelCutoffMinutes),
    publish,
  };
}

/** Where an error's path shows in the form. */
export function layout(v: Values): FieldLayout {
  return {
    // The values are in page order (valuesOf).
    order: Object.keys(v),
    fieldOf: (path) => {
      const [a, b, c] = path.split('.');
      if (a !== 'recurrence') return a ?? path;
      if (b === 'rule') {
        if (c === 'day') return v.repeat === 'monthly' ? 'monthDay' : 'lunarDay';
        // A rule's field has the form's name, but the lunar month and days; `kind` is 重复.
        return c === 'month'
          ? 'lunarMonth'
          : c === 'days'
            ? 'lunarDays'
            : c && c in v
              ? c
              : 'repeat';
      }
      return b === 'until' || b === 'count' || b === 'except' ? b : 'repeat';
    },
    isEmpty: (f) => {
      const value = (v as unknown as Record<string, unknown>)[f];
      return typeof value === 'string' && !value.trim();
    },
  };
}

/** The form's state for the activity the desk edits now (a new one: kept until saved). */
export function formOf(host: Host): FormState {
  const id = host.current?.id ?? 'new';
  let s = forms.get(host);
  if (!s || s.for !== id) {
    s = { for: id, values: valuesOf(host.current, host.today), errors: {} };
    forms.set(host, s);
  }
  return s;
}

/** A message that says what to do: the schema's own, or the field's `fix.*` for a bad shape. */
export function message(host: Host, field: string, e: FieldError | undefined) {
  if (!e) return undefined;
  const generic = /^(validation|date)\./.test(e.key);
  return host.t.t(generic ? `fix.${field}` : e.key, e.params);
}

function onInput(host: Host, e: Event) {
  const el = e.target as HTMLInputElement;
  const s = formOf(host);
  const v = s.values as unknown as Record<string, unknown>;
  if (!el.name) return;
  if (el.name === 'weekdays' || el.name === 'lunarDays') {
    const value = el.name === 'weekdays' ? Number(el.value) : lunarDayValue(el.value);
    const list = (v[el.name] as (number | string)[]).filter((x) => x !== value);
    v[el.name] = el.checked ? [...list, value] : list;
  } else if (el.type === 'checkbox') v[el.name] = el.checked;
  else v[el.name] = el.value;
  const field = el.name;
  if (s.errors[field]) delete s.errors[field];
  host.requestUpdate();
}

/** Checks the values with the calendar's schema; shows the errors at their fields. */
export function check(host: Host, input: ActivityInput): boolean {
  const s = formOf(host);
  const parsed = host.current
    ? activityUpdateSchema.safeParse({ ...stripForUpdate(input), id: host.current.id })
    : activityInputSchema.safeParse(input);
  s.errors = parsed.success
    ? {}
    : fieldErrors(toFieldErrors(parsed.error.issues), layout(s.values));
  return parsed.success;
}

const stripForUpdate = (input: ActivityInput) => {
  const { community: _c, publish: _p, ...rest } = input;
  return rest;
};

/** Saves: creates (a draft, or published) or updates; the server's field errors come back to their fields. */
async function save(host: Host, publish: boolean) {
  const s = formOf(host);
  const input = toInput(host.deskCommunity, s.values, publish);
  if (!check(host, input)) {
    host.requestUpdate();
    await host.updateComplete;
    focusField(host, Object.keys(s.errors)[0] ?? '');
    return;
  }
  const editing = host.current;
  const t = host.t;
  const saved = await host.act(
    editing ? `update:${editing.id}` : 'create',
    input,
    (key) =>
      editing
        ? host.client.calendar.update(editing.id, stripForUpdate(input), { idempotencyKey: key })
        : host.client.calendar.create(input, { idempotencyKey: key }),
    (a) => t.t(a.status === 'published' && !editing ? 'published' : 'saved', { title: a.title }),
  );
  if (saved) {
    forms.delete(host);
    host.changed({ action: editing ? 'update' : 'create', activity: saved });
    await host.go('list');
    return;
  }
  const error = host.action.error;
  if (error?.fields.length) {
    s.errors = fieldErrors(error.fields, layout(s.values));
    host.requestUpdate();
    await host.updateComplete;
    focusField(host, Object.keys(s.errors)[0] ?? '');
  }
}

/** Focuses a field by its id, or a group by its controls' name. */
export function focusField(host: Host, id: string) {
  const root = host.renderRoot;
  const el =
    root.querySelector<HTMLElement>(`#${id}`) ?? root.querySelector<HTMLElement>(`[name="${id}"]`);
  el?.focus();
}

/** One occurrence of the preview: its date, and why it is not held (if it is not). */
export interface PreviewDate {
  date: CivilDate;
  removed?: 'except' | 'holiday' | undefined;
}

/**
 * The next dates the values make from today (or the first date), held or not: the rule's own
 * expansion (ruleDates, removed), the same the server and the calendar use.
 */
export function previewDates(
  v: Values,
  today: CivilDate,
  calendar: WorkdayCalendar | undefined,
  n = 8,
): PreviewDate[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) return [];
  const recurrence = recurrenceOf(v);
  const from = v.date > today ? v.date : today;
  const out: PreviewDate[] = [];
  const empty: WorkdayCalendar = { years: new Set(), holidays: new Set(), workdays: new Set() };
  try {
    for (const date of ruleDates(v.date, recurrence, addDays(from, 800))) {
      if (date < from) continue;
      out.push({ date, removed: removed(recurrence, date, calendar ?? empty) });
      if (out.length >= n) break;
    }
  } catch {
    // A rule half typed (a day out of range): no preview until it makes sense.
    return [];
  }
  return out;
}

/** `2027年2月17日 周三` and `农历正月十一` in the reader's language. */
export function dateLabel(host: Host, date: CivilDate) {
  const lang = host.t.lang;
  const lunar = toLunar(date);
  return {
    solar: formatDate(date, lang, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
    }),
    lunar: host.t.t('lunarLabel', {
      name: `${lunar.monthName}${lunar.dayName}`,
      month: lunar.month,
      day: lunar.day,
      leap: lunar.leap ? host.t.t('leap') : '',
    }),
  };
}

function toggleExcept(host: Host, date: CivilDate) {
  const s = formOf(host);
  const dates = exceptDates(s.values.except);
  s.values.except = (
    dates.includes(date) ? dates.filter((d) => d !== date) : [...dates, date].sort()
  ).join(', ');
  host.requestUpdate();
}

function renderPreview(host: Host, v: Values) {
  const t = host.t;
  const dates = previewDates(v, host.today, host.calendar);
  return html`<section class="box" part="preview" aria-labelledby="preview-title">
    <h4 id="preview-title">${t.t('preview')}</h4>
    <p class="hint-text">${t.t('previewHint')}</p>
    ${
      dates.length
        ? html`<ol class="preview" aria-live="polite">
            ${dates.map((d) => {
              const label = dateLabel(host, d.date);
              return html`<li data-date=${d.date} class=${d.removed ? 'removed' : ''}>
                <span>${label.solar}</span>
                <span>${label.lunar}</span>
                ${
                  d.removed
                    ? html`<span class="badge" data-tone="rejected"
                        >${t.t(d.removed === 'holiday' ? 'previewHoliday' : 'previewExcept')}</span
                      >`
                    : nothing
                }
                ${
                  v.repeat !== 'none' && d.removed !== 'holiday'
                    ? html`<button
                        type="button"
                        class="button-secondary"
                        @click=${() => toggleExcept(host, d.date)}
                      >
                        ${t.t(d.removed === 'except' ? 'undoSkip' : 'skipDay')}
                      </button>`
                    : nothing
                }
              </li>`;
            })}
          </ol>`
        : html`<p>${t.t('previewNone')}</p>`
    }
  </section>`;
}

/** Checkboxes of one group (weekdays, lunar days) in a fieldset with its error. */
function checkGroup(
  host: Host,
  id: string,
  choices: readonly (readonly [value: string, label: string])[],
  checked: (value: string) => boolean,
  error?: string,
) {
  return html`<fieldset
    class="field group"
    part="field"
    id=${id}
    tabindex="-1"
    aria-describedby=${error ? `${id}-error` : nothing}
  >
    <legend>${host.t.t(`field.${id}`)}</legend>
    <div class="choices">
      ${choices.map(([value, label]) =>
        choice({ name: id, value, label, checked: checked(value) }),
      )}
    </div>
    ${error ? html`<p id="${id}-error" class="error-text" part="error">${error}</p>` : nothing}
  </fieldset>`;
}

export function renderForm(host: Host): TemplateResult {
  const t = host.t;
  const s = formOf(host);
  const v = s.values;
  const err = (id: string) => message(host, id, s.errors[id]);
  const f = (id: string, hint?: string) => ({
    id,
    label: t.t(`field.${id}`),
    hint: hint && t.t(hint),
    error: err(id),
  });
  const optional = t.t('optional');
  const ids = Object.keys(s.errors);
  const select = (id: string, list: readonly (readonly [string, string])[], value: string) =>
    field(
      f(id),
      (d, invalid) =>
        html`<select id=${id} name=${id} aria-describedby=${d} aria-invalid=${invalid}>
          ${options(list, value)}
        </select>`,
    );
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), t.t(`weekdayNames.${d}`)] as const);
  const lunarMonths = Array.from(
    { length: 12 },
    (_, i) => [String(i + 1), lunarMonthName(i + 1)] as const,
  );
  const lunarDays = [
    ...Array.from({ length: 30 }, (_, i) => {
      const day = i + 1;
      return [String(day), lunarDayName(day)] as const;
    }),
    ['last', t.t('lastDay')] as const,
  ];
  const number = (id: string, hint?: string) =>
    textField({
      ...f(id, hint),
      value: (v as unknown as Record<string, string>)[id]!,
      inputmode: 'numeric',
    });
  const r = v.repeat;
  return html`<form
    part="form"
    class="panel"
    novalidate
    aria-labelledby="view"
    @submit=${(e: Event) => {
      e.preventDefault();
      void save(host, false);
    }}
    @input=${(e: Event) => onInput(host, e)}
    @change=${(e: Event) => onInput(host, e)}
  >
    <h3 id="view" tabindex="-1">${t.t(host.current ? 'formEdit' : 'formNew')}</h3>
    ${errorSummary(
      t.t('summary', { n: ids.length }),
      ids.map((id) => [id, err(id)!]),
      (id) => focusField(host, id),
    )}
    ${textField({ ...f('title', 'hint.title'), value: v.title })}
    ${textareaField({
      ...f('description'),
      optional,
      value: v.description,
      max: ACTIVITY_DESCRIPTION_MAX,
      count: t.t('counter', { n: v.description.length, max: ACTIVITY_DESCRIPTION_MAX }),
    })}
    ${selectField({
      ...f('category'),
      value: v.category,
      empty: t.t('choose'),
      options: activityCategories.map((c) => ({ id: c, label: t.t(`categories.${c}`) })),
    })}
    ${textField({ ...f('place'), value: v.place })}
    ${textField({ ...f('date', 'hint.date'), type: 'date', value: v.date })}
    ${choice({ id: 'allDay', name: 'allDay', label: t.t('field.allDay'), checked: v.allDay })}
    ${
      v.allDay
        ? nothing
        : html`<div class="pair">
            ${textField({ ...f('startTime', 'hint.times'), type: 'time', value: v.startTime })}
            ${textField({ ...f('endTime'), type: 'time', value: v.endTime })}
          </div>`
    }
    ${textField({ ...f('organiser'), optional, value: v.organiser })}
    ${textField({ ...f('audience'), optional, value: v.audience })}
    ${choice({
      id: 'registration',
      name: 'registration',
      label: t.t('field.registration'),
      checked: v.registration,
    })}
    ${
      v.registration
        ? html`${number('capacity', 'hint.capacity')}
          ${select(
            'partyMax',
            Array.from({ length: ACTIVITY_PARTY_MAX }, (_, i) => [
              String(i + 1),
              t.t('people', { count: i + 1 }),
            ]),
            v.partyMax,
          )}
          ${number('opensDaysBefore', 'hint.opensDaysBefore')}
          ${number('closesMinutesBefore', 'hint.closesMinutesBefore')}
          ${number('cancelCutoffMinutes', 'hint.cancelCutoffMinutes')}`
        : nothing
    }
    <fieldset class="box recurrence">
      <legend>${t.t('schedule')}</legend>
      ${select(
        'repeat',
        KINDS.map((k) => [k, t.t(`repeatKinds.${k}`)] as const),
        r,
      )}
      ${
        r === 'weekly'
          ? html`${checkGroup(host, 'weekdays', weekdays, (x) => v.weekdays.includes(Number(x)), err('weekdays'))}
            ${select(
              'interval',
              [1, 2, 3, 4].map((n) => [String(n), t.t('everyWeeks', { count: n })] as const),
              v.interval,
            )}`
          : nothing
      }
      ${r === 'monthly' ? number('monthDay') : nothing}
      ${
        r === 'monthly-weekday'
          ? html`<div class="pair">
              ${select(
                'nth',
                ['1', '2', '3', '4', '-1'].map((n) => [n, t.t(`nthNames.${n}`)] as const),
                v.nth,
              )}
              ${select('weekday', weekdays, v.weekday)}
            </div>`
          : nothing
      }
      ${
        r === 'lunar-yearly'
          ? html`<div class="pair">
                ${select('lunarMonth', lunarMonths, v.lunarMonth)}
                ${select('lunarDay', lunarDays, v.lunarDay)}
              </div>
              ${
                v.lunarDay === '30'
                  ? select(
                      'short',
                      (['skip', 'last'] as const).map((k) => [k, t.t(`shortKinds.${k}`)] as const),
                      v.short,
                    )
                  : nothing
              }`
          : nothing
      }
      ${
        r === 'lunar-monthly'
          ? checkGroup(
              host,
              'lunarDays',
              lunarDays,
              (x) => v.lunarDays.includes(lunarDayValue(x)),
              err('lunarDays'),
            )
          : nothing
      }
      ${
        r !== 'none'
          ? html`${select(
              'end',
              (['none', 'until', 'count'] as const).map((k) => [k, t.t(`endKinds.${k}`)] as const),
              v.end,
            )}
            ${v.end === 'until' ? textField({ ...f('until'), type: 'date', value: v.until }) : nothing}
            ${v.end === 'count' ? number('count', 'hint.count') : nothing}
            ${textField({ ...f('except', 'hint.except'), optional, value: v.except })}
            ${choice({
              id: 'skipHolidays',
              name: 'skipHolidays',
              label: t.t('field.skipHolidays'),
              checked: v.skipHolidays,
            })}`
          : nothing
      }
    </fieldset>
    ${renderPreview(host, v)}
    <div class="bar">
      ${
        host.current
          ? html`<button class="primary">${t.t('saveChanges')}</button>`
          : html`<button class="button-secondary">${t.t('saveDraft')}</button>
              <button type="button" class="primary" @click=${() => save(host, true)}>
                ${t.t('savePublish')}
              </button>`
      }
      <button type="button" class="button-secondary" @click=${() => host.go('list')}>
        ${t.t('cancelEdit')}
      </button>
    </div>
    ${host.action.error && !host.action.error.fields.length ? host.alert(host.action.error) : nothing}
  </form>`;
}
