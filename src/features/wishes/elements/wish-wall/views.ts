/**
 * What <sq-wish-wall> shows only after its later chunk has loaded (later.ts): the filters (they
 * wait for the community's grids and the wish statuses anyway) and the wish's dialog with the
 * claim form and its receipt. Out of the first render, like the desk's list.
 */
import { html, nothing } from 'lit';
import { categoriesOf } from '../../../core/elements/categories.js';
import { displayName } from '../../../../domain/names.js';
import { renderChips } from '../../../../ui/chips.js';
import { dialogHead } from '../../../../ui/dialog.js';
import { formatDays } from '../../../../ui/format-days.js';
import {
  claimerTypes,
  claimInputSchema,
  publicWishStatuses,
  type ClaimReceipt,
  type WishCard,
} from '../../model.js';
import { SqClaimedEvent } from './events.js';
import type { SqWishWall as Wall } from './wish-wall.js';

export { viewStyles } from './views.styles.js';
export { dialogStyles } from '../../../../ui/dialog.js';
export { chipStyles } from '../../../../ui/chips.js';

/** The filter row: status chips; category chips and the grid behind 更多筛选. */
export function renderFilters(w: Wall) {
  const tree = w.tree;
  const lang = w.localize.lang;
  // One compact row: the statuses as chips, one tap each; category chips and the grid (a
  // select: a street may have many) behind 更多筛选, so a phone's first screen shows wishes.
  const all = w.t('all');
  const more = (w.category ? 1 : 0) + (w.grid ? 1 : 0);
  return html`<fieldset class="filters" part="filters">
    <legend class="visually-hidden">${w.t('filters')}</legend>
    ${renderChips(
      'f-status',
      w.t('status'),
      [['', all], ...publicWishStatuses.map((s) => [s, w.t(`statusName.${s}`)] as const)],
      w.status ?? '',
      (value) => w.setFilter('status', value),
    )}
    <details ?open=${more > 0}>
      <summary>${more ? w.t('moreFiltersOn', { count: more }) : w.t('moreFilters')}</summary>
      ${renderChips(
        'f-category',
        w.t('category'),
        [
          ['', all],
          ...categoriesOf(tree ?? { categories: {} }, 'wish').map(
            (c) => [c.id, displayName(c, lang)] as const,
          ),
        ],
        w.category ?? '',
        (value) => w.setFilter('category', value),
      )}
      <div class="field">
        <label for="f-grid">${w.t('grid')}</label>
        <select
          id="f-grid"
          @change=${(e: Event) => w.setFilter('grid', (e.target as HTMLSelectElement).value)}
        >
          <option value="">${all}</option>
          ${(tree?.grids ?? []).map(
            (g) =>
              html`<option value=${g.id} ?selected=${g.id === w.grid}>
                ${displayName(g, lang)}
              </option>`,
          )}
        </select>
      </div>
    </details>
  </fieldset>`;
}

/** The dialog's content: the wish, then its claim form, the receipt or why it cannot be claimed. */
export function renderDialog(w: Wall, card: WishCard) {
  return html`${dialogHead(() => w.dialog, w.t('close'), card.title)}
    ${w.renderMeta(card)}
    <h3>${w.t('story')}</h3>
    <p class="story">${card.story}</p>
    ${card.thanks ? html`<p class="thanks">${w.t('thanksMessage', { message: card.thanks })}</p>` : nothing}
    ${
      w.receipt
        ? renderReceipt(w, w.receipt)
        : card.status === 'open'
          ? renderClaimForm(w)
          : w.claiming.error
            ? w.renderAlert(w.claiming.error, '')
            : nothing
    }`;
}

function control(w: Wall, path: string, hint?: string) {
  const found = w.claimErrors.find((e) => e.path === path);
  const error = found ? w.t(found.key, found.params) : '';
  return {
    invalid: error ? 'true' : 'false',
    describedby: [hint ? `${path}-hint` : '', error ? `${path}-error` : ''].join(' ').trim(),
    error: error ? html`<p id="${path}-error" class="error-text">${error}</p>` : nothing,
  };
}

function renderClaimForm(w: Wall) {
  const privacy = w.tree?.privacy;
  const type = control(w, 'claimerType');
  const name = control(w, 'name', 'name');
  const phone = control(w, 'phone', 'phone');
  const consent = control(w, 'consent', 'notice');
  const errors = w.claimErrors;
  return html`<form class="claim" novalidate @submit=${(e: SubmitEvent) => claim(w, e)}>
    <h3>${w.t('claim.heading')}</h3>
    ${
      errors.length
        ? html`<div class="alert summary" role="alert" part="error">
            <p>${w.t('errorsHeading', { count: errors.length })}</p>
            <ul>
              ${errors.map((e) => html`<li>${w.t(e.key, e.params)}</li>`)}
            </ul>
          </div>`
        : w.claiming.error
          ? w.renderAlert(w.claiming.error, w.t('claim.failed'))
          : nothing
    }
    <fieldset class="choices" aria-describedby=${type.describedby || nothing}>
      <legend>${w.t('claim.type')}</legend>
      ${claimerTypes.map(
        (value) =>
          html`<label class="choice">
            <input
              type="radio"
              name="claimerType"
              value=${value}
              ?checked=${value === w.claimerType}
              aria-invalid=${type.invalid}
              @change=${() => (w.claimerType = value)}
            /><span>${w.t(`claimerTypes.${value}`)}</span>
          </label>`,
      )}
      ${type.error}
    </fieldset>
    <div class="field">
      <label for="name">${w.t(w.claimerType === 'unit' ? 'claim.unitName' : 'claim.name')}</label>
      <p id="name-hint" class="hint-text">${w.t('claim.nameHint')}</p>
      <input
        id="name"
        name="name"
        autocomplete=${w.claimerType === 'unit' ? 'organization' : 'name'}
        aria-invalid=${name.invalid}
        aria-describedby=${name.describedby}
      />
      ${name.error}
    </div>
    <div class="field">
      <label for="phone">${w.t('claim.phone')}</label>
      <p id="phone-hint" class="hint-text">${w.t('claim.phoneHint')}</p>
      <input
        id="phone"
        name="phone"
        type="tel"
        inputmode="tel"
        autocomplete="tel"
        aria-invalid=${phone.invalid}
        aria-describedby=${phone.describedby}
      />
      ${phone.error}
    </div>
    <p id="consent-hint" class="hint-text">
      ${privacy ? w.t('claim.notice', { controller: privacy.controller, days: formatDays(privacy.retentionDays, w.localize.lang), contact: privacy.contact }) : ''}
    </p>
    <label class="choice">
      <input
        type="checkbox"
        name="consent"
        aria-invalid=${consent.invalid}
        aria-describedby=${consent.describedby}
      /><span>${w.t('claim.consent')}</span>
    </label>
    ${consent.error}
    <button class="primary" ?disabled=${w.claiming.busy}>
      ${w.t(w.claiming.busy ? 'claim.sending' : 'claim.submit')}
    </button>
  </form>`;
}

async function claim(w: Wall, event: SubmitEvent) {
  event.preventDefault();
  const card = w.selected;
  const form = event.target as HTMLFormElement;
  if (!card || w.claiming.busy) return;
  const data = new FormData(form);
  const input = {
    claimerType: String(data.get('claimerType') ?? ''),
    name: String(data.get('name') ?? ''),
    phone: String(data.get('phone') ?? ''),
    consent: data.get('consent') === 'on' || undefined,
  };
  const checked = claimInputSchema.safeParse(input);
  w.claimErrors = checked.success ? [] : w.toFieldErrors(checked.error.issues);
  if (!checked.success) {
    w.claiming.reset();
    return focusInvalid(w);
  }
  const values = checked.data;
  const outcome = await w.claiming.run('claim', [card.id, values], (client, idempotencyKey) =>
    client.wishes.claim(card.id, values, { idempotencyKey }),
  );
  if (!outcome) return;
  if ('value' in outcome) {
    const receipt = outcome.value;
    w.receipt = receipt;
    w.replace(receipt.card);
    w.dispatchEvent(new SqClaimedEvent(receipt));
    await w.updateComplete;
    w.renderRoot.querySelector<HTMLElement>('.success h3')?.focus();
    return;
  }
  const failure = outcome.error;
  w.claimErrors = failure.fields;
  if (failure.code === 'already_claimed' || failure.code === 'invalid_transition') {
    // Someone else was first: show the card as it is now.
    w.replace(await w.client.wishes.get(card.id).catch(() => card));
  }
  if (failure.fields.length) void focusInvalid(w);
}

async function focusInvalid(w: Wall) {
  await w.updateComplete;
  w.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid=true]')?.focus();
}

async function copy(w: Wall) {
  try {
    await navigator.clipboard.writeText(w.receipt!.claimCode);
    w.copied = true;
  } catch {
    // No clipboard (insecure context, old WebView): the code stays on screen to write down.
  }
}

function renderReceipt(w: Wall, receipt: ClaimReceipt) {
  const date = new Intl.DateTimeFormat(w.localize.lang, {
    dateStyle: 'long',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(receipt.holdUntil));
  // The code in two groups of four, as the other receipts show theirs (easier to read out and
  // write down), which may wrap at 200% text; copy takes it whole.
  return html`<div class="success" role="status">
    <h3 tabindex="-1">${w.t('claimed.heading')}</h3>
    <p>${w.t('claimed.codeHint')}</p>
    <p class="code">
      <span>${w.t('claimed.code')}</span>
      <strong>${receipt.claimCode.replace(/^(.{4})(?=.)/, '$1 ')}</strong>
    </p>
    <button type="button" class="button-secondary" @click=${() => copy(w)}>
      ${w.t('claimed.copy')}
    </button>
    <span aria-live="polite">${w.copied ? w.t('claimed.copied') : ''}</span>
    <p>${w.t('claimed.holdUntil', { date })}</p>
  </div>`;
}
