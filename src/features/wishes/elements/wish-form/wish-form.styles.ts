import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
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
  .field,
  .choice {
    margin-top: var(--sq-space-4);
  }
  .counter {
    text-align: end;
  }
  .shown {
    margin-top: var(--sq-space-2);
    color: var(--sq-color-success);
    font-weight: 600;
  }
  /* The privacy notice (the kit's) stands apart from the last field. */
  [part='privacy'] {
    margin-top: var(--sq-space-5);
  }
  .primary {
    width: 100%;
    margin-top: var(--sq-space-4);
  }
`;
