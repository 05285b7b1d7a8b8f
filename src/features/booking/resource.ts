import type { InputOf, OutputOf } from '../../domain/operation.js';
import type { Caller } from '../../services/feature.js';
import type { CallOptions } from '../../sdk/transport.js';
import type { bookingOperations } from './contract.js';
import type { BookingStaffAction } from './model.js';

type Ops = typeof bookingOperations;
type In<N extends keyof Ops> = InputOf<Ops, N>;
type Out<N extends keyof Ops> = OutputOf<Ops, N>;

/**
 * `client.booking` (志愿服务预约). Residents: `services`, `availability`, `book` (never queued
 * offline: seats are live; pass the same `idempotencyKey` when retrying one booking and the
 * server replays its receipt), then `status` and `cancel` with the receipt's code, shown once.
 * Staff (own community): `manage`, `createService`, `updateService`, `day`, `bookFor`,
 * `checkIn`, `act`, `cancelSlots`, `recordVolunteers`, `exportDay`, `counts`.
 */
export interface BookingResource {
  /** The community's services open for booking. */
  services(community: string): Promise<Out<'listBookingServices'>>;
  /** Per day of [from, to] (at most 62 days): seats left, full (waitlist) or closed and why. */
  availability(
    id: string,
    range: Omit<In<'bookingAvailability'>, 'id'>,
  ): Promise<Out<'bookingAvailability'>>;
  /** Books a slot: `confirmed`, or `waitlisted` with `position`. 409 `slot_unavailable` / `booking_limit`. */
  book(input: In<'bookSlot'>, options?: CallOptions): Promise<Out<'bookSlot'>>;
  /** The booking behind a code: status, place in line, a cancellation's reason. */
  status(code: string): Promise<Out<'bookingStatus'>>;
  /** Cancels by code before the cutoff (409 `cutoff_passed` after it). */
  cancel(code: string, options?: CallOptions): Promise<Out<'cancelBooking'>>;
  /** Staff: every service, switched-off ones too. */
  manage(community: string): Promise<Out<'listManagedBookingServices'>>;
  /** Staff: a new service with its schedule. */
  createService(
    input: In<'createBookingService'>,
    options?: CallOptions,
  ): Promise<Out<'createBookingService'>>;
  /** Staff: a service's new version. */
  updateService(
    id: string,
    input: Omit<In<'updateBookingService'>, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'updateBookingService'>>;
  /** Staff: a day's slots with bookings, waitlists and volunteers. */
  day(query: In<'bookingDay'>): Promise<Out<'bookingDay'>>;
  /** Staff: book on a resident's behalf (a phone call). */
  bookFor(input: In<'bookOnBehalf'>, options?: CallOptions): Promise<Out<'bookOnBehalf'>>;
  /** Staff: 核销 with the resident's code. */
  checkIn(community: string, code: string, options?: CallOptions): Promise<Out<'checkInBooking'>>;
  /** Staff: check in, no-show, cancel with a reason, or a smaller party, by booking id. */
  act(id: string, action: BookingStaffAction, options?: CallOptions): Promise<Out<'actOnBooking'>>;
  /** Staff: cancel one slot (`start`) or a whole day, with a reason residents see by code. */
  cancelSlots(
    id: string,
    input: Omit<In<'cancelBookingSlots'>, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'cancelBookingSlots'>>;
  /** Staff: who served a slot and for how many hours. */
  recordVolunteers(
    id: string,
    input: Omit<In<'recordSlotVolunteers'>, 'id'>,
    options?: CallOptions,
  ): Promise<Out<'recordSlotVolunteers'>>;
  /** Staff: a day as CSV text (UTF-8 with BOM) and a file name to save it under. */
  exportDay(query: In<'exportBookingDay'>): Promise<Out<'exportBookingDay'>>;
  /** Staff: counts of a period (bookings, attendance and no-show rates, promotions, hours per team). */
  counts(query: In<'bookingCounts'>): Promise<Out<'bookingCounts'>>;
}

export const bookingResource = (c: Caller<Ops>): BookingResource => ({
  services: (community) => c.call('listBookingServices', { community }),
  availability: (id, range) => c.call('bookingAvailability', { ...range, id }),
  book: (input, opts) => c.call('bookSlot', input, opts),
  status: (code) => c.call('bookingStatus', { code }),
  cancel: (code, opts) => c.call('cancelBooking', { code }, opts),
  manage: (community) => c.call('listManagedBookingServices', { community }),
  createService: (input, opts) => c.call('createBookingService', input, opts),
  updateService: (id, input, opts) => c.call('updateBookingService', { ...input, id }, opts),
  day: (query) => c.call('bookingDay', query),
  bookFor: (input, opts) => c.call('bookOnBehalf', input, opts),
  checkIn: (community, code, opts) => c.call('checkInBooking', { community, code }, opts),
  act: (id, action, opts) => c.call('actOnBooking', { id, ...action } as In<'actOnBooking'>, opts),
  cancelSlots: (id, input, opts) => c.call('cancelBookingSlots', { ...input, id }, opts),
  recordVolunteers: (id, input, opts) => c.call('recordSlotVolunteers', { ...input, id }, opts),
  exportDay: (query) => c.call('exportBookingDay', query),
  counts: (query) => c.call('bookingCounts', query),
});
