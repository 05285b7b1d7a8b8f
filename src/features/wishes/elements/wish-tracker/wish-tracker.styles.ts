import { css } from 'lit';

export const wishTrackerStyles = css`
  :host {
    display: block;
    max-width: var(--sq-wish-tracker-max-width, 40rem);
    overflow-wrap: anywhere;
  }
  h2,
  h3 {
    margin: 0 0 var(--sq-space-2);
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  .success {
    border-inline-start-color: var(--sq-color-success);
  }
  .alert p,
  .notice p {
    flex: 1 1 12rem;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: var(--sq-space-3);
    margin: var(--sq-space-3) 0;
  }
  .status {
    font-size: var(--sq-font-size-key);
    font-weight: 600;
    line-height: 1.3;
    padding-inline-start: var(--sq-space-2);
    color: var(--sq-status);
    border-inline-start: 4px solid currentColor;
  }
  .rejected,
  .withdrawn {
    border-color: var(--sq-color-text-muted);
  }
  .text {
    white-space: pre-wrap;
  }
  .box {
    margin: var(--sq-space-4) 0;
    padding: var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
  }
  .box > :first-child {
    margin-top: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-3);
    margin-top: var(--sq-space-4);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
`;
