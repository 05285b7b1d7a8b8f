import { css } from 'lit';

/** The alert, notice and success boxes (role=alert / status messages). */
export const messageStyles = css`
  .alert,
  .notice,
  .success {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--sq-space-3);
    margin: var(--sq-space-3) 0;
    padding: var(--sq-space-3);
    border-radius: var(--sq-radius);
    background: var(--sq-color-surface-raised);
    border-inline-start: 4px solid var(--sq-color-warning);
  }
  .alert {
    border-inline-start-color: var(--sq-color-danger);
  }
  /* A long token (a ticket, a URL) wraps rather than widening the page. */
  .alert,
  .notice {
    overflow-wrap: anywhere;
  }
  .alert p,
  .notice p {
    flex: 1 1 12rem;
    margin: 0;
  }
`;
