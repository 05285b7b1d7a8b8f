import { css } from 'lit';

/** The signed-in view's (queue.ts), adopted when it loads; the boxes and rows are the first's. */
export const queueStyles = css`
  h3 {
    font-size: var(--sq-font-size-body);
  }
  h4 {
    font-size: calc(var(--sq-font-size-body) * 1.125);
  }
  .row h3 {
    flex: 1 1 100%;
  }
  /* The two filters as wide as their choices, beside their labels and 刷新 on a wide desk. */
  select {
    width: auto;
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
