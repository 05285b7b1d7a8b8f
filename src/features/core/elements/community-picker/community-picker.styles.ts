import { css } from 'lit';

/**
 * The levels' looks, scoped to their fieldset (`.place`): the picker's shadow root has them,
 * and so has the complaint form's, which renders the levels beside its own fields.
 */
export const pickerStyles = css`
  .place {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .place legend {
    padding: 0;
    font-size: var(--sq-font-size-heading);
    font-weight: 600;
    line-height: 1.3;
  }
  .place .tag {
    margin-inline-start: var(--sq-space-2);
    font-size: var(--sq-font-size-small);
    font-weight: 400;
    color: var(--sq-color-text-muted);
  }
  .place .hint-text {
    margin: var(--sq-space-1) 0 var(--sq-space-3);
  }
  .place .levels {
    display: grid;
    gap: var(--sq-community-picker-gap, var(--sq-space-3));
    grid-template-columns: repeat(
      auto-fit,
      minmax(min(100%, var(--sq-community-picker-column-min, 14em)), 1fr)
    );
  }
  .place .field {
    display: flex;
    flex-direction: column;
    gap: var(--sq-space-1);
    min-width: 0;
  }
  .place label {
    font-weight: 600;
  }
  .place .select-wrap {
    position: relative;
  }
  .place .select-wrap::after {
    content: '';
    position: absolute;
    inset-inline-end: 1em;
    top: 50%;
    width: 0.5em;
    height: 0.5em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateY(-70%) rotate(45deg);
    pointer-events: none;
  }
  .place select {
    appearance: none;
    -webkit-appearance: none;
    width: 100%;
    min-height: var(--sq-target-size);
    padding: var(--sq-space-2) 2.5em var(--sq-space-2) var(--sq-space-3);
    font: inherit;
    color: var(--sq-color-text);
    background: var(--sq-color-surface);
    border: var(--sq-border-width) solid var(--sq-color-border);
    border-radius: var(--sq-radius);
    text-overflow: ellipsis;
  }
  .place select:hover:not(:disabled) {
    border-color: var(--sq-color-text);
  }
  .place select:disabled {
    color: var(--sq-color-text-muted);
    background: var(--sq-color-surface-disabled);
    cursor: not-allowed;
  }
  .place select[aria-invalid='true'] {
    border: 2px solid var(--sq-color-danger);
  }
  .place .error-text {
    margin: 0;
  }
  /* 已选：幸福里社区 · 第一网格 · 2号楼 · 3单元 breaks between places, never inside one (3 / 单元);
     a place wider than the line still wraps (overflow-wrap on the host). */
  .place .summary {
    margin: var(--sq-space-3) 0 0;
    color: var(--sq-color-success);
    font-weight: 600;
    word-break: keep-all;
  }
  /* Empty, the live region takes no room and stays in the accessibility tree. */
  .place .summary:empty {
    margin: 0;
  }
  /* Boxes sit flush with what is above them here (messageStyles draws them). */
  .place .alert,
  .place .notice {
    margin: 0 0 var(--sq-space-3);
  }
`;

/** The picker element's own box. */
export const pickerHostStyles = css`
  :host {
    display: block;
  }
`;
