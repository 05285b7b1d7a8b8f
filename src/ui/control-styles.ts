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
    /* Said here, not only inherited: inside <details> (the wall's 更多筛选) Chromium's slot
       passes content-box on, and the padding widened the page at 320px. */
    box-sizing: border-box;
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
  /* The staff sign-in (SignInForm): two fields, as wide as a name and a password, not a desk. */
  [part='login'] {
    max-width: 28rem;
  }
`;

// The message boxes live in their own module: a css`` literal is never tree-shaken, so an
// element that needs only them must not import this file.
export { messageStyles } from './message-styles.js';
