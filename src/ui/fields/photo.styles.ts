import { css } from 'lit';

// Apart from photoPicker: an element lists the styles statically and may load the partial later.
/**
 * The photo picker's look (with fieldStyles): the file input lies invisible over its label,
 * which looks like a secondary button and shows the input's focus ring and disabled state.
 */
// prettier-ignore
export const photoStyles = css`
.pick{position:relative;display:inline-grid;max-width:100%}
.pick-input{position:absolute;inset:0;width:100%;height:100%;margin:0;padding:0;border:0;opacity:0;cursor:pointer;font-size:0}
.pick-input:disabled{cursor:not-allowed}
.pick-button{display:inline-flex;align-items:center;justify-content:center;min-height:var(--sq-target-size);min-width:var(--sq-target-size);padding:var(--sq-space-1) var(--sq-space-4);border:var(--sq-border-width) solid currentColor;border-radius:var(--sq-radius);color:var(--sq-color-primary);background:var(--sq-color-surface);font-weight:600}
.pick-button::before{content:'+';margin-inline-end:var(--sq-space-2);font-size:1.25em;line-height:1}
.pick-input:hover+.pick-button{background:var(--sq-color-primary-subtle)}
.pick-input:focus-visible+.pick-button{outline:var(--sq-focus-ring);outline-offset:2px}
.pick-input:disabled+.pick-button{color:var(--sq-color-text-muted);border-style:dashed;background:var(--sq-color-surface)}
.thumbs{display:grid;grid-template-columns:repeat(auto-fill,minmax(8em,1fr));gap:var(--sq-space-3);margin:0;padding:0;list-style:none}
.thumbs:empty{display:none}
.thumbs li{display:grid;gap:var(--sq-space-1);align-content:start;min-width:0}
.thumbs img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:var(--sq-radius)}
.file-name{color:var(--sq-color-text-muted);overflow-wrap:anywhere}
`;
