import { css } from 'lit';

export const calendarStyles = css`
  :host {
    display: block;
    max-width: var(--sq-activity-calendar-max-width, 60rem);
    --sq-activity-calendar-off: var(--sq-color-primary);
    --sq-activity-calendar-work: var(--sq-ref-gray-700);
    --sq-activity-calendar-chip: var(--sq-color-primary-subtle);
  }
  h2,
  h3 {
    margin: var(--sq-space-3) 0;
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  h3 {
    font-size: var(--sq-font-size-key);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-3);
    justify-content: space-between;
  }
  .views,
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
  }
  .views button {
    min-width: calc(var(--sq-target-size) * 1.25);
  }
  [aria-pressed='true'] {
    color: var(--sq-color-on-primary);
    background: var(--sq-color-primary);
    border-color: var(--sq-color-primary);
    font-weight: 600;
  }
  /* The grid: seven equal columns that shrink with the element (never a sideways scroll). */
  table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  th {
    padding: var(--sq-space-1) 0;
    font-weight: 600;
    color: var(--sq-color-text-muted);
  }
  th.weekend {
    color: var(--sq-color-primary);
  }
  .day {
    vertical-align: top;
    height: 5.5rem;
    padding: var(--sq-space-1);
    border: var(--sq-border-width) solid var(--sq-color-border);
    background: var(--sq-color-surface);
    cursor: pointer;
    line-height: 1.25;
    /* At 320px and 200% text a long name cannot widen the page: the chosen day shows it whole. */
    overflow: hidden;
  }
  .week .day {
    height: 8rem;
  }
  /*
   * A grid under 18em wide (a phone's 320px at 200% text; English under 24em: a phone):
   * a cell is too narrow for lunar days and names, so it shows the day and its 休/班 badge; the
   * chosen day below shows the rest, and each cell's label says it all to a screen reader.
   */
  .tiny .day {
    height: auto;
    min-height: 3rem;
    padding: 1px;
  }
  .tiny .badge {
    padding: 0;
  }
  /* 休/班 keep body size; English "Work" is wider than a tiny cell and would break mid-word. */
  .tiny .badge:lang(en) {
    font-size: 0.7em;
  }
  .tiny .day .lunar,
  .tiny .day .term,
  .tiny .day .festival {
    display: none;
  }
  .day > span {
    display: block;
  }
  .day .top {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 2px;
  }
  .num {
    font-size: 1.125em;
    font-weight: 700;
  }
  .weekend .num {
    color: var(--sq-color-primary);
  }
  .lunar,
  .term,
  .festival {
    font-size: var(--sq-font-size-small);
  }
  .lunar {
    color: var(--sq-color-text-muted);
  }
  .lunar.month-start,
  .term {
    color: var(--sq-color-success);
    font-weight: 600;
  }
  .festival {
    color: var(--sq-color-primary);
    font-weight: 600;
  }
  .day.outside {
    background: var(--sq-color-surface-raised);
  }
  .day.outside > span {
    opacity: 0.75;
  }
  .day.off {
    background: var(--sq-color-primary-subtle);
  }
  .day[aria-current='date'] {
    box-shadow: inset 0 0 0 3px var(--sq-color-primary);
  }
  .day[aria-selected='true'] {
    outline: 3px solid var(--sq-color-text);
    outline-offset: -3px;
  }
  .day:focus-visible {
    outline: var(--sq-focus-ring);
    outline-offset: -3px;
  }
  .badge {
    display: inline-block;
    padding: 0 0.3em;
    border-radius: 0.25rem;
    color: var(--sq-color-on-primary);
    background: var(--sq-activity-calendar-off);
    font-size: var(--sq-font-size-small);
    font-weight: 700;
    line-height: 1.4;
  }
  .badge[data-status='work'] {
    background: var(--sq-activity-calendar-work);
  }
  .detail {
    margin-top: var(--sq-space-3);
    padding: var(--sq-space-3);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  h4 {
    margin: 0;
    font-size: var(--sq-font-size-body);
  }
  .lines {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-1) var(--sq-space-3);
    margin: var(--sq-space-1) 0 0;
  }
  .agenda {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .agenda > li {
    padding: var(--sq-space-3) 0;
    border-bottom: var(--sq-border-width) solid var(--sq-color-border);
  }
  .agenda > li.today {
    padding-inline: var(--sq-space-3);
    border-inline-start: 4px solid var(--sq-color-primary);
  }
  .today-tag {
    margin-inline-start: var(--sq-space-2);
    color: var(--sq-color-primary);
  }
  [part='mine'] {
    margin-bottom: var(--sq-space-3);
  }
  /* Empty, the live region takes no room and stays in the accessibility tree. */
  .loading:empty {
    position: absolute;
  }
`;
