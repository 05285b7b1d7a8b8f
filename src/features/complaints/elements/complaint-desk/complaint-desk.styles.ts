import { css } from 'lit';

export const deskStyles = css`
  :host {
    display: block;
    max-width: var(--sq-complaint-desk-max-width, 80rem);
  }
  /* The list beside the open case at ≥ 960px; below, the case takes the screen. */
  @media (max-width: 959.98px) {
    .open > .main {
      display: none;
    }
  }
  @media (min-width: 960px) {
    .open {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: var(--sq-space-5);
      align-items: start;
    }
  }
  header,
  nav,
  .bar,
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sq-space-2) var(--sq-space-3);
    margin: 0 0 var(--sq-space-3);
  }
  .filters {
    align-items: flex-end;
  }
  header h2 {
    flex: 1 1 auto;
  }
  h2,
  h3 {
    margin: var(--sq-space-3) 0;
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  [aria-pressed='true'],
  .primary {
    color: var(--sq-color-on-primary);
    background: var(--sq-color-primary);
    border: var(--sq-border-width) solid var(--sq-color-primary);
  }
  .box {
    display: grid;
    gap: var(--sq-space-3);
    max-width: 36rem;
    padding: var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  .box h2 {
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--sq-space-1);
    flex: 1 1 12em;
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  /* Not the checkbox: "只看超期" is a choice (choiceStyles), not an empty text box. */
  select,
  input:not([type='checkbox']),
  textarea {
    font: inherit;
    min-height: var(--sq-target-size);
    padding: var(--sq-space-2);
    color: var(--sq-color-text);
    background: var(--sq-color-surface);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--sq-color-danger);
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Boxes sit flush with what is above them here (messageStyles draws them). */
  .alert,
  .notice {
    margin: 0 0 var(--sq-space-3);
  }
`;
