import { css } from 'lit';

// Apart from photoPicker: an element lists the styles statically and may load the partial later.
/** The photo picker's look (with fieldStyles). */
// prettier-ignore
export const photoStyles = css`
[type=file]{border:0;padding:0}
::file-selector-button{min-height:var(--sq-target-size);margin-inline-end:var(--sq-space-3);font:inherit}
.thumbs{display:grid;grid-template-columns:repeat(auto-fill,minmax(8em,1fr));gap:var(--sq-space-3);margin:0;padding:0;list-style:none}
.thumbs:empty{display:none}
.thumbs li{display:grid;gap:var(--sq-space-1)}
.thumbs img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:var(--sq-radius)}
`;
