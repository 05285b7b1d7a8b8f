import { css } from 'lit';

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
  h3 {
    font-size: var(--sq-font-size-body);
  }
  h4 {
    font-size: calc(var(--sq-font-size-body) * 1.125);
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
  .row h3 {
    flex: 1 1 100%;
  }
  /* The two filters as wide as their choices, beside their labels and 刷新 on a wide desk. */
  select {
    width: auto;
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
  dl {
    margin: 0;
  }
  /* Long words wrap by the host's overflow-wrap (baseStyles). */
  dd {
    margin: 0;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8em), 1fr));
    gap: var(--sq-space-3);
    margin-block-start: var(--sq-space-3);
  }
  .figures dd {
    font-size: var(--sq-font-size-key);
    font-weight: 700;
  }
  .list {
    display: grid;
    gap: var(--sq-wish-review-gap, var(--sq-space-3));
    margin: var(--sq-space-3) 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    gap: var(--sq-space-2);
  }
  .story {
    white-space: pre-line;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13em), 1fr));
    gap: var(--sq-space-1) var(--sq-space-4);
    font-size: var(--sq-font-size-small);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
  }
  .empty {
    margin: var(--sq-space-4) 0;
    color: var(--sq-color-text-muted);
  }
  .more {
    width: 100%;
  }
`;
