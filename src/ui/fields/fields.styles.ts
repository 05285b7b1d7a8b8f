import { css } from 'lit';

/**
 * The field partials' look, after baseStyles, controlStyles and messageStyles: hints at body
 * size (16px: most elders never turn on care mode), one checkbox/radio style, the error
 * summary and the receipt. Tokens (tickets, codes, phones) never break across lines.
 * Terse on purpose (kept out of Prettier): element CSS ships inside the JS.
 */
// prettier-ignore
export const fieldStyles = css`
.field{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--sq-space-1);min-width:0;margin:0;padding:0;border:0}
label,legend{font-weight:600;padding:0}
.hint-text{font-size:inherit}
textarea{resize:vertical}
.tag{font-weight:400;color:var(--sq-color-text-muted)}
.over{color:var(--sq-color-danger)}
.choice{display:flex;align-items:center;font-weight:400}
.choice>span{min-width:0}
[type=checkbox],[type=radio]{appearance:none;-webkit-appearance:none;flex:none;margin:0;width:var(--sq-target-size);height:var(--sq-target-size);border:calc(var(--sq-target-size)/2 - .75em) solid transparent;border-radius:.6em;background:var(--sq-color-surface) content-box;box-shadow:inset 0 0 0 2px var(--sq-color-border);cursor:pointer}
[type=radio]{border-radius:50%}
:checked{background-color:var(--sq-color-primary);box-shadow:inset 0 0 0 2px var(--sq-color-primary),inset 0 0 0 .3em var(--sq-color-surface)}
[type=checkbox][aria-invalid=true]{box-shadow:inset 0 0 0 2px var(--sq-color-danger)}
.summary,.box{display:grid;justify-items:start}
.summary ul{margin:0;padding-inline-start:1.2em}
.summary a{display:inline-flex;align-items:center;min-height:var(--sq-target-size);color:var(--sq-color-danger)}
.box{gap:var(--sq-space-2);padding:var(--sq-space-4);background:var(--sq-color-surface-raised);border-radius:var(--sq-radius);overflow-wrap:anywhere}
.token{display:inline-block;max-width:100%;overflow-wrap:anywhere}
dl,dd{margin:0}
.key{font-size:var(--sq-font-size-key);font-weight:700;letter-spacing:.05em}
.warn{padding-inline-start:var(--sq-space-3);border-inline-start:4px solid var(--sq-color-warning)}
[aria-disabled=true]{opacity:.7;cursor:progress}
[tabindex='-1']:focus{outline:0}
`;
