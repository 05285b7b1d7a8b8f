import { EXTEND_DAYS_MAX, REPLY_MAX, TRANSFER_TO_MAX } from '../../../../domain/input-rules.js';
import { categoriesFor } from '../../../core/catalogues.js';
import { html, nothing } from 'lit';
import { resolveLocation } from '../../../core/location.js';
import { describeLocation, displayName } from '../../../../domain/names.js';
import type { ComplaintActionInput, ComplaintEvent, ComplaintStaffView } from '../../views.js';
import { canTake, returnReasons } from '../../machine.js';
import zhCase from '../../locales/zh-CN/complaint-desk-case.js';
import { ApiError } from '../../../../sdk/errors.js';
import { ActionController } from '../../../../ui/action.js';
import { i18n } from '../../../../ui/localize.js';
import type { SqComplaintDesk as Desk } from './complaint-desk.js';
import { renderDateTime } from '../../../../ui/time.js';
import { complaintTone } from '../tones.js';

export { caseStyles } from './case.styles.js';

// The case's strings come with it (English has them all in its on-demand file).
i18n.addResourceBundle('zh-CN', 'complaint-desk', zhCase, true);

type Act = ComplaintActionInput['action'];

/**
 * The open case's actions: one Idempotency-Key per intent (case, action, values); loaded with
 * the case view, so a desk that never opens a case never loads it.
 */
const actions = new WeakMap<Desk, ActionController>();
const acting = (d: Desk) => {
  let a = actions.get(d);
  if (!a) actions.set(d, (a = new ActionController(d)));
  return a;
};

/** Another case opened, or back to the list: an action still under way is superseded. */
export function supersede(d: Desk) {
  actions.get(d)?.reset();
}
type Kind = 'select' | 'area' | 'input' | 'number';
/** A field of an action form: name in the body, control, error key when left empty. */
type Field = [name: 'handler' | 'text' | 'reason' | 'to' | 'days', kind: Kind, required?: string];

const TEXT: Field = ['text', 'area', 'reply.required'];
const OPTIONAL_TEXT: Field = ['text', 'area'];
/** The action forms, in the order offered: one template renders them all. */
const FORMS: Record<Act, Field[]> = {
  assign: [['handler', 'select', 'handler.unknown']],
  start: [],
  reply: [TEXT],
  note: [TEXT],
  resolve: [TEXT],
  return: [['reason', 'select', 'returnReason.required'], OPTIONAL_TEXT],
  transfer: [['to', 'input', 'transferTo.required'], OPTIONAL_TEXT],
  extend: [
    ['days', 'number', 'extend.days'],
    ['reason', 'area', 'reply.required'],
  ],
};
const ACTS = Object.keys(FORMS) as Act[];

function choose(d: Desk, act: Act) {
  d.open = act;
  d.errors = {};
  d.formError = undefined;
  void d.updateComplete.then(() =>
    d.renderRoot.querySelector<HTMLElement>('#action-form [id^=f-], #action-form button')?.focus(),
  );
}

async function submitAction(d: Desk, e: SubmitEvent) {
  e.preventDefault();
  const act = d.open!;
  const c = d.current!;
  const data = new FormData(e.target as HTMLFormElement);
  const body: Record<string, unknown> = { action: act };
  const errors: Record<string, string> = {};
  for (const [name, kind, required] of FORMS[act]) {
    const value = String(data.get(name) ?? '').trim();
    const days = Number(value);
    if (
      kind === 'number' ? !(Number.isInteger(days) && days >= 1 && days <= EXTEND_DAYS_MAX) : !value
    ) {
      if (required) errors[name] = required;
      continue;
    }
    body[name] = kind === 'number' ? days : value;
  }
  d.errors = errors;
  d.formError = undefined;
  if (d.focusInvalid()) return;
  // One key per intent (case, action and values): a retry of the same reuses it.
  const outcome = await acting(d).run(c.id, body, (client, idempotencyKey) =>
    client.complaints.act(c.id, body as ComplaintActionInput, { idempotencyKey }),
  );
  if (!outcome) return;
  if ('value' in outcome) {
    const next = outcome.value;
    d.current = next;
    d.open = undefined;
    const row = d.items?.find((i) => i.id === next.id);
    if (row)
      Object.assign(row, {
        status: next.status,
        dueDate: next.dueDate,
        overdue: next.overdue,
        handler: next.handler,
      });
    d.announce = () =>
      `${next.ticket} ${d.localize.t(`done.${act}`, {
        name: next.handler?.name,
        date: d.day(next.dueDate),
      })}`;
    await d.updateComplete;
    d.renderRoot.querySelector<HTMLElement>('#case')?.focus();
    return;
  }
  const error = outcome.error;
  if (error.code === 'unauthorized') return d.fail(error);
  d.formError = error;
  for (const f of error.fields) d.errors = { ...d.errors, [f.path.split('.')[0]!]: f.key };
  d.focusInvalid();
}

/**
 * The step a case most likely needs next, drawn as the primary button: 派单 for a new case,
 * 开始处理 once assigned, 回复居民 while in progress until the resident has an answer, then 办结.
 */
function likely(c: ComplaintStaffView): Act | undefined {
  if (c.status === 'received') return 'assign';
  if (c.status === 'assigned') return 'start';
  if (c.status !== 'in_progress') return undefined;
  // Answered since it was last reopened (不满意 → 重办 asks for a new answer)?
  let answered = false;
  for (const e of c.history) answered = e.action === 'reply' || (answered && e.action !== 'reopen');
  return answered ? 'resolve' : 'reply';
}

/** A phone as a `tel:` link: only digits (the stored form) ever go into the href. */
function phoneLink(phone: string) {
  return /^\d{3,15}$/.test(phone)
    ? html`<a class="nowrap tel" href="tel:${phone}">${phone}</a>`
    : html`<span class="nowrap">${phone}</span>`;
}

/**
 * Where: each part kept whole on a line while it fits ("第一网格", "1单元", "Grid 1", not "1" /
 * "单元"), the separator ending a line, never starting one.
 */
function place(d: Desk, c: ComplaintStaffView) {
  const l = c.location;
  if ('text' in l) return l.text;
  const r = d.tree && resolveLocation(d.tree, l);
  const parts =
    r && !('missing' in r) ? describeLocation(r, d.localize.lang).split(' · ') : Object.values(l);
  return parts.map(
    (p, i) => html`<span class="part">${p}${i < parts.length - 1 ? ' ·' : ''}</span> `,
  );
}

/** The open case: facts, photos, the actions its status allows, the history. */
export function renderCase(d: Desk, c: ComplaintStaffView) {
  const t = d.localize;
  const row = (key: string, value: unknown) =>
    html`<dt>${t.t(`detail.${key}`)}</dt>
      <dd>${value}</dd>`;
  const acts = ACTS.filter((a) => canTake(c.status, a));
  const next = likely(c);
  return html`<section part="detail" aria-labelledby="case">
    <div class="bar">
      <button type="button" class="button-secondary" @click=${() => d.back()}>
        ${t.t('detail.back')}
      </button>
      <button type="button" class="button-secondary" @click=${() => d.show(c.id)}>
        ${t.t('detail.refresh')}
      </button>
    </div>
    <h3 id="case" tabindex="-1">
      <span class="nowrap">${c.ticket}</span>
      <span class="badge" data-tone=${complaintTone[c.status]}>${t.t(`status.${c.status}`)}</span>
      ${c.overdue ? html`<strong class="badge" data-tone="overdue">${t.t('overdue')}</strong>` : nothing}
    </h3>
    <dl>
      ${row('category', d.category(c.category))}
      ${row('received', renderDateTime(c.receivedAt, d.localize.lang))}
      ${row('due', d.day(c.dueDate))} ${row('handler', c.handler?.name ?? t.t('unassigned'))}
      ${row('location', place(d, c))}
      ${row(
        'contact',
        c.contact ? html`${c.contact.name} ${phoneLink(c.contact.phone)}` : t.t('detail.anonymous'),
      )}
      ${Object.entries(c.answers).map(([id, a]) => {
        // The question as the resident read it (an operator may since have removed it).
        const q = d.tree && categoriesFor(d.tree, 'complaint').find((x) => x.id === c.category);
        const asked = q?.questions?.find((x) => x.id === id);
        const label = asked
          ? displayName({ name: asked.label, nameEn: asked.labelEn }, d.localize.lang)
          : id;
        return html`<dt>${label}</dt>
          <dd>${a}</dd>`;
      })}
    </dl>
    <h4>${t.t('detail.description')}</h4>
    <p class="text">${c.description}</p>
    ${
      c.photos.length
        ? html`<h4>${t.t('detail.photos')}</h4>
            <ul class="photos">
              ${c.photos.map((_, i) => {
                const n = { n: i + 1, total: c.photos.length };
                const url = d.photos[i];
                return html`<li>
                  ${
                    url
                      ? html`<img src=${url} alt=${t.t('detail.photo', n)} />`
                      : html`<span class="hint-text">
                          ${url === '' ? t.t('detail.photoFailed', n) : t.t('common:loading')}
                        </span>`
                  }
                </li>`;
              })}
            </ul>`
        : nothing
    }
    <h4>${t.t('detail.actions')}</h4>
    ${d.renderAlert(d.error, 'detail.failed', d.retry)}
    <div class="bar">
      ${acts.map(
        (a) =>
          html`<button
            type="button"
            class=${a === next ? 'primary' : 'button-secondary'}
            aria-expanded=${d.open === a ? 'true' : 'false'}
            aria-controls="action-form"
            data-action=${a}
            @click=${() => choose(d, a)}
          >
            ${t.t(`action.${a}`)}
          </button>`,
      )}
    </div>
    ${acts.length ? nothing : html`<p>${t.t('detail.none')}</p>`}
    ${d.open ? renderForm(d, d.open) : nothing}
    <h4>${t.t('detail.history')}</h4>
    <ol part="history" class="history">
      ${c.history.map((ev) => renderEvent(d, ev))}
    </ol>
  </section>`;
}

/** One form for every action, driven by FORMS. */
function renderForm(d: Desk, act: Act) {
  const t = d.localize;
  const options = (name: string): [string, string][] =>
    name === 'handler'
      ? d.handlers.map((h) => [h.id, h.name])
      : returnReasons.map((r) => [r, t.t(`reason.${r}`)]);
  const hints: Record<string, string> = { reply: 'hint.reply', note: 'hint.note' };
  return html`<form
    id="action-form"
    part="action-form"
    class="box"
    @submit=${(e: SubmitEvent) => submitAction(d, e)}
    novalidate
  >
    <h5>${t.t(`action.${act}`)}</h5>
    ${
      Object.keys(d.errors).length && !d.formError
        ? d.renderAlert(new ApiError('validation_failed'))
        : d.renderAlert(d.formError)
    }
    ${FORMS[act].map(([name, kind, required]) => {
      const label = t.t(required ? `field.${name}` : 'field.optional', {
        label: t.t(`field.${name}`),
      });
      if (kind === 'select') return d.renderSelect(name, label, options(name), t.t('field.choose'));
      const hint = name === 'days' ? 'hint.days' : name === 'text' ? (hints[act] ?? '') : '';
      return d.renderField(
        name,
        label,
        (a) => {
          const { invalid, described } = a;
          return kind === 'area'
            ? html`<textarea
                id="f-${name}"
                name=${name}
                rows="3"
                maxlength=${REPLY_MAX}
                aria-invalid=${invalid}
                aria-describedby=${described}
              ></textarea>`
            : html`<input
                id="f-${name}"
                name=${name}
                type=${kind === 'number' ? 'number' : 'text'}
                inputmode=${kind === 'number' ? 'numeric' : nothing}
                min="1"
                max=${EXTEND_DAYS_MAX}
                maxlength=${TRANSFER_TO_MAX}
                aria-invalid=${invalid}
                aria-describedby=${described}
              />`;
        },
        hint,
      );
    })}
    <div class="bar">
      <button class="primary" ?disabled=${acting(d).busy}>${t.t(`action.${act}`)}</button>
      <button type="button" class="button-secondary" @click=${() => (d.open = undefined)}>
        ${t.t('detail.cancel')}
      </button>
    </div>
  </form>`;
}

function renderEvent(d: Desk, ev: ComplaintEvent) {
  const t = d.localize;
  const who = ev.actor.kind === 'staff' ? (ev.actor.name ?? '') : t.t(`detail.${ev.actor.kind}`);
  const extra = [
    ev.handler?.name,
    ev.reason && t.t(`reason.${ev.reason}`),
    ev.transferredTo,
    ev.dueDate && t.t('detail.newDue', { date: d.day(ev.dueDate) }),
    ev.rating && t.t(`rating.${ev.rating}`),
  ].filter(Boolean);
  // The action and its new status move to a new line together: no line starts with →.
  return html`<li class=${ev.public ? '' : 'internal'}>
    <p class="meta">
      ${renderDateTime(ev.at, d.localize.lang)} · ${who} ·
      <span class="part"
        ><strong>${t.t(`action.${ev.action}`)}</strong>${
          ev.from !== ev.to ? ` → ${t.t(`status.${ev.to}`)}` : nothing
        }</span
      >
      ${ev.public ? nothing : html`<span class="badge">${t.t('detail.internal')}</span>`}
    </p>
    ${extra.length ? html`<p>${extra.join(' · ')}</p>` : nothing}
    ${ev.text ? html`<p class="text">${ev.text}</p>` : nothing}
  </li>`;
}
