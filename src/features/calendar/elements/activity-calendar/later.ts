/**
 * What <sq-activity-calendar> needs only once a resident taps an activity, in one chunk loaded
 * after the activities are shown: the dialog (details, registration form, receipt with its .ics),
 * 我的报名, the field partials, the registration check, their styles and strings.
 */
import { css, html, nothing } from 'lit';
import type { FieldError } from '../../../../domain/errors.js';
import { formatDate, shanghaiClock, shanghaiDate } from '../../../../domain/time.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import { ApiError } from '../../../../sdk/errors.js';
import { operationDef } from '../../../../sdk/operations.js';
import { ActionController } from '../../../../ui/action.js';
import { controlStyles } from '../../../../ui/control-styles.js';
import { dialogHead, dialogStyles as kitDialogStyles } from '../../../../ui/dialog.js';
import { download } from '../../../../ui/download.js';
import { fieldErrors } from '../../../../ui/field-errors.js';
import { privacyNotice } from '../../../../ui/format-days.js';
import { codeReceipt } from '../../../../ui/fields/code-receipt.js';
import { errorSummary } from '../../../../ui/fields/error-summary.js';
import { choice } from '../../../../ui/fields/field.js';
import { fieldStyles } from '../../../../ui/fields/fields.styles.js';
import { statusBanner } from '../../../../ui/fields/status-banner.js';
import { lookupStyles } from '../../../../ui/lookup.js';
import { Mine } from '../../../../ui/mine.js';
import { i18n } from '../../../../ui/localize.js';
import { partyLimit, registrationWindow } from '../../checks.js';
import type {
  ActivityPublic,
  Occurrence,
  RegistrationInput,
  RegistrationResidentView,
} from '../../model.js';
import zhAfter from '../../locales/zh-CN/activity-calendar-after.js';
import { registrantFields, registrantLayout, registrationOf } from '../registrant.js';
import type { SqActivityCalendar } from './activity-calendar.js';
import { seats, timeOf } from './activities.js';
import { SqRegisteredEvent, type RegisteredDetail } from './events.js';

// The dialog's strings join the element's own (English has them in its one lazy file); the
// kit looks `errors.<code>` and field keys up in the element's namespace before `common`.
i18n.addResourceBundle('zh-CN', 'activity-calendar', zhAfter, true, true);

type Host = SqActivityCalendar;

/** The form's values when nothing is typed yet. */
const EMPTY = {
  name: '',
  phone: '',
  forWhom: 'self',
  elderName: '',
  elderRelation: '',
  party: '1',
  consent: false,
};

/**
 * Before the dialog opens: a new intent. The receipt (its code shown once), the errors and the
 * consent tick go; what the resident typed stays in memory (never in storage), so closing and
 * opening again loses nothing.
 */
export function reset(host: Host, what: Occurrence | 'mine') {
  (host.registering ??= new ActionController(host)).reset();
  host.receipt = undefined;
  host.errors = {};
  host.note = '';
  // Consent starts unticked for every registration (PIPL): it is given to this one.
  host.values = { ...EMPTY, ...host.values, consent: false };
  if (what === 'mine') (host.mine ??= mine(host)).reset();
  else if (host.activity?.id !== what.activity) {
    host.activity = undefined;
  }
}

/** Opens the dialog for an occurrence, or 我的报名. */
export async function open(host: Host, what: Occurrence | 'mine') {
  reset(host, what);
  host.dialogFor = what;
  await host.updateComplete;
  if (!host.dialog.open) host.dialog.showModal();
  host.renderRoot.querySelector<HTMLElement>('#d-title')?.focus();
  if (what !== 'mine') void loadActivity(host, what);
}

/** The dialog closed: the focus goes back where the resident was. */
export function closed(host: Host) {
  // A close that arrives after the dialog was opened again (closed and reopened in one go).
  if (host.dialog.open) return;
  const what = host.dialogFor;
  host.dialogFor = undefined;
  // Back where the resident was: the activity's button, or 我的报名.
  const back =
    what === 'mine' || !what
      ? host.renderRoot.querySelector<HTMLElement>('[part=mine]')
      : host.renderRoot.querySelector<HTMLElement>(
          `[part~=activity][data-key="${what.activity}@${what.date}"]`,
        );
  back?.focus();
}

/** Reads the occurrence's activity (description, audience, limits, registration window). */
export async function loadActivity(host: Host, o: Occurrence) {
  host.activityError = undefined;
  try {
    const a = await host.client.calendar.activity(o.activity);
    if (host.dialogFor === o) host.activity = a;
  } catch (error) {
    if (host.dialogFor === o) host.activityError = ApiError.from(error);
  }
}

// ---- the registration ----

/** A registration went through: tells the page, and reads the seats again. */
function registered(host: Host, detail: RegisteredDetail) {
  host.dispatchEvent(new SqRegisteredEvent(detail));
  host.refresh();
}

/** The fields in page order (a name or phone left empty says so). */
const layout = (host: Host) =>
  registrantLayout((f) => (f === 'name' || f === 'phone') && !`${host.values[f] as string}`.trim());

/** The largest party the form offers: the activity's rule, the same as the server's. */
const limitOf = (a: ActivityPublic) => Math.max(1, partyLimit(a));

/** The registration, as the server's schema takes it. */
const toInput = (host: Host, o: Occurrence, a: ActivityPublic) =>
  registrationOf(host.values, o.activity, o.date, limitOf(a));

/** The operation's schema (the server's rule), then the party limit (the same rule as the server's). */
async function check(input: RegistrationInput, a: ActivityPublic): Promise<FieldError[]> {
  const parsed = (await operationDef('registerForActivity')).input.safeParse(input);
  const problems = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  const max = partyLimit(a);
  if ((input.party ?? 1) > max) {
    problems.push({ path: 'party', key: 'party.tooMany', params: { max } });
  }
  return problems;
}

async function focusFirstError(host: Host) {
  await host.updateComplete;
  const id = Object.keys(host.errors)[0];
  if (id) host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
}

/** 提交报名: checks, then sends under the intent's Idempotency-Key (the same on every retry). */
async function submit(host: Host, o: Occurrence, a: ActivityPublic) {
  if (host.registering!.busy) return;
  const input = toInput(host, o, a);
  const problems = await check(input, a);
  host.errors = fieldErrors(problems, layout(host));
  if (problems.length) return focusFirstError(host);
  host.announce = host.t.t('sending');
  const outcome = await host.registering!.run('register', input, (client, idempotencyKey) =>
    client.calendar.register(input, { idempotencyKey }),
  );
  host.announce = '';
  if (!outcome) return;
  if ('value' in outcome) {
    const r = outcome.value;
    host.receipt = r;
    const status = r.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
    registered(host, {
      activity: r.activity,
      date: r.date,
      status,
      ...(r.position !== undefined ? { position: r.position } : {}),
    });
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  } else if (outcome.error.fields.length) {
    host.errors = fieldErrors(outcome.error.fields, layout(host));
    await focusFirstError(host);
  }
}

function onInput(host: Host, e: Event) {
  const el = e.target as HTMLInputElement;
  if (!el.name) return;
  const value = el.type === 'checkbox' ? el.checked : el.value;
  host.values = { ...host.values, [el.name]: value };
  const field = el.name === 'forWhom' ? 'forWhom' : el.id;
  if (host.errors[field]) {
    const { [field]: _, ...rest } = host.errors;
    host.errors = rest;
  }
}

const error = (host: Host, id: string) => {
  const e = host.errors[id];
  return e && host.t.t(e.key, e.params);
};

/** A field's hint key, where it has one. */
const HINTS: Record<string, string> = {
  name: 'nameHint',
  phone: 'phoneHint',
  elderRelation: 'relationHint',
  party: 'partyHint',
};

// ---- rendering ----

/** A notice box (cancelled, finished, not yet open, full…). */
const notice = (text: unknown) => html`<p class="notice"><span>${text}</span></p>`;

/** The dialog's content: an occurrence (details, then the form or the receipt), or 我的报名. */
export function renderDialog(host: Host, what: Occurrence | 'mine') {
  const t = host.t;
  const head = (title?: unknown) => dialogHead(() => host.dialog, t.t('close'), title);
  if (what === 'mine') return html`${head()} ${host.mine!.render()}`;
  return html`${head(what.title)}
    ${renderFacts(host, what)}
    ${host.receipt ? renderReceipt(host, what) : renderRegistration(host, what)}`;
}

/**
 * 2月17日 星期二 19:00–21:00 / Tuesday, February 17 19:00–21:00 (or 全天): the date, the weekday
 * and the time range each kept whole, wrapping between them (care mode at 320px and 200% text
 * has room for one at a time).
 */
function when(host: Host, date: string, time: string) {
  const lang = host.t.lang;
  const day = html`<span class="nowrap"
    >${formatDate(date, lang, { month: 'long', day: 'numeric' })}</span
  >`;
  const weekday = html`<span class="nowrap">${formatDate(date, lang, { weekday: 'long' })}</span>`;
  return html`${lang.startsWith('en') ? html`${weekday}, ${day}` : html`${day} ${weekday}`}
    <span class="nowrap">${time}</span>`;
}

function renderFacts(host: Host, o: Occurrence) {
  const t = host.t;
  const a = host.activity;
  const left = seats(host, o);
  return html`<dl class="summary-list">
      <dt>${t.t('facts.time')}</dt>
      <dd>${when(host, o.date, timeOf(host, o))}</dd>
      <dt>${t.t('facts.place')}</dt>
      <dd>${o.place}</dd>
      ${
        o.organiser
          ? html`<dt>${t.t('facts.organiser')}</dt>
              <dd>${o.organiser}</dd>`
          : nothing
      }
      <dt>${t.t('facts.category')}</dt>
      <dd>${t.t(`categories.${o.category}`)}</dd>
      ${
        a?.audience
          ? html`<dt>${t.t('facts.audience')}</dt>
              <dd>${a.audience}</dd>`
          : nothing
      }
      <dt>${t.t('facts.seats')}</dt>
      <dd>${left}${o.capacity ? t.t('capacity', { n: o.capacity }) : nothing}</dd>
    </dl>
    ${a?.description ? html`<p class="description">${a.description}</p>` : nothing}`;
}

function renderRegistration(host: Host, o: Occurrence) {
  const t = host.t;
  if (o.state === 'cancelled') {
    return notice(
      html`${t.t('state.cancelled')}${o.reason ? html` ${t.t('reason', { reason: o.reason })}` : nothing}`,
    );
  }
  if (o.state === 'finished' || o.state === 'none') {
    return notice(t.t(`state.${o.state}`));
  }
  const a = host.activity;
  if (!a) {
    return host.activityError
      ? html`<div class="alert" role="alert" part="error">
          <p>${t.t('detailFailed')}${t.t(host.activityError.key)}</p>
          <button type="button" class="button-secondary" @click=${() => loadActivity(host, o)}>
            ${t.t('common:retry')}
          </button>
        </div>`
      : html`<p role="status">${t.t('detailLoading')}</p>`;
  }
  if (o.state === 'closed') {
    const { opens } = registrationWindow(a, o.date, o.start);
    const text =
      Date.now() < opens
        ? t.t('state.notYet', { opens: host.long(shanghaiDate(new Date(opens))) })
        : t.t('state.closed', { minutes: a.closesMinutesBefore });
    return notice(text);
  }
  return renderForm(host, o, a);
}

function renderForm(host: Host, o: Occurrence, a: ActivityPublic) {
  const t = host.t;
  const v = host.values;
  const ids = Object.keys(host.errors);
  const max = limitOf(a);
  const party = Math.min(Number(v['party']) || 1, max);
  const action = host.registering!;
  const sending = action.busy;
  const failure = action.phase === 'failed' ? action.error : undefined;
  const privacy = host.client.communities.peek(host.communityId ?? '')?.privacy;
  const full = o.state === 'full';
  return html`<h3 class="register-heading">${t.t('register')}</h3>
    ${full ? notice(t.t('state.full')) : nothing}
    <form
      part="form"
      novalidate
      @submit=${(e: Event) => (e.preventDefault(), void submit(host, o, a))}
      @input=${(e: Event) => onInput(host, e)}
      @change=${(e: Event) => onInput(host, e)}
    >
      ${errorSummary(
        t.t('summary', { n: ids.length }),
        ids.map((id) => [id, error(host, id)!]),
        (id) => host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
      )}
      ${registrantFields(
        (id) => ({
          label: t.t(`field.${id}`),
          hint: HINTS[id] && t.t(HINTS[id], { max }),
          error: error(host, id),
        }),
        (id) => v[id] as string,
        [t.t('field.forWhom'), t.t('forSelf'), t.t('forElder')],
        v['forWhom'] === 'elder',
        {
          max,
          value: party,
          people: (count) => t.t('people', { count }),
          note:
            o.state === 'open' && o.capacity && party > (o.left ?? 0)
              ? notice(t.t('partyWaits', { left: o.left ?? 0, n: party }))
              : nothing,
        },
        html`<p class="hint-text">${t.t('elderHint')}</p>`,
        'name',
      )}
      ${privacyNotice(t, privacy, true)}
      ${choice({ id: 'consent', name: 'consent', label: t.t('consentLabel'), checked: v['consent'] === true, error: error(host, 'consent') })}
      ${
        failure && !failure.fields.length
          ? statusBanner(
              failure.code === 'network' ? t.t('offline') : `${t.t('failed')}${t.t(failure.key)}`,
              true,
              failure.retryable
                ? { label: t.t('common:retry'), run: () => submit(host, o, a) }
                : undefined,
            )
          : nothing
      }
      <button
        type="submit"
        class="primary"
        part="submit"
        aria-disabled=${sending ? 'true' : 'false'}
      >
        ${full ? t.t('submitWaitlist') : t.t('submit')}
      </button>
      <p class="status" role="status">${sending ? t.t('sending') : ''}</p>
    </form>`;
}

async function downloadIcs(host: Host, o: Occurrence) {
  try {
    const file = await host.client.calendar.ics(o.activity, o.date);
    download(file.filename, file.content, 'text/calendar;charset=utf-8');
    host.note = '';
  } catch {
    host.note = host.t.t('receipt.calendarFailed');
  }
}

function renderReceipt(host: Host, o: Occurrence) {
  const t = host.t;
  const r = host.receipt!;
  const waitlisted = r.status === 'waitlisted';
  const cutoff = host.activity?.cancelCutoffMinutes;
  const until =
    cutoff === undefined
      ? undefined
      : new Date(Date.parse(r.start) - cutoff * 60_000).toISOString();
  return codeReceipt({
    heading: waitlisted
      ? t.t('receipt.waitlisted', { position: r.position ?? '' })
      : t.t('receipt.confirmed'),
    notes: [
      ...(waitlisted ? [t.t('receipt.waitlistedNote')] : []),
      ...(until
        ? [
            t.t('receipt.cancelBy', {
              until: `${host.long(shanghaiDate(new Date(until)))} ${shanghaiClock(until)}`,
            }),
          ]
        : []),
    ],
    rows: [
      // In two groups of four (easier to read out and copy down); copy takes it whole.
      [t.t('receipt.code'), r.code.replace(/^(.{4})(?=.)/, '$1 '), 'code'],
      [t.t('receipt.activity'), o.title],
      [t.t('facts.time'), when(host, r.date, timeOf(host, { ...r, allDay: o.allDay }))],
      [t.t('facts.place'), o.place],
    ],
    code: r.code,
    copy: t.t('receipt.copy'),
    said: host.note,
    onCopy: (copied) => (host.note = t.t(copied ? 'receipt.copied' : 'receipt.copyFailed')),
    keep: t.t('receipt.keep'),
    again: t.t('receipt.again'),
    onAgain: () => host.dialog.close(),
    more: html`<button
      type="button"
      class="button-secondary calendar"
      @click=${() => downloadIcs(host, o)}
    >
      ${t.t('receipt.calendar')}
    </button>`,
  });
}

// ---- 我的报名 ----

/** 我的报名: the kit's look-up by code and cancellation, with the registration's rows. */
const mine = (host: Host) =>
  new Mine<RegistrationResidentView>(host, {
    find: (client, code) => client.calendar.registration(code),
    cancel: (client, code, idempotencyKey) =>
      client.calendar.cancelRegistration(code, { idempotencyKey }),
    // A seat came free (and someone in line may have moved up): the calendar reads again.
    cancelled: () => host.refresh(),
    title: (v) => v.activity.title,
    rows: (v) => {
      const t = host.t;
      return html`<dt>${t.t('facts.time')}</dt>
        <dd>${when(host, v.date, timeOf(host, v))}</dd>
        <dt>${t.t('facts.place')}</dt>
        <dd>${v.activity.place}</dd>
        <dt>${t.t('registeredBy')}</dt>
        <dd>
          ${v.name}${v.elderName ? t.t('forElderName', { name: v.elderName }) : nothing} ·
          ${t.t('people', { count: v.party })}
        </dd>`;
    },
    when: (instant) => `${host.long(shanghaiDate(new Date(instant)))} ${shanghaiClock(instant)}`,
  });

/** The dialog's styles, adopted when this chunk loads (before the dialog first renders). */
export const dialogStyles = [
  controlStyles,
  kitDialogStyles,
  fieldStyles,
  lookupStyles,
  css`
    .summary-list {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--sq-space-1) var(--sq-space-3);
      margin: var(--sq-space-3) 0;
    }
    @media (min-width: 30rem) {
      .summary-list {
        grid-template-columns: minmax(4em, max-content) minmax(0, 1fr);
      }
    }
    .description {
      white-space: pre-line;
    }
    form {
      display: grid;
      gap: var(--sq-space-3);
      justify-items: start;
    }
    form > .field,
    fieldset.field {
      justify-self: stretch;
    }
    .receipt {
      margin-top: var(--sq-space-3);
    }
    .receipt #code {
      white-space: normal;
    }
  `,
];
