import { css } from 'lit';

export const boardStyles = css`
  :host {
    display: block;
    max-width: var(--sq-redblack-board-max-width, 56rem);
    --sq-redblack-red: var(--sq-color-primary);
    --sq-redblack-black: var(--sq-color-text);
  }
  /* 党群服务中心's screen: read from a few metres away. Set inside the shadow root, so care
     mode's sizes (set on the host from outside, which wins over :host) do not shrink it. */
  :host([kiosk]) {
    max-width: none;
  }
  .kiosk-root {
    --sq-font-size-body: 1.5rem;
    --sq-font-size-small: 1.5rem;
    --sq-font-size-heading: 2.25rem;
    --sq-font-size-key: 2.25rem;
    --sq-target-size: 3.75rem;
    font-size: var(--sq-font-size-body);
  }
  h2,
  h3 {
    margin: var(--sq-space-3) 0;
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
    align-items: end;
    margin: var(--sq-space-3) 0;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
  }
  .tab {
    font-weight: 600;
  }
  .tab[data-list='black'] {
    color: var(--sq-redblack-black);
  }
  .tab[aria-pressed='true'] {
    color: var(--sq-color-on-primary);
    background: var(--sq-redblack-red);
    border-color: var(--sq-redblack-red);
  }
  .tab[data-list='black'][aria-pressed='true'] {
    background: var(--sq-redblack-black);
    border-color: var(--sq-redblack-black);
  }
  .period {
    display: grid;
    gap: var(--sq-space-1);
    flex: 1 1 14rem;
    min-width: 0;
  }
  .period label {
    font-weight: 600;
  }
  .cards {
    display: grid;
    gap: var(--sq-space-3);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    margin-top: var(--sq-space-3);
  }
  :host([kiosk]) .cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr));
  }
  .card {
    display: grid;
    gap: var(--sq-space-2);
    align-content: start;
    padding: var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-top: 0.375rem solid var(--sq-redblack-red);
    border-radius: var(--sq-radius);
    background: var(--sq-color-surface);
  }
  .card[data-list='black'] {
    border-top-color: var(--sq-redblack-black);
  }
  .card h4 {
    margin: 0;
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
  }
  .list-tag {
    font-weight: 700;
    color: var(--sq-redblack-red);
  }
  .card[data-list='black'] .list-tag {
    color: var(--sq-redblack-black);
  }
  .meta {
    color: var(--sq-color-text-muted);
  }
  .rectified {
    padding: var(--sq-space-2) var(--sq-space-3);
    border-inline-start: 0.25rem solid var(--sq-status-done);
    background: var(--sq-color-surface-raised);
  }
  .card button {
    justify-self: start;
  }
  .changes {
    margin-top: var(--sq-space-5);
  }
  .changes li {
    padding: var(--sq-space-2) 0;
    border-bottom: var(--sq-border-width) solid var(--sq-color-border);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
    margin-top: var(--sq-space-4);
  }
  .kiosk-bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-3);
    align-items: center;
    margin-top: var(--sq-space-4);
  }
  /* The A4 poster for the notice board: both lists side by side, nothing to press. */
  :host([poster]) {
    max-width: 190mm;
    color: #000;
  }
  .poster-title {
    text-align: center;
    font-size: 2rem;
  }
  .poster-lists {
    display: grid;
    gap: var(--sq-space-4);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
  }
  .poster-lists h3 {
    text-align: center;
    padding: var(--sq-space-2);
    color: var(--sq-color-on-primary);
    background: var(--sq-redblack-red);
    border-radius: var(--sq-radius);
  }
  .poster-lists section[data-list='black'] h3 {
    background: var(--sq-redblack-black);
  }
  .poster-lists .cards {
    grid-template-columns: 1fr;
  }
  .poster-footer {
    margin-top: var(--sq-space-4);
    text-align: center;
  }
  @media print {
    :host {
      max-width: none;
      color: #000;
    }
    button,
    .bar,
    .actions,
    .kiosk-bar {
      display: none !important;
    }
    .card {
      break-inside: avoid;
    }
  }
`;
