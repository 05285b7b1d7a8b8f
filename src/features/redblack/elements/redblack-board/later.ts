/**
 * What <sq-redblack-board> needs only when the reader opens it: the appeal (申诉) form with its
 * check, privacy notice and consent, the one-time code receipt, and the look-up of an appeal by
 * code, and 查我家楼栋 (a building's 和谐楼道 scores, scores-lookup.ts) — their field partials,
 * styles and strings. Never part of the board's first render.
 */
import { css, html, nothing } from 'lit';
import type { FieldError } from '../../../../domain/errors.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { codeReceipt } from '../../../../ui/fields/code-receipt.js';
import { errorSummary } from '../../../../ui/fields/error-summary.js';
import { choice, phoneField, textField, textareaField } from '../../../../ui/fields/field.js';
import { fieldStyles } from '../../../../ui/fields/fields.styles.js';
import { statusBanner } from '../../../../ui/fields/status-banner.js';
import { fieldErrors } from '../../../../ui/field-errors.js';
import { privacyNotice } from '../../../../ui/format-days.js';
import { i18n } from '../../../../ui/localize.js';
import { lookupShell, lookupStyles } from '../../../../ui/lookup.js';
import {
  APPEAL_REASON_MAX,
  APPEAL_WORKING_DAYS,
  type AppealReceipt,
  type AppealView,
  type PublicEntry,
} from '../../model.js';
import zhFields from '../../locales/zh-CN/redblack-fields.js';
import zhAfter from '../../locales/zh-CN/redblack-board-after.js';
import zhCN from '../../locales/zh-CN/redblack-board.js';
import type { AppealValues, SqRedblackBoard } from './redblack-board.js';
import { renderScores, scoresStyles } from './scores-lookup.js';

// The kit's sending half, as every form's later chunk re-exports it (unused here: the appeal is
// an ActionController's): the drop-in then keeps the field partials in the chunk the forms
// share instead of splitting them into one more (a request more on every form's page).
export {
  adopt,
  dismiss,
  submit as submitForm,
} from '../../../../ui/submission/submission-actions.js';

// The appeal's messages and the fields' join the element's own strings (English has them in
// its one lazily loaded file).
i18n.addResourceBundle('zh-CN', 'redblack-board', { ...zhFields, ...zhCN, ...zhAfter }, true, true);

type Host = SqRedblackBoard;
type View = NonNullable<Host['view']>;

const ORDER = ['role', 'name', 'phone', 'reason', 'consent'] as const;

const viewStyles = css`
  .view-head {
    display: grid;
    gap: var(--sq-space-2);
  }
  .view-head button {
    justify-self: start;
  }
  form {
    display: grid;
    gap: var(--sq-space-4);
    margin-top: var(--sq-space-4);
  }
  .entry-box,
  .box {
    padding: var(--sq-space-3) var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
    background: var(--sq-color-surface-raised);
  }
  .box h3 {
    font-size: 1em;
    margin: 0 0 var(--sq-space-2);
  }
  .box p + p {
    margin-top: var(--sq-space-1);
  }
  .submit {
    width: 100%;
  }
  dl {
    display: grid;
    gap: var(--sq-space-1);
    margin: var(--sq-space-3) 0;
  }
  dd {
    margin: 0 0 var(--sq-space-2);
  }
  .key {
    font-size: var(--sq-font-size-key);
    font-weight: 700;
  }
  .receipt {
    display: grid;
    gap: var(--sq-space-3);
  }
  .receipt button {
    justify-self: start;
  }
  .warn {
    font-weight: 600;
  }
`;

/** The view's heading (focused when it opens) and the way back. */
function head(host: Host, title: string) {
  return html`<div class="view-head">
    <button type="button" class="button-secondary" @click=${() => host.close()}>
      ${host.t.t('back')}
    </button>
    <h2 id="view" tabindex="-1">${title}</h2>
  </div>`;
}

/** The appeal form, its receipt, or the look-up by code. */
export function renderView(host: Host, view: View) {
  adoptLater(host, [fieldStyles, lookupStyles, viewStyles, scoresStyles]);
  return view.kind === 'appeal'
    ? renderAppeal(host, view.entry)
    : view.kind === 'scores'
      ? renderScores(host)
      : renderLookup(host);
}

const message = (host: Host, e?: FieldError | { key: string; params?: unknown }) =>
  e ? host.t.t(e.key, (e.params ?? {}) as Record<string, unknown>) : undefined;

function set(host: Host, patch: Partial<AppealValues>) {
  host.values = { ...host.values, ...patch };
  for (const name in patch) delete host.errors[name];
  host.requestUpdate();
}

/** The appeal's input, as the server's schema takes it. */
function toInput(v: AppealValues, entry: string) {
  return {
    entry,
    role: v.role.trim(),
    ...(v.name.trim() ? { name: v.name.trim() } : {}),
    phone: v.phone.trim(),
    reason: v.reason.trim(),
    consent: v.consent,
  };
}

const layout = (v: AppealValues) => ({
  order: ORDER,
  fieldOf: (path: string) => path.split('.')[0]!,
  isEmpty: (f: string) =>
    f === 'consent' ? !v.consent : !String(v[f as keyof AppealValues] ?? '').trim(),
});

/**
 * Sends under the intent's key. The check is the operation's own (its input schema, in the
 * transport over HTTP and in the service either way): its field errors come back at their
 * fields, an empty field saying what to do.
 */
async function submit(host: Host, entry: PublicEntry) {
  const v = host.values;
  const input = toInput(v, entry.id);
  host.errors = {};
  const { entry: id, ...body } = input;
  const outcome = await host.appealing.run('appeal', input, (client, idempotencyKey) =>
    client.redblack.appeal(id, body as Parameters<typeof client.redblack.appeal>[1], {
      idempotencyKey,
    }),
  );
  if (!outcome) return;
  if ('error' in outcome) {
    const fields = outcome.error.fields;
    if (fields.length) {
      host.errors = fieldErrors(fields, layout(v));
      host.requestUpdate();
      await host.updateComplete;
      const first = Object.keys(host.errors)[0];
      if (first) host.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    }
    return;
  }
  host.receipt = { entry, receipt: outcome.value };
  // The phone and the reason leave memory with the form.
  host.values = { role: '', name: '', phone: '', reason: '', consent: false };
  host.appealed(entry.id, outcome.value);
  host.requestUpdate();
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('#done')?.focus();
}

function renderAppeal(host: Host, entry: PublicEntry) {
  const t = host.t;
  const done = host.receipt?.entry.id === entry.id ? host.receipt.receipt : undefined;
  if (done) return renderReceipt(host, done);
  const v = host.values;
  const err = (f: string) => message(host, host.errors[f]);
  const privacy = host.client.communities.peek(host.communityId ?? '')?.privacy;
  const sending = host.appealing.busy;
  const failure = host.appealing.phase === 'failed' ? host.appealing.error : undefined;
  const summary = ORDER.filter((f) => host.errors[f]).map((f) => [f, err(f)!] as [string, string]);
  return html`${head(host, t.t('appealFor', { subject: entry.subject.label }))}
    <p class="hint-text">${t.t('appealIntro', { days: APPEAL_WORKING_DAYS })}</p>
    <div class="entry-box">
      <p><strong>${t.t('entryLabel')}</strong></p>
      <p>${entry.subject.label} · ${host.categoryOf(entry)}</p>
      <p>${entry.reason}</p>
    </div>
    <form
      part="form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void submit(host, entry);
      }}
      @input=${(e: Event) => {
        const el = e.target as HTMLInputElement;
        const name = el.name as keyof AppealValues;
        if (ORDER.includes(name)) {
          set(host, { [name]: el.type === 'checkbox' ? el.checked : el.value });
        }
      }}
    >
      ${errorSummary(t.t('summary'), summary, (id) =>
        host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
      )}
      ${textField({
        id: 'role',
        label: t.t('role'),
        hint: t.t('roleHint'),
        value: v.role,
        error: err('role'),
        autocomplete: 'organization-title',
      })}
      ${textField({
        id: 'name',
        label: t.t('name'),
        optional: t.t('optional'),
        value: v.name,
        error: err('name'),
        autocomplete: 'name',
      })}
      ${phoneField({ id: 'phone', label: t.t('phone'), hint: t.t('phoneHint'), value: v.phone, error: err('phone') })}
      ${textareaField({
        id: 'reason',
        label: t.t('reason'),
        hint: t.t('reasonHint'),
        value: v.reason,
        max: APPEAL_REASON_MAX,
        count: t.t('counter', { n: v.reason.length, max: APPEAL_REASON_MAX }),
        over: v.reason.length > APPEAL_REASON_MAX,
        error: err('reason'),
      })}
      ${privacyNotice(t, privacy)}
      ${choice({
        id: 'consent',
        name: 'consent',
        label: t.t('consent'),
        checked: v.consent,
        error: err('consent'),
      })}
      ${
        sending
          ? statusBanner(t.t('sending'))
          : failure && !failure.fields.length
            ? statusBanner(`${t.t('failed')}${t.t(failure.key)}`, true)
            : nothing
      }
      <button
        type="submit"
        class="primary submit"
        part="submit"
        aria-disabled=${sending ? 'true' : 'false'}
      >
        ${t.t('submit')}
      </button>
    </form>`;
}

function renderReceipt(host: Host, receipt: AppealReceipt) {
  const t = host.t;
  const due = host.date(receipt.dueBy);
  return codeReceipt({
    heading: t.t('done'),
    notes: [t.t('doneNote', { date: due })],
    rows: [
      [t.t('code'), receipt.code, 'code'],
      [t.t('dueBy'), due],
    ],
    code: receipt.code,
    copy: t.t('copy'),
    said: host.said,
    onCopy: (copied) => {
      host.said = t.t(copied ? 'copied' : 'selected');
      host.requestUpdate();
    },
    keep: t.t('keep'),
    again: t.t('again'),
    onAgain: () => {
      host.receipt = undefined;
      host.said = '';
      void host.close();
    },
  });
}

/** Looks the appeal up by its code (in the body of a POST, never in a URL). */
async function find(host: Host, code: string) {
  host.found = undefined;
  host.notFound = false;
  host.codeError = code ? undefined : 'empty';
  if (!code) {
    host.requestUpdate();
    host.renderRoot.querySelector<HTMLElement>('#code-input')?.focus();
    return;
  }
  host.announce = host.t.t('finding');
  const outcome = await host.finding.run('find', code, (client) =>
    client.redblack.appealStatus(code),
  );
  if (!outcome) return;
  if ('error' in outcome) {
    const e = outcome.error;
    if (e.code === 'not_found' || e.fields.length) {
      host.notFound = true;
      host.finding.reset();
      host.announce = host.t.t('notFound');
    } else host.announce = '';
    return;
  }
  host.found = outcome.value;
  host.announce = host.t.t('found');
}

function renderLookup(host: Host) {
  const t = host.t;
  const busy = host.finding.busy;
  const failure = host.finding.phase === 'failed' ? host.finding.error : undefined;
  const error = host.codeError ? t.t('codeEmpty') : host.notFound ? t.t('notFound') : undefined;
  const form = html`<form
    part="form"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      const input = host.renderRoot.querySelector<HTMLInputElement>('#code-input')!;
      void find(host, input.value.trim().toUpperCase());
    }}
  >
    ${textField({
      id: 'code-input',
      label: t.t('codeLabel'),
      hint: t.t('codeHint'),
      value: '',
      error,
    })}
    <button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'}>
      ${busy ? t.t('finding') : t.t('find')}
    </button>
  </form>`;
  return html`<div class="view-head">
      <button type="button" class="button-secondary" @click=${() => host.close()}>
        ${t.t('back')}
      </button>
    </div>
    <div id="view" tabindex="-1">
      ${lookupShell(t, {
        form,
        failure,
        retry: () => host.renderRoot.querySelector<HTMLFormElement>('form')?.requestSubmit(),
        announce: host.announce,
        busy,
        result: host.found ? renderFound(host, host.found) : nothing,
      })}
    </div>`;
}

function renderFound(host: Host, a: AppealView) {
  const t = host.t;
  const tone = a.status === 'pending' ? 'progress' : a.status === 'upheld' ? 'done' : 'rejected';
  return html`<section class="result" part="result">
    <h4>${a.entry.subject}</h4>
    <p><span class="badge" data-tone=${tone}>${t.t(`status.${a.status}`)}</span></p>
    <p>${t.t('filed', { date: host.date(a.createdAt) })}</p>
    ${
      a.outcome
        ? html`<p>${t.t('outcome', { date: host.date(a.outcome.at), text: a.outcome.text })}</p>`
        : html`<p>${t.t('decideBy', { date: host.date(a.dueBy) })}</p>`
    }
  </section>`;
}
