import type { InputOf, OutputOf } from '../../domain/operation.js';
import type { Caller } from '../../services/feature.js';
import type { calendarOperations } from './contract.js';

type Ops = typeof calendarOperations;
type In<N extends keyof Ops> = InputOf<Ops, N>;
type Out<N extends keyof Ops> = OutputOf<Ops, N>;

/**
 * `client.calendar`: the 法定节假日/调休 schedules the server's deadlines, booking slots and
 * calendar badges use. `holidays` is public; `putHolidays` is for admins (the server's
 * operator may use `shequ-kit-server holidays import <file>` instead).
 */
export interface CalendarResource {
  /** The years of [from, to] that have a schedule (default: every year); a missing year has none. */
  holidays(range?: In<'holidayCalendar'>): Promise<Out<'holidayCalendar'>>;
  /** Admin: loads a year's schedule, replacing the shipped or loaded one. */
  putHolidays(schedule: In<'putHolidaySchedule'>): Promise<Out<'putHolidaySchedule'>>;
}

export const calendarResource = (c: Caller<Ops>): CalendarResource => ({
  holidays: (range = {}) => c.call('holidayCalendar', range),
  putHolidays: (schedule) => c.call('putHolidaySchedule', schedule),
});
