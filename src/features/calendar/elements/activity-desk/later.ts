/**
 * What <sq-activity-desk> shows once its first data is in, in one chunk loaded with it: each
 * activity's next dates and seats, the confirm dialog, the form with its recurrence preview
 * and an occurrence's registrations.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import zhLater from '../../locales/zh-CN/activity-desk-later.js';
import { adoptLater } from '../../../../ui/adopt-styles.js';
import { field } from '../../../../ui/fields/field.js';
import { fieldStyles } from '../../../../ui/fields/fields.styles.js';
import { i18n } from '../../../../ui/localize.js';
import { activityStatusAsOf } from '../../activities.js';
import {
  ACTIVITY_REASON_MAX,
  activityMachine,
  type Activity,
  type ActivityStatus,
} from '../../model.js';
import type { Confirming, SqActivityDesk } from './activity-desk.js';
import { activityTone } from '../tones.js';
import { nextDates, timesOf } from './dates.js';
import { dateLabel } from './form.js';

export { renderForm } from './form.js';
export { nextDates, timesOf } from './dates.js';
export { renderRegistrations, openRegistrations } from './registrations.js';

type Host = SqActivityDesk;

// What the later views say joins the desk's strings (English has them in its one file).
i18n.addResourceBundle('zh-CN', 'activity-desk', zhLater, true);

/** The later views' look: two fields side by side when there is room, the preview list. */
const laterStyles = css`
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: var(--sq-space-3);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--sq-space-3);
  }
  fieldset.box {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--sq-space-3);
    margin: 0;
  }
  ol.preview li,
  .reg {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sq-space-1) var(--sq-space-3);
    padding: var(--sq-space-2) 0;
    border-bottom: var(--sq-border-width) solid var(--sq-color-border);
  }
  .reg > * {
    min-width: 0;
  }
`;

/** Adds the later views' styles (once, when this chunk loads). */
export function attach(host: Host): void {
  adoptLater(host, [fieldStyles, laterStyles]);
}

/** The activity's status as of now (a published one whose every date ended reads 已结束). */
export const statusOf = (a: Activity): ActivityStatus => activityStatusAsOf(a, new Date());

/** Seats taken and waiting at each activity's next occurrence (published ones with registration). */
export async function loadCounts(host: Host, list: Activity[]) {
  const client = host.client;
  const counts = await Promise.all(
    list
      .filter((a) => a.registration && statusOf(a) === 'published')
      .map(async (a) => {
        const date = nextDates(host, a, 1)[0];
        if (!date) return undefined;
        try {
          const r = await client.calendar.registrations(a.id, date);
          const waiting = r.registrations.filter((x) => x.status === 'waitlisted').length;
          return [a.id, { date, taken: r.taken, waiting, capacity: r.capacity }] as const;
        } catch {
          return undefined;
        }
      }),
  );
  if (client !== host.client) return;
  host.counts = Object.fromEntries(counts.filter((c) => c !== undefined));
}

/** One activity's facts and buttons in the list. */
export function renderCard(host: Host, a: Activity): TemplateResult {
  const t = host.t;
  const status = statusOf(a);
  const next = status === 'published' || status === 'draft' ? nextDates(host, a) : [];
  const count = host.counts[a.id];
  const can = (action: 'publish' | 'cancel') => activityMachine.can(a.status, action);
  return html`<h3>
      ${a.title}
      <span class="badge" data-tone=${activityTone[status]}>${t.t(`statuses.${status}`)}</span>
    </h3>
    <p class="meta">
      <span>${t.t(`categories.${a.category}`)}</span>
      <span>${a.place}</span>
      <span class="nowrap">${timesOf(host, a)}</span>
    </p>
    <p class="meta">
      ${next.length ? t.t('next', { dates: '' }) : html`<span>${t.t('noNext')}</span>`}
      ${next.map((d) => html`<span>${dateLabel(host, d).solar}</span>`)}
    </p>
    ${
      count
        ? html`<p class="meta">
            <span
              >${t.t(count.capacity ? 'seatsTaken' : 'seatsTakenUnlimited', {
                taken: count.taken,
                capacity: count.capacity,
              })}</span
            >
            ${count.waiting ? html`<span>${t.t('waiting', { n: count.waiting })}</span>` : nothing}
          </p>`
        : nothing
    }
    ${a.cancelReason ? html`<p>${t.t('reasonLabel')}：${a.cancelReason}</p>` : nothing}
    <div class="bar">
      ${
        a.status !== 'cancelled'
          ? html`<button type="button" class="button-secondary" @click=${() => host.go('form', a)}>
              ${t.t('edit')}
            </button>`
          : nothing
      }
      ${
        can('publish')
          ? html`<button type="button" class="primary" @click=${() => host.ask('publish', a)}>
              ${t.t('publish')}
            </button>`
          : nothing
      }
      ${
        a.registration && a.status !== 'draft'
          ? html`<button
              type="button"
              class="button-secondary"
              @click=${() => host.go('registrations', a)}
            >
              ${t.t('registrations')}
            </button>`
          : nothing
      }
      ${
        status === 'published' && next.length
          ? html`<button
              type="button"
              class="button-secondary"
              @click=${() => host.ask('withdraw', a)}
            >
              ${t.t('withdraw')}
            </button>`
          : nothing
      }
      ${
        can('cancel') && status !== 'finished'
          ? html`<button
              type="button"
              class="button-secondary"
              @click=${() => host.ask('cancel', a)}
            >
              ${t.t('cancelActivity')}
            </button>`
          : nothing
      }
    </div>`;
}

function closeDialog(host: Host) {
  host.renderRoot.querySelector('dialog')?.close();
}

async function confirmAction(host: Host, e: Event, c: Confirming) {
  e.preventDefault();
  const data = new FormData(e.currentTarget as HTMLFormElement);
  const reason = String(data.get('reason') ?? '');
  const a = c.activity;
  const t = host.t;
  const input =
    c.kind === 'publish'
      ? ({ action: 'publish' } as const)
      : c.kind === 'cancel'
        ? ({ action: 'cancel', reason } as const)
        : ({ action: 'cancel_occurrence', date: String(data.get('date') ?? ''), reason } as const);
  const done = await host.act(
    `${input.action}:${a.id}`,
    input,
    (key) => host.client.calendar.act(a.id, input, { idempotencyKey: key }),
    (v) =>
      input.action === 'cancel_occurrence'
        ? t.t('withdrawn', { date: dateLabel(host, input.date).solar })
        : t.t(input.action === 'publish' ? 'published' : 'cancelled', { title: v.title }),
  );
  if (done) {
    host.changed({ action: input.action, activity: done });
    closeDialog(host);
  }
}

/** The confirm dialog (modal: focus stays in it, Esc closes it). */
export function renderConfirm(host: Host, c: Confirming): TemplateResult {
  const t = host.t;
  const a = c.activity;
  const failed = host.action.error;
  const reasonError = failed?.fields.find((f) => f.path === 'reason');
  const dates = c.kind === 'withdraw' ? nextDates(host, a, 12) : [];
  return html`<dialog
    part="dialog"
    aria-labelledby="confirm-title"
    @close=${() => (host.confirming = undefined)}
  >
    <form @submit=${(e: Event) => confirmAction(host, e, c)} class="panel" novalidate>
      <h3 id="confirm-title">${t.t(`confirm.${c.kind}`, { title: a.title })}</h3>
      ${
        c.kind === 'withdraw'
          ? field(
              { id: 'c-date', label: t.t('occurrenceDate') },
              () =>
                html`<select id="c-date" name="date">
                  ${dates.map((d) => html`<option value=${d}>${dateLabel(host, d).solar}</option>`)}
                </select>`,
            )
          : nothing
      }
      ${
        c.kind !== 'publish'
          ? field(
              {
                id: 'c-reason',
                label: t.t('reasonLabel'),
                hint: t.t('reasonHint'),
                error: reasonError && t.t(reasonError.key, reasonError.params),
              },
              (d, invalid) =>
                html`<input
                  id="c-reason"
                  name="reason"
                  maxlength=${ACTIVITY_REASON_MAX}
                  autocomplete="off"
                  aria-invalid=${invalid}
                  aria-describedby=${d}
                />`,
            )
          : nothing
      }
      ${failed && !reasonError ? host.alert(failed) : nothing}
      <div class="bar">
        <button class="primary">${t.t(`confirm.yes.${c.kind}`)}</button>
        <button type="button" class="button-secondary" @click=${() => closeDialog(host)}>
          ${t.t('close')}
        </button>
      </div>
    </form>
  </dialog>`;
}
