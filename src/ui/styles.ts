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
  .hint-text {
    color: var(--sq-color-text-muted);
    font-size: var(--sq-font-size-small);
  }
`;
