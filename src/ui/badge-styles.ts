import { css } from 'lit';

/** Status badges on the one status scale (tokens `--sq-status-*`), told apart by `data-tone`. */
export const badgeStyles = css`
  .badge {
    display: inline-block;
    padding: 0 var(--sq-space-2);
    border: 1px solid currentColor;
    border-radius: var(--sq-radius);
    color: var(--sq-status, var(--sq-color-text-muted));
    font-weight: 600;
    /* A label at body size wherever it sits, a heading too (a service's team beside its name). */
    font-size: var(--sq-font-size-body);
    vertical-align: middle;
    /* One unit that moves to the next line whole (see .nowrap). */
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  [data-tone='new'] {
    --sq-status: var(--sq-status-new);
  }
  [data-tone='progress'] {
    --sq-status: var(--sq-status-progress);
  }
  [data-tone='done'] {
    --sq-status: var(--sq-status-done);
  }
  [data-tone='overdue'] {
    --sq-status: var(--sq-status-overdue);
  }
  [data-tone='rejected'] {
    --sq-status: var(--sq-status-rejected);
  }
`;
