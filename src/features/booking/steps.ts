/**
 * The steps a booking's use cases share, residents' (residents.ts) and staff's (desk.ts):
 * lookups, the machine's transitions, placing a booking on a seat or in line, cancelling it
 * and promoting who then fits. Seats are the shared capacity primitive (`store.bookingSeats`,
 * src/domain/capacity.ts): a booking takes them in its transaction with the slot's row
 * locked, and a freed seat (a cancellation, a slot cancelled, a smaller party) promotes the
 * first waiting bookings that fit in the same transaction. Lock order everywhere: a resident
 * (the limits), then the slot, then the bookings it holds. Every status change goes through
 * the machine; reads never write (a waitlisted booking whose slot started reads as expired).
 */
import { bookingDetailErrors } from './checks.js';
import type { Community } from '../core/model.js';
import { resolveLocation } from '../core/location.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { recordTransition } from '../../domain/transition.js';
import { newId } from '../../domain/ids.js';
import { shanghaiDate, shanghaiStartOfDay } from '../../domain/time.js';
import type { ServiceContext } from '../../services/context.js';
import { freshCode } from '../../services/codes.js';
import { assertCommunityAccess, eventActor } from '../../services/access.js';
import type { Store } from '../../services/store.js';
import {
  bookingMachine,
  bookingSlotKey,
  bookingStatusAsOf,
  hashBookingCode,
  hashBookingPhone,
  type Booking,
  type BookingAction,
  type BookingEvent,
  type BookingReceipt,
  type BookingService,
  type BookingSubmission,
} from './model.js';
import { bookingClosedReason, dayPlan, plannedSlot, type PlannedSlot } from './rules.js';

type EventActor = BookingEvent['actor'];

const DAY_MS = 86_400_000;

export const invalid = (fields: FieldError[]) =>
  new DomainError('validation_failed', fields.map((f) => `${f.path}: ${f.key}`).join('; '), fields);

export async function communityOf(tx: Store, id: string): Promise<Community> {
  const community = await tx.communities.get(id);
  if (!community) throw new DomainError('not_found', `community ${id}`);
  return community;
}

export async function serviceOf(tx: Store, id: string): Promise<BookingService> {
  const service = await tx.bookingServices.get(id);
  if (!service) throw new DomainError('not_found', `service ${id}`);
  return service;
}

/** [start, end) of a Beijing civil date, as ISO instants. */
export const dayBounds = (date: string): [string, string] => {
  const start = shanghaiStartOfDay(date).getTime();
  return [new Date(start).toISOString(), new Date(start + DAY_MS).toISOString()];
};

/** Applies `action` through the machine with its audit event; illegal → 409. */
export const transition = (
  booking: Booking,
  action: BookingAction,
  actor: EventActor,
  now: Date,
  text?: string,
) => recordTransition(bookingMachine, booking, action, actor, now, text);

export const staffActor = (ctx: ServiceContext): EventActor => eventActor(ctx.actor);

/** A booking as of now: a waitlisted one whose slot started reads as expired. */
export function asOf(booking: Booking, now: Date): Booking {
  const status = bookingStatusAsOf(booking.status, booking.start, now.getTime());
  if (status === booking.status) return booking;
  const shown = structuredClone(booking);
  transition(shown, 'expire', { kind: 'system' }, now);
  return shown;
}

/** Records each promotion the seats made (the slot is locked; its bookings are locked now). */
export async function promote(tx: Store, ids: readonly string[], now: Date) {
  for (const id of ids) {
    const booking = await tx.bookings.get(id, { lock: true });
    if (!booking) throw new DomainError('internal', `seat of unknown booking ${id}`);
    transition(booking, 'promote', { kind: 'system' }, now);
    booking.promotedAt = now.toISOString();
    await tx.bookings.put(booking);
  }
}

export async function positionOf(tx: Store, booking: Booking): Promise<number | undefined> {
  if (booking.status !== 'waitlisted') return undefined;
  return (await tx.bookingSeats.entries(booking.slot)).find((e) => e.id === booking.id)?.position;
}

// ---- Booking ----

/** The rules a booking must meet before it takes a seat; the slot it is for. */
async function checkBooking(
  tx: Store,
  ctx: ServiceContext,
  service: BookingService,
  input: BookingSubmission,
  now: Date,
): Promise<PlannedSlot> {
  const slot = plannedSlot(service.schedule, input.start, ctx.calendar);
  const fields = bookingDetailErrors(service, input, slot?.seats);
  // The place named must exist in the community (the check above saw it is given and local).
  if (service.place.kind === 'home' && input.location?.community === service.community) {
    const resolved = resolveLocation(await communityOf(tx, service.community), input.location);
    if ('missing' in resolved) {
      fields.push({ path: `location.${resolved.missing}`, key: 'location.unknown' });
    }
  }
  if (!slot) {
    // A day closed (a holiday, a closure) is a time that cannot be booked now; a start that is
    // no slot of an open day is a mistake in the input.
    const plan = dayPlan(service.schedule, shanghaiDate(input.start), ctx.calendar);
    if (!plan.open && plan.reason !== 'no_service') {
      throw new DomainError('slot_unavailable', `day ${plan.reason}`);
    }
    fields.push({ path: 'start', key: 'slot.unknown' });
  }
  if (fields.length || !slot) throw invalid(fields);
  const closed = bookingClosedReason(service.schedule, slot.start, now);
  if (closed) throw new DomainError('slot_unavailable', `slot ${closed}`);
  return slot;
}

/** The per-resident limits, counted with the resident locked (two bookings at once see each other). */
async function checkLimits(
  tx: Store,
  service: BookingService,
  phoneHash: string,
  start: string,
  now: Date,
) {
  const { activePerService, perMonth } = service.limits;
  if (activePerService === undefined && perMonth === undefined) return;
  await tx.bookings.lockResident(phoneHash);
  const month = `${shanghaiDate(start).slice(0, 7)}-01`;
  const next = `${shanghaiDate(new Date(Date.parse(`${month}T00:00:00.000Z`) + 32 * DAY_MS)).slice(0, 7)}-01`;
  const counts = await tx.bookings.countForResident(service.id, phoneHash, {
    now: now.toISOString(),
    monthFrom: shanghaiStartOfDay(month).toISOString(),
    monthTo: shanghaiStartOfDay(next).toISOString(),
  });
  if (activePerService !== undefined && counts.active >= activePerService) {
    throw new DomainError('booking_limit', 'active bookings of this service');
  }
  if (perMonth !== undefined && counts.inMonth >= perMonth) {
    throw new DomainError('booking_limit', 'bookings of this service this month');
  }
}

/** One booking: checks, limits, a seat or a place in line, in one transaction. */
export async function place(
  ctx: ServiceContext,
  input: BookingSubmission,
  bookedBy: 'resident' | 'staff',
): Promise<BookingReceipt> {
  return ctx.store.transaction(async (tx) => {
    const service = await tx.bookingServices.get(input.service);
    if (!service || (!service.active && bookedBy === 'resident')) {
      throw new DomainError('not_found', `service ${input.service}`);
    }
    if (bookedBy === 'staff') assertCommunityAccess(ctx.actor, service.community);
    const now = ctx.clock.now();
    const slot = await checkBooking(tx, ctx, service, input, now);
    const phoneHash = hashBookingPhone(input.phone);
    await checkLimits(tx, service, phoneHash, slot.start, now);
    const { code, hash } = await freshCode(hashBookingCode, (h) => tx.bookings.getByCode(h));
    const id = newId(now.getTime());
    const key = bookingSlotKey(service.id, slot.start);
    const { placement, promoted } = await tx.bookingSeats.take(key, slot.seats, {
      id,
      party: input.party,
    });
    // Read with the slot locked: a cancellation of the slot committed meanwhile is seen here.
    if ((await tx.bookingSlots.get(key))?.cancelled) {
      throw new DomainError('slot_unavailable', 'slot cancelled');
    }
    await promote(tx, promoted, now);
    const booking: Booking = {
      id,
      community: service.community,
      service: service.id,
      slot: key,
      start: slot.start,
      end: slot.end,
      name: input.name,
      phone: input.phone,
      phoneHash,
      forWhom: input.forWhom,
      party: input.party,
      answers: input.answers,
      bookedBy,
      status: 'confirmed',
      createdAt: now.toISOString(),
      codeHash: hash,
      history: [],
    };
    if (input.forWhom === 'elder' && input.elder) booking.elder = input.elder;
    if (service.place.kind === 'home' && input.location) booking.location = input.location;
    transition(
      booking,
      placement.held ? 'book' : 'waitlist',
      bookedBy === 'staff' ? staffActor(ctx) : { kind: 'resident' },
      now,
    );
    await tx.bookings.put(booking);
    const receipt: BookingReceipt = {
      id,
      code,
      status: booking.status,
      service: service.id,
      start: slot.start,
      end: slot.end,
    };
    if (!placement.held) receipt.position = placement.position;
    return receipt;
  });
}

/**
 * Frees a booking's seats and cancels it, promoting who now fits: the slot is locked first,
 * then the booking read again (it may have changed since it was found).
 */
export async function cancelIn(
  tx: Store,
  found: Booking,
  now: Date,
  by: 'resident' | 'staff',
  actor: EventActor,
  reason?: string,
): Promise<Booking> {
  const promoted = await tx.bookingSeats.release(found.slot, found.id);
  const booking = await tx.bookings.get(found.id, { lock: true });
  if (!booking) throw new DomainError('not_found', `booking ${found.id}`);
  if (bookingStatusAsOf(booking.status, booking.start, now.getTime()) !== booking.status) {
    throw new DomainError('invalid_transition', 'the slot has started');
  }
  transition(booking, 'cancel', actor, now, reason);
  booking.cancel = { by, at: now.toISOString() };
  if (reason !== undefined) booking.cancel.reason = reason;
  await tx.bookings.put(booking);
  await promote(tx, promoted, now);
  return booking;
}
