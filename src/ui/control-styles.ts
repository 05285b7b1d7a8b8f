import { css } from 'lit';

/**
 * What the elements' forms share: text fields, the invalid state, the primary button. Elements
 * list it after baseStyles and before their own styles, which refine it.
 */
export const controlStyles = css`
  textarea,
  select,
  input:not([type='checkbox']):not([type='radio']) {
    width: 100%;
    /* Shrinks with its column (a grid or flex item's minimum is its content otherwise). */
    min-width: 0;
    min-height: var(--sq-target-size);
    padding: var(--sq-space-2) var(--sq-space-3);
    font: inherit;
    color: inherit;
    background: var(--sq-color-surface);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  /* As specific as the field rule above, so it wins (no :where(): WebView 86 lacks it). */
  [aria-invalid='true'],
  textarea[aria-invalid='true'],
  select[aria-invalid='true'],
  input:not([type='checkbox']):not([type='radio'])[aria-invalid='true'] {
    border: 2px solid var(--sq-color-danger);
  }
  .primary {
    color: var(--sq-color-on-primary);
    background: var(--sq-color-primary);
    border: 0;
    font-weight: 600;
  }
  .primary:hover {
    background: var(--sq-color-primary-hover);
  }
`;

/** The alert, notice and success boxes (role=alert / status messages). */
export const messageStyles = css`
  .alert,
  .notice,
  .success {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sq-space-3);
    margin: var(--sq-space-3) 0;
    padding: var(--sq-space-3);
    border-radius: var(--sq-radius);
    background: var(--sq-color-surface-raised);
    border-inline-start: 4px solid var(--sq-color-warning);
  }
  .alert {
    border-inline-start-color: var(--sq-color-danger);
  }
  /* A long token (a ticket, a URL) wraps rather than widening the page. */
  .alert,
  .notice {
    overflow-wrap: anywhere;
  }
  .alert p,
  .notice p {
    flex: 1 1 12rem;
    margin: 0;
  }
`;
