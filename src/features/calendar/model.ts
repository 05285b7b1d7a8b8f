import * as z from 'zod/mini';
import { dateSchema, MAX_YEAR, MIN_YEAR } from '../../domain/time.js';
import type { YearSchedule } from '../../domain/workdays.js';

/**
 * 法定节假日 and 调休 as data an operator loads (the State Council publishes each year's
 * schedule in autumn): one year's days off and the weekend days worked instead. 2025 and 2026
 * ship in src/domain/workdays.ts; a year loaded here replaces the shipped one.
 */

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;
const weekday = (date: string) => new Date(dayOf(date) * DAY_MS).getUTCDay();
/** A year's schedule may reach a few days into its neighbours (元旦 2024 began on 2023-12-30). */
const nearYear = (year: number, date: string) => {
  const y = Number(date.slice(0, 4));
  return (
    y === year ||
    (y === year - 1 && date >= `${y}-12-20`) ||
    (y === year + 1 && date <= `${y}-01-10`)
  );
};
/** The longest run of days off the State Council has given (春节 9 days in 2026). */
export const MAX_RUN_DAYS = 14;

/** A year, from JSON or from a path or query string (`/holidays/2027`). */
const yearSchema = () =>
  z.coerce
    .number()
    .check(
      z.int('holidays.year'),
      z.minimum(MIN_YEAR, 'holidays.year'),
      z.maximum(MAX_YEAR, 'holidays.year'),
    );

/** `[from, to]`, inclusive, at most MAX_RUN_DAYS days. */
const runSchema = z.array(dateSchema).check(
  z.minLength(2, 'holidays.range'),
  z.maxLength(2, 'holidays.range'),
  z.refine((r) => {
    const days = dayOf(r[1]!) - dayOf(r[0]!) + 1;
    return days >= 1 && days <= MAX_RUN_DAYS;
  }, 'holidays.range'),
);
/** 调休上班 is always a Saturday or a Sunday. */
const workdaySchema = dateSchema.check(
  z.refine((date) => weekday(date) === 0 || weekday(date) === 6, 'holidays.workday'),
);

export const holidayScheduleInputSchema = z
  .object({
    year: yearSchema(),
    /** Inclusive ranges of days off (放假), e.g. ["2026-10-01", "2026-10-07"]. */
    off: z.array(runSchema).check(z.maxLength(20)),
    /** Weekend days that are working days (调休上班). */
    work: z.array(workdaySchema).check(z.maxLength(20)),
  })
  .check(
    z.refine((s) => s.off.every((r) => r.every((d) => nearYear(s.year, d))), {
      path: ['off'],
      error: 'holidays.otherYear',
    }),
    z.refine((s) => s.work.every((d) => nearYear(s.year, d)), {
      path: ['work'],
      error: 'holidays.otherYear',
    }),
  );
export type HolidayScheduleInput = z.output<typeof holidayScheduleInputSchema>;

/** A year's schedule as the calendar uses it, and where it came from. */
export const holidayScheduleSchema = z.object({
  year: z.int(),
  off: z.array(z.array(z.string())),
  work: z.array(z.string()),
  /** `shipped` with this release, or `loaded` by an operator (then when and by whom). */
  source: z.enum(['shipped', 'loaded']),
  updatedAt: z.optional(z.string()),
});
export type HolidaySchedule = z.output<typeof holidayScheduleSchema>;

/** What is stored for a loaded year. */
export interface StoredHolidaySchedule extends YearSchedule {
  year: number;
  updatedAt: string;
  /** `staff:<id>` or `cli`. */
  updatedBy: string;
}

export const holidaysQuerySchema = z
  .object({ from: z._default(yearSchema(), MIN_YEAR), to: z._default(yearSchema(), MAX_YEAR) })
  .check(z.refine((q) => q.from <= q.to, { path: ['to'], error: 'holidays.year' }));

export const holidaysOutputSchema = z.object({
  /** The years of [from, to] with a schedule, by year; a year missing has none (no badges). */
  years: z.array(holidayScheduleSchema),
});
