import { css } from 'lit';

/** The first render's: the heading row, the sign-in form, the live region. */
export const wishReviewStyles = css`
  :host {
    display: block;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
    font-size: var(--sq-font-size-heading);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--sq-focus-ring);
  }
  p {
    margin: 0;
  }
  section,
  form {
    margin-block-start: var(--sq-space-4);
  }
  .head,
  .row,
  .who,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sq-space-2) var(--sq-space-3);
  }
  .head {
    justify-content: space-between;
  }
  .status:not(:empty) {
    margin-block-start: var(--sq-space-3);
    color: var(--sq-color-success);
    font-weight: 600;
  }
  form,
  section[part='counts'],
  .item {
    padding: var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
    background: var(--sq-color-surface);
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--sq-space-3);
    max-width: 28rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--sq-space-1);
  }
  label,
  dt {
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
`;
