import { css } from 'lit';

export const wallStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    max-width: var(--sq-wish-wall-max-width, 48rem);
  }
  h2 {
    margin: 0 0 var(--sq-space-3);
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  h3 {
    margin: var(--sq-space-4) 0 var(--sq-space-2);
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--sq-wish-wall-gap, var(--sq-space-3));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    position: relative;
    width: 100%;
    padding: var(--sq-space-4);
    background: var(--sq-color-surface);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  :host(:state(virtualized)) .list {
    display: block;
  }
  :host(:state(virtualized)) .card {
    margin-bottom: var(--sq-wish-wall-gap, var(--sq-space-3));
  }
  /* Chromium 90–124 (WeChat XWeb): the dashed state, in rules of their own. */
  :host(:--virtualized) .list {
    display: block;
  }
  :host(:--virtualized) .card {
    margin-bottom: var(--sq-wish-wall-gap, var(--sq-space-3));
  }
  .card:hover {
    border-color: var(--sq-color-primary);
  }
  .title {
    margin: 0 0 var(--sq-space-2);
  }
  .card .open {
    width: 100%;
    margin-top: var(--sq-space-3);
  }
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
    margin-bottom: var(--sq-space-1);
  }
  .tag {
    padding: 0 var(--sq-space-2);
    font-size: var(--sq-font-size-small);
    border: 1px solid currentColor;
    border-radius: var(--sq-radius);
    color: var(--sq-color-text-muted);
  }
  .thanks {
    color: var(--sq-color-success);
  }
  .meta {
    color: var(--sq-color-text-muted);
  }
  .more,
  .primary {
    width: 100%;
    margin-top: var(--sq-space-4);
  }
`;
