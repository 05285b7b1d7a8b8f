import type { InputOf, OutputOf } from '../../domain/operation.js';
import type { Caller } from '../../services/feature.js';
import type { CallOptions } from '../../sdk/transport.js';
import type { calendarOperations } from './contract.js';
import type { ActivityAction, RegistrationStaffAction } from './model.js';

type Ops = typeof calendarOperations;
type In<N extends keyof Ops> = InputOf<Ops, N>;
type Out<N extends keyof Ops> = OutputOf<Ops, N>;
type Without<T, K extends string> = T extends unknown ? Omit<T, K> : never;

/**
 * `client.calendar` (社区活动日历). Anyone: `holidays` (法定节假日/调休), `month` (occurrences of a
 * range with seats, 农历, 节气, festivals, 休/班), `activity`, `register` (never queued offline:
 * seats are live; pass the same `idempotencyKey` when retrying), then `registration` and
 * `cancelRegistration` with the receipt's code, shown once; `feed` and `ics` (.ics text).
 * Staff (own community): `manage`, `create`, `update`, `act`, `registrations`, `exportRegistrations`,
 * `registerFor`, `checkIn`, `actOnRegistration`. Admins: `putHolidays` (the server's operator
 * may use `shequ-kit-server holidays import <file>` instead).
 */
export interface CalendarResource {
  /** The years of [from, to] that have a schedule (default: every year); a missing year has none. */
  holidays(range?: In<'holidayCalendar'>): Promise<Out<'holidayCalendar'>>;
  /** Admin: loads a year's schedule, replacing the shipped or loaded one. */
  putHolidays(schedule: In<'putHolidaySchedule'>): Promise<Out<'putHolidaySchedule'>>;
  /** Occurrences of [from, to] (≤ 62 days); `days: true` adds each day's 农历, 节气, festivals, 休/班. */
  month(query: In<'activityCalendar'>): Promise<Out<'activityCalendar'>>;
  /** An activity with its recurrence and next dates. */
  activity(id: string): Promise<Out<'getActivity'>>;
  /** Registers for one occurrence: `confirmed`, or `waitlisted` with `position`. */
  register(
    input: In<'registerForActivity'>,
    options?: CallOptions,
  ): Promise<Out<'registerForActivity'>>;
  /** The registration behind a code: status, place in line, a cancellation's reason. */
  registration(code: string): Promise<Out<'activityRegistrationStatus'>>;
  /** Cancels by code before the cutoff (409 `cutoff_passed` after it). */
  cancelRegistration(
    code: string,
    options?: CallOptions,
  ): Promise<Out<'cancelActivityRegistration'>>;
  /** The community's activities as .ics text (subscribe to the server's `…/activity-feed.ics`). */
  feed(community: string): Promise<Out<'activityFeed'>>;
  /** One occurrence (`date`) or the whole activity as an .ics file. */
  ics(id: string, date?: string): Promise<Out<'activityIcs'>>;
  /** Staff: every activity, drafts too. */
  manage(community: string): Promise<Out<'listManagedActivities'>>;
  /** Staff: a new activity (a draft unless `publish`). */
  create(input: In<'createActivity'>, options?: CallOptions): Promise<Out<'createActivity'>>;
  /** Staff: an activity's new version. */
  update(
    id: string,
    input: Omit<In<'updateActivity'>, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'updateActivity'>>;
  /** Staff: publish, cancel with a reason, or withdraw one occurrence with a reason. */
  act(
    id: string,
    action: Without<ActivityAction, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'actOnActivity'>>;
  /** Staff: an occurrence's registrations and waitlist. */
  registrations(id: string, date: string): Promise<Out<'occurrenceRegistrations'>>;
  /** Staff: an occurrence's registrations as CSV (UTF-8 with BOM) and a file name. */
  exportRegistrations(id: string, date: string): Promise<Out<'exportOccurrenceRegistrations'>>;
  /** Staff: 代报名 on a resident's behalf (a phone call). */
  registerFor(
    input: In<'registerOnBehalf'>,
    options?: CallOptions,
  ): Promise<Out<'registerOnBehalf'>>;
  /** Staff: 签到 with the resident's code. */
  checkIn(
    community: string,
    code: string,
    options?: CallOptions,
  ): Promise<Out<'checkInActivityRegistration'>>;
  /** Staff: check in from the list, or cancel with a reason, by registration id. */
  actOnRegistration(
    id: string,
    action: Without<RegistrationStaffAction, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'actOnActivityRegistration'>>;
}

export const calendarResource = (c: Caller<Ops>): CalendarResource => ({
  holidays: (range = {}) => c.call('holidayCalendar', range),
  putHolidays: (schedule) => c.call('putHolidaySchedule', schedule),
  month: (query) => c.call('activityCalendar', query),
  activity: (id) => c.call('getActivity', { id }),
  register: (input, opts) => c.call('registerForActivity', input, opts),
  registration: (code) => c.call('activityRegistrationStatus', { code }),
  cancelRegistration: (code, opts) => c.call('cancelActivityRegistration', { code }, opts),
  feed: (community) => c.call('activityFeed', { community }),
  ics: (id, date) => c.call('activityIcs', date ? { id, date } : { id }),
  manage: (community) => c.call('listManagedActivities', { community }),
  create: (input, opts) => c.call('createActivity', input, opts),
  update: (id, input, opts) => c.call('updateActivity', { ...input, id }, opts),
  act: (id, action, opts) =>
    c.call('actOnActivity', { ...action, id } as In<'actOnActivity'>, opts),
  registrations: (id, date) => c.call('occurrenceRegistrations', { id, date }),
  exportRegistrations: (id, date) => c.call('exportOccurrenceRegistrations', { id, date }),
  registerFor: (input, opts) => c.call('registerOnBehalf', input, opts),
  checkIn: (community, code, opts) =>
    c.call('checkInActivityRegistration', { community, code }, opts),
  actOnRegistration: (id, action, opts) =>
    c.call('actOnActivityRegistration', { ...action, id } as In<'actOnActivityRegistration'>, opts),
});
