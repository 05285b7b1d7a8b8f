/**
 * 志愿服务预约, the staff's use cases: services and schedules, the day at the desk, 核销, staff
 * cancellations, volunteers' hours, the export and the counts. Loaded on the first staff call
 * (`service.ts` re-exports them through `onFirstCall`): a resident's page never carries them.
 */
import type * as z from 'zod/mini';
import { volunteerCategories } from '../core/catalogues.js';
import type { Community } from '../core/model.js';
import { toCsv } from '../../domain/csv.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { shanghaiClock, shanghaiDate } from '../../domain/time.js';
import type { ServiceContext } from '../../services/context.js';
import { assertCommunityAccess } from '../../services/access.js';
import type { Store } from '../../services/store.js';
import {
  bookingMachine,
  bookingSlotKey,
  bookingStatusAsOf,
  hashBookingCode,
  type Booking,
  type BookingCounts,
  type BookingDay,
  type BookingService,
  type BookingSlot,
  type BookingStaffView,
  type BookingStatus,
  type BookingSubmission,
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
import { dayPlan, plannedSlot } from './rules.js';
import {
  asOf,
  cancelIn,
  communityOf,
  dayBounds,
  invalid,
  positionOf,
  promote,
  serviceOf,
  staffActor,
  transition,
  place,
} from './steps.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;

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
  // categoriesFor(community, 'volunteer'), without the other features' default catalogues.
  const kinds = community.categories.volunteer ?? volunteerCategories;
  if (!kinds.some((c) => c.id === input.category)) {
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

/** Staff book on a resident's behalf (a phone call): the same rules, a switched-off service too. */
export const bookOnBehalf = (ctx: ServiceContext, input: BookingSubmission) =>
  place(ctx, input, 'staff');

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

/** Staff: every service of the community, switched off ones too. */
export async function listManagedBookingServices(
  ctx: ServiceContext,
  { community }: { community: string },
): Promise<BookingService[]> {
  assertCommunityAccess(ctx.actor, community);
  return ctx.store.bookingServices.listByCommunity(community);
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
          `${shanghaiClock(slot.start)}–${shanghaiClock(slot.end)}`,
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
