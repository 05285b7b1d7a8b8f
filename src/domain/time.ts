import * as z from 'zod/mini';

/** An instant, ISO 8601 in UTC (`2026-03-01T08:00:00.000Z`). */
export const timestampSchema = z.iso.datetime({ offset: true, error: 'timestamp.invalid' });
/** A civil date in Asia/Shanghai (`2026-03-01`). */
export const dateSchema = z.iso.date({ error: 'date.invalid' });
export type Timestamp = string;
export type CivilDate = string;

/** Injectable time source: services never read the wall clock directly, so tests control it. */
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

/** Midnight at the start of a Shanghai civil date, as an instant. */
export function shanghaiStartOfDay(date: CivilDate): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** Formats an instant for people: always Beijing time, whatever the device's zone. */
export function formatDateTime(
  instant: Date | string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'Asia/Shanghai' }).format(date);
}

/** Formats a civil date (`2026-03-01`) without shifting it through a time zone. */
export function formatDate(
  date: CivilDate,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00.000Z`),
  );
}
