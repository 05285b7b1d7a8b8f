import { html } from 'lit';
import { field, type FieldProps } from './field.js';

/**
 * Photos: a plain `<input type=file accept="image/*" multiple>` (works in every WebView), the
 * thumbnails, and a remove button for each. Disabled once `max` are chosen.
 */
export const photoPicker = (
  p: FieldProps & {
    photos: readonly { url: string }[];
    max: number;
    alt: (n: number) => string;
    remove: (n: number) => string;
    onAdd: (e: Event) => void;
    onRemove: (i: number) => void;
  },
) =>
  field(
    p,
    (d, invalid) =>
      html`<input
          type="file"
          id=${p.id}
          accept="image/*"
          multiple
          aria-describedby=${d}
          aria-invalid=${invalid}
          ?disabled=${p.photos.length >= p.max}
          @change=${p.onAdd}
        />
        <ul class="thumbs">
          ${p.photos.map(
            (photo, i) =>
              html`<li>
                <img src=${photo.url} alt=${p.alt(i + 1)} />
                <button type="button" class="button-secondary" @click=${() => p.onRemove(i)}>
                  ${p.remove(i + 1)}
                </button>
              </li>`,
          )}
        </ul>`,
  );
