import { css } from 'lit';

export const scoreSheetStyles = css`
  :host {
    display: block;
    max-width: var(--sq-score-sheet-max-width, 64rem);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-3);
    align-items: flex-end;
  }
  .bar .field {
    flex: 0 1 16em;
    min-width: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: var(--sq-space-3) 0;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: var(--sq-space-1);
  }
  th,
  td {
    text-align: start;
    padding: var(--sq-space-1) var(--sq-space-2);
    border-bottom: var(--sq-border-width) solid var(--sq-color-border);
    overflow-wrap: anywhere;
  }
  /* From a phone's width at normal text size, headers, building names and badges break between words only. */
  @media (min-width: 22em) {
    th,
    .badge {
      overflow-wrap: break-word;
    }
  }
  /* Care mode's wider borders and type: four columns fit 320px at 200% text with half the side padding. */
  :host([data-sq-care]) th,
  :host([data-sq-care]) td {
    padding-inline: var(--sq-space-1);
  }
  td.n {
    font-variant-numeric: tabular-nums;
  }
  .buildings {
    display: grid;
    gap: var(--sq-space-4);
    margin: var(--sq-space-4) 0 0;
    padding: 0;
    list-style: none;
  }
  [part='building'] {
    padding: var(--sq-space-3) var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-inline-start-width: 6px;
    border-radius: var(--sq-radius);
  }
  /* Candidates by text (the badge) and by the edge's colour. */
  [part='building'][data-suggestion='red'] {
    border-inline-start-color: var(--sq-color-primary);
  }
  [part='building'][data-suggestion='black'] {
    border-inline-start-color: var(--sq-color-text);
  }
  h3 {
    margin: 0 0 var(--sq-space-1);
    font-size: var(--sq-font-size-heading);
  }
  .items {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9em), 1fr));
    gap: var(--sq-space-3);
    margin: var(--sq-space-3) 0;
  }
  .items input {
    width: 100%;
  }
  .meta {
    color: var(--sq-color-text-muted);
  }
  .badge-red {
    font-weight: 700;
    color: var(--sq-color-primary);
  }
  .badge-black {
    font-weight: 700;
  }
`;
