/**
 * 志愿服务预约 use cases. Seats are the shared capacity primitive (`store.bookingSeats`,
 * src/domain/capacity.ts): a booking takes them in its transaction with the slot's row
 * locked, and a freed seat (a cancellation, a slot cancelled, a smaller party) promotes the
 * first waiting bookings that fit in the same transaction. Lock order everywhere: a resident
 * (the limits), then the slot, then the bookings it holds. Every status change goes through
 * the machine; reads never write (a waitlisted booking whose slot started reads as expired).
 */
import * as z from 'zod/mini';
import { bookingDetailErrors } from './checks.js';
import { resolveLocation, type Community } from '../core/model.js';
import { newQueryCode } from '../../domain/codes.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { maskName, scrubPublicText } from '../../domain/mask.js';
import { addDays, shanghaiDate, shanghaiStartOfDay } from '../../domain/time.js';
import type { ServiceContext } from '../../services/context.js';
import { assertCommunityAccess } from '../../services/access.js';
import { onFirstCall } from '../../services/later.js';
import type { Store } from '../../services/store.js';
import {
  AVAILABILITY_DAYS_MAX,
  bookingMachine,
  bookingSlotKey,
  bookingStatusAsOf,
  hashBookingCode,
  hashBookingPhone,
  type Availability,
  type Booking,
  type BookingAction,
  type BookingEvent,
  type BookingReceipt,
  type BookingResidentView,
  type BookingService,
  type BookingServiceListing,
  type BookingSlot,
  type BookingSubmission,
  type ClosedReason,
  type DayView,
  type SlotView,
  type availabilityQuerySchema,
} from './model.js';
import {
  beforeCutoff,
  bookingClosedReason,
  cancelUntil,
  dayPlan,
  plannedSlot,
  plans,
  type PlannedSlot,
} from './rules.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;
type EventActor = BookingEvent['actor'];

const DAY_MS = 86_400_000;
/** Tries for a code no other booking has (8 characters of 31: a clash is ~1 in 10^12 per pair). */
const CODE_TRIES = 5;

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
export function transition(
  booking: Booking,
  action: BookingAction,
  actor: EventActor,
  now: Date,
  text?: string,
) {
  const from = booking.history.length ? booking.status : undefined;
  const to = bookingMachine.next(from, action);
  const event: BookingEvent = { at: now.toISOString(), action, to, actor };
  if (from !== undefined) event.from = from;
  if (text !== undefined) event.text = text;
  booking.history.push(event);
  booking.status = to;
}

export const staffActor = (ctx: ServiceContext): EventActor =>
  ctx.actor.kind === 'staff' ? { kind: 'staff', id: ctx.actor.id } : { kind: 'resident' };

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

// ---- Views ----

/** What the code shows: the booking with masked names, never a phone. */
function toResidentView(
  booking: Booking,
  service: BookingService,
  now: Date,
  position: number | undefined,
): BookingResidentView {
  const view: BookingResidentView = {
    id: booking.id,
    service: { id: service.id, name: service.name },
    start: booking.start,
    end: booking.end,
    status: booking.status,
    party: booking.party,
    forWhom: booking.forWhom,
    name: maskName(booking.name),
    canCancel:
      bookingMachine.can(booking.status, 'cancel') &&
      beforeCutoff(service.schedule, booking.start, now),
    cancelUntil: cancelUntil(service.schedule, booking.start),
  };
  if (service.nameEn) view.service.nameEn = service.nameEn;
  if (position !== undefined) view.position = position;
  if (booking.elder) view.elderName = maskName(booking.elder.name);
  if (booking.cancel) {
    view.cancelledBy = booking.cancel.by;
    // Staff's reason is shown by code: typed-in phones and the booking's own names masked.
    if (booking.cancel.reason) {
      view.cancelReason = scrubPublicText(booking.cancel.reason, [
        booking.name,
        booking.elder?.name,
      ]);
    }
  }
  return view;
}

/** Public: a community's services open for booking. */
export async function listBookingServices(
  ctx: ServiceContext,
  { community }: { community: string },
): Promise<BookingServiceListing[]> {
  const services = await ctx.store.bookingServices.listByCommunity(community);
  if (!services.length) await communityOf(ctx.store, community);
  const today = shanghaiDate(ctx.clock.now());
  return Promise.all(
    services
      .filter((s) => s.active)
      .map(async (service) => {
        const to = addDays(today, Math.min(service.schedule.windowDays, AVAILABILITY_DAYS_MAX - 1));
        const { days } = await availabilityOf(ctx, service, today, to);
        const day = days.find((d) => d.state === 'open') ?? days.find((d) => d.state === 'full');
        return day
          ? {
              ...service,
              next: { date: day.date, state: day.state as 'open' | 'full', left: day.left },
            }
          : service;
      }),
  );
}

// ---- Availability ----

/** A day's slots as residents see them at `now`, with their seats and why one is closed. */
function dayView(
  service: BookingService,
  plan: ReturnType<typeof dayPlan>,
  usage: Record<string, { taken: number; waiting: number }>,
  records: Map<string, BookingSlot>,
  now: Date,
): DayView {
  if (!plan.open) {
    const day: DayView = {
      date: plan.date,
      state: 'closed',
      reason: plan.reason,
      left: 0,
      slots: [],
    };
    if (plan.note) day.note = plan.note;
    return day;
  }
  const slots = plan.slots.map((slot): SlotView => {
    const key = bookingSlotKey(service.id, slot.start);
    const used = usage[key] ?? { taken: 0, waiting: 0 };
    const view: SlotView = {
      start: slot.start,
      end: slot.end,
      seats: slot.seats,
      left: Math.max(0, slot.seats - used.taken),
      waiting: used.waiting,
      state: 'open',
    };
    const cancelled = records.get(key)?.cancelled;
    const closed: ClosedReason | undefined = cancelled
      ? 'closed'
      : bookingClosedReason(service.schedule, slot.start, now);
    if (closed) {
      view.state = 'closed';
      view.reason = closed;
      view.left = 0;
      if (cancelled) view.note = cancelled.reason;
    } else if (view.left === 0) view.state = 'full';
    return view;
  });
  const bookable = slots.filter((s) => s.state !== 'closed');
  const day: DayView = {
    date: plan.date,
    state: 'closed',
    left: bookable.reduce((n, s) => n + s.left, 0),
    slots,
  };
  if (bookable.length) {
    day.state = day.left > 0 ? 'open' : 'full';
  } else {
    // Every slot closed: the day says why when they agree (all past, all cancelled).
    const reasons = new Set(slots.map((s) => s.reason));
    day.reason = reasons.size === 1 ? [...reasons][0]! : 'past';
    const notes = new Set(slots.map((s) => s.note));
    if (notes.size === 1 && slots[0]?.note) day.note = slots[0].note;
  }
  return day;
}

/** Public: per day of [from, to], the slots with seats left, full (waitlist) or closed and why. */
export async function bookingAvailability(
  ctx: ServiceContext,
  query: Parsed<typeof availabilityQuerySchema>,
): Promise<Availability> {
  const service = await ctx.store.bookingServices.get(query.id);
  if (!service?.active) throw new DomainError('not_found', `service ${query.id}`);
  return availabilityOf(ctx, service, query.from, query.to);
}

/** A service's days from `fromDate` to `toDate`: seats left, full, or closed and why. */
async function availabilityOf(
  ctx: ServiceContext,
  service: BookingService,
  fromDate: string,
  toDate: string,
): Promise<Availability> {
  const now = ctx.clock.now();
  const days = plans(service.schedule, fromDate, toDate, ctx.calendar);
  const keys = days.flatMap((d) =>
    d.open ? d.slots.map((s) => bookingSlotKey(service.id, s.start)) : [],
  );
  const usage = await ctx.store.bookingSeats.usage(keys);
  const [from] = dayBounds(fromDate);
  const [, to] = dayBounds(toDate);
  const records = new Map(
    (await ctx.store.bookingSlots.listByStart(service.community, from, to))
      .filter((r) => r.service === service.id)
      .map((r) => [r.key, r]),
  );
  return {
    service: service.id,
    days: days.map((plan) => dayView(service, plan, usage, records, now)),
  };
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

async function freshCode(tx: Store): Promise<{ code: string; hash: string }> {
  for (let i = 0; i < CODE_TRIES; i++) {
    const code = newQueryCode();
    const hash = hashBookingCode(code);
    if (!(await tx.bookings.getByCode(hash))) return { code, hash };
  }
  throw new DomainError('internal', 'no free code');
}

/** One booking: checks, limits, a seat or a place in line, in one transaction. */
async function place(
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
    const { code, hash } = await freshCode(tx);
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
 * A resident books a slot: a seat if one fits, else a place in line. Never queued offline
 * (seats are live); exactly once by its Idempotency-Key. The code is shown this once.
 */
export const bookSlot = (ctx: ServiceContext, input: BookingSubmission) =>
  place(ctx, input, 'resident');

/** Staff book on a resident's behalf (a phone call): the same rules, a switched-off service too. */
export const bookOnBehalf = (ctx: ServiceContext, input: BookingSubmission) =>
  place(ctx, input, 'staff');

/** The booking a code opens; a wrong code → 404. */
async function byCode(tx: Store, code: string): Promise<Booking> {
  const booking = await tx.bookings.getByCode(hashBookingCode(code));
  if (!booking) throw new DomainError('not_found', 'booking code');
  return booking;
}

/** Public: what the code shows (its place in line while waiting, the reason if cancelled). */
export async function bookingStatus(
  ctx: ServiceContext,
  { code }: { code: string },
): Promise<BookingResidentView> {
  const stored = await byCode(ctx.store, code);
  const service = await serviceOf(ctx.store, stored.service);
  const now = ctx.clock.now();
  const booking = asOf(stored, now);
  return toResidentView(booking, service, now, await positionOf(ctx.store, booking));
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

/** Public: the resident cancels with the code, before the service's cutoff. */
export async function cancelBooking(
  ctx: ServiceContext,
  { code }: { code: string },
): Promise<BookingResidentView> {
  return ctx.store.transaction(async (tx) => {
    const found = await byCode(tx, code);
    const service = await serviceOf(tx, found.service);
    const now = ctx.clock.now();
    if (!beforeCutoff(service.schedule, found.start, now)) {
      throw new DomainError('cutoff_passed', `booking ${found.id}`);
    }
    const booking = await cancelIn(tx, found, now, 'resident', { kind: 'resident' });
    return toResidentView(booking, service, now, undefined);
  });
}

// ---- Staff: the desk (desk.ts, loaded on the first staff call) ----

const desk = () => import('./desk.js');
export const createBookingService = onFirstCall(desk, 'createBookingService');
export const updateBookingService = onFirstCall(desk, 'updateBookingService');
export const listManagedBookingServices = onFirstCall(desk, 'listManagedBookingServices');
export const actOnBooking = onFirstCall(desk, 'actOnBooking');
export const checkInBooking = onFirstCall(desk, 'checkInBooking');
export const cancelBookingSlots = onFirstCall(desk, 'cancelBookingSlots');
export const recordSlotVolunteers = onFirstCall(desk, 'recordSlotVolunteers');
export const bookingDay = onFirstCall(desk, 'bookingDay');
export const exportBookingDay = onFirstCall(desk, 'exportBookingDay');
export const bookingCounts = onFirstCall(desk, 'bookingCounts');
