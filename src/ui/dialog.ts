import { css, html, nothing } from 'lit';

/**
 * A modal dialog's head: its title (`#d-title`, focused when the dialog opens) and 关闭, which
 * stays at the end of the line even without a title.
 */
export const dialogHead = (dialog: () => HTMLDialogElement, close: string, title?: unknown) =>
  html`<div class="dialog-head">
    ${title === undefined ? nothing : html`<h2 id="d-title" tabindex="-1">${title}</h2>`}
    <button type="button" class="button-secondary close" @click=${() => dialog().close()}>
      ${close}
    </button>
  </div>`;

/** The modal dialog (the wall's claim, the calendar's activity): a sheet inside the viewport. */
export const dialogStyles = css`
  dialog {
    width: min(40rem, 100% - 1rem);
    max-height: calc(100% - 1rem);
    padding: var(--sq-space-4);
    color: inherit;
    background: var(--sq-color-surface);
    border: 0;
    border-radius: var(--sq-radius);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--sq-space-3);
  }
  .dialog-head h2 {
    flex: 1 1 12em;
    margin: 0;
  }
  .close {
    margin-inline-start: auto;
  }
`;
