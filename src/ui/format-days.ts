import { html, type TemplateResult } from 'lit';
import type { PrivacyNotice } from '../features/core/model.js';
import type { LocalizeController } from './localize.js';
// A module of its own: the pages with a privacy notice (the forms, the wall's claim dialog) take
// it, not every page with a time (in the drop-in, a shared chunk holds all its users' exports).
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

/**
 * The PIPL notice of a form that collects a name and phone (who collects, what for, how long,
 * whom to ask): its heading and four lines, in the element's own words — `privacy`,
 * `privacyWho`, `privacyWhat`, `privacyKeep`, `privacyRights` — and, where the community has
 * not said (or its data has not come yet), `defaultController`, `defaultContact` and 730 days.
 * `h4` where it sits under the form's own `h3`.
 */
export function privacyNotice(t: LocalizeController, privacy?: PrivacyNotice, h4 = false) {
  const heading = t.t('privacy');
  return html`<section class="box" part="privacy" aria-labelledby="privacy">
    ${h4 ? html`<h4 id="privacy">${heading}</h4>` : html`<h3 id="privacy">${heading}</h3>`}
    <p>${t.t('privacyWho', { controller: privacy?.controller ?? t.t('defaultController') })}</p>
    <p>${t.t('privacyWhat')}</p>
    <p>${t.t('privacyKeep', { days: formatDays(privacy?.retentionDays ?? 730, t.lang) })}</p>
    <p>${units(t.t('privacyRights', { contact: privacy?.contact ?? t.t('defaultContact') }))}</p>
  </section>`;
}
