import { css } from 'lit';

export const bookingStyles = css`
  :host {
    display: block;
    max-width: var(--sq-volunteer-booking-max-width, 44rem);
  }
  h2,
  h3 {
    margin: var(--sq-space-3) 0;
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  h3 .count {
    display: block;
    font-size: var(--sq-font-size-body);
    font-weight: 400;
    color: var(--sq-color-text-muted);
  }
  .tabs,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
  }
  [aria-pressed='true'] {
    color: var(--sq-color-on-primary);
    background: var(--sq-color-primary);
    border-color: var(--sq-color-primary);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .cards {
    display: grid;
    gap: var(--sq-space-3);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  .card {
    display: grid;
    gap: var(--sq-space-2);
    align-content: start;
    padding: var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
    overflow-wrap: anywhere;
  }
  .card h4 {
    margin: 0;
    font-size: var(--sq-font-size-heading);
  }
  .card p {
    margin: 0;
  }
  .when {
    font-weight: 600;
  }
  .days {
    display: grid;
    gap: var(--sq-space-2);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 7em), 1fr));
  }
  .slots {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10em), 1fr));
  }
  .day {
    display: grid;
    gap: 0;
    place-content: center;
    width: 100%;
    height: 100%;
    min-height: calc(var(--sq-target-size) * 1.3);
    padding: var(--sq-space-2);
    text-align: center;
    color: var(--sq-color-text);
    background: var(--sq-color-surface);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  .day[data-state='full'] span {
    color: var(--sq-color-warning);
  }
  .day[aria-pressed='true'] span {
    color: inherit;
  }
  .day.closed {
    color: var(--sq-color-text-muted);
    background: var(--sq-color-surface-disabled);
    border-style: dashed;
  }
  .note {
    font-size: var(--sq-font-size-small);
    overflow-wrap: anywhere;
  }
  .back {
    margin-top: var(--sq-space-2);
  }
  .summary-list {
    display: grid;
    /* Label above value on a phone; side by side once there is room. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--sq-space-2) var(--sq-space-3);
    margin: var(--sq-space-3) 0;
    overflow-wrap: anywhere;
  }
  @media (min-width: 30rem) {
    .summary-list {
      grid-template-columns: minmax(4em, max-content) minmax(0, 1fr);
    }
  }
  .summary-list dt {
    font-weight: 600;
  }
  .summary-list dd {
    margin: 0;
  }
  .key {
    font-size: var(--sq-font-size-key);
  }
  .receipt {
    margin-top: var(--sq-space-3);
  }
  /* The code's two groups may go on two lines rather than widen the page. */
  .receipt #code {
    white-space: normal;
  }
  .box h4 {
    margin: 0;
  }
`;
