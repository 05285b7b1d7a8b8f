/**
 * The pure rules of 志愿服务预约: which slots a service has on a day (its weekly rules, dated
 * overrides, 法定节假日 and 调休), when a slot may be booked or cancelled at a given instant, and
 * masking. No I/O; the clock is a parameter. Times are Beijing time (UTC+8, no DST).
 */
import {
  addDays,
  isoWeekday,
  shanghaiDate,
  shanghaiStartOfDay,
  type CivilDate,
} from '../../domain/time.js';
import { defaultCalendar, type WorkdayCalendar } from '../../domain/workdays.js';
import type { ClosedReason, Schedule, ScheduleRule } from './model.js';

const MINUTE_MS = 60_000;

/** A slot of a day: its instants and seats. */
export interface PlannedSlot {
  start: string;
  end: string;
  seats: number;
}

/** A day of a service: its slots, or why it has none. */
export type DayPlan =
  | { date: CivilDate; open: true; slots: PlannedSlot[] }
  | { date: CivilDate; open: false; reason: ClosedReason; note?: string };

/** Which occurrence of its weekday in its month a date is (the 2nd Wednesday: 2). */
export const nthOfMonth = (date: CivilDate): number => Math.ceil(Number(date.slice(8, 10)) / 7);

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The slots of one time range on a day: from `start` while a whole slot fits before `end`. */
function slotsOf(
  date: CivilDate,
  range: { start: string; end: string; slotMinutes: number; seats: number },
): PlannedSlot[] {
  const midnight = shanghaiStartOfDay(date).getTime();
  const out: PlannedSlot[] = [];
  const end = minutesOf(range.end);
  for (let m = minutesOf(range.start); m + range.slotMinutes <= end; m += range.slotMinutes) {
    out.push({
      start: new Date(midnight + m * MINUTE_MS).toISOString(),
      end: new Date(midnight + (m + range.slotMinutes) * MINUTE_MS).toISOString(),
      seats: range.seats,
    });
  }
  return out;
}

const rulesFor = (rules: readonly ScheduleRule[], weekday: number, date: CivilDate | undefined) =>
  rules.filter(
    (r) =>
      r.weekdays.includes(weekday) &&
      (r.nth === undefined || (date !== undefined && r.nth === nthOfMonth(date))),
  );

/**
 * The day's plan. In order: a dated closure closes it (its reason shown); a dated extra day
 * opens it with its own hours, even on a holiday; 法定节假日 close it; a 调休 weekend day opens
 * a service that follows working days with the hours of its first working weekday that has
 * (monthly-free) rules; else the weekly rules of its weekday (an `nth` rule only on that
 * occurrence in the month). Two rules giving the same start keep the first.
 */
export function dayPlan(
  schedule: Pick<Schedule, 'rules' | 'overrides' | 'followsWorkdays'>,
  date: CivilDate,
  calendar: WorkdayCalendar = defaultCalendar,
): DayPlan {
  const overrides = schedule.overrides.filter((o) => o.date === date);
  const closure = overrides.find((o) => o.kind === 'closed');
  if (closure?.kind === 'closed')
    return { date, open: false, reason: 'closed', note: closure.reason };
  const extra = overrides.flatMap((o) => (o.kind === 'open' ? slotsOf(date, o) : []));
  if (extra.length) return { date, open: true, slots: unique(extra) };
  if (calendar.holidays.has(date) && !calendar.workdays.has(date)) {
    return { date, open: false, reason: 'holiday' };
  }
  const weekday = isoWeekday(date);
  let rules = rulesFor(schedule.rules, weekday, date);
  if (weekday >= 6 && calendar.workdays.has(date) && schedule.followsWorkdays) {
    // 调休上班: the hours of the service's first working weekday with weekly rules.
    for (let day = 1; day <= 5; day++) {
      rules = rulesFor(schedule.rules, day, undefined);
      if (rules.length) break;
    }
  }
  const slots = unique(rules.flatMap((r) => slotsOf(date, r)));
  return slots.length ? { date, open: true, slots } : { date, open: false, reason: 'no_service' };
}

function unique(slots: PlannedSlot[]): PlannedSlot[] {
  const seen = new Set<string>();
  return slots
    .filter((s) => !seen.has(s.start) && !!seen.add(s.start))
    .sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** The plans of every date from `from` to `to`, both included. */
export function plans(
  schedule: Pick<Schedule, 'rules' | 'overrides' | 'followsWorkdays'>,
  from: CivilDate,
  to: CivilDate,
  calendar: WorkdayCalendar = defaultCalendar,
): DayPlan[] {
  const out: DayPlan[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    out.push(dayPlan(schedule, date, calendar));
  }
  return out;
}

/**
 * Whether a slot starting at `start` takes bookings at `now`: undefined if it does, else why
 * not — `past` once inside the minimum notice (or started), `not_yet` beyond the booking
 * window (the slot's date more than `windowDays` after today, Beijing time).
 */
export function bookingClosedReason(
  schedule: Pick<Schedule, 'noticeMinutes' | 'windowDays'>,
  start: string,
  now: Date,
): 'past' | 'not_yet' | undefined {
  if (Date.parse(start) - now.getTime() < schedule.noticeMinutes * MINUTE_MS) return 'past';
  if (shanghaiDate(start) > addDays(shanghaiDate(now), schedule.windowDays)) return 'not_yet';
  return undefined;
}

/** Until when a booking of a slot starting at `start` may be cancelled by its resident. */
export const cancelUntil = (schedule: Pick<Schedule, 'cancelCutoffMinutes'>, start: string) =>
  new Date(Date.parse(start) - schedule.cancelCutoffMinutes * MINUTE_MS).toISOString();

/** Whether the resident may still cancel at `now` (the cutoff instant itself is too late). */
export const beforeCutoff = (
  schedule: Pick<Schedule, 'cancelCutoffMinutes'>,
  start: string,
  now: Date,
): boolean => now.getTime() < Date.parse(cancelUntil(schedule, start));

/** The slot of a service's plan that starts at `start`, if its day has one. */
export function plannedSlot(
  schedule: Pick<Schedule, 'rules' | 'overrides' | 'followsWorkdays'>,
  start: string,
  calendar: WorkdayCalendar = defaultCalendar,
): PlannedSlot | undefined {
  const plan = dayPlan(schedule, shanghaiDate(start), calendar);
  return plan.open ? plan.slots.find((s) => s.start === start) : undefined;
}
