import { css } from 'lit';

/** The list's look, adopted with the list (list.ts): out of the desk's first render. */
export const listStyles = css`
  .list {
    display: grid;
    gap: var(--sq-space-2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-1) var(--sq-space-3);
    width: 100%;
    padding: var(--sq-space-3);
    text-align: start;
    color: inherit;
    background: var(--sq-color-surface);
    border: var(--sq-border-width) solid var(--sq-color-border);
  }
  .row:hover,
  .row[aria-current='true'] {
    background: var(--sq-color-surface-raised);
  }
  .row[aria-current='true'] {
    border-inline-start: 6px solid var(--sq-color-primary);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--sq-space-1) var(--sq-space-3);
    flex-basis: 100%;
  }
  .muted {
    color: var(--sq-color-text-muted);
  }
  .late {
    color: var(--sq-color-danger);
  }
  .excerpt {
    flex-basis: 100%;
    color: var(--sq-color-text-muted);
  }
`;
