/**
 * 说事二维码: the link a building's QR code opens — the complaint form's page with the place
 * (and optionally the category) in the query, which <sq-complaint-form> reads to prefill
 * itself. Pure: no DOM, no I/O; usable in Node (print scripts) and in the page.
 */

import { ID_PATTERN } from '../../../../domain/ids.js';

/** The place (and category) a QR code prefills. Ids as in the community model. */
export interface PrefillPlace {
  community: string;
  grid?: string | undefined;
  building?: string | undefined;
  unit?: string | undefined;
  /** A complaint category id of the community's catalogue (e.g. `noise`). */
  category?: string | undefined;
}

/** The query keys the complaint form reads, coarse to fine. */
export const PREFILL_KEYS = ['community', 'grid', 'building', 'unit', 'category'] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

/** Why a link cannot be made: which part, and what is wrong with it. */
export class PrefillError extends Error {
  override name = 'PrefillError';
  constructor(
    readonly field: PrefillKey | 'base',
    /** `invalid`: not an id (or not an http(s) URL); `parentMissing`: e.g. a unit without its building. */
    readonly reason: 'invalid' | 'parentMissing',
  ) {
    super(`prefillUrl: ${field} is ${reason === 'invalid' ? 'not valid' : 'missing its parent'}`);
  }
}

/**
 * The prefill link: `base` (an absolute http(s) URL of the page with the complaint form) with
 * `community`, `grid`, `building`, `unit`, `category` set in its query. Other query parameters
 * and the fragment of `base` are kept; stale prefill keys in `base` are replaced or removed.
 * Throws a PrefillError for an id that is not an id, a level without the one above it (a
 * building without its grid), or a base that is not an absolute http(s) URL. Nothing secret
 * ever goes in: no ticket, no query code, no person.
 *
 * `prefillUrl('https://example.org/shuoshi', { community: 'xingfuli', grid: 'xfl-g1' })`
 * → `https://example.org/shuoshi?community=xingfuli&grid=xfl-g1`
 */
export function prefillUrl(base: string | URL, place: PrefillPlace): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new PrefillError('base', 'invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PrefillError('base', 'invalid');
  }
  for (const key of PREFILL_KEYS) {
    const value = place[key];
    if (value === undefined || value === '') {
      if (key === 'community') throw new PrefillError(key, 'invalid');
      continue;
    }
    if (typeof value !== 'string' || !ID_PATTERN.test(value))
      throw new PrefillError(key, 'invalid');
  }
  if (place.building && !place.grid) throw new PrefillError('building', 'parentMissing');
  if (place.unit && !place.building) throw new PrefillError('unit', 'parentMissing');

  const params = url.searchParams;
  for (const key of PREFILL_KEYS) params.delete(key);
  for (const key of PREFILL_KEYS) {
    const value = place[key];
    if (value) params.append(key, value);
  }
  return url.href;
}
