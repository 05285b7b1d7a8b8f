import {
  festivalsOf,
  LUNAR_MAX,
  LUNAR_MIN,
  solarTermOf,
  toLunar,
} from '../../../../domain/lunar.js';
import { addDays, isoWeekday, type CivilDate } from '../../../../domain/time.js';
import type { WorkdayCalendar } from '../../../../domain/workdays.js';

/** What a day cell shows: its lunar date, 节气, festivals and 休/班, in the reader's language. */
export interface DayInfo {
  date: CivilDate;
  /** The Gregorian day of the month. */
  day: number;
  /** 初一 shows the month instead (八月, 闰六月); otherwise the lunar day (十五). */
  lunarShort: string;
  /** 八月十五, 闰六月廿一. */
  lunarLong: string;
  /** The first day of a lunar month. */
  newMonth: boolean;
  /** 节气 name, if the day is one. */
  term?: string | undefined;
  festivals: string[];
  /** 休 (法定节假日) or 班 (调休 workday); absent in a year with no schedule. */
  status?: 'off' | 'work' | undefined;
}

/** The element's strings: names of festivals (`festival.<id>`) and solar terms (`term`). */
interface Names {
  readonly lang: string;
  t(key: string): string;
}

/**
 * Each day's cell data, worked out once per date and language for each working-day calendar
 * (the lunar table, 节气 and festivals cost more than the cell's whole DOM, and every render of
 * the grid asks for its 42 days again). Shared: callers only read it.
 */
const NONE = {};
const cache = new WeakMap<WorkdayCalendar | typeof NONE, Map<string, DayInfo>>();
/** Past this, a calendar's cache starts again (years of paging back and forth). */
const CACHE_MAX = 2000;

/**
 * The day's cell data, named in `names`' language (its strings: English loads with them);
 * `calendar` absent (not loaded yet) or without the year: no 休/班.
 */
export function dayInfo(date: CivilDate, names: Names, calendar?: WorkdayCalendar): DayInfo {
  let days = cache.get(calendar ?? NONE);
  if (!days || days.size > CACHE_MAX) cache.set(calendar ?? NONE, (days = new Map()));
  const key = `${names.lang}|${date}`;
  let info = days.get(key);
  if (!info) days.set(key, (info = compute(date, names, calendar)));
  return info;
}

function compute(date: CivilDate, names: Names, calendar?: WorkdayCalendar): DayInfo {
  const day = Number(date.slice(8));
  if (date < LUNAR_MIN || date > LUNAR_MAX) {
    // Outside the lunar table (the grid's first week of 1901): the Gregorian day only.
    return {
      date,
      day,
      lunarShort: '',
      lunarLong: '',
      newMonth: false,
      festivals: [],
    };
  }
  const lunar = toLunar(date);
  const term = solarTermOf(date);
  const status = calendar?.holidays.has(date)
    ? 'off'
    : calendar?.workdays.has(date)
      ? 'work'
      : undefined;
  return {
    date,
    day,
    lunarShort: lunar.day === 1 ? lunar.monthName : lunar.dayName,
    lunarLong: `${lunar.monthName}${lunar.dayName}`,
    newMonth: lunar.day === 1,
    term: term === undefined ? undefined : names.t('term').split('|')[term],
    festivals: festivalsOf(date).map((id) => names.t(`festival.${id}`)),
    status,
  };
}

/** Monday = 0 … Sunday = 6. */
export const weekdayOf = (date: CivilDate): number => isoWeekday(date) - 1;

/** The Monday of the week of `date`. */
export const weekStart = (date: CivilDate): CivilDate => addDays(date, -weekdayOf(date));

/** Days in the month of `date`. */
export const monthDays = (date: CivilDate): number => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** The same day `n` months later (clamped to the month's last day: 1-31 + 1 month → 2-28). */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
  return `${first.slice(0, 8)}${String(Math.min(d, monthDays(first))).padStart(2, '0')}`;
}

/** Whole weeks, Monday first, covering the month of `date`. */
export function monthWeeks(date: CivilDate): CivilDate[][] {
  const first = `${date.slice(0, 8)}01`;
  const last = `${date.slice(0, 8)}${String(monthDays(date)).padStart(2, '0')}`;
  const weeks: CivilDate[][] = [];
  for (let start = weekStart(first); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** The first and last months the calendar pages to (the lunar table's range). */
export const inRange = (date: CivilDate): boolean => date >= LUNAR_MIN && date <= LUNAR_MAX;
