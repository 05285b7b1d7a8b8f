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

/**
 * A retention period for people: whole years as years ("2 年", "2 years"), whole months as
 * months, else days — "保存 730 天" makes a resident do the sum.
 */
export function formatDays(days: number, lang: string): string {
  const [n, unit] =
    days % 365 === 0
      ? [days / 365, 'year']
      : days % 30 === 0 && days >= 60
        ? [days / 30, 'month']
        : [days, 'day'];
  if (lang.startsWith('zh'))
    return `${n} ${unit === 'year' ? '年' : unit === 'month' ? '个月' : '天'}`;
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}
