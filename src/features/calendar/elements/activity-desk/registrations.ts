/**
 * <sq-activity-desk>'s registrations of one occurrence: seats, then the waitlist in line order
 * (phones for staff only, here), 签到 by code and from the list, cancelling with a reason,
 * 代报名 by phone and the CSV export.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '../../../../domain/errors.js';
import type { CivilDate } from '../../../../domain/time.js';
import { toFieldErrors } from '../../../../domain/validation.js';
import { download } from '../../../../ui/download.js';
import { fieldErrors } from '../../../../ui/field-errors.js';
import { errorSummary } from '../../../../ui/fields/error-summary.js';
import { choice } from '../../../../ui/fields/field.js';
import { options } from '../../../../ui/fields/options.js';
import {
  ACTIVITY_REASON_MAX,
  registrationInputSchema,
  type Activity,
  type RegistrationStaffView,
} from '../../model.js';
import { registrantFields, registrantLayout, registrationOf } from '../registrant.js';
import { registrationTone } from '../tones.js';
import type { SqActivityDesk } from './activity-desk.js';
import { dateLabel, focusField, message } from './form.js';
import { nextDates, timesOf } from './dates.js';

type Host = SqActivityDesk;
type List = Awaited<ReturnType<Host['client']['calendar']['registrations']>>;

interface RegState {
  activity: string;
  date: CivilDate;
  list?: List | undefined;
  /** The registration whose cancel form is open. */
  cancelling?: string | undefined;
  byPhone: boolean;
  forWhom: 'self' | 'elder';
  errors: Record<string, FieldError>;
}
const states = new WeakMap<Host, RegState>();

function stateOf(host: Host, a: Activity): RegState {
  let s = states.get(host);
  if (!s || s.activity !== a.id) {
    s = {
      activity: a.id,
      date: nextDates(host, a, 1)[0] ?? a.date,
      byPhone: false,
      forWhom: 'self',
      errors: {},
    };
    states.set(host, s);
    void reload(host, a);
  }
  return s;
}

/** Opens an occurrence's registrations (a date other than the next one). */
export async function openRegistrations(host: Host, a: Activity, date?: CivilDate) {
  await host.go('registrations', a);
  if (date) {
    stateOf(host, a).date = date;
    await reload(host, a);
  }
}

async function reload(host: Host, a: Activity) {
  const s = stateOf(host, a);
  const client = host.client;
  const date = s.date;
  try {
    const list = await client.calendar.registrations(a.id, date);
    if (client !== host.client || s.date !== date) return;
    s.list = list;
  } catch (e) {
    host.fail(e);
  }
  host.requestUpdate();
}

/** A desk action on this occurrence; the list is read again after it. */
async function run<T>(
  host: Host,
  a: Activity,
  name: string,
  body: unknown,
  send: (key: string) => Promise<T>,
  done: (value: T) => string,
) {
  const value = await host.act(name, body, send, done);
  if (value) await reload(host, a);
  return value;
}

async function checkInByCode(host: Host, a: Activity, e: Event) {
  e.preventDefault();
  const form = e.currentTarget as HTMLFormElement;
  const code = String(new FormData(form).get('code') ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  const r = await run(
    host,
    a,
    'checkIn',
    code,
    (key) => host.client.calendar.checkIn(host.deskCommunity, code, { idempotencyKey: key }),
    (v) => host.t.t('checkedIn', { name: v.name }),
  );
  if (r) form.reset();
}

async function checkIn(host: Host, a: Activity, r: RegistrationStaffView) {
  await run(
    host,
    a,
    `check_in:${r.id}`,
    { action: 'check_in' },
    (key) =>
      host.client.calendar.actOnRegistration(r.id, { action: 'check_in' }, { idempotencyKey: key }),
    (v) => host.t.t('checkedIn', { name: v.name }),
  );
}

async function cancel(host: Host, a: Activity, r: RegistrationStaffView, e: Event) {
  e.preventDefault();
  const reason = String(new FormData(e.currentTarget as HTMLFormElement).get('reason') ?? '');
  const input = { action: 'cancel', reason } as const;
  const done = await run(
    host,
    a,
    `cancel:${r.id}`,
    input,
    (key) => host.client.calendar.actOnRegistration(r.id, input, { idempotencyKey: key }),
    () => host.t.t('done'),
  );
  if (done) stateOf(host, a).cancelling = undefined;
}

async function exportCsv(host: Host, a: Activity) {
  const s = stateOf(host, a);
  try {
    const { filename, csv } = await host.client.calendar.exportRegistrations(a.id, s.date);
    download(filename, csv, 'text/csv;charset=utf-8');
  } catch (e) {
    host.fail(e);
  }
}

async function registerByPhone(host: Host, a: Activity, e: Event) {
  e.preventDefault();
  const form = e.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const s = stateOf(host, a);
  const input = registrationOf(
    { ...Object.fromEntries(data), forWhom: s.forWhom, consent: data.has('consent') || undefined },
    a.id,
    s.date,
    Math.max(1, a.partyMax),
  );
  const parsed = registrationInputSchema.safeParse(input);
  const layout = registrantLayout((f) => !String(data.get(f) ?? '').trim());
  s.errors = parsed.success ? {} : fieldErrors(toFieldErrors(parsed.error.issues), layout);
  if (!parsed.success) {
    host.requestUpdate();
    await host.updateComplete;
    focusField(host, Object.keys(s.errors)[0]!);
    return;
  }
  const t = host.t;
  const r = await run(
    host,
    a,
    'registerFor',
    input,
    (key) => host.client.calendar.registerFor(input, { idempotencyKey: key }),
    (v) => t.t('registered', { status: t.t(`regStatuses.${v.status}`), code: v.code }),
  );
  if (r) form.reset();
  else if (host.action.error?.fields.length) {
    s.errors = fieldErrors(host.action.error.fields, layout);
    host.requestUpdate();
  }
}

const holding = (r: RegistrationStaffView) => r.status === 'confirmed' || r.status === 'promoted';
const active = (r: RegistrationStaffView) => holding(r) || r.status === 'waitlisted';

function renderRow(host: Host, a: Activity, s: RegState, r: RegistrationStaffView) {
  const t = host.t;
  return html`<li class="reg" data-id=${r.id}>
    ${r.position ? html`<strong>${r.position}.</strong>` : nothing}
    <strong>${r.name}</strong>
    <span class="nowrap">${r.phone}</span>
    <span class="badge" data-tone=${registrationTone[r.status]}
      >${t.t(`regStatuses.${r.status}`)}</span
    >
    ${r.party > 1 ? html`<span>${t.t('people', { count: r.party })}</span>` : nothing}
    ${r.elder ? html`<span>${t.t('forElder', r.elder)}</span>` : nothing}
    ${r.cancel?.reason ? html`<span>${t.t('reasonLabel')}：${r.cancel.reason}</span>` : nothing}
    ${
      holding(r)
        ? html`<button type="button" class="primary" @click=${() => checkIn(host, a, r)}>
            ${t.t('checkIn')}
          </button>`
        : nothing
    }
    ${
      active(r)
        ? html`<button
            type="button"
            class="button-secondary"
            aria-expanded=${s.cancelling === r.id ? 'true' : 'false'}
            @click=${() => {
              s.cancelling = s.cancelling === r.id ? undefined : r.id;
              host.action.reset();
              host.requestUpdate();
            }}
          >
            ${t.t('cancelReg')}
          </button>`
        : nothing
    }
    ${
      s.cancelling === r.id
        ? html`<form class="box" @submit=${(e: Event) => cancel(host, a, r, e)} novalidate>
            <div class="field" part="field">
              <label for="r-reason" part="label">${t.t('reasonLabel')}</label>
              <input
                id="r-reason"
                name="reason"
                maxlength=${ACTIVITY_REASON_MAX}
                autocomplete="off"
              />
            </div>
            <button class="button-secondary">${t.t('confirmCancelReg')}</button>
          </form>`
        : nothing
    }
  </li>`;
}

function renderByPhone(host: Host, a: Activity, s: RegState) {
  const t = host.t;
  const err = (id: string) => message(host, id, s.errors[id]);
  const ids = Object.keys(s.errors);
  return html`<form
    class="box"
    novalidate
    aria-labelledby="by-phone"
    @submit=${(e: Event) => registerByPhone(host, a, e)}
    @change=${(e: Event) => {
      const el = e.target as HTMLInputElement;
      if (el.name === 'forWhom') {
        s.forWhom = el.value as RegState['forWhom'];
        host.requestUpdate();
      }
    }}
  >
    <h4 id="by-phone">${t.t('byPhone')}</h4>
    <p class="hint-text">${t.t('byPhoneHint')}</p>
    ${errorSummary(
      t.t('summary', { n: ids.length }),
      ids.map((id) => [id, err(id)!]),
      (id) => focusField(host, id),
    )}
    ${registrantFields(
      (id) => ({ label: t.t(`reg.${id}`), error: err(id) }),
      () => '',
      [t.t('regFor'), t.t('regSelf'), t.t('regElder')],
      s.forWhom === 'elder',
      { max: a.partyMax, value: 1, people: (count) => t.t('people', { count }) },
    )}
    ${choice({
      id: 'consent',
      name: 'consent',
      label: t.t('consentByPhone'),
      checked: false,
      error: err('consent'),
    })}
    <button class="primary">${t.t('register')}</button>
  </form>`;
}

export function renderRegistrations(host: Host, a: Activity): TemplateResult {
  const t = host.t;
  const s = stateOf(host, a);
  const list = s.list?.date === s.date ? s.list : undefined;
  const regs = list?.registrations ?? [];
  const seated = regs.filter(holding);
  const waiting = regs.filter((r) => r.status === 'waitlisted');
  const rest = regs.filter((r) => !holding(r) && r.status !== 'waitlisted');
  const failed = host.action.error;
  const upcoming = nextDates(host, a, 12);
  const dates = upcoming.includes(s.date) ? upcoming : [s.date, ...upcoming];
  return html`<section class="panel" part="registrations" aria-labelledby="view">
    <h3 id="view" tabindex="-1">${t.t('regTitle', { title: a.title })}</h3>
    <p class="meta"><span>${a.place}</span><span class="nowrap">${timesOf(host, a)}</span></p>
    <div class="bar">
      <div class="field" part="field">
        <label for="f-date" part="label">${t.t('regDate')}</label>
        <select
          id="f-date"
          @change=${(e: Event) => {
            s.date = (e.target as HTMLSelectElement).value;
            s.list = undefined;
            host.requestUpdate();
            void reload(host, a);
          }}
        >
          ${options(
            dates.map((d) => [d, dateLabel(host, d).solar] as const),
            s.date,
          )}
        </select>
      </div>
      <button type="button" class="button-secondary" @click=${() => exportCsv(host, a)}>
        ${t.t('exportCsv')}
      </button>
      <button
        type="button"
        class="button-secondary"
        aria-expanded=${s.byPhone ? 'true' : 'false'}
        @click=${() => {
          s.byPhone = !s.byPhone;
          host.requestUpdate();
        }}
      >
        ${t.t('byPhone')}
      </button>
      <button type="button" class="button-secondary" @click=${() => host.go('list')}>
        ${t.t('back')}
      </button>
    </div>
    <form
      class="bar"
      @submit=${(e: Event) => checkInByCode(host, a, e)}
      aria-label=${t.t('checkInTitle')}
    >
      <div class="field" part="field">
        <label for="f-code" part="label">${t.t('checkInCode')}</label>
        <input id="f-code" name="code" autocomplete="off" />
      </div>
      <button class="primary">${t.t('checkIn')}</button>
    </form>
    ${failed ? host.alert(failed) : nothing} ${s.byPhone ? renderByPhone(host, a, s) : nothing}
    <div aria-busy=${list ? 'false' : 'true'}>
      ${
        !list
          ? html`<p role="status">${t.t('common:loading')}</p>`
          : !regs.length
            ? html`<p>${t.t('noRegistrations')}</p>`
            : html`<h4>
                  ${t.t(list.capacity ? 'holding' : 'holdingUnlimited', {
                    taken: list.taken,
                    capacity: list.capacity,
                  })}
                </h4>
                <ul class="seated">
                  ${seated.map((r) => renderRow(host, a, s, r))}
                </ul>
                ${
                  waiting.length
                    ? html`<h4>${t.t('waitlist')}</h4>
                        <ul class="waitlist">
                          ${waiting.map((r) => renderRow(host, a, s, r))}
                        </ul>`
                    : nothing
                }
                ${
                  rest.length
                    ? html`<h4>${t.t('others')}</h4>
                        <ul class="others">
                          ${rest.map((r) => renderRow(host, a, s, r))}
                        </ul>`
                    : nothing
                }`
      }
    </div>
  </section>`;
}
