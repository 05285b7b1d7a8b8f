import { css } from 'lit';

/** Styles every element shares: type, focus ring, targets, visually hidden text. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--sq-font-family);
    font-size: var(--sq-font-size-body);
    line-height: var(--sq-line-height);
    color: var(--sq-color-text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--sq-focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    min-height: var(--sq-target-size);
    min-width: var(--sq-target-size);
    padding: 0 var(--sq-space-4);
    border-radius: var(--sq-radius);
    cursor: pointer;
  }
  .button-secondary {
    color: var(--sq-color-primary);
    background: var(--sq-color-surface);
    border: var(--sq-border-width) solid currentColor;
  }
  .button-secondary:hover {
    background: var(--sq-color-primary-subtle);
  }
  .error-text {
    color: var(--sq-color-danger);
    font-size: var(--sq-font-size-small);
  }
  /* Hints at body size: ≥ 16px in default mode too (most elders never turn on care mode). */
  .hint-text {
    color: var(--sq-color-text-muted);
    font-size: var(--sq-font-size-body);
  }
  /* Tickets, codes, phones, amounts and times are read as one unit: never broken. */
  .nowrap {
    white-space: nowrap;
  }
  /* A long token (a URL, a code) in an alert wraps instead of widening the page. */
  [role='alert'],
  .alert {
    overflow-wrap: anywhere;
  }
  input,
  select,
  textarea {
    min-width: 0;
    max-width: 100%;
  }
`;
