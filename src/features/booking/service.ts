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
import { categoriesFor } from '../core/catalogues.js';
import { resolveLocation, type Community } from '../core/model.js';
import { newQueryCode } from '../../domain/codes.js';
import { toCsv } from '../../domain/csv.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { maskName, scrubPublicText } from '../../domain/mask.js';
import { addDays, shanghaiDate, shanghaiStartOfDay } from '../../domain/time.js';
import { type ServiceContext, assertCommunityAccess } from '../../services/context.js';
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
  type BookingCounts,
  type BookingDay,
  type BookingEvent,
  type BookingReceipt,
  type BookingResidentView,
  type BookingService,
  type BookingServiceListing,
  type BookingSlot,
  type BookingStaffView,
  type BookingStatus,
  type BookingSubmission,
  type ClosedReason,
  type DayView,
  type SlotView,
  type availabilityQuerySchema,
  type bookingActionRequestSchema,
  type bookingCancellationSchema,
  type bookingCheckInSchema,
  type bookingCountsQuerySchema,
  type bookingDayQuerySchema,
  type bookingExportQuerySchema,
  type bookingServiceInputSchema,
  type bookingServiceUpdateSchema,
  type bookingVolunteersInputSchema,
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

const invalid = (fields: FieldError[]) =>
  new DomainError('validation_failed', fields.map((f) => `${f.path}: ${f.key}`).join('; '), fields);

async function communityOf(tx: Store, id: string): Promise<Community> {
  const community = await tx.communities.get(id);
  if (!community) throw new DomainError('not_found', `community ${id}`);
  return community;
}

async function serviceOf(tx: Store, id: string): Promise<BookingService> {
  const service = await tx.bookingServices.get(id);
  if (!service) throw new DomainError('not_found', `service ${id}`);
  return service;
}

/** [start, end) of a Beijing civil date, as ISO instants. */
const dayBounds = (date: string): [string, string] => {
  const start = shanghaiStartOfDay(date).getTime();
  return [new Date(start).toISOString(), new Date(start + DAY_MS).toISOString()];
};

/** Applies `action` through the machine with its audit event; illegal → 409. */
function transition(
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

const staffActor = (ctx: ServiceContext): EventActor =>
  ctx.actor.kind === 'staff' ? { kind: 'staff', id: ctx.actor.id } : { kind: 'resident' };

/** A booking as of now: a waitlisted one whose slot started reads as expired. */
function asOf(booking: Booking, now: Date): Booking {
  const status = bookingStatusAsOf(booking.status, booking.start, now.getTime());
  if (status === booking.status) return booking;
  const shown = structuredClone(booking);
  transition(shown, 'expire', { kind: 'system' }, now);
  return shown;
}

/** Records each promotion the seats made (the slot is locked; its bookings are locked now). */
async function promote(tx: Store, ids: readonly string[], now: Date) {
  for (const id of ids) {
    const booking = await tx.bookings.get(id, { lock: true });
    if (!booking) throw new DomainError('internal', `seat of unknown booking ${id}`);
    transition(booking, 'promote', { kind: 'system' }, now);
    booking.promotedAt = now.toISOString();
    await tx.bookings.put(booking);
  }
}

async function positionOf(tx: Store, booking: Booking): Promise<number | undefined> {
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

/** Staff see everything but the hashes. */
function toStaffView(booking: Booking, position?: number): BookingStaffView {
  const { codeHash: _code, phoneHash: _phone, ...rest } = booking;
  const view: BookingStaffView = { ...rest };
  if (position !== undefined) view.position = position;
  return view;
}

// ---- Services (服务项目) ----

function checkService(
  community: Community,
  input: Pick<Parsed<typeof bookingServiceInputSchema>, 'category' | 'questions'>,
) {
  const fields: FieldError[] = [];
  if (!categoriesFor(community, 'volunteer').some((c) => c.id === input.category)) {
    fields.push({ path: 'category', key: 'category.unknown' });
  }
  const ids = input.questions.map((q) => q.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      fields.push({ path: `questions.${i}.id`, key: 'questions.duplicate' });
  });
  if (fields.length) throw invalid(fields);
}

/** The stored service from staff input (optional fields left out when absent). */
function serviceFrom(
  input: Omit<Parsed<typeof bookingServiceInputSchema>, 'community'>,
  base: Pick<BookingService, 'id' | 'community' | 'createdAt'>,
  now: Date,
): BookingService {
  const service: BookingService = {
    ...base,
    name: input.name,
    team: input.team,
    category: input.category,
    description: input.description,
    place: input.place,
    durationMinutes: input.durationMinutes,
    notice: input.notice,
    questions: input.questions,
    limits: input.limits,
    schedule: input.schedule,
    active: input.active,
    updatedAt: now.toISOString(),
  };
  if (input.nameEn) service.nameEn = input.nameEn;
  if (input.eligibility) service.eligibility = input.eligibility;
  return service;
}

/** Staff: a new service with its schedule. */
export async function createBookingService(
  ctx: ServiceContext,
  input: Parsed<typeof bookingServiceInputSchema>,
): Promise<BookingService> {
  assertCommunityAccess(ctx.actor, input.community);
  const community = await communityOf(ctx.store, input.community);
  checkService(community, input);
  const now = ctx.clock.now();
  const { community: _c, ...fields } = input;
  const service = serviceFrom(
    fields,
    { id: newId(now.getTime()), community: community.id, createdAt: now.toISOString() },
    now,
  );
  await ctx.store.bookingServices.put(service);
  return service;
}

/**
 * Staff: a service's new version. Bookings made stay as they are; a slot's seats change with
 * its next booking (more seats promote who waits then), and a slot no longer in the schedule
 * keeps its bookings until staff cancel it.
 */
export async function updateBookingService(
  ctx: ServiceContext,
  input: Parsed<typeof bookingServiceUpdateSchema>,
): Promise<BookingService> {
  return ctx.store.transaction(async (tx) => {
    const old = await serviceOf(tx, input.id);
    assertCommunityAccess(ctx.actor, old.community);
    checkService(await communityOf(tx, old.community), input);
    const { id: _id, ...fields } = input;
    const service = serviceFrom(fields, old, ctx.clock.now());
    await tx.bookingServices.put(service);
    return service;
  });
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

/** Staff: every service of the community, switched off ones too. */
export async function listManagedBookingServices(
  ctx: ServiceContext,
  { community }: { community: string },
): Promise<BookingService[]> {
  assertCommunityAccess(ctx.actor, community);
  return ctx.store.bookingServices.listByCommunity(community);
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
async function cancelIn(
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

// ---- Staff: the desk ----

async function staffBooking(ctx: ServiceContext, tx: Store, id: string, lock: boolean) {
  const booking = await tx.bookings.get(id, { lock });
  if (!booking) throw new DomainError('not_found', `booking ${id}`);
  assertCommunityAccess(ctx.actor, booking.community);
  return booking;
}

/** 核销 / 爽约: only from the slot's day on (a no-show only once it has started). */
async function attend(
  ctx: ServiceContext,
  tx: Store,
  booking: Booking,
  action: 'check_in' | 'no_show',
): Promise<BookingStaffView> {
  const now = ctx.clock.now();
  const early =
    action === 'check_in'
      ? shanghaiDate(now) < shanghaiDate(booking.start)
      : now.getTime() < Date.parse(booking.start);
  if (early) throw new DomainError('invalid_transition', `${action} before the slot`);
  transition(booking, action, staffActor(ctx), now);
  if (action === 'check_in') booking.checkedInAt = now.toISOString();
  await tx.bookings.put(booking);
  return toStaffView(booking);
}

/** Staff: check in (核销), mark a no-show, cancel with a reason, or make the party smaller. */
export async function actOnBooking(
  ctx: ServiceContext,
  input: Parsed<typeof bookingActionRequestSchema>,
): Promise<BookingStaffView> {
  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    switch (input.action) {
      case 'check_in':
      case 'no_show':
        return attend(ctx, tx, await staffBooking(ctx, tx, input.id, true), input.action);
      case 'cancel': {
        const found = await staffBooking(ctx, tx, input.id, false);
        return toStaffView(await cancelIn(tx, found, now, 'staff', staffActor(ctx), input.reason));
      }
      case 'resize': {
        const found = await staffBooking(ctx, tx, input.id, false);
        if (input.party >= found.party) {
          throw invalid([
            { path: 'party', key: 'party.notSmaller', params: { max: found.party - 1 } },
          ]);
        }
        const promoted = await tx.bookingSeats.resize(found.slot, found.id, input.party);
        const booking = await staffBooking(ctx, tx, input.id, true);
        transition(booking, 'resize', staffActor(ctx), now, `${booking.party} → ${input.party}`);
        booking.party = input.party;
        await tx.bookings.put(booking);
        await promote(tx, promoted, now);
        return toStaffView(booking, await positionOf(tx, booking));
      }
    }
  });
}

/** Staff: 核销 with the code the resident shows. */
export async function checkInBooking(
  ctx: ServiceContext,
  input: Parsed<typeof bookingCheckInSchema>,
): Promise<BookingStaffView> {
  assertCommunityAccess(ctx.actor, input.community);
  return ctx.store.transaction(async (tx) => {
    const found = await tx.bookings.getByCode(hashBookingCode(input.code), { lock: true });
    // Another community's code reads as unknown: it says nothing about them.
    if (!found || found.community !== input.community) {
      throw new DomainError('not_found', 'booking code');
    }
    return attend(ctx, tx, found, 'check_in');
  });
}

/**
 * Staff: cancel one slot (`start`) or a whole day of a service, with a reason residents see by
 * code. Every seat goes (slots locked in order), every booking still to happen is cancelled;
 * a whole day also becomes a dated closure of the schedule, so it shows closed with the reason.
 */
export async function cancelBookingSlots(
  ctx: ServiceContext,
  input: Parsed<typeof bookingCancellationSchema>,
) {
  return ctx.store.transaction(async (tx) => {
    const service = await serviceOf(tx, input.id);
    assertCommunityAccess(ctx.actor, service.community);
    const actor = staffActor(ctx);
    const now = ctx.clock.now();
    const [from, to] = dayBounds(input.date);
    const plan = dayPlan(service.schedule, input.date, ctx.calendar);
    const bookings = await tx.bookings.listByStart(service.community, from, to, service.id);
    const starts = new Set([
      ...(plan.open ? plan.slots.map((s) => s.start) : []),
      ...bookings.map((b) => b.start),
    ]);
    if (input.start !== undefined && !starts.has(input.start)) {
      throw new DomainError('not_found', `slot ${input.start}`);
    }
    const chosen = [...starts].filter((s) => input.start === undefined || s === input.start).sort();
    let cancelled = 0;
    for (const start of chosen) {
      const key = bookingSlotKey(service.id, start);
      // With the slot locked, its entries are every booking holding or awaiting a seat,
      // those made since the list above too.
      const seated = await tx.bookingSeats.close(key);
      const record = (await tx.bookingSlots.get(key)) ?? {
        key,
        community: service.community,
        service: service.id,
        start,
        volunteers: [],
      };
      record.cancelled = { at: now.toISOString(), reason: input.reason, by: ctx.actor.id };
      await tx.bookingSlots.put(record);
      const ids = new Set([
        ...bookings.filter((b) => b.start === start).map((b) => b.id),
        ...seated,
      ]);
      for (const id of [...ids].sort()) {
        const booking = await tx.bookings.get(id, { lock: true });
        if (!booking) continue;
        if (
          !bookingMachine.can(bookingStatusAsOf(booking.status, start, now.getTime()), 'cancel')
        ) {
          continue;
        }
        transition(booking, 'cancel', actor, now, input.reason);
        booking.cancel = { by: 'staff', at: now.toISOString(), reason: input.reason };
        await tx.bookings.put(booking);
        cancelled++;
      }
    }
    if (input.start === undefined) {
      service.schedule.overrides = [
        ...service.schedule.overrides.filter((o) => o.date !== input.date),
        { kind: 'closed', date: input.date, reason: input.reason },
      ];
      service.updatedAt = now.toISOString();
      await tx.bookingServices.put(service);
    }
    return { service: service.id, date: input.date, slots: chosen.length, cancelled };
  });
}

/** Staff: who served a slot and their hours (志愿时长), replacing what was recorded. */
export async function recordSlotVolunteers(
  ctx: ServiceContext,
  input: Parsed<typeof bookingVolunteersInputSchema>,
): Promise<BookingSlot> {
  return ctx.store.transaction(async (tx) => {
    const service = await serviceOf(tx, input.id);
    assertCommunityAccess(ctx.actor, service.community);
    const key = bookingSlotKey(service.id, input.start);
    const record = await tx.bookingSlots.get(key);
    if (!record && !plannedSlot(service.schedule, input.start, ctx.calendar)) {
      throw invalid([{ path: 'start', key: 'slot.unknown' }]);
    }
    const slot: BookingSlot = record ?? {
      key,
      community: service.community,
      service: service.id,
      start: input.start,
      volunteers: [],
    };
    slot.volunteers = input.volunteers;
    await tx.bookingSlots.put(slot);
    return slot;
  });
}

/**
 * Staff: a day at the desk — per service its slots (those of the schedule, and any other that
 * still has bookings), each with its bookings, its waitlist in line order and who served.
 */
export async function bookingDay(
  ctx: ServiceContext,
  query: Parsed<typeof bookingDayQuerySchema>,
): Promise<BookingDay> {
  assertCommunityAccess(ctx.actor, query.community);
  const now = ctx.clock.now();
  const [from, to] = dayBounds(query.date);
  const [services, bookings, records] = await Promise.all([
    ctx.store.bookingServices.listByCommunity(query.community),
    ctx.store.bookings.listByStart(query.community, from, to, query.service),
    ctx.store.bookingSlots.listByStart(query.community, from, to),
  ]);
  const out: BookingDay = { community: query.community, date: query.date, services: [] };
  for (const service of services) {
    if (query.service !== undefined && service.id !== query.service) continue;
    const mine = bookings.filter((b) => b.service === service.id).map((b) => asOf(b, now));
    if (!service.active && !mine.length) continue;
    const plan = dayPlan(service.schedule, query.date, ctx.calendar);
    const planned = new Map((plan.open ? plan.slots : []).map((s) => [s.start, s]));
    for (const b of mine) {
      if (!planned.has(b.start)) planned.set(b.start, { start: b.start, end: b.end, seats: 0 });
    }
    const keys = [...planned.keys()].sort().map((start) => bookingSlotKey(service.id, start));
    const usage = await ctx.store.bookingSeats.usage(keys);
    const slots = [];
    for (const start of [...planned.keys()].sort()) {
      const slot = planned.get(start)!;
      const key = bookingSlotKey(service.id, start);
      const record = records.find((r) => r.key === key);
      const positions = new Map(
        (await ctx.store.bookingSeats.entries(key)).map((e) => [e.id, e.position]),
      );
      const here = mine.filter((b) => b.start === start);
      const waitlist = here
        .filter((b) => b.status === 'waitlisted')
        .map((b) => toStaffView(b, positions.get(b.id)))
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
      const desk: BookingDay['services'][number]['slots'][number] = {
        start,
        end: slot.end,
        seats: slot.seats || (usage[key]?.capacity ?? 0),
        taken: usage[key]?.taken ?? 0,
        volunteers: record?.volunteers ?? [],
        bookings: here.filter((b) => b.status !== 'waitlisted').map((b) => toStaffView(b)),
        waitlist,
      };
      if (record?.cancelled) {
        desk.cancelled = { at: record.cancelled.at, reason: record.cancelled.reason };
      }
      slots.push(desk);
    }
    const day: BookingDay['services'][number]['day'] = plan.open
      ? { state: 'open' }
      : { state: 'closed', reason: plan.reason };
    if (!plan.open && plan.note) day.note = plan.note;
    out.services.push({ service, day, slots });
  }
  return out;
}

const STATUS_ZH: Record<BookingStatus, string> = {
  confirmed: '已预约',
  waitlisted: '候补中',
  promoted: '候补成功',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '爽约',
  expired: '候补未成功',
};

/** Beijing wall-clock `HH:MM` of an instant. */
const clock = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(11, 16);

/** Staff: the day as CSV (UTF-8 with BOM; cells residents typed cannot run as formulas). */
export async function exportBookingDay(
  ctx: ServiceContext,
  query: Parsed<typeof bookingExportQuerySchema>,
): Promise<{ filename: string; csv: string }> {
  const day = await bookingDay(ctx, query);
  const rows: (string | number | undefined)[][] = [
    [
      '服务',
      '时段',
      '状态',
      '候补位次',
      '姓名',
      '电话',
      '代约老人',
      '关系',
      '人数',
      '上门地点',
      '回答',
      '预约方式',
      '取消原因',
    ],
  ];
  for (const { service, slots } of day.services) {
    for (const slot of slots) {
      for (const b of [...slot.bookings, ...slot.waitlist]) {
        rows.push([
          service.name,
          `${clock(slot.start)}–${clock(slot.end)}`,
          STATUS_ZH[b.status],
          b.position,
          b.name,
          b.phone,
          b.elder?.name,
          b.elder?.relation,
          b.party,
          b.location
            ? [b.location.grid, b.location.building, b.location.unit].filter(Boolean).join('/')
            : undefined,
          service.questions
            .filter((q) => b.answers[q.id])
            .map((q) => `${q.label}：${b.answers[q.id]}`)
            .join('；'),
          b.bookedBy === 'staff' ? '电话代约' : '网上预约',
          b.cancel?.reason,
        ]);
      }
    }
  }
  return { filename: `bookings-${query.community}-${query.date}.csv`, csv: toCsv(rows) };
}

/**
 * Staff: counts of [from, to] (Beijing dates, both included) by slot date: bookings per status,
 * attendance and no-show rates (of those attended or not), promotions, volunteer hours per team.
 */
export async function bookingCounts(
  ctx: ServiceContext,
  query: Parsed<typeof bookingCountsQuerySchema>,
): Promise<BookingCounts> {
  assertCommunityAccess(ctx.actor, query.community);
  const [from] = dayBounds(query.from);
  const [, to] = dayBounds(query.to);
  const now = ctx.clock.now().toISOString();
  const [tally, records, services] = await Promise.all([
    ctx.store.bookings.tally(query.community, from, to, now),
    ctx.store.bookingSlots.listByStart(query.community, from, to),
    ctx.store.bookingServices.listByCommunity(query.community),
  ]);
  const byStatus = Object.fromEntries(
    bookingMachine.statuses.map((s) => [s, tally.byStatus[s] ?? 0]),
  ) as Record<BookingStatus, number>;
  const judged = byStatus.attended + byStatus.no_show;
  const rate = (n: number) => (judged ? Math.round((n / judged) * 1000) / 1000 : null);
  const teams = new Map<string, number>();
  for (const r of records) {
    const team = services.find((s) => s.id === r.service)?.team ?? '';
    const hours = r.volunteers.reduce((n, v) => n + v.hours, 0);
    if (hours) teams.set(team, (teams.get(team) ?? 0) + hours);
  }
  return {
    community: query.community,
    from: query.from,
    to: query.to,
    bookings: Object.values(byStatus).reduce((n, c) => n + c, 0),
    byStatus,
    attendanceRate: rate(byStatus.attended),
    noShowRate: rate(byStatus.no_show),
    promotions: tally.promotions,
    volunteerHours: [...teams]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([team, hours]) => ({ team, hours })),
  };
}
