import type { CivilDate } from './time.js';

/**
 * A working-day calendar: 法定节假日 (days off that would be working days) and 调休 workdays
 * (weekend days that are working days). Years it has no data for fall back to Mon–Fri.
 */
export interface WorkdayCalendar {
  /** Years whose official schedule is known. */
  readonly years: ReadonlySet<number>;
  readonly holidays: ReadonlySet<CivilDate>;
  readonly workdays: ReadonlySet<CivilDate>;
}

export interface YearSchedule {
  /** Inclusive ranges `[from, to]` of days off (放假). */
  off: Array<[CivilDate, CivilDate]>;
  /** Weekend days that are working days (调休上班). */
  work: CivilDate[];
}

/** Published by the State Council General Office (国务院办公厅). Add a year when it appears. */
export const officialSchedules: Record<number, YearSchedule> = {
  // 国办发明电〔2024〕12号
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const DAY_MS = 86_400_000;
const toDay = (date: CivilDate): number => Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;
const fromDay = (day: number): CivilDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function createWorkdayCalendar(
  schedules: Record<number, YearSchedule> = officialSchedules,
): WorkdayCalendar {
  const holidays = new Set<CivilDate>();
  const workdays = new Set<CivilDate>();
  for (const schedule of Object.values(schedules)) {
    for (const [from, to] of schedule.off) {
      for (let day = toDay(from); day <= toDay(to); day++) holidays.add(fromDay(day));
    }
    for (const date of schedule.work) workdays.add(date);
  }
  return { years: new Set(Object.keys(schedules).map(Number)), holidays, workdays };
}

export const defaultCalendar: WorkdayCalendar = createWorkdayCalendar();

/** Whether the calendar has the official schedule for the year of `date`. */
export const hasSchedule = (date: CivilDate, calendar: WorkdayCalendar = defaultCalendar) =>
  calendar.years.has(Number(date.slice(0, 4)));

export function isWorkingDay(date: CivilDate, calendar: WorkdayCalendar = defaultCalendar) {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(toDay(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `n` working days after `date` (n ≥ 0; the start day itself never counts, so a case
 * received on a Friday evening with a 1-day SLA is due the next working day). With n = 0 it
 * is the first working day on or after `date`.
 */
export function addWorkingDays(
  date: CivilDate,
  n: number,
  calendar: WorkdayCalendar = defaultCalendar,
): CivilDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  let day = toDay(date);
  if (n === 0) {
    while (!isWorkingDay(fromDay(day), calendar)) day++;
    return fromDay(day);
  }
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDay(fromDay(day), calendar)) left--;
  }
  return fromDay(day);
}

/** Working days in `(from, to]`: how many working days have passed since `from` by `to`. */
export function workingDaysBetween(
  from: CivilDate,
  to: CivilDate,
  calendar: WorkdayCalendar = defaultCalendar,
): number {
  const start = toDay(from);
  const end = toDay(to);
  const sign = end >= start ? 1 : -1;
  let count = 0;
  for (let day = Math.min(start, end) + 1; day <= Math.max(start, end); day++) {
    if (isWorkingDay(fromDay(day), calendar)) count++;
  }
  return sign * count;
}
