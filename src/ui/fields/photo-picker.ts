import { html, nothing } from 'lit';
import { field, type FieldProps } from './field.js';

/**
 * Photos, in the page's language: a plain `<input type=file accept="image/*" multiple>` (works
 * in every WebView) made invisible over a button-like `<label>` ("添加照片"), so the browser's
 * own "Choose Files" / "No file chosen" never shows while a tap, Enter or Space on it opens
 * the chooser as before. The input is the target (the label's size, 44/60px) and keeps its
 * name from both labels; a status line (a live region) says how many are chosen and how many
 * more fit; each photo shows its thumbnail, its file name and a remove button. Disabled once
 * `max` are chosen. Styles: photoStyles.
 */
/**
 * The key of the picker's status line for `count` of `max` chosen: `photosNone`,
 * `photosChosen` (with `left`) or `photosFull`; each element words them in its own strings.
 */
export const photoStatusKey = (count: number, max: number) =>
  count === 0 ? 'photosNone' : count < max ? 'photosChosen' : 'photosFull';

export const photoPicker = (
  p: FieldProps & {
    photos: readonly { url: string; name?: string | undefined }[];
    max: number;
    /** The button's text ("添加照片"). */
    pick: string;
    /** What is chosen ("还没有选照片。", "已选 2 张，还能再选 1 张。"). */
    status: string;
    alt: (n: number) => string;
    remove: (n: number) => string;
    onAdd: (e: Event) => void;
    onRemove: (i: number) => void;
  },
) =>
  field(
    p,
    (d, invalid) =>
      html`<div class="pick">
          <input
            type="file"
            id=${p.id}
            class="pick-input"
            accept="image/*"
            multiple
            aria-describedby=${[d === nothing ? '' : d, `${p.id}-status`].join(' ').trim()}
            aria-invalid=${invalid}
            ?disabled=${p.photos.length >= p.max}
            @change=${p.onAdd}
          />
          <label for=${p.id} class="pick-button" part="pick">${p.pick}</label>
        </div>
        <p id="${p.id}-status" class="hint-text" role="status">${p.status}</p>
        <ul class="thumbs">
          ${p.photos.map(
            (photo, i) =>
              html`<li>
                <img src=${photo.url} alt=${p.alt(i + 1)} />
                ${photo.name ? html`<span class="file-name">${photo.name}</span>` : nothing}
                <button type="button" class="button-secondary" @click=${() => p.onRemove(i)}>
                  ${p.remove(i + 1)}
                </button>
              </li>`,
          )}
        </ul>`,
  );
