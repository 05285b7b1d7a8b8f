// Schema-free: pages use these in their first render (the schemas: ./schemas.ts).
export type Timestamp = string;
export type CivilDate = string;

/**
 * The years our data can have. Dates and instants a caller sends (a report's period, a page's
 * cursor) outside them are refused before they reach a database, whose own range differs
 * from JavaScript's (year 0, ±275760 and `+010000` fail in PostgreSQL).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const inYears = (iso: string): boolean => {
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Exactly what `toISOString()` makes, for a real moment within MIN_YEAR–MAX_YEAR. */
export const isCanonicalInstant = (at: string): boolean =>
  CANONICAL_INSTANT.test(at) &&
  inYears(at) &&
  !Number.isNaN(Date.parse(at)) &&
  new Date(at).toISOString() === at;

export const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** China has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date | string): CivilDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `HH:MM` on the Asia/Shanghai clock of an instant (UTC+8 all year: no Intl per call). */
export const shanghaiClock = (instant: string): string =>
  new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);

/** The civil date `n` days after `date` (before, for negative n). */
export const addDays = (date: CivilDate, n: number): CivilDate =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: CivilDate): number =>
  new Date(`${date}T00:00:00.000Z`).getUTCDay() || 7;

/** Midnight at the start of a Shanghai civil date, as an instant. */
export function shanghaiStartOfDay(date: CivilDate): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/**
 * Formatters by locale, options and zone: constructing an Intl.DateTimeFormat costs far more
 * than formatting with one (a month grid formats each of its 42 days).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions, timeZone: string) {
  const key = `${locale}\u0000${timeZone}\u0000${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format)
    formatters.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

/** Formats an instant for people: always Beijing time, whatever the device's zone. */
export function formatDateTime(
  instant: Date | string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return formatter(locale, options, 'Asia/Shanghai').format(date);
}

/** Formats a civil date (`2026-03-01`) without shifting it through a time zone. */
export function formatDate(
  date: CivilDate,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  return formatter(locale, options, 'UTC').format(new Date(`${date}T00:00:00.000Z`));
}
