import { html, nothing } from 'lit';

export interface CodeReceiptProps {
  heading: string;
  /** Lines before the figures (what happens next). */
  notes?: string[];
  /**
   * Label and value of each figure (text, or a template that keeps its parts whole); `key`:
   * shown large, `code`: the one-time code (`#code`).
   */
  rows: [label: string, value: unknown, kind?: 'key' | 'code'][];
  /** The one-time code, for the copy button. */
  code: string;
  copy: string;
  /** What the last copy did ("已复制。"), said politely. */
  said: string;
  /** Copies the code; where the clipboard is refused, selects it for a long press. */
  onCopy: (copied: boolean) => void;
  /** "Keep the code: it is shown only this once." */
  keep: string;
  again: string;
  onAgain: () => void;
  /** What else the receipt offers, before "another one" (the booking's calendar file). */
  more?: unknown;
}

/**
 * A receipt with a one-time code (ticket and query code, wish code): heading to focus
 * (`#done`), the figures (tokens never broken across lines), copy, a warning to keep the
 * code, and "another one".
 */
export function codeReceipt(p: CodeReceiptProps) {
  const copy = async (e: Event) => {
    try {
      await navigator.clipboard.writeText(p.code);
      p.onCopy(true);
    } catch {
      // No clipboard (plain-http page, old WebView): select the code for a long-press copy.
      const code = (e.target as Element).closest('[part=receipt]')!.querySelector('#code')!;
      getSelection()?.selectAllChildren(code);
      p.onCopy(false);
    }
  };
  return html`<section class="box receipt" part="receipt">
    <h2 id="done" tabindex="-1" part="title">${p.heading}</h2>
    ${(p.notes ?? []).map((n) => html`<p>${n}</p>`)}
    <dl>
      ${p.rows.map(
        ([label, value, kind]) =>
          html`<dt>${label}</dt>
            <dd>
              <span id=${kind === 'code' ? 'code' : nothing} class=${kind ? 'token key' : nothing}
                >${value}</span
              >
            </dd>`,
      )}
    </dl>
    <button type="button" class="button-secondary" @click=${copy}>${p.copy}</button>
    <p role="status">${p.said}</p>
    <p class="warn">${p.keep}</p>
    ${p.more ?? nothing}
    <button type="button" class="button-secondary" @click=${p.onAgain}>${p.again}</button>
  </section>`;
}
