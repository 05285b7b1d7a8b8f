import { html } from 'lit';
import type { ComplaintReceipt } from '../../views.js';
import type { LocalizeController } from '../../../../ui/localize.js';

/**
 * The receipt of <sq-complaint-form>: ticket, the query code (shown this once) with a copy
 * button, the due date. Loaded after the form's first render: it is needed only after a submit.
 */
export function renderReceipt(
  r: ComplaintReceipt,
  t: LocalizeController,
  note: string,
  say: (note: string) => void,
  again: () => void,
) {
  const copy = async (e: Event) => {
    try {
      await navigator.clipboard.writeText(r.queryCode);
      say(t.t('receipt.copied'));
    } catch {
      // No clipboard (plain-http page, old WebView): select the code for a long-press copy.
      const code = (e.target as Element).parentNode!.querySelector('#code')!;
      getSelection()?.selectAllChildren(code);
      say(t.t('receipt.copyFailed'));
    }
  };
  const due = new Intl.DateTimeFormat(t.lang, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${r.dueDate}T00:00:00Z`),
  );
  return html`<section class="box" part="receipt">
    <h2 id="done" tabindex="-1" part="title">${t.t('receipt.received')}</h2>
    <dl>
      <dt>${t.t('receipt.ticket')}</dt>
      <dd class="key">${r.ticket}</dd>
      <dt>${t.t('receipt.code')}</dt>
      <dd><span id="code" class="key">${r.queryCode}</span></dd>
      <dt>${t.t('receipt.due')}</dt>
      <dd>${due}</dd>
    </dl>
    <button type="button" class="button-secondary" @click=${copy}>${t.t('receipt.copy')}</button>
    <p role="status">${note}</p>
    <p class="warn">${t.t('receipt.keep')}</p>
    <button type="button" class="button-secondary" @click=${again}>${t.t('receipt.again')}</button>
  </section>`;
}
