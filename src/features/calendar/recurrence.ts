/**
 * When an activity happens: its first date and a recurrence rule, expanded to dates. Pure (the
 * working-day calendar is a parameter). Solar rules (weekly, monthly by date or by nth/last
 * weekday, yearly) and lunar ones (every 八月十五; every 初一 and 十五) on our own lunar table
 * (src/domain/lunar.ts), with exceptions (EXDATE), "skip 法定节假日" and an end (until or count).
 */
import { lunarYearly, toLunar } from '../../domain/lunar.js';
import { addDays, isoWeekday, type CivilDate } from '../../domain/time.js';
import { isWorkingDay, type WorkdayCalendar } from '../../domain/workdays.js';

/** 每周三, 每两周的周六: ISO weekdays 1 (Monday) – 7 (Sunday). */
export interface WeeklyRule {
  kind: 'weekly';
  weekdays: number[];
  /** Every `interval` weeks, counted from the first date's week (Monday first). */
  interval?: number | undefined;
}
/** 每月 15 日: months without the day are skipped. */
export interface MonthlyRule {
  kind: 'monthly';
  day: number;
}
/** 每月第二个周三 (`nth` 2), 每月最后一个周五 (`nth` -1). */
export interface MonthlyWeekdayRule {
  kind: 'monthly-weekday';
  nth: number;
  weekday: number;
}
/** Every year on the first date's month and day (a 29 February only in leap years). */
export interface YearlyRule {
  kind: 'yearly';
}
/** 每年八月十五; `day: 'last'` the month's last day; never in a leap month (docs/lunar.md). */
export interface LunarYearlyRecurrence {
  kind: 'lunar-yearly';
  month: number;
  day: number | 'last';
  /** A 30th in a 29-day month: skipped (default) or moved to the 29th. */
  short?: 'skip' | 'last' | undefined;
}
/** 每月初一、十五: those days of every lunar month, leap months too (a 30th only in 30-day months). */
export interface LunarMonthlyRule {
  kind: 'lunar-monthly';
  days: (number | 'last')[];
}

export type RecurrenceRule =
  | WeeklyRule
  | MonthlyRule
  | MonthlyWeekdayRule
  | YearlyRule
  | LunarYearlyRecurrence
  | LunarMonthlyRule;

export interface Recurrence {
  rule: RecurrenceRule;
  /** The last date it may happen on (inclusive). */
  until?: CivilDate | undefined;
  /** How many dates the rule makes, the first date included, before exceptions and skips. */
  count?: number | undefined;
  /** Dates taken out (EXDATE). */
  except?: CivilDate[] | undefined;
  /** No occurrence on a 法定节假日 (the working-day calendar's days off). */
  skipHolidays?: boolean | undefined;
}

/** How far ahead an open-ended rule is expanded at most (and lunar rules written as RDATEs). */
export const HORIZON_YEARS = 5;

const DAY_MS = 86_400_000;
const dayNumber = (date: CivilDate) => Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const isLunar = (rule: RecurrenceRule): boolean => rule.kind.startsWith('lunar');

/** Whether the rule makes `date` (the first date `first` gives the week, day and month). */
export function ruleMatches(rule: RecurrenceRule, first: CivilDate, date: CivilDate): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  switch (rule.kind) {
    case 'weekly': {
      if (!rule.weekdays.includes(isoWeekday(date))) return false;
      // Weeks start on Monday: count them from the first date's week.
      const monday = (x: CivilDate) => dayNumber(x) - isoWeekday(x) + 1;
      return ((monday(date) - monday(first)) / 7) % (rule.interval ?? 1) === 0;
    }
    case 'monthly':
      return d === rule.day;
    case 'monthly-weekday': {
      if (isoWeekday(date) !== rule.weekday) return false;
      return rule.nth > 0 ? Math.ceil(d / 7) === rule.nth : d + 7 > daysInMonth(y, m);
    }
    case 'yearly':
      return date.slice(5) === first.slice(5);
    case 'lunar-yearly':
      // lunarYearly knows leap months and short months; one date a year.
      return lunarYearly(rule, date, date).length === 1;
    case 'lunar-monthly': {
      const l = toLunar(date);
      return rule.days.some((day) => (day === 'last' ? l.day === l.monthDays : l.day === day));
    }
  }
}

/** The last date an activity starting on `first` may happen on: its until, else the horizon. */
export const lastDate = (first: CivilDate, recurrence: Recurrence | undefined): CivilDate =>
  !recurrence
    ? first
    : (recurrence.until ??
      `${Number(first.slice(0, 4)) + HORIZON_YEARS}${first.slice(4).replace('02-29', '02-28')}`);

/**
 * The dates the rule makes from `first` on (the first date always counts: it is DTSTART), up
 * to `to` (inclusive), the until, the count and the horizon — before exceptions and skips.
 */
export function ruleDates(first: CivilDate, recurrence: Recurrence | undefined, to: CivilDate) {
  const end = [to, lastDate(first, recurrence)].sort()[0]!;
  const dates: CivilDate[] = [];
  if (first > end) return dates;
  if (!recurrence) return [first];
  const limit = recurrence.count ?? Infinity;
  for (let date = first; date <= end && dates.length < limit; date = addDays(date, 1)) {
    if (date === first || ruleMatches(recurrence.rule, first, date)) dates.push(date);
  }
  return dates;
}

/** Whether a date the rule made is taken out: an exception, or a 法定节假日 it skips. */
export const removed = (
  recurrence: Recurrence | undefined,
  date: CivilDate,
  calendar: WorkdayCalendar,
): 'except' | 'holiday' | undefined =>
  recurrence?.except?.includes(date)
    ? 'except'
    : recurrence?.skipHolidays && calendar.holidays.has(date) && !isWorkingDay(date, calendar)
      ? 'holiday'
      : undefined;

/** The dates an activity happens on within [from, to] (inclusive), in order. */
export function occurrenceDates(
  first: CivilDate,
  recurrence: Recurrence | undefined,
  from: CivilDate,
  to: CivilDate,
  calendar: WorkdayCalendar,
): CivilDate[] {
  return ruleDates(first, recurrence, to).filter(
    (date) => date >= from && !removed(recurrence, date, calendar),
  );
}

/** An activity's dates from `today` on, as far as the horizon (HORIZON_YEARS) reaches. */
export const upcomingDates = (
  a: { date: CivilDate; recurrence?: Recurrence | undefined },
  today: CivilDate,
  calendar: WorkdayCalendar,
): CivilDate[] =>
  occurrenceDates(a.date, a.recurrence, today, addDays(today, 366 * HORIZON_YEARS), calendar);

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * The rule as an RRULE value for .ics, or undefined for lunar rules (written as RDATEs: no
 * iCalendar producer or consumer we know expands RSCALE=CHINESE reliably). UNTIL is the
 * `untilValue` the writer formats (the last start).
 */
export function toRrule(recurrence: Recurrence, untilValue?: string): string | undefined {
  const rule = recurrence.rule;
  let value: string;
  switch (rule.kind) {
    case 'weekly':
      value = `FREQ=WEEKLY;INTERVAL=${rule.interval ?? 1};BYDAY=${rule.weekdays
        .map((d) => BYDAY[d - 1])
        .join(',')};WKST=MO`;
      break;
    case 'monthly':
      value = `FREQ=MONTHLY;BYMONTHDAY=${rule.day}`;
      break;
    case 'monthly-weekday':
      value = `FREQ=MONTHLY;BYDAY=${rule.nth}${BYDAY[rule.weekday - 1]}`;
      break;
    case 'yearly':
      value = 'FREQ=YEARLY';
      break;
    default:
      return undefined;
  }
  if (recurrence.count !== undefined) return `${value};COUNT=${recurrence.count}`;
  return untilValue ? `${value};UNTIL=${untilValue}` : value;
}
