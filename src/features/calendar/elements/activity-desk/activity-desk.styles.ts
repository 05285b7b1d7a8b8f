import { css } from 'lit';

/** The desk's look: a bar of tools, the list of activity cards, panels, the confirm dialog. */
export const deskStyles = css`
  :host {
    display: block;
    max-width: var(--sq-activity-desk-max-width, 72rem);
  }
  header,
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--sq-space-2) var(--sq-space-3);
    margin: 0 0 var(--sq-space-3);
  }
  header h2 {
    flex: 1 1 auto;
  }
  h2,
  h3,
  h4 {
    margin: var(--sq-space-3) 0 var(--sq-space-2);
    line-height: 1.3;
  }
  h2,
  h3 {
    font-size: var(--sq-font-size-heading);
  }
  .field {
    display: grid;
    gap: var(--sq-space-1);
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  button {
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--sq-space-2);
  }
  .card,
  .box {
    padding: var(--sq-space-3);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
    min-width: 0;
  }
  .card h3 {
    margin-top: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-1) var(--sq-space-3);
    margin: 0 0 var(--sq-space-2);
  }
  .nowrap {
    white-space: nowrap;
  }
  form.box,
  .panel {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--sq-space-3);
    margin: var(--sq-space-3) 0;
  }
  dialog {
    max-width: min(36rem, calc(100vw - 2rem));
    padding: var(--sq-space-4);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
    color: inherit;
    background: var(--sq-color-surface);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
`;
