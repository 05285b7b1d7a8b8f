import { css } from 'lit';

export const trackerStyles = css`
  :host {
    display: block;
    max-width: var(--sq-complaint-tracker-max-width, 40rem);
    overflow-wrap: anywhere;
  }
  h2,
  h3,
  legend {
    margin: 0 0 var(--sq-space-2);
    padding: 0;
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  fieldset {
    margin: 0;
  }
  form > .alert {
    display: block;
    margin: 0;
  }
  .success {
    border-inline-start-color: var(--sq-color-success);
  }
  .alert p {
    flex: 1 1 12rem;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: var(--sq-space-3);
    margin: 0;
  }
  .key,
  .status {
    font-size: var(--sq-font-size-key);
    font-weight: 600;
    line-height: 1.3;
  }
  .status {
    padding-inline-start: var(--sq-space-2);
    color: var(--sq-status);
    border-inline-start: 4px solid currentColor;
  }
  .badge {
    font-size: var(--sq-font-size-body);
    vertical-align: middle;
  }
  .text {
    white-space: pre-wrap;
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ol li {
    position: relative;
    display: grid;
    margin-inline-start: var(--sq-space-2);
    padding: 0 0 var(--sq-space-4) var(--sq-space-5);
    border-inline-start: 2px solid var(--sq-color-border);
  }
  ol li::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.45em;
    top: 0.4em;
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    background: var(--sq-color-surface);
    border: 2px solid var(--sq-color-border);
  }
  ol li:last-child {
    border-color: transparent;
  }
  ol li.latest::before {
    background: var(--sq-color-primary);
    border-color: var(--sq-color-primary);
  }
  time {
    font-size: var(--sq-font-size-small);
    color: var(--sq-color-text-muted);
  }
  li .text {
    margin-top: var(--sq-space-1);
    padding: var(--sq-space-2) var(--sq-space-3);
    background: var(--sq-color-surface-raised);
    border-radius: var(--sq-radius);
  }
  .rate {
    margin: var(--sq-space-4) 0;
    padding: var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  fieldset {
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--sq-space-4);
    margin-top: var(--sq-space-2);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  ul {
    margin: var(--sq-space-1) 0 0;
    padding-inline-start: 1.25em;
  }
  .rate .field,
  .given {
    margin: var(--sq-space-4) 0;
  }
`;
