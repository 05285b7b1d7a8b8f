import { css } from 'lit';

/** The case view's look, adopted with the case view (case.ts): out of the desk's first render. */
export const caseStyles = css`
  h4,
  h5 {
    margin: var(--sq-space-4) 0 var(--sq-space-2);
    font-size: inherit;
  }
  .box h5 {
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(5em, max-content) 1fr;
    gap: var(--sq-space-1) var(--sq-space-3);
    align-items: baseline;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .part {
    display: inline-block;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .photos {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
  }
  img {
    display: block;
    width: min(100%, 16rem);
    min-height: 4rem;
    object-fit: contain;
    background: var(--sq-color-surface-raised);
    border-radius: var(--sq-radius);
  }
  .history li {
    padding: var(--sq-space-2) var(--sq-space-3);
    border-inline-start: 4px solid var(--sq-color-border);
  }
  .history .internal {
    background: var(--sq-color-surface-raised);
    border-color: var(--sq-color-warning);
  }
  .history p {
    margin: 0;
  }
  /* The phone: a tel: link, a whole target to tap on a phone. */
  .tel {
    display: inline-flex;
    align-items: center;
    min-height: var(--sq-target-size);
    color: var(--sq-color-primary);
  }
  .meta {
    color: var(--sq-color-text-muted);
  }
`;
