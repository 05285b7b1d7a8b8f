import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    max-width: var(--sq-wish-form-max-width, 40rem);
  }
  h2 {
    margin: 0 0 var(--sq-space-2);
    font-size: var(--sq-font-size-heading);
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 var(--sq-space-2);
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--sq-space-1);
    margin-top: var(--sq-space-4);
  }
  label {
    font-weight: 600;
  }
  .tag {
    font-weight: 400;
    font-size: var(--sq-font-size-small);
    color: var(--sq-color-text-muted);
  }
  textarea {
    resize: vertical;
  }
  .counter {
    text-align: end;
  }
  .over {
    color: var(--sq-color-danger);
  }
  .shown {
    margin-top: var(--sq-space-2);
    color: var(--sq-color-success);
    font-weight: 600;
  }
  .privacy {
    margin-top: var(--sq-space-5);
    padding: var(--sq-space-3);
    background: var(--sq-color-surface-raised);
    border-radius: var(--sq-radius);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--sq-space-2);
    margin-top: var(--sq-space-3);
    font-weight: 400;
  }
  .choice input {
    flex: none;
    width: var(--sq-target-size);
    height: var(--sq-target-size);
    margin: 0;
    accent-color: var(--sq-color-primary);
  }
  .primary {
    width: 100%;
    margin-top: var(--sq-space-4);
    color: var(--sq-color-on-primary);
    background: var(--sq-color-primary);
    border: 0;
    font-weight: 600;
  }
  .primary:disabled {
    opacity: 0.7;
    cursor: progress;
  }
  .notice,
  .alert,
  .success {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sq-space-3);
    margin-top: var(--sq-space-3);
    padding: var(--sq-space-3);
    border-radius: var(--sq-radius);
    background: var(--sq-color-surface-raised);
    border-inline-start: 4px solid var(--sq-color-warning);
  }
  .notice p,
  .alert p {
    flex: 1 1 12rem;
  }
  .alert {
    border-inline-start-color: var(--sq-color-danger);
  }
  .summary,
  .success {
    display: block;
  }
  .success {
    border-inline-start-color: var(--sq-color-success);
  }
  .success p {
    margin-top: var(--sq-space-2);
  }
  .summary ul {
    margin: var(--sq-space-1) 0 0;
    padding-inline-start: 1.25em;
  }
  .code strong {
    font-size: var(--sq-font-size-key);
    letter-spacing: 0.1em;
  }
`;
