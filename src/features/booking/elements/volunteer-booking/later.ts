/**
 * What <sq-volunteer-booking> needs only after its first paint (the services), in one chunk
 * loaded right after it: the details form, the check, the confirmation, the receipt with its
 * .ics, 我的预约, the field partials, the community picker (home visits), the submission's
 * sending half and the strings of all of it.
 */
import { html, nothing } from 'lit';
import type { FieldError } from '../../../../domain/errors.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import { operationDef } from '../../../../sdk/operations.js';
import { fieldErrors, type FieldLayout } from '../../../../ui/field-errors.js';
import { download } from '../../../../ui/download.js';
import { privacyNotice } from '../../../../ui/format-days.js';
import { codeReceipt, type CodeReceiptProps } from '../../../../ui/fields/code-receipt.js';
import { errorSummary } from '../../../../ui/fields/error-summary.js';
import { choice, field, phoneField, textField } from '../../../../ui/fields/field.js';
import { options } from '../../../../ui/fields/options.js';
import { statusBanner } from '../../../../ui/fields/status-banner.js';
import { Mine } from '../../../../ui/mine.js';
import { i18n } from '../../../../ui/localize.js';
import { bookingDetailErrors, partyLimit } from '../../checks.js';
import {
  bookingCodeInputSchema,
  type BookingReceipt,
  type BookingResidentView,
  type BookingService,
  type BookingSubmission,
} from '../../model.js';
import zhFields from '../../locales/zh-CN/booking-fields.js';
import zhAfter from '../../locales/zh-CN/volunteer-booking-after.js';
import zhCN from '../../locales/zh-CN/volunteer-booking.js';
import { bookingTone } from '../tones.js';
import { bookingIcs, icsFilename } from '../../../../domain/ics.js';
import type { SqVolunteerBooking, Step, Values } from './volunteer-booking.js';

import { SqCommunityPicker } from '../../../core/elements/community-picker/community-picker.js';
// The submission controller's sending half, in this chunk rather than one of its own.
export { adopt, dismiss, submit } from '../../../../ui/submission/submission-actions.js';

// The booking codes' messages (`errors.*`) and the fields' join the element's own strings: the
// kit looks `errors.<code>` up in the element's namespace before `common` (English has them in
// its one lazily loaded file).
i18n.addResourceBundle(
  'zh-CN',
  'volunteer-booking',
  { ...zhFields, ...zhCN, ...zhAfter },
  true,
  true,
);

type Host = SqVolunteerBooking;

// A home visit's place is picked with the community picker, rendered by the details.
SqCommunityPicker.define();

/** The details' fields in page order, and the field each error path belongs to. */
export function layout(host: Host, v: Values): FieldLayout {
  const service = host.service;
  return {
    order: [
      'start',
      'name',
      'phone',
      'forWhom',
      'elderName',
      'elderRelation',
      'party',
      ...(service?.questions ?? []).map((q) => `q-${q.id}`),
      'where',
      'eligible',
      'consent',
    ],
    fieldOf,
    isEmpty: (f) => (f === 'phone' || f === 'name') && !`${v[f] as string}`.trim(),
  };
}

/** The control an error path belongs to. */
export function fieldOf(path: string): string {
  const [head, sub = ''] = path.split('.');
  if (head === 'elder') return sub === 'relation' ? 'elderRelation' : 'elderName';
  if (head === 'answers') return `q-${sub}`;
  if (head === 'location') return 'where';
  if (head === 'service') return 'start';
  return head!;
}

/**
 * The party as the details show it and the booking sends it: at most what the service and the
 * chosen slot take (a party picked for a larger slot, before going back, shrinks with it).
 */
const partyOf = (host: Host, service: BookingService, party: string) =>
  Math.min(Number(party) || 1, partyLimit(service, host.chosenSlot?.seats));

/** The booking, as the server's schema takes it. */
export function toInput(host: Host, v: Values): BookingSubmission {
  const service = host.service;
  const answers: Record<string, string> = {};
  for (const q of service?.questions ?? []) {
    if (v.answers[q.id]?.trim()) answers[q.id] = v.answers[q.id]!.trim();
  }
  const picked = host.renderRoot.querySelector('sq-community-picker')?.value;
  return {
    service: v.service,
    start: v.start,
    name: v.name,
    phone: v.phone,
    forWhom: v.forWhom,
    ...(v.forWhom === 'elder' ? { elder: { name: v.elderName, relation: v.elderRelation } } : {}),
    party: service ? partyOf(host, service, v.party) : 1,
    answers,
    ...(service?.place.kind === 'home' && picked?.building ? { location: picked } : {}),
    ...(service?.eligibility ? { eligible: v.eligible } : {}),
    consent: v.consent as true,
  };
}

/** The operation's schema (the server's rule), then the service's own rules (the same as the server's). */
export async function check(host: Host, input: BookingSubmission): Promise<FieldError[]> {
  const parsed = (await operationDef('bookSlot')).input.safeParse(input);
  const fields = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  return host.service
    ? [...fields, ...bookingDetailErrors(host.service, input, host.chosenSlot?.seats)]
    : fields;
}

/** "下一步": checks the details; shows the errors at their fields, or the confirmation. */
async function next(host: Host) {
  const s = host.s;
  const problems = await check(host, toInput(host, s.values));
  s.errors = fieldErrors(problems, layout(host, s.values));
  host.requestUpdate();
  if (problems.length) {
    await host.updateComplete;
    s.focus(Object.keys(s.errors)[0] ?? '');
  } else void host.go('confirm');
}

function onInput(host: Host, e: Event) {
  const el = e.target as HTMLInputElement;
  const s = host.s;
  if (el.localName === 'sq-community-picker') {
    const place = (el as unknown as SqCommunityPicker).value;
    s.set({ grid: place?.grid, building: place?.building, unit: place?.unit });
    s.setError('where');
  } else if (el.id.startsWith('q-')) {
    s.set({ answers: { ...s.values.answers, [el.id.slice(2)]: el.value } });
    s.setError(el.id);
  } else if (el.name === 'forWhom') {
    s.set({ forWhom: el.value as Values['forWhom'] });
  } else if (el.name) {
    s.set({ [el.name]: el.type === 'checkbox' ? el.checked : el.value });
  }
}

const error = (host: Host, id: string) => {
  const e = host.s.errors[id];
  return e && host.t.t(e.key, e.params);
};

/** A field's id, label (`field.<id>`), hint and error. */
const f = (host: Host, id: string, hint?: string, label = host.t.t(`field.${id}`)) => ({
  id,
  label,
  hint: hint && host.t.t(hint),
  error: error(host, id),
});

/** The chosen service and time, as the resident reads them. */
function when(host: Host, start: string, end: string) {
  return html`<span class="nowrap">${host.date(shanghai(start))}</span>
    <span class="nowrap">${host.clock(start)}–${host.clock(end)}</span>`;
}

/** The Beijing date of an instant (no import of the time module's schemas here). */
const shanghai = (instant: string) =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

export function renderDetails(host: Host, service: BookingService, step: Step) {
  const t = host.t;
  const s = host.s;
  const v = s.values;
  const slot = host.chosenSlot;
  if (step === 'confirm') return renderConfirm(host, service);
  const privacy = host.client.communities.peek(host.communityId ?? '')?.privacy;
  const ids = Object.keys(s.errors);
  const partyMax = partyLimit(service, slot?.seats);
  return html`${host.heading('details', host.careMode ? 'slot' : 'day')}
    <p class="hint-text">
      ${host.nameOf(service)} · ${slot ? when(host, slot.start, slot.end) : nothing}
    </p>
    <form
      part="form"
      novalidate
      @submit=${(e: Event) => (e.preventDefault(), void next(host))}
      @input=${(e: Event) => onInput(host, e)}
      @change=${(e: Event) => onInput(host, e)}
    >
      ${errorSummary(
        t.t('summary', { n: ids.length }),
        ids.map((id) => [id, error(host, id)!]),
        (id) => s.focus(id),
      )}
      ${textField({ ...f(host, 'name'), value: v.name, autocomplete: 'name' })}
      ${phoneField({ ...f(host, 'phone', 'phoneHint'), value: v.phone })}
      <fieldset class="field" part="field">
        <legend>${t.t('field.forWhom')}</legend>
        ${choice({ name: 'forWhom', type: 'radio', value: 'self', label: t.t('forSelf'), checked: v.forWhom === 'self' })}
        ${choice({ name: 'forWhom', type: 'radio', value: 'elder', label: t.t('forElder'), checked: v.forWhom === 'elder' })}
        ${
          v.forWhom === 'elder'
            ? html`<p class="hint-text">${t.t('elderHint')}</p>
                ${textField({ ...f(host, 'elderName'), value: v.elderName })}
                ${textField({ ...f(host, 'elderRelation', 'relationHint'), value: v.elderRelation })}`
            : nothing
        }
      </fieldset>
      ${
        partyMax > 1
          ? field(
              f(host, 'party'),
              (d, invalid) =>
                html`<select id="party" name="party" aria-describedby=${d} aria-invalid=${invalid}>
                  ${options(
                    Array.from({ length: partyMax }, (_, i) => [
                      String(i + 1),
                      t.t('people', { n: i + 1 }),
                    ]),
                    String(partyOf(host, service, v.party)),
                  )}
                </select>`,
            )
          : nothing
      }
      ${service.questions.map((q) =>
        textField({
          ...f(
            host,
            `q-${q.id}`,
            undefined,
            t.lang.startsWith('en') && q.labelEn ? q.labelEn : q.label,
          ),
          optional: q.required ? undefined : t.t('common:optional'),
          value: v.answers[q.id] ?? '',
        }),
      )}
      ${
        service.place.kind === 'home'
          ? html`<div class="field" part="field">
              <sq-community-picker
                id="where"
                .community=${host.communityId}
                .grid=${v.grid}
                .building=${v.building}
                .unit=${v.unit}
                label=${t.t('field.where')}
                required
              ></sq-community-picker>
              ${error(host, 'where') ? html`<p id="where-error" class="error-text" part="error">${error(host, 'where')}</p>` : nothing}
            </div>`
          : nothing
      }
      ${service.notice ? html`<p class="notice"><span>${t.t('noticeLabel')}：${service.notice}</span></p>` : nothing}
      ${
        service.eligibility
          ? choice({
              id: 'eligible',
              name: 'eligible',
              label: t.t('eligibleLabel', { text: service.eligibility }),
              checked: v.eligible,
              error: error(host, 'eligible'),
            })
          : nothing
      }
      ${privacyNotice(t, privacy, true)}
      ${choice({ id: 'consent', name: 'consent', label: t.t('consent'), checked: v.consent, error: error(host, 'consent') })}
      <button type="submit" class="primary">${t.t('next')}</button>
    </form>`;
}

function renderConfirm(host: Host, service: BookingService) {
  const t = host.t;
  const s = host.s;
  const v = s.values;
  const slot = host.chosenSlot;
  const failure = s.failure;
  const sending = s.phase === 'sending';
  const offline = s.phase === 'failed' && failure?.code === 'network';
  return html`${host.heading('confirm', 'details')}
    <p>${t.t('confirmIntro')}</p>
    <dl class="summary-list">
      <dt>${t.t('service')}</dt>
      <dd>${host.nameOf(service)}（${service.team}）</dd>
      <dt>${t.t('time')}</dt>
      <dd>${slot ? when(host, slot.start, slot.end) : v.start}</dd>
      <dt>${t.t('place')}</dt>
      <dd>${host.placeOf(service)}</dd>
      <dt>${t.t('bookedBy')}</dt>
      <dd>
        ${v.name} <span class="nowrap">${v.phone}</span>
        ${
          v.forWhom === 'elder'
            ? html`<br />${t.t('forElder')}：${t.t('elderWho', { name: v.elderName, relation: v.elderRelation })}`
            : nothing
        }
      </dd>
    </dl>
    ${slot?.state === 'full' ? html`<p class="notice"><span>${t.t('fullNote')}</span></p>` : nothing}
    ${
      offline
        ? statusBanner(t.t('offline'), true, { label: t.t('common:retry'), run: () => s.retry() })
        : s.phase === 'failed' && failure && !failure.fields.length
          ? statusBanner(
              `${t.t('failed')}${t.t(failure.key)}`,
              true,
              failure.code === 'slot_unavailable' || failure.code === 'booking_limit'
                ? {
                    label: t.t('rechoose'),
                    run: () => {
                      s.again();
                      void host.refreshDays();
                      void host.go('day');
                    },
                  }
                : { label: t.t('common:retry'), run: () => s.retry() },
            )
          : nothing
    }
    <div class="actions">
      <button
        type="button"
        class="primary"
        part="submit"
        aria-disabled=${sending ? 'true' : 'false'}
        @click=${() => void s.submit()}
      >
        ${t.t('submit')}
      </button>
      <button type="button" class="button-secondary" @click=${() => host.go('details')}>
        ${t.t('edit')}
      </button>
    </div>
    <p class="status" part="status" role="status">${sending ? t.t('sending') : ''}</p>`;
}

export function renderReceipt(host: Host, r: BookingReceipt) {
  const t = host.t;
  const service = host.services?.find((x) => x.id === r.service) ?? host.service;
  const cutoff = service?.schedule.cancelCutoffMinutes ?? 0;
  const until = new Date(Date.parse(r.start) - cutoff * 60_000).toISOString();
  const untilText = `${host.date(shanghai(until))} ${host.clock(until)}`;
  const waitlisted = r.status === 'waitlisted';
  const rows: CodeReceiptProps['rows'] = [
    // In two groups of four (easier to read out and copy down), which may wrap at 200% text on
    // a narrow phone; the copy button copies it without the space.
    [t.t('receipt.code'), r.code.replace(/^(.{4})(?=.)/, '$1 '), 'code'],
    [t.t('service'), service ? host.nameOf(service) : r.service],
    // The date and the time range each kept whole ("08:30–08:45", not "08:30–" / "08:45").
    [t.t('time'), when(host, r.start, r.end)],
  ];
  if (service) rows.push([t.t('place'), host.placeOf(service)]);
  return codeReceipt({
    heading: waitlisted
      ? t.t('receipt.waitlisted', { position: r.position ?? '' })
      : t.t('receipt.confirmed'),
    notes: [
      ...(waitlisted ? [t.t('receipt.waitlistedNote')] : []),
      t.t('receipt.cancelBy', { until: untilText }),
    ],
    rows,
    code: r.code,
    copy: t.t('receipt.copy'),
    said: host.note,
    onCopy: (copied) => (host.note = t.t(copied ? 'receipt.copied' : 'receipt.copyFailed')),
    keep: t.t('receipt.keep'),
    again: t.t('receipt.again'),
    onAgain: () => {
      host.note = '';
      host.s.again();
      void host.go('service');
    },
    more: service
      ? html`<button
          type="button"
          class="button-secondary calendar"
          @click=${() =>
            download(
              icsFilename(r),
              bookingIcs({
                id: r.id,
                start: r.start,
                end: r.end,
                summary: `${host.nameOf(service)}（${service.team}）`,
                location: host.placeOf(service),
                description: [service.notice, t.t('ics.description')].filter(Boolean).join('\n'),
              }),
              'text/calendar;charset=utf-8',
            )}
        >
          ${t.t('receipt.calendar')}
        </button>`
      : nothing,
  });
}

// ---- 我的预约 ----

/** 我的预约: the kit's look-up by code and cancellation, with the booking's rows. */
export function renderMine(host: Host) {
  const t = host.t;
  host.mine ??= new Mine<BookingResidentView>(host, {
    find: (client, code) => client.booking.status(code),
    cancel: (client, code, idempotencyKey) => client.booking.cancel(code, { idempotencyKey }),
    cancelled: (view) => host.cancelled(view),
    title: (v) => host.nameOf(v.service),
    status: (v) =>
      html`<span class="badge" data-tone=${bookingTone[v.status]}
        >${t.t(`statuses.${v.status}`)}</span
      >`,
    rows: (v) =>
      html`<dt>${t.t('time')}</dt>
        <dd>${when(host, v.start, v.end)}</dd>
        <dt>${t.t('bookedBy')}</dt>
        <dd>
          ${v.name}${v.elderName ? html`（${t.t('forElder')}：${v.elderName}）` : nothing} ·
          ${t.t('people', { n: v.party })}
        </dd>`,
    when: (instant) => `${host.date(shanghai(instant))} ${host.clock(instant)}`,
    // The operation's rule for a code, from the model: this chunk's import of it also puts the
    // input rules in the model's chunk for a bundler, not in one of their own before the first
    // data (docs/size.md, 2026-12-06).
    read: (typed) => {
      const read = bookingCodeInputSchema.safeParse({ code: typed });
      return read.success ? read.data.code : undefined;
    },
  });
  return host.mine.render();
}
