import { css } from 'lit';

/** Terse on purpose (kept out of Prettier): element CSS ships unminified inside the JS. */
// prettier-ignore
export const formStyles = css`
:host{display:block}
form,.box,.f{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--sq-complaint-form-gap,var(--sq-space-4))}
h2{margin:0;font-size:var(--sq-font-size-heading);line-height:1.3}
h3{margin:0;font-size:inherit}
p{margin:0}
.f{gap:var(--sq-space-1);min-width:0;margin:0;padding:0;border:0}
label,legend{font-weight:600;padding:0}
.i{width:100%;min-height:var(--sq-target-size);padding:var(--sq-space-2) var(--sq-space-3);font:inherit;color:inherit;background:var(--sq-color-surface);border:var(--sq-border-width) solid var(--sq-color-border);border-radius:var(--sq-radius)}
.i[aria-invalid=true]{border:2px solid var(--sq-color-danger)}
textarea{resize:vertical}
.c{display:flex;align-items:center;font-weight:400}
.row{display:flex;flex-wrap:wrap;column-gap:var(--sq-space-4)}
[type=checkbox],[type=radio]{appearance:none;-webkit-appearance:none;flex:none;margin:0;width:var(--sq-target-size);height:var(--sq-target-size);border:calc(var(--sq-target-size)/2 - .75em) solid transparent;border-radius:.6em;background:var(--sq-color-surface) content-box;box-shadow:inset 0 0 0 2px var(--sq-color-border);cursor:pointer}
[type=radio]{border-radius:50%}
:checked{background-color:var(--sq-color-primary);box-shadow:inset 0 0 0 2px var(--sq-color-primary),inset 0 0 0 .3em var(--sq-color-surface)}
[type=checkbox][aria-invalid=true]{box-shadow:inset 0 0 0 2px var(--sq-color-danger)}
[type=file]{max-width:100%;min-height:var(--sq-target-size);font:inherit}
::file-selector-button{min-height:var(--sq-target-size);margin-inline-end:var(--sq-space-3);font:inherit}
ul{margin:0;padding:0}
.thumbs{display:grid;grid-template-columns:repeat(auto-fill,minmax(8em,1fr));gap:var(--sq-space-3);list-style:none}
.thumbs:empty{display:none}
li{display:grid;gap:var(--sq-space-1)}
img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:var(--sq-radius)}
.box{padding:var(--sq-space-4);background:var(--sq-color-surface-raised);border-radius:var(--sq-radius);gap:var(--sq-space-2)}
.alert{display:grid;gap:var(--sq-space-2);justify-items:start;padding:var(--sq-space-3);border-inline-start:4px solid var(--sq-color-danger);background:var(--sq-color-surface-raised)}
.alert ul{padding-inline-start:1.2em}
.alert li{display:list-item}
.alert a{display:inline-flex;align-items:center;min-height:var(--sq-target-size);color:var(--sq-color-danger)}
.primary{justify-self:start;color:var(--sq-color-on-primary);background:var(--sq-color-primary);border:0;font-weight:600;padding:0 var(--sq-space-5)}
.primary:hover{background:var(--sq-color-primary-hover)}
[aria-disabled=true]{opacity:.7;cursor:progress}
.status:empty{display:none}
dl{margin:0}
dd{margin:0 0 var(--sq-space-2);overflow-wrap:anywhere}
[tabindex='-1']:focus{outline:0}
sq-community-picker::part(legend){font-size:inherit}
.key{font-size:var(--sq-font-size-key);font-weight:700;letter-spacing:.05em}
.warn{padding-inline-start:var(--sq-space-3);border-inline-start:4px solid var(--sq-color-warning)}
.box button{justify-self:start}
`;
