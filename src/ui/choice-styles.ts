import { css } from 'lit';

/**
 * The one look of a checkbox or radio (the `choice()` partial, the desk's "只看超期", the wall's
 * claim dialog, the tracker's rating): a 1.5em box or circle, drawn by us so it is the same in
 * every WebView, centred in a target of `--sq-target-size` (44px; 60px in care mode), its label
 * beside it; its focus ring hugs the drawn box, not the target, so it does not cross the label.
 * Chips (`chips.ts`) are the other choice control: for filters. A module of its own so
 * an element without the field partials takes only this (fieldStyles draws the same). Terse: element CSS ships in the JS.
 */
// prettier-ignore
export const choiceStyles = css`
.choice{display:flex;align-items:center;min-height:var(--sq-target-size);font-weight:400;cursor:pointer}
.choice>span{min-width:0}
.choice input{appearance:none;-webkit-appearance:none;flex:none;margin:0;width:var(--sq-target-size);height:var(--sq-target-size);border:calc(var(--sq-target-size)/2 - .75em) solid transparent;border-radius:.6em;background:var(--sq-color-surface) content-box;box-shadow:inset 0 0 0 2px var(--sq-color-border);cursor:pointer}
.choice [type=radio]{border-radius:50%}
.choice input:focus-visible{outline-offset:calc(.75em - var(--sq-target-size)/2 + 2px)}
.choice :checked{background-color:var(--sq-color-primary);box-shadow:inset 0 0 0 2px var(--sq-color-primary),inset 0 0 0 .3em var(--sq-color-surface)}
.choice [aria-invalid=true]{box-shadow:inset 0 0 0 2px var(--sq-color-danger)}
`;
