/**
 * What <sq-wish-review> shows once signed in, loaded with its first data (later.ts): the
 * period's counts, the queue with its filter, each wish with the actions its status allows,
 * and the actions themselves. Out of the first render, which is the sign-in form or "loading".
 */
import { html, nothing } from 'lit';
import { categoriesOf } from '../../../core/elements/categories.js';
import { FULFIL_NOTE_MAX, REJECT_REASON_MAX } from '../../../../domain/input-rules.js';
import { displayName } from '../../../../domain/names.js';
import {
  nextWishStatus,
  type WishStaffAction,
  type WishStaffView,
  type WishStatus,
} from '../../model.js';
import { badgeStyles } from '../../../../ui/badge-styles.js';
import { options } from '../../../../ui/fields/options.js';
import { renderDateTime } from '../../../../ui/time.js';
import { wishTone } from '../tones.js';
import { queueStyles } from './queue.styles.js';
import { SqWishActedEvent, type WishReviewAction } from './events.js';
import type { SqWishReview as Review } from './wish-review.js';

export const reviewStyles = [badgeStyles, queueStyles];

/** Statuses offered by the filter, the review queue first, then claims (stale holds). */
const STATUSES: WishStatus[] = [
  'pending_review',
  'claimed',
  'open',
  'fulfilled',
  'thanked',
  'rejected',
  'withdrawn',
];
const ACTIONS: WishReviewAction[] = ['approve', 'reject', 'release', 'fulfil'];
/** Actions that need a text, and the field error shown when it is empty. */
const TEXT_KEY: Partial<Record<WishReviewAction, string>> = {
  reject: 'rejectReason.required',
  fulfil: 'fulfilNote.required',
};
const PERIODS = [7, 30, 90, 365];

/** The signed-in view: the counts, then the queue. */
export function renderReview(h: Review) {
  return html`${renderCounts(h)}${renderQueue(h)}`;
}

async function perform(h: Review, wish: WishStaffView, act: WishReviewAction) {
  const t = h.localize;
  const field = TEXT_KEY[act];
  const text = (h.drafts.get(wish.id) ?? '').trim();
  if (field && !text) {
    h.failure = { id: wish.id, field };
    await h.updateComplete;
    h.focus$(`#x-${wish.id}`);
    return;
  }
  const body = (
    act === 'reject'
      ? { action: act, reason: text }
      : field
        ? { action: act, note: text }
        : { action: act }
  ) as WishStaffAction;
  h.failure = undefined;
  h.announce = '';
  const outcome = await h.acting.run(wish.id, body, (client, idempotencyKey) =>
    client.wishes.act(wish.id, body, { idempotencyKey }),
  );
  if (!outcome) return;
  if ('value' in outcome) {
    const updated = outcome.value;
    h.drafts.delete(wish.id);
    h.open = undefined;
    const items = [...(h.items ?? [])];
    const index = items.findIndex((w) => w.id === wish.id);
    if (updated.status === h.status) items[index] = updated;
    else items.splice(index, 1);
    h.items = items;
    h.announce = t.t(`done.${act}`, { title: wish.title });
    h.dispatchEvent(new SqWishActedEvent({ action: act, wish: updated }));
    void h.loadCounts();
    await h.updateComplete;
    h.focusItem(index);
    return;
  }
  const e = outcome.error;
  if (e.code === 'unauthorized') return h.session.expired();
  h.failure = {
    id: wish.id,
    text: t.t('failed', { title: wish.title }) + t.t(h.acting.message!),
    field: e.fields[0]?.key,
  };
  await h.updateComplete;
  h.focus$(e.fields.length ? `#x-${wish.id}` : `#f-${wish.id}`);
}

async function choose(h: Review, wish: WishStaffView, act: WishReviewAction) {
  if (!TEXT_KEY[act]) return perform(h, wish, act);
  h.open = { id: wish.id, act };
  h.failure = undefined;
  await h.updateComplete;
  h.focus$(`#x-${wish.id}`);
}

async function cancel(h: Review, wish: WishStaffView) {
  const act = h.open!.act;
  h.open = h.failure = undefined;
  await h.updateComplete;
  h.focus$(`#${act}-${wish.id}`);
}

function renderCounts(h: Review) {
  const t = h.localize;
  const c = h.counts;
  const figure = (key: string, value: string) =>
    html`<div part="figure">
      <dt>${t.t(`counts.${key}`)}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<section
    part="counts"
    aria-labelledby="counts"
    aria-busy=${c || h.countsError ? 'false' : 'true'}
  >
    <div class="row">
      <h3 id="counts">${t.t('counts.heading')}</h3>
      <label for="period">${t.t('counts.period')}</label>
      <select
        id="period"
        @change=${(e: Event) => {
          h.days = +(e.target as HTMLSelectElement).value;
          void h.loadCounts();
        }}
      >
        ${options(
          PERIODS.map((d) => [String(d), t.t(`counts.periods.${d}`)] as const),
          String(h.days),
        )}
      </select>
    </div>
    ${
      h.countsError
        ? html`<p class="alert" role="alert" part="error">
            ${t.t('counts.failed')}${t.t(`common:${h.countsError.key}`)}
          </p>`
        : c
          ? html`<dl class="figures">
              ${figure('posted', t.number(c.posted))} ${figure('claimed', t.number(c.claimed))}
              ${figure('fulfilled', t.number(c.fulfilled))}
              ${figure(
                'median',
                c.medianDaysToFulfil === null
                  ? t.t('counts.none')
                  : t.t('counts.days', { value: t.number(c.medianDaysToFulfil) }),
              )}
            </dl>`
          : html`<p>${t.t('common:loading')}</p>`
    }
  </section>`;
}

function renderItem(h: Review, wish: WishStaffView) {
  const t = h.localize;
  const lang = t.lang;
  const tree = h.tree;
  const category = tree && categoriesOf(tree, 'wish').find((c) => c.id === wish.category);
  const grid = tree?.grids.find((g) => g.id === wish.grid);
  const claim = wish.claim;
  const expired = wish.status === 'claimed' && claim && Date.parse(claim.holdUntil) <= Date.now();
  // The likely next step is the primary button: 核实通过, else release a stale claim, else 登记完成.
  const likely = wish.status === 'pending_review' ? 'approve' : expired ? 'release' : 'fulfil';
  const open = h.open?.id === wish.id ? h.open.act : undefined;
  const failure = h.failure?.id === wish.id ? h.failure : undefined;
  const busy = h.acting.is(wish.id, 'sending');
  const row = (key: string, value: unknown) =>
    value === undefined || value === ''
      ? nothing
      : html`<div>
          <dt>${t.t(key)}</dt>
          <dd>${value}</dd>
        </div>`;
  return html`<li part="item" class="item">
    <h4 id="t-${wish.id}" tabindex="-1">${wish.title}</h4>
    <p class="badges">
      <span class="badge" data-tone=${wishTone[wish.status]}>${t.t(`status.${wish.status}`)}</span>
      ${expired ? html`<span class="badge" data-tone="overdue">${t.t('expired')}</span>` : nothing}
    </p>
    <p class="story">${wish.story}</p>
    ${
      // Phones, ID numbers and the wisher's name are masked on the wall: say so before 通过.
      wish.published.title !== wish.title || wish.published.story !== wish.story
        ? html`<div class="notice" part="published">
            <p>
              <strong>${t.t('publishedAs')}</strong><br />${wish.published.title}<br />${
                wish.published.story
              }
            </p>
          </div>`
        : nothing
    }
    <dl class="facts">
      ${row('category', category ? displayName(category, lang) : wish.category)}
      ${row('grid', grid ? displayName(grid, lang) : wish.grid)}
      ${row('posted', renderDateTime(wish.createdAt, lang))}
      ${row(
        'wisher',
        html`${wish.wisherName}${wish.alias ? t.t('alias', { alias: wish.alias }) : ''}`,
      )}
      ${row('phone', html`<span class="nowrap">${wish.phone}</span>`)}
      ${row(
        'value',
        wish.value === undefined
          ? undefined
          : html`<span class="nowrap">${t.t('yuan', { value: wish.value })}</span>`,
      )}
      ${
        claim
          ? html`${row(
              'claimer',
              html`${claim.name} · ${t.t(`claimerTypes.${claim.type}`)} ·
                <span class="nowrap">${claim.phone}</span>`,
            )}
            ${row('holdUntil', renderDateTime(claim.holdUntil, lang))}`
          : nothing
      }
      ${row('reason', wish.rejectReason)} ${row('fulfilment', wish.fulfilment?.note)}
      ${row('thanks', wish.thanks?.message)}
    </dl>
    ${
      open
        ? html`<div class="field">
            <label for="x-${wish.id}">${t.t(open === 'reject' ? 'reason' : 'fulfilment')}</label>
            <p id="h-${wish.id}" class="hint-text">
              ${t.t(open === 'reject' ? 'reasonHint' : 'noteHint')}
            </p>
            <textarea
              id="x-${wish.id}"
              rows="3"
              maxlength=${open === 'reject' ? REJECT_REASON_MAX : FULFIL_NOTE_MAX}
              required
              aria-invalid=${failure?.field ? 'true' : 'false'}
              aria-describedby="h-${wish.id}${failure?.field ? ` e-${wish.id}` : ''}"
              .value=${h.drafts.get(wish.id) ?? ''}
              @input=${(e: Event) => h.drafts.set(wish.id, (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            ${
              failure?.field
                ? html`<p id="e-${wish.id}" class="error-text">${t.t(failure.field)}</p>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${
      failure?.text
        ? html`<p id="f-${wish.id}" class="alert" role="alert" part="error" tabindex="-1">
            ${failure.text}
          </p>`
        : nothing
    }
    <div class="actions" part="actions">
      ${
        open
          ? html`<button class="primary" ?disabled=${busy} @click=${() => perform(h, wish, open)}>
                ${t.t(`confirm.${open}`)}
              </button>
              <button class="button-secondary" @click=${() => cancel(h, wish)}>
                ${t.t('cancel')}
              </button>`
          : ACTIONS.filter((a) => nextWishStatus(wish.status, a)).map(
              (a) =>
                html`<button
                  id="${a}-${wish.id}"
                  class=${a === likely ? 'primary' : 'button-secondary'}
                  ?disabled=${busy}
                  @click=${() => choose(h, wish, a)}
                >
                  ${t.t(`actions.${a}`)}
                </button>`,
            )
      }
    </div>
  </li>`;
}

function renderQueue(h: Review) {
  const t = h.localize;
  const items = h.items;
  return html`<section aria-labelledby="queue" aria-busy=${h.loading ? 'true' : 'false'}>
    <div class="row" part="toolbar">
      <h3 id="queue" tabindex="-1">${t.t('queue')}</h3>
      <label for="filter">${t.t('filter')}</label>
      <select
        id="filter"
        @change=${(e: Event) => (h.status = (e.target as HTMLSelectElement).value as WishStatus)}
      >
        ${options(
          STATUSES.map((s) => [s, t.t(`status.${s}`)] as const),
          h.status,
        )}
      </select>
      <button class="button-secondary" @click=${() => h.reload()}>${t.t('refresh')}</button>
    </div>
    ${
      h.loadError
        ? html`<div class="alert" role="alert" part="error">
            <p>${t.t('loadFailed')}${t.t(`common:${h.loadError.key}`)}</p>
            <button class="button-secondary" @click=${() => h.loadPage(!!items)}>
              ${t.t('common:retry')}
            </button>
          </div>`
        : nothing
    }
    ${
      items?.length
        ? html`<ul class="list">
            ${items.map((w) => renderItem(h, w))}
          </ul>`
        : items
          ? html`<p class="empty">${t.t('empty', { status: t.t(`status.${h.status}`) })}</p>`
          : h.loading
            ? html`<p>${t.t('common:loading')}</p>`
            : nothing
    }
    ${
      h.cursor && items
        ? html`<button
            class="button-secondary more"
            ?disabled=${h.loading}
            @click=${() => h.loadPage(true)}
          >
            ${t.t('more')}
          </button>`
        : nothing
    }
  </section>`;
}
