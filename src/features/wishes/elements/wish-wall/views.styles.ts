import { css } from 'lit';

/**
 * The filters and the wish's dialog (story, claim form, receipt): adopted when the wall's later
 * chunk loads, before either can show (the filters wait for the community, the dialog for a tap).
 */
export const viewStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .filters {
    display: grid;
    /* One column as wide as the wall: a long grid name in the select no longer widens it. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--sq-space-2);
    margin-bottom: var(--sq-space-4);
  }
  summary {
    display: flex;
    align-items: center;
    min-height: var(--sq-target-size);
    color: var(--sq-color-primary);
    font-weight: 600;
    cursor: pointer;
  }
  details[open] > summary {
    margin-bottom: var(--sq-space-2);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--sq-space-1);
    min-width: 0;
    margin-top: var(--sq-space-3);
  }
  label,
  legend {
    font-weight: 600;
  }
  .story {
    white-space: pre-line;
  }
  .success {
    display: block;
    border-inline-start-color: var(--sq-color-success);
  }
  .summary {
    display: block;
  }
  .summary ul {
    margin: var(--sq-space-1) 0 0;
    padding-inline-start: 1.25em;
  }
  .code strong {
    font-size: var(--sq-font-size-key);
    letter-spacing: 0.1em;
  }
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr));
    gap: var(--sq-space-2);
  }
  .choices legend {
    margin-bottom: var(--sq-space-2);
  }
  .choices .error-text {
    grid-column: 1 / -1;
  }
  .choice {
    margin-top: var(--sq-space-2);
  }
`;
