import * as z from 'zod/mini';
import { hashQueryCode } from '../../domain/codes.js';
import {
  queryCodeSchema,
  idSchema,
  phoneSchema,
  boundedDateSchema,
  dateSchema,
} from '../../domain/schemas.js';
import { sha256 } from '../../domain/hash.js';
import { MAX_YEAR, MIN_YEAR } from '../../domain/time.js';
import { activityStatuses, registrationActions, registrationStatuses } from './machine.js';
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

// ---- Activities (社区活动) ----

export * from './machine.js';

/** Limits (schema-free: the elements' maxlength and counters use them too). */
export const ACTIVITY_TITLE_MAX = 40;
export const ACTIVITY_DESCRIPTION_MAX = 1000;
export const ACTIVITY_TEXT_MAX = 100;
export const ACTIVITY_REASON_MAX = 100;
export const ACTIVITY_PARTY_MAX = 10;
/** The longest range one calendar read covers (a month view with its neighbours' days). */
export const ACTIVITY_RANGE_DAYS_MAX = 62;
/** Exceptions of one rule. */
export const ACTIVITY_EXCEPTIONS_MAX = 100;
/** "No limit" (capacity 0) as seats of the capacity primitive. */
export const UNLIMITED_SEATS = 100_000;

export const activityCategories = [
  'culture', // 文体
  'festival', // 节日
  'volunteer', // 志愿
  'party', // 党建
  'health', // 健康
  'legal', // 法律
  'family', // 亲子
  'elderly', // 助老
  'other', // 其他
] as const;
export type ActivityCategory = (typeof activityCategories)[number];

const trimmed = (min: number, max: number, required: string, tooLong: string) =>
  z.pipe(
    z.string().check(z.trim()),
    z.string().check(z.minLength(min, required), z.maxLength(max, tooLong)),
  );
/** `08:30`, Beijing time. */
const timeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'activity.timeInvalid'));
const weekdaySchema = z
  .int()
  .check(z.minimum(1, 'recurrence.weekday'), z.maximum(7, 'recurrence.weekday'));
const lunarDay = z.union([
  z.int().check(z.minimum(1, 'recurrence.lunarDay'), z.maximum(30, 'recurrence.lunarDay')),
  z.literal('last'),
]);

export const recurrenceRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('weekly'),
    weekdays: z.array(weekdaySchema).check(z.minLength(1, 'recurrence.weekdays'), z.maxLength(7)),
    interval: z.optional(z.int().check(z.minimum(1), z.maximum(4, 'recurrence.interval'))),
  }),
  z.object({
    kind: z.literal('monthly'),
    day: z.int().check(z.minimum(1, 'recurrence.day'), z.maximum(31, 'recurrence.day')),
  }),
  z.object({
    kind: z.literal('monthly-weekday'),
    nth: z.int().check(
      z.minimum(-1, 'recurrence.nth'),
      z.maximum(4, 'recurrence.nth'),
      z.refine((n) => n !== 0, 'recurrence.nth'),
    ),
    weekday: weekdaySchema,
  }),
  z.object({ kind: z.literal('yearly') }),
  z.object({
    kind: z.literal('lunar-yearly'),
    month: z
      .int()
      .check(z.minimum(1, 'recurrence.lunarMonth'), z.maximum(12, 'recurrence.lunarMonth')),
    day: lunarDay,
    short: z.optional(z.enum(['skip', 'last'])),
  }),
  z.object({
    kind: z.literal('lunar-monthly'),
    days: z.array(lunarDay).check(z.minLength(1, 'recurrence.lunarDay'), z.maxLength(4)),
  }),
]);

export const recurrenceSchema = z.object({
  rule: recurrenceRuleSchema,
  until: z.optional(boundedDateSchema()),
  count: z.optional(
    z.int().check(z.minimum(1, 'recurrence.count'), z.maximum(500, 'recurrence.count')),
  ),
  except: z.optional(z.array(boundedDateSchema()).check(z.maxLength(ACTIVITY_EXCEPTIONS_MAX))),
  skipHolidays: z.optional(z.boolean()),
});

/** What staff write: the activity and when it happens. */
const activityFields = {
  title: trimmed(1, ACTIVITY_TITLE_MAX, 'activity.titleRequired', 'activity.titleTooLong'),
  description: z._default(
    z.pipe(
      z.string().check(z.trim()),
      z.string().check(z.maxLength(ACTIVITY_DESCRIPTION_MAX, 'activity.descriptionTooLong')),
    ),
    '',
  ),
  category: z.enum(activityCategories, 'activity.category'),
  place: trimmed(1, ACTIVITY_TEXT_MAX, 'activity.placeRequired', 'activity.placeTooLong'),
  /** 主办: a team or unit (never a resident). */
  organiser: z.optional(
    trimmed(1, ACTIVITY_TEXT_MAX, 'activity.organiserRequired', 'activity.organiserTooLong'),
  ),
  /** Who it is for (适合老人, 亲子 …). */
  audience: z.optional(
    trimmed(1, ACTIVITY_TEXT_MAX, 'activity.audienceRequired', 'activity.audienceTooLong'),
  ),
  /** The first date (Beijing). */
  date: boundedDateSchema(),
  /** Start and end, Beijing time; both absent: all day. */
  startTime: z.optional(timeOfDay),
  endTime: z.optional(timeOfDay),
  recurrence: z.optional(recurrenceSchema),
  /** Seats per occurrence; 0: no limit. */
  capacity: z._default(
    z.int().check(z.minimum(0, 'activity.capacity'), z.maximum(10_000, 'activity.capacity')),
    0,
  ),
  /** Registration per occurrence; off: the calendar only shows the activity. */
  registration: z._default(z.boolean(), true),
  partyMax: z._default(
    z
      .int()
      .check(z.minimum(1, 'activity.partyMax'), z.maximum(ACTIVITY_PARTY_MAX, 'activity.partyMax')),
    1,
  ),
  /** Registration opens this many days before an occurrence (0: as soon as published). */
  opensDaysBefore: z._default(z.int().check(z.minimum(0), z.maximum(366)), 0),
  /** Registration closes this long before the start. */
  closesMinutesBefore: z._default(z.int().check(z.minimum(0), z.maximum(10_080)), 60),
  /** A resident may cancel until this long before the start. */
  cancelCutoffMinutes: z._default(z.int().check(z.minimum(0), z.maximum(10_080)), 120),
};
const timesCheck = z.refine<{ startTime?: string | undefined; endTime?: string | undefined }>(
  (a) =>
    (a.startTime === undefined) === (a.endTime === undefined) &&
    (a.startTime === undefined || a.startTime < a.endTime!),
  { path: ['endTime'], error: 'activity.times' },
);
const recurrenceCheck = z.refine<{
  date: string;
  recurrence?: { until?: string | undefined } | undefined;
}>((a) => !a.recurrence?.until || a.recurrence.until >= a.date, {
  path: ['recurrence', 'until'],
  error: 'recurrence.until',
});

export const activityInputSchema = z
  .object({ community: idSchema, ...activityFields, publish: z._default(z.boolean(), false) })
  .check(timesCheck, recurrenceCheck);
export type ActivityInput = z.input<typeof activityInputSchema>;
export const activityUpdateSchema = z
  .object({ id: idSchema, ...activityFields })
  .check(timesCheck, recurrenceCheck);

const recurrenceOut = z.object({
  rule: recurrenceRuleSchema,
  until: z.optional(z.string()),
  count: z.optional(z.int()),
  except: z.optional(z.array(z.string())),
  skipHolidays: z.optional(z.boolean()),
});

/** An activity as stored and as staff see it. */
export const activitySchema = z.object({
  id: idSchema,
  community: idSchema,
  title: z.string(),
  description: z.string(),
  category: z.enum(activityCategories),
  place: z.string(),
  organiser: z.optional(z.string()),
  audience: z.optional(z.string()),
  date: z.string(),
  startTime: z.optional(z.string()),
  endTime: z.optional(z.string()),
  recurrence: z.optional(recurrenceOut),
  capacity: z.int(),
  registration: z.boolean(),
  partyMax: z.int(),
  opensDaysBefore: z.int(),
  closesMinutesBefore: z.int(),
  cancelCutoffMinutes: z.int(),
  status: z.enum(activityStatuses),
  /** Occurrences withdrawn by staff, with the reason residents see. */
  cancelled: z.array(z.object({ date: z.string(), reason: z.string() })),
  cancelReason: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.output<typeof activitySchema>;

/** What anyone sees of an activity: nothing personal (organisers are teams, not residents). */
export const activityPublicSchema = z.extend(
  z.omit(activitySchema, { createdAt: true, updatedAt: true }),
  {
    /** The next dates it happens on (up to 12). */
    next: z.array(z.string()),
  },
);
export type ActivityPublic = z.output<typeof activityPublicSchema>;

/** One occurrence in the calendar. */
export const occurrenceSchema = z.object({
  activity: idSchema,
  date: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  title: z.string(),
  category: z.enum(activityCategories),
  place: z.string(),
  organiser: z.optional(z.string()),
  recurring: z.boolean(),
  /** `open` (seats left or no limit), `full` (a registration waits in line), `closed` (not yet or no longer), `none` (no registration), `cancelled` (with `reason`), `finished`. */
  state: z.enum(['open', 'full', 'closed', 'none', 'cancelled', 'finished']),
  /** Seats; 0: no limit. */
  capacity: z.int(),
  left: z.optional(z.int()),
  waiting: z.int(),
  reason: z.optional(z.string()),
});
export type Occurrence = z.output<typeof occurrenceSchema>;

/** A day's calendar facts: 农历, 节气, festivals, 休 / 班. */
export const calendarDaySchema = z.object({
  date: z.string(),
  lunar: z.object({ month: z.int(), day: z.int(), leap: z.boolean(), name: z.string() }),
  /** Index of the solar term on the day (0 小寒 … 23 冬至). */
  term: z.optional(z.int()),
  festivals: z.array(z.string()),
  /** `off`: 法定节假日; `work`: 调休 workday. */
  holiday: z.optional(z.enum(['off', 'work'])),
});

export const activityCalendarQuerySchema = z
  .object({
    community: idSchema,
    from: boundedDateSchema(),
    to: boundedDateSchema(),
    category: z.optional(z.enum(activityCategories)),
    /** Also each day's 农历, 节气, festivals and 休/班 (a month view). */
    days: z._default(z.coerce.boolean(), false),
  })
  .check(
    z.refine(
      (q) =>
        q.from <= q.to &&
        (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < ACTIVITY_RANGE_DAYS_MAX,
      { path: ['to'], error: 'date.range' },
    ),
  );
export const activityCalendarSchema = z.object({
  from: z.string(),
  to: z.string(),
  occurrences: z.array(occurrenceSchema),
  days: z.optional(z.array(calendarDaySchema)),
  /** Years of the range without a 法定节假日 schedule (no 休/班 badges for them). */
  missingSchedules: z.array(z.int()),
});
export type ActivityCalendar = z.output<typeof activityCalendarSchema>;

export const activityIdSchema = z.object({ id: idSchema });

// ---- Registrations (报名) ----

/** 本人 or 代报名 for an elder (the registrant's phone is the contact). */
export const registrationFor = ['self', 'elder'] as const;

export const registrationInputSchema = z
  .object({
    activity: idSchema,
    /** The occurrence's date. */
    date: boundedDateSchema(),
    /** Private (staff only); shown masked by code. */
    name: trimmed(1, 30, 'registrant.nameRequired', 'registrant.nameTooLong'),
    /** Private (staff only); the one-registration-per-occurrence rule counts by its hash. */
    phone: phoneSchema,
    forWhom: z._default(z.enum(registrationFor, 'forWhom.invalid'), 'self'),
    elder: z.optional(
      z.object({
        name: trimmed(1, 30, 'elder.nameRequired', 'elder.nameTooLong'),
        relation: trimmed(1, 20, 'elder.relationRequired', 'elder.relationTooLong'),
      }),
    ),
    /** 一家几口. */
    party: z._default(
      z.int().check(z.minimum(1, 'party.invalid'), z.maximum(ACTIVITY_PARTY_MAX, 'party.invalid')),
      1,
    ),
    consent: z.literal(true, 'consent.required'),
  })
  .check(
    z.refine((r) => r.forWhom !== 'elder' || r.elder !== undefined, {
      path: ['elder'],
      error: 'elder.required',
    }),
  );
export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type RegistrationSubmission = z.output<typeof registrationInputSchema>;

export const registrationEventSchema = z.object({
  at: z.string(),
  action: z.enum(registrationActions),
  from: z.optional(z.enum(registrationStatuses)),
  to: z.enum(registrationStatuses),
  actor: z.object({ kind: z.enum(['resident', 'staff', 'system']), id: z.optional(idSchema) }),
  text: z.optional(z.string()),
});
export type RegistrationEvent = z.output<typeof registrationEventSchema>;

export const registrationSchema = z.object({
  id: idSchema,
  community: idSchema,
  activity: idSchema,
  date: z.string(),
  /** The capacity slot (`occurrenceKey`). */
  slot: z.string(),
  start: z.string(),
  end: z.string(),
  name: z.string(),
  phone: z.string(),
  phoneHash: z.string(),
  forWhom: z.enum(registrationFor),
  elder: z.optional(z.object({ name: z.string(), relation: z.string() })),
  party: z.int(),
  status: z.enum(registrationStatuses),
  createdAt: z.string(),
  codeHash: z.string(),
  cancel: z.optional(
    z.object({ by: z.enum(['resident', 'staff']), at: z.string(), reason: z.optional(z.string()) }),
  ),
  promotedAt: z.optional(z.string()),
  checkedInAt: z.optional(z.string()),
  history: z.array(registrationEventSchema),
  anonymisedAt: z.optional(z.string()),
});
export type Registration = z.output<typeof registrationSchema>;

/** Given once: the code (报名码) looks the registration up, cancels it and checks in. */
export const registrationReceiptSchema = z.object({
  id: idSchema,
  code: z.string(),
  status: z.enum(registrationStatuses),
  position: z.optional(z.int()),
  activity: idSchema,
  date: z.string(),
  start: z.string(),
  end: z.string(),
});
export type RegistrationReceipt = z.output<typeof registrationReceiptSchema>;

/** What the code shows: masked names, never a phone. */
export const registrationResidentViewSchema = z.object({
  id: idSchema,
  activity: z.object({ id: idSchema, title: z.string(), place: z.string() }),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(registrationStatuses),
  position: z.optional(z.int()),
  party: z.int(),
  forWhom: z.enum(registrationFor),
  name: z.string(),
  elderName: z.optional(z.string()),
  cancelledBy: z.optional(z.enum(['resident', 'staff'])),
  cancelReason: z.optional(z.string()),
  canCancel: z.boolean(),
  cancelUntil: z.string(),
});
export type RegistrationResidentView = z.output<typeof registrationResidentViewSchema>;

export const registrationCodeInputSchema = z.object({ code: queryCodeSchema });

export const registrationStaffViewSchema = z.extend(
  z.omit(registrationSchema, { codeHash: true, phoneHash: true }),
  { position: z.optional(z.int()) },
);
export type RegistrationStaffView = z.output<typeof registrationStaffViewSchema>;

// ---- Staff ----

export const activityActionSchema = z.discriminatedUnion('action', [
  z.object({ id: idSchema, action: z.literal('publish') }),
  z.object({
    id: idSchema,
    action: z.literal('cancel'),
    reason: trimmed(1, ACTIVITY_REASON_MAX, 'reason.required', 'reason.tooLong'),
  }),
  z.object({
    id: idSchema,
    action: z.literal('cancel_occurrence'),
    date: boundedDateSchema(),
    reason: trimmed(1, ACTIVITY_REASON_MAX, 'reason.required', 'reason.tooLong'),
  }),
]);
export type ActivityAction = z.input<typeof activityActionSchema>;

export const occurrenceQuerySchema = z.object({ id: idSchema, date: boundedDateSchema() });
export const occurrenceRegistrationsSchema = z.object({
  activity: idSchema,
  date: z.string(),
  capacity: z.int(),
  taken: z.int(),
  /** Holding seats, then in line (by place), then the rest. */
  registrations: z.array(registrationStaffViewSchema),
});
export const registrationExportSchema = z.object({ filename: z.string(), csv: z.string() });

export const registrationActionSchema = z.discriminatedUnion('action', [
  z.object({ id: idSchema, action: z.literal('check_in') }),
  z.object({
    id: idSchema,
    action: z.literal('cancel'),
    reason: trimmed(1, ACTIVITY_REASON_MAX, 'reason.required', 'reason.tooLong'),
  }),
]);
export type RegistrationStaffAction = z.input<typeof registrationActionSchema>;
export const registrationCheckInSchema = z.object({ community: idSchema, code: queryCodeSchema });
export const activityCommunitySchema = z.object({ community: idSchema });

// ---- .ics ----

export const icsFileSchema = z.object({ filename: z.string(), content: z.string() });
export const occurrenceIcsQuerySchema = z.object({
  id: idSchema,
  date: z.optional(boundedDateSchema()),
});

// ---- Keys ----

/** An occurrence's capacity slot. */
export const occurrenceKey = (activity: string, date: string): string => `${activity}@${date}`;
export const hashRegistrationCode = (code: string): string => hashQueryCode('activity', code);
export const hashRegistrationPhone = (phone: string): string => sha256(`activity-phone:${phone}`);
