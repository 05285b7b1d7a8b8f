import { html } from 'lit';
import { formatDateTime } from '../domain/time.js';

/**
 * An instant in Beijing time as `<time>`: its date and its time each kept on one line (never
 * "1:37" / "AM" apart), free to wrap between the two at 320px and 200% text.
 */
export function renderDateTime(
  iso: string,
  lang: string,
  dateStyle: 'medium' | 'short' = 'medium',
) {
  return html`<time datetime=${iso}
    ><span class="nowrap">${formatDateTime(iso, lang, { dateStyle })}</span>
    <span class="nowrap">${formatDateTime(iso, lang, { timeStyle: 'short' })}</span></time
  >`;
}
