/**
 * 志愿服务预约: the residents' use cases (public, by code): the services open for booking,
 * their days and slots, booking one, and what a booking's code shows and cancels. Loaded on
 * the first such call, so a staff page never loads them (nor their masking).
 */
import type * as z from 'zod/mini';
import { DomainError } from '../../domain/errors.js';
import { maskName, scrubPublicText } from '../../domain/mask.js';
import { addDays, shanghaiDate } from '../../domain/time.js';
import type { ServiceContext } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import {
  AVAILABILITY_DAYS_MAX,
  bookingMachine,
  bookingSlotKey,
  hashBookingCode,
  type Availability,
  type Booking,
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
import { beforeCutoff, bookingClosedReason, cancelUntil, dayPlan, plans } from './rules.js';
import { asOf, cancelIn, communityOf, dayBounds, place, positionOf, serviceOf } from './steps.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;

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

/**
 * A resident books a slot: a seat if one fits, else a place in line. Never queued offline
 * (seats are live); exactly once by its Idempotency-Key. The code is shown this once.
 */
export const bookSlot = (ctx: ServiceContext, input: BookingSubmission) =>
  place(ctx, input, 'resident');

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
