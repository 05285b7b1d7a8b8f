// The booking state machine: plain data and functions, no schemas (stores and the desk use it).
import { defineMachine, each, NEW, type Transitions } from '../../domain/machine.js';

/** 志愿服务预约: a booking of one slot of a service. */
export const bookingStatuses = [
  'confirmed', // 已预约 (holds its seats)
  'waitlisted', // 候补中
  'promoted', // 候补成功 (holds its seats)
  'cancelled', // 已取消 (by the resident or staff, with a reason)
  'attended', // 已核销 / 已到场
  'no_show', // 爽约
  'expired', // 候补未成功 (the slot started first)
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export const bookingActions = [
  'book', // a seat was free
  'waitlist', // none was: in line
  'promote', // a seat freed for it (FIFO)
  'cancel',
  'check_in', // 核销
  'no_show',
  'expire', // the slot started while it waited
  'resize', // fewer people come
] as const;
export type BookingAction = (typeof bookingActions)[number];

/** Bookings holding seats of their slot. */
export const holdingStatuses = ['confirmed', 'promoted'] as const;
/** Bookings still to happen (the per-resident limits count these). */
export const activeBookingStatuses = ['confirmed', 'waitlisted', 'promoted'] as const;

export const bookingMachine = defineMachine({
  statuses: bookingStatuses,
  transitions: {
    book: { [NEW]: 'confirmed' },
    waitlist: { [NEW]: 'waitlisted' },
    promote: { waitlisted: 'promoted' },
    cancel: each(activeBookingStatuses, 'cancelled'),
    check_in: each(holdingStatuses, 'attended'),
    no_show: each(holdingStatuses, 'no_show'),
    expire: { waitlisted: 'expired' },
    resize: { confirmed: 'confirmed', waitlisted: 'waitlisted', promoted: 'promoted' },
  } satisfies Transitions<BookingStatus, BookingAction>,
  sets: { holding: holdingStatuses, active: activeBookingStatuses },
});

/**
 * The status a read shows at `now` (ms): a waitlisted booking whose slot started reads as
 * expired (the machine's `expire`), whether or not a write recorded it.
 */
export const bookingStatusAsOf = (status: BookingStatus, start: string, now: number) =>
  bookingMachine.can(status, 'expire') && Date.parse(start) <= now
    ? (bookingMachine.target(status, 'expire') ?? status)
    : status;
