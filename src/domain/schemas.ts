import * as z from 'zod/mini';
import { ID_PATTERN } from './ids.js';
import { normalizeQueryCode, QUERY_CODE_INPUT_MAX, QUERY_CODE_LENGTH } from './input-rules.js';
import { isMobile, isPhone, normalizePhone } from './phone.js';
import { CIVIL_DATE, inYears } from './time.js';

/*
 * The zod schemas of the domain's primitives, apart from their helpers (ids.ts, time.ts,
 * phone.ts, codes.ts): a
 * page uses the helpers in its first render and the schemas only once a feature's contract
 * loads, and a module holding both would bring zod into every first render.
 */

/** Ids are ours (newId) or an operator's readable slugs (`heping`, `g1-b3`). */
export const idSchema = z.string().check(z.regex(ID_PATTERN, 'id.invalid'));
export type Id = z.output<typeof idSchema>;

/** An instant, ISO 8601 in UTC (`2026-03-01T08:00:00.000Z`). */
export const timestampSchema = z.iso.datetime({ offset: true, error: 'timestamp.invalid' });
/** A civil date in Asia/Shanghai (`2026-03-01`). */
export const dateSchema = z.iso.date({ error: 'date.invalid' });

const isBoundedDate = (date: unknown): date is string =>
  typeof date === 'string' && CIVIL_DATE.test(date) && inYears(date);

/** A civil date within MIN_YEAR–MAX_YEAR. */
export const boundedDateSchema = () =>
  dateSchema.check(
    // A malformed date is the format check's to report, once.
    z.refine((date) => !CIVIL_DATE.test(date) || inYears(date), 'date.invalid'),
  );

/** The longest period a report covers (三率, wish counts): five years, one 五年规划. */
export const MAX_PERIOD_YEARS = 5;

/** A period of civil dates, both included: `from` and `to` bounded, `to` not before `from`. */
export const periodFields = () => ({ from: boundedDateSchema(), to: boundedDateSchema() });

type Period = { from: string; to: string };
/** Each check judges a period whose dates are valid; the fields report the others. */
const periodCheck = (ok: (p: Period) => boolean, error: string) =>
  z.refine<Period>((p) => !isBoundedDate(p.from) || !isBoundedDate(p.to) || ok(p), {
    path: ['to'],
    error,
  });
/** The checks of a period, for an object built with `periodFields()`. */
export const periodChecks = () =>
  [
    periodCheck((p) => p.from <= p.to, 'date.range'),
    periodCheck(
      (p) => p.to < `${Number(p.from.slice(0, 4)) + MAX_PERIOD_YEARS}${p.from.slice(4)}`,
      'date.tooLong',
    ),
  ] as const;

/** Injectable time source: services never read the wall clock directly, so tests control it. */

/** A mobile or landline, normalised. Error key `phone.invalid`. */
export const phoneSchema = z.pipe(
  z.string().check(z.refine(isPhone, 'phone.invalid')),
  z.transform((value: string) => normalizePhone(value) as string),
);

/** A mobile only (for SMS), normalised. Error key `phone.mobileRequired`. */
export const mobileSchema = z.pipe(
  z.string().check(z.refine(isMobile, 'phone.mobileRequired')),
  z.transform((value: string) => normalizePhone(value) as string),
);

/** A query code (查询码) as typed: normalised, then its length checked. */
export const queryCodeSchema = z
  .pipe(z.string().check(z.maxLength(QUERY_CODE_INPUT_MAX)), z.transform(normalizeQueryCode))
  .check(z.refine((c) => c.length === QUERY_CODE_LENGTH, 'queryCode.invalid'));
