import { css } from 'lit';

/**
 * <sq-redblack-editor>'s first render: the title bar, the tabs, the panel, the sign-in. Terse on
 * purpose (kept out of Prettier): element CSS ships unminified inside the JS. `.primary` is
 * controlStyles'; a pressed tab looks like it.
 */
// prettier-ignore
export const editorStyles = css`
:host{display:block;max-width:var(--sq-redblack-editor-max-width,56rem)}
header,.bar,.tabs{display:flex;flex-wrap:wrap;align-items:flex-end;gap:var(--sq-space-2) var(--sq-space-3);margin:0 0 var(--sq-space-3)}
header h2{flex:auto}
h2,h3,h4{margin:var(--sq-space-3) 0 var(--sq-space-2);font-size:var(--sq-font-size-heading);line-height:1.3}
h4{font-size:inherit}
p{margin:0}
button{max-width:100%;overflow-wrap:anywhere}
.tab{font-weight:600}
.tab[aria-pressed=true],.tab[aria-pressed=true] *{color:var(--sq-color-on-primary);background:var(--sq-color-primary);border-color:var(--sq-color-primary)}
.field{display:grid;gap:var(--sq-space-1);min-width:0;justify-self:stretch}
label{font-weight:600}
.box{display:grid;gap:var(--sq-space-3);padding:var(--sq-space-3);border:var(--sq-border-width) solid var(--sq-color-border);border-radius:var(--sq-radius)}
#panel:focus{outline:0}
#panel:focus-visible{outline:var(--sq-focus-ring);outline-offset:2px}
`;
