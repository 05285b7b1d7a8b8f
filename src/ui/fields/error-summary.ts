import { html, nothing } from 'lit';

/**
 * The errors of a submit, in field order, each a link that focuses its field (ids do not
 * cross shadow roots, so the link's default jump is replaced by `focus`).
 */
export function errorSummary(
  heading: string,
  errors: [id: string, message: string][],
  focus: (id: string) => void,
) {
  if (!errors.length) return nothing;
  return html`<div class="alert summary" part="error-summary" role="alert">
    <p>${heading}</p>
    <ul>
      ${errors.map(
        ([id, message]) =>
          html`<li>
            <a
              href="#${id}"
              @click=${(e: Event) => {
                e.preventDefault();
                focus(id);
              }}
              >${message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
