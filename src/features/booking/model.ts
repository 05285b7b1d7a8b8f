import * as z from 'zod/mini';
import {
  idSchema,
  phoneSchema,
  queryCodeSchema,
  boundedDateSchema,
  periodChecks,
  periodFields,
} from '../../domain/schemas.js';
import { hashQueryCode } from '../../domain/codes.js';
import { sha256 } from '../../domain/hash.js';
import { isCanonicalInstant } from '../../domain/time.js';
import { categoryQuestionSchema, locationSchema } from '../core/model.js';
import { bookingActions, bookingStatuses } from './machine.js';

export * from './machine.js';

// ---- Limits (schema-free: the elements' maxlength and counters use them too) ----

export const SERVICE_NAME_MAX = 40;
export const SERVICE_DESCRIPTION_MAX = 500;
export const NOTICE_MAX = 300;
export const ELIGIBILITY_MAX = 100;
export const REASON_MAX = 100;
export const PARTY_MAX = 10;
/** The longest range one availability read covers. */
export const AVAILABILITY_DAYS_MAX = 62;
/** Defaults of a schedule. */
export const DEFAULT_WINDOW_DAYS = 14;
export const DEFAULT_NOTICE_MINUTES = 120;
export const DEFAULT_CANCEL_CUTOFF_MINUTES = 120;

// ---- A service and its schedule ----

/** `08:30`, Beijing time. */
export const timeOfDaySchema = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'schedule.timeInvalid'));
const minutes = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
/** Trimmed text between `min` and `max` characters, with its two messages' keys. */
const sizedText = (min: number, max: number, required: string, tooLong: string) =>
  z.string().check(z.trim(), z.minLength(min, required), z.maxLength(max, tooLong));
const reasonText = () => sizedText(1, REASON_MAX, 'reason.required', 'reason.tooLong');
const dateField = () => boundedDateSchema();

const timeRange = {
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  /** Minutes per slot: slots run from `start` while a whole one fits before `end`. */
  slotMinutes: z.int().check(z.minimum(5), z.maximum(480)),
  /** Seats per slot. */
  seats: z.int().check(z.minimum(1), z.maximum(500)),
};
const rangeChecks = () =>
  z.refine<{ start: string; end: string }>((r) => r.start < r.end, {
    path: ['end'],
    error: 'schedule.timeRange',
  });

/** A weekly rule: these weekdays (1 = Monday … 7 = Sunday), these hours. */
export const scheduleRuleSchema = z
  .object({
    weekdays: z
      .array(z.int().check(z.minimum(1), z.maximum(7)))
      .check(z.minLength(1, 'schedule.weekdaysRequired'), z.maxLength(7)),
    /** Only the nth such weekday of its month (每月第二个周三: 2). */
    nth: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
    ...timeRange,
  })
  .check(rangeChecks());

/** A dated change: an extra day (with its hours and seats), or a closure with its reason. */
export const scheduleOverrideSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), date: dateField(), ...timeRange }).check(rangeChecks()),
  z.object({
    kind: z.literal('closed'),
    date: dateField(),
    reason: reasonText(),
  }),
]);

export const scheduleSchema = z.object({
  rules: z.array(scheduleRuleSchema).check(z.maxLength(14)),
  overrides: z._default(z.array(scheduleOverrideSchema).check(z.maxLength(120)), []),
  /** How many days ahead a slot may be booked (today counts as day 0). */
  windowDays: z._default(z.int().check(z.minimum(0), z.maximum(90)), DEFAULT_WINDOW_DAYS),
  /** A slot closes for booking this long before it starts (最短提前量). */
  noticeMinutes: z._default(minutes(10_080), DEFAULT_NOTICE_MINUTES),
  /** Residents may cancel until this long before the start (取消截止). */
  cancelCutoffMinutes: z._default(minutes(10_080), DEFAULT_CANCEL_CUTOFF_MINUTES),
  /**
   * 按工作日: open on 调休 weekend days too (with the hours of its first working weekday that
   * has rules). Every service is closed on 法定节假日 unless a dated override opens it.
   */
  followsWorkdays: z._default(z.boolean(), false),
});
export type Schedule = z.output<typeof scheduleSchema>;
export type ScheduleRule = z.output<typeof scheduleRuleSchema>;
export type ScheduleOverride = z.output<typeof scheduleOverrideSchema>;

/** Where the service happens: at a station (address), or 上门 at the resident's place. */
export const servicePlaceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('station'),
    address: sizedText(2, 100, 'address.required', 'address.tooLong'),
  }),
  z.object({ kind: z.literal('home') }),
]);

export const serviceLimitsSchema = z.object({
  /** Bookings one resident (by phone) may have still to come for this service. */
  activePerService: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
  /** Bookings one resident may make for this service per calendar month (by slot date). */
  perMonth: z.optional(z.int().check(z.minimum(1), z.maximum(31))),
  /** Most people one booking may bring (the resident included). */
  partyMax: z._default(z.int().check(z.minimum(1), z.maximum(PARTY_MAX)), 1),
});

const serviceFields = {
  name: sizedText(2, SERVICE_NAME_MAX, 'serviceName.required', 'serviceName.tooLong'),
  nameEn: z.optional(z.string().check(z.trim(), z.maxLength(80))),
  /** The volunteer team (党建红, 法治蓝, 夕阳红 …): hours are counted per team. */
  team: sizedText(1, 20, 'team.required', 'team.tooLong'),
  /** A `volunteer` category of the community's catalogue. */
  category: idSchema,
  description: z._default(
    z.string().check(z.trim(), z.maxLength(SERVICE_DESCRIPTION_MAX, 'serviceDescription.tooLong')),
    '',
  ),
  place: servicePlaceSchema,
  /** How long the service itself takes (shown to residents). */
  durationMinutes: z.int().check(z.minimum(5), z.maximum(480)),
  /** What to bring, where to wait (注意事项). */
  notice: z._default(z.string().check(z.trim(), z.maxLength(NOTICE_MAX, 'notice.tooLong')), ''),
  /** Asked when booking, answered in free text (the complaint categories' questions). */
  questions: z._default(z.array(categoryQuestionSchema).check(z.maxLength(5)), []),
  /**
   * Who may book, as a sentence the resident ticks (本服务面向辖区 60 岁以上老人): never a birth
   * date or an ID number.
   */
  eligibility: z.optional(
    z.string().check(z.trim(), z.maxLength(ELIGIBILITY_MAX, 'eligibility.tooLong')),
  ),
  limits: z._default(serviceLimitsSchema, { partyMax: 1 }),
  schedule: scheduleSchema,
  /** Listed to residents (staff switch a service off without deleting it). */
  active: z._default(z.boolean(), true),
};

/** Staff: a new service (POST /communities/{community}/booking-services). */
export const bookingServiceInputSchema = z.object({ community: idSchema, ...serviceFields });
/** Staff: a service's new version (PUT /booking-services/{id}); the community never changes. */
export const bookingServiceUpdateSchema = z.object({ id: idSchema, ...serviceFields });

/** A service (服务项目) as stored and as everyone sees it: nothing personal in it. */
export const bookingServiceSchema = z.object({
  id: idSchema,
  community: idSchema,
  name: z.string(),
  nameEn: z.optional(z.string()),
  team: z.string(),
  category: idSchema,
  description: z.string(),
  place: servicePlaceSchema,
  durationMinutes: z.int(),
  notice: z.string(),
  questions: z.array(categoryQuestionSchema),
  eligibility: z.optional(z.string()),
  limits: serviceLimitsSchema,
  schedule: scheduleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BookingService = z.output<typeof bookingServiceSchema>;
export type BookingServiceInput = z.input<typeof bookingServiceInputSchema>;

// ---- Availability ----

/** Why a day or a slot takes no bookings. */
export const closedReasons = [
  'holiday', // 法定节假日
  'no_service', // not a day of the service
  'closed', // a dated closure or a cancelled slot (its reason beside it)
  'past', // started, or inside the minimum notice
  'not_yet', // beyond the booking window
] as const;
export type ClosedReason = (typeof closedReasons)[number];

export const slotViewSchema = z.object({
  start: z.string(),
  end: z.string(),
  seats: z.int(),
  /** Seats free now. */
  left: z.int(),
  waiting: z.int(),
  /** open: seats free; full: a booking joins the waitlist; closed: none taken. */
  state: z.enum(['open', 'full', 'closed']),
  reason: z.optional(z.enum(closedReasons)),
  /** The staff's reason for a cancelled slot. */
  note: z.optional(z.string()),
});
export const dayViewSchema = z.object({
  date: z.string(),
  state: z.enum(['open', 'full', 'closed']),
  reason: z.optional(z.enum(closedReasons)),
  note: z.optional(z.string()),
  /** Seats free in the day's bookable slots. */
  left: z.int(),
  slots: z.array(slotViewSchema),
});
export const availabilitySchema = z.object({
  service: idSchema,
  days: z.array(dayViewSchema),
});
export type SlotView = z.output<typeof slotViewSchema>;
export type DayView = z.output<typeof dayViewSchema>;
export type Availability = z.output<typeof availabilitySchema>;

/**
 * A service as residents' list shows it: with the first day of its window that takes a booking
 * (`open`: seats left; `full`: a booking joins the waitlist), so the cards need no request each.
 */
export const bookingServiceListingSchema = z.extend(bookingServiceSchema, {
  next: z.optional(z.object({ date: z.string(), state: z.enum(['open', 'full']), left: z.int() })),
});
export type BookingServiceListing = z.output<typeof bookingServiceListingSchema>;

export const availabilityQuerySchema = z
  .object({ id: idSchema, ...periodFields() })
  .check(
    z.refine(
      (q) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(q.from) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(q.to) ||
        (q.from <= q.to &&
          Date.parse(q.to) - Date.parse(q.from) < AVAILABILITY_DAYS_MAX * 86_400_000),
      { path: ['to'], error: 'date.range' },
    ),
  );

// ---- A booking ----

/** 本人 or 代约 (on behalf of an elder: the booker's phone is the contact). */
export const bookingFor = ['self', 'elder'] as const;

/** A slot's start as sent: exactly an instant we made (`toISOString()`). */
export const slotStartSchema = z.string().check(z.refine(isCanonicalInstant, 'slot.invalid'));

export const bookingInputSchema = z
  .object({
    service: idSchema,
    start: slotStartSchema,
    /** The booker's real name: private (staff only); shown masked by code. */
    name: sizedText(1, 30, 'booker.nameRequired', 'booker.nameTooLong'),
    /** Private: staff only. Limits identify the resident by its hash. */
    phone: phoneSchema,
    forWhom: z._default(z.enum(bookingFor, 'forWhom.invalid'), 'self'),
    elder: z.optional(
      z.object({
        name: sizedText(1, 30, 'elder.nameRequired', 'elder.nameTooLong'),
        relation: sizedText(1, 20, 'elder.relationRequired', 'elder.relationTooLong'),
      }),
    ),
    party: z._default(
      z.int().check(z.minimum(1, 'party.invalid'), z.maximum(PARTY_MAX, 'party.invalid')),
      1,
    ),
    /** Answers to the service's questions, by question id. */
    answers: z._default(z.record(idSchema, z.string().check(z.maxLength(500))), {}),
    /** 上门: where (grid / building / unit of the service's community). */
    location: z.optional(locationSchema),
    /** Ticked the service's eligibility sentence. */
    eligible: z.optional(z.boolean()),
    consent: z.literal(true, 'consent.required'),
  })
  .check(
    z.refine((b) => b.forWhom !== 'elder' || b.elder !== undefined, {
      path: ['elder'],
      error: 'elder.required',
    }),
  );
export type BookingInput = z.input<typeof bookingInputSchema>;
export type BookingSubmission = z.output<typeof bookingInputSchema>;

export const bookingEventSchema = z.object({
  at: z.string(),
  action: z.enum(bookingActions),
  from: z.optional(z.enum(bookingStatuses)),
  to: z.enum(bookingStatuses),
  actor: z.object({
    kind: z.enum(['resident', 'staff', 'system']),
    id: z.optional(idSchema),
  }),
  text: z.optional(z.string()),
});
export type BookingEvent = z.output<typeof bookingEventSchema>;

export const bookingSchema = z.object({
  id: idSchema,
  community: idSchema,
  service: idSchema,
  /** The slot's key (`bookingSlotKey`). */
  slot: z.string(),
  start: z.string(),
  end: z.string(),
  name: z.string(),
  phone: z.string(),
  /** `hashBookingPhone(phone)`: what the limits count by. */
  phoneHash: z.string(),
  forWhom: z.enum(bookingFor),
  elder: z.optional(z.object({ name: z.string(), relation: z.string() })),
  party: z.int(),
  answers: z.record(z.string(), z.string()),
  location: z.optional(locationSchema),
  /** By the resident online, or by staff on the resident's behalf (a phone call). */
  bookedBy: z.enum(['resident', 'staff']),
  status: z.enum(bookingStatuses),
  createdAt: z.string(),
  codeHash: z.string(),
  cancel: z.optional(
    z.object({ by: z.enum(['resident', 'staff']), at: z.string(), reason: z.optional(z.string()) }),
  ),
  promotedAt: z.optional(z.string()),
  checkedInAt: z.optional(z.string()),
  history: z.array(bookingEventSchema),
  /** Set when the retention job took the personal data out (docs/server.md, Retention). */
  anonymisedAt: z.optional(z.string()),
});
export type Booking = z.output<typeof bookingSchema>;

/** Given once: the code (预约码) looks the booking up, cancels it, shows the waitlist place. */
export const bookingReceiptSchema = z.object({
  id: idSchema,
  code: z.string(),
  status: z.enum(bookingStatuses),
  /** Place in line while waitlisted (1 = next). */
  position: z.optional(z.int()),
  service: idSchema,
  start: z.string(),
  end: z.string(),
});
export type BookingReceipt = z.output<typeof bookingReceiptSchema>;

/** What the code shows: masked names, never a phone. */
export const bookingResidentViewSchema = z.object({
  id: idSchema,
  service: z.object({ id: idSchema, name: z.string(), nameEn: z.optional(z.string()) }),
  start: z.string(),
  end: z.string(),
  status: z.enum(bookingStatuses),
  position: z.optional(z.int()),
  party: z.int(),
  forWhom: z.enum(bookingFor),
  name: z.string(),
  elderName: z.optional(z.string()),
  cancelledBy: z.optional(z.enum(['resident', 'staff'])),
  cancelReason: z.optional(z.string()),
  canCancel: z.boolean(),
  /** Until when the resident may cancel. */
  cancelUntil: z.string(),
});
export type BookingResidentView = z.output<typeof bookingResidentViewSchema>;

export const bookingCodeInputSchema = z.object({ code: queryCodeSchema });

// ---- Staff ----

export const bookingStaffViewSchema = z.extend(
  z.omit(bookingSchema, { codeHash: true, phoneHash: true }),
  {
    position: z.optional(z.int()),
  },
);
export type BookingStaffView = z.output<typeof bookingStaffViewSchema>;

export const volunteerSchema = z.object({
  name: sizedText(1, 30, 'volunteer.nameRequired', 'volunteer.nameTooLong'),
  hours: z.number().check(z.minimum(0.5, 'volunteer.hours'), z.maximum(24, 'volunteer.hours')),
});

/** A slot's record beside its seats: a cancellation, and who served (志愿者 and their hours). */
export const bookingSlotSchema = z.object({
  key: z.string(),
  community: idSchema,
  service: idSchema,
  start: z.string(),
  cancelled: z.optional(z.object({ at: z.string(), reason: z.string(), by: idSchema })),
  volunteers: z.array(volunteerSchema),
});
export type BookingSlot = z.output<typeof bookingSlotSchema>;

export const deskSlotSchema = z.object({
  start: z.string(),
  end: z.string(),
  seats: z.int(),
  taken: z.int(),
  cancelled: z.optional(z.object({ at: z.string(), reason: z.string() })),
  volunteers: z.array(volunteerSchema),
  /** Holding seats, attended, no-show, cancelled: every booking but the waitlist, by time booked. */
  bookings: z.array(bookingStaffViewSchema),
  /** Waiting, in line order. */
  waitlist: z.array(bookingStaffViewSchema),
});
export const bookingDaySchema = z.object({
  community: idSchema,
  date: z.string(),
  services: z.array(
    z.object({
      service: bookingServiceSchema,
      day: z.object({
        state: z.enum(['open', 'closed']),
        reason: z.optional(z.enum(closedReasons)),
        note: z.optional(z.string()),
      }),
      slots: z.array(deskSlotSchema),
    }),
  ),
});
export type BookingDay = z.output<typeof bookingDaySchema>;

export const bookingDayQuerySchema = z.object({
  community: idSchema,
  date: boundedDateSchema(),
  service: z.optional(idSchema),
});

export const bookingStaffActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('check_in') }),
  z.object({ action: z.literal('no_show') }),
  z.object({ action: z.literal('cancel'), reason: reasonText() }),
  z.object({
    action: z.literal('resize'),
    party: z.int().check(z.minimum(1, 'party.invalid'), z.maximum(PARTY_MAX, 'party.invalid')),
  }),
]);
export type BookingStaffAction = z.input<typeof bookingStaffActionSchema>;
export const bookingActionRequestSchema = z.intersection(
  z.object({ id: idSchema }),
  bookingStaffActionSchema,
);

/** 核销: staff check a resident in with the code they show. */
export const bookingCheckInSchema = z.object({ community: idSchema, code: queryCodeSchema });

/** Cancel one slot (`start`) or the whole day (no `start`) of a service, with a reason. */
export const bookingCancellationSchema = z.object({
  id: idSchema,
  date: boundedDateSchema(),
  start: z.optional(slotStartSchema),
  reason: reasonText(),
});
export const bookingCancellationResultSchema = z.object({
  service: idSchema,
  date: z.string(),
  slots: z.int(),
  cancelled: z.int(),
});

/** Who served a slot, with their hours (replaces what was recorded). */
export const bookingVolunteersInputSchema = z.object({
  id: idSchema,
  start: slotStartSchema,
  volunteers: z.array(volunteerSchema).check(z.maxLength(50)),
});

/** Staff book on a resident's behalf (a phone call): the resident's input, staff access. */
export const staffBookingInputSchema = bookingInputSchema;

export const bookingExportQuerySchema = z.object({
  community: idSchema,
  date: boundedDateSchema(),
});
/** A day's CSV (UTF-8 with BOM, for Excel/WPS); in JSON so every transport carries it. */
export const bookingExportSchema = z.object({ filename: z.string(), csv: z.string() });

export const bookingCountsQuerySchema = z
  .object({ community: idSchema, ...periodFields() })
  .check(...periodChecks());
export const bookingCountsSchema = z.object({
  community: idSchema,
  from: z.string(),
  to: z.string(),
  /** Bookings of slots in the period, every status. */
  bookings: z.int(),
  byStatus: z.record(z.enum(bookingStatuses), z.int()),
  /** attended / (attended + no_show); null with neither. */
  attendanceRate: z.nullable(z.number()),
  noShowRate: z.nullable(z.number()),
  /** Waitlisted bookings that got a seat. */
  promotions: z.int(),
  volunteerHours: z.array(z.object({ team: z.string(), hours: z.number() })),
});
export type BookingCounts = z.output<typeof bookingCountsSchema>;

export const communityIdSchema = z.object({ community: idSchema });
export const serviceIdSchema = z.object({ id: idSchema });

// ---- Codes and keys ----

/** A slot's key: its service and its start instant. */
export const bookingSlotKey = (service: string, start: string): string => `${service}@${start}`;

/** The stored hash of a booking code (预约码), salted with its kind like the wish codes. */
export const hashBookingCode = (code: string): string => hashQueryCode('booking', code);

/** Who a resident is for the limits: a hash of the phone, never the phone itself. */
export const hashBookingPhone = (phone: string): string => sha256(`booking-phone:${phone}`);
