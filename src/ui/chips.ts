import { css, html } from 'lit';

/** One option of a chip group: its value (`''`: all) and its label. */
export type ChipOption = readonly [value: string, label: string];

/**
 * Filter chips for a short list of options (≤ 6 or so): one tap instead of opening a select.
 * A radio group under a legend, so the arrow keys move between chips and a screen reader says
 * "2 of 5"; styled as buttons at least the target size. Longer lists stay selects.
 */
export function renderChips(
  name: string,
  legend: string,
  options: readonly ChipOption[],
  value: string,
  change: (value: string) => void,
) {
  return html`<fieldset class="chips" part="chips">
    <legend>${legend}</legend>
    ${options.map(
      ([v, label]) =>
        html`<label class=${v === value ? 'chip checked' : 'chip'}
          ><input
            type="radio"
            name=${name}
            value=${v}
            .checked=${v === value}
            @change=${() => change(v)}
          /><span>${label}</span></label
        >`,
    )}
  </fieldset>`;
}

export const chipStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--sq-space-2);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .chips legend {
    width: 100%;
    margin-bottom: var(--sq-space-1);
    padding: 0;
    font-weight: 600;
  }
  .chip {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: var(--sq-target-size);
    min-width: var(--sq-target-size);
    padding: 0 var(--sq-space-4);
    /* A shadow, not a border: the radio covering the chip is then the chip's full size. */
    box-shadow: inset 0 0 0 var(--sq-border-width) var(--sq-color-border);
    border-radius: 999px;
    background: var(--sq-color-surface);
    cursor: pointer;
  }
  /* The radio covers its chip: the chip is the target, the focus ring goes round it. */
  .chip input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .chip:focus-within {
    outline: var(--sq-focus-ring);
    outline-offset: 2px;
  }
  /* A class, not :has(): WebView 86–104 lacks it. */
  .chip.checked {
    color: var(--sq-color-on-primary);
    background: var(--sq-color-primary);
    box-shadow: none;
    font-weight: 600;
  }
`;
