import { html, type TemplateResult } from 'lit';

/** Figures joined by - – : . / (phones, times, time ranges, dates), read as one unit. */
const FIGURE = /\d+(?:[-–:./]\d+)+/g;

/**
 * Text with its figures kept whole: each phone number, time or time range in a `.nowrap` box
 * (baseStyles), so "0571-" / "87654321" and "9:00–" / "17:00" never split across lines; the
 * rest stays plain text (rendered as text, never as HTML). For text the element does not write
 * itself: a community's contact line, its notice.
 */
export function units(text: string): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  let at = 0;
  for (const m of text.matchAll(FIGURE)) {
    out.push(text.slice(at, m.index), html`<span class="nowrap">${m[0]}</span>`);
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}
