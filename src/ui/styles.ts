import { css } from 'lit';

/** Styles every element shares: type, focus ring, targets, visually hidden text. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--sq-font-family);
    font-size: var(--sq-font-size-body);
    line-height: var(--sq-line-height);
    color: var(--sq-color-text);
    /* A word longer than the line (English in care mode at 320px and 200% text) wraps rather
       than widen the page. */
    overflow-wrap: anywhere;
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
  /* Errors say what to do: read at body size, like the text they are about. */
  .error-text {
    color: var(--sq-color-danger);
  }
  /* Hints at body size: ≥ 16px in default mode too (most elders never turn on care mode). */
  .hint-text {
    color: var(--sq-color-text-muted);
    font-size: var(--sq-font-size-body);
  }
  /* Tickets, codes, phones, amounts and times are read as one unit: one box that moves to the
     next line whole, never split ("SQ-2026-" / "000003"). Only when it is wider than a whole
     line (320px at 200% text in care mode) does it wrap inside its box, not widen the page. */
  .nowrap {
    display: inline-block;
    max-width: 100%;
    overflow-wrap: anywhere;
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
