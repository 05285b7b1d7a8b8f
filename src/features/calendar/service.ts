/**
 * The activity calendar's use cases, one per operation of contract.ts. The public ones are here
 * (the calendar, an activity, registration by code); the .ics files' are in feed.ts, loaded on
 * the first file asked for, and the staff desk's in desk.ts, loaded on the first staff call
 * (both through `onFirstCall`), so a resident's page carries neither.
 *
 * 法定节假日/调休: the schedules are the server's, not a community's: any admin may load a year
 * (audited in the record), as may the operator with `shequ-kit-server holidays import`.
 */
import type * as z from 'zod/mini';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { festivalsOf, solarTermOf, toLunar } from '../../domain/lunar.js';
import { addDays, shanghaiDate, type CivilDate } from '../../domain/time.js';
import { hasSchedule, isWorkingDay, officialSchedules } from '../../domain/workdays.js';
import type { ServiceContext } from '../../services/context.js';
import { freshCode } from '../../services/codes.js';
import { onFirstCall } from '../../services/later.js';
import type { Store } from '../../services/store.js';
import {
  activityOf,
  activityStatusAsOf,
  asOf,
  cancelIn,
  cancelUntil,
  isOccurrence,
  occurrenceTimes,
  occurrenceView,
  positionOf,
  promote,
  registrationWindow,
  residentView,
  seatsOf,
  staffActor,
  transition,
} from './activities.js';
import { schedulesIn } from './calendars.js';
import { partyLimit } from './checks.js';
import {
  activityMachine,
  hashRegistrationCode,
  hashRegistrationPhone,
  occurrenceKey,
  type Activity,
  type ActivityCalendar,
  type ActivityPublic,
  type HolidaySchedule,
  type HolidayScheduleInput,
  type Occurrence,
  type Registration,
  type RegistrationReceipt,
  type RegistrationResidentView,
  type RegistrationSubmission,
  type StoredHolidaySchedule,
  type activityCalendarQuerySchema,
  type calendarDaySchema,
} from './model.js';
import { occurrenceDates, upcomingDates } from './recurrence.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;

/** Public: the years of [from, to] that have a schedule (a year missing has none). */
export async function holidayCalendar(
  ctx: ServiceContext,
  { from, to }: { from: number; to: number },
): Promise<{ years: HolidaySchedule[] }> {
  const loaded = new Map((await ctx.store.holidaySchedules.list()).map((s) => [s.year, s]));
  const all = await schedulesIn(ctx.store);
  const years = Object.keys(all)
    .map(Number)
    .filter((year) => year >= from && year <= to)
    .sort((a, b) => a - b)
    .map((year): HolidaySchedule => {
      const stored = loaded.get(year);
      const { off, work } = all[year]!;
      return stored
        ? { year, off, work, source: 'loaded', updatedAt: stored.updatedAt }
        : { year, off, work, source: 'shipped' };
    });
  return { years };
}

/** Stores a year's schedule (replacing a shipped or loaded one), as `by` at the clock's now. */
export async function storeHolidaySchedule(
  ctx: ServiceContext,
  input: HolidayScheduleInput,
  by: string,
): Promise<StoredHolidaySchedule> {
  const schedule: StoredHolidaySchedule = {
    year: input.year,
    // The schema checked each run has two dates.
    off: input.off
      .map(([from, to]) => [from!, to!] as [string, string])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    work: [...new Set(input.work)].sort(),
    updatedAt: ctx.clock.now().toISOString(),
    updatedBy: by,
  };
  await ctx.store.holidaySchedules.put(schedule);
  return schedule;
}

/** Admin: loads a year's schedule. */
export async function putHolidaySchedule(
  ctx: ServiceContext,
  input: HolidayScheduleInput,
): Promise<HolidaySchedule> {
  const { actor } = ctx;
  if (actor.kind !== 'staff') throw new DomainError('unauthorized');
  if (actor.role !== 'admin') throw new DomainError('forbidden', 'admins only');
  const stored = await storeHolidaySchedule(ctx, input, `staff:${actor.id}`);
  return {
    year: stored.year,
    off: stored.off,
    work: stored.work,
    source: 'loaded',
    updatedAt: stored.updatedAt,
  };
}

/** Whether the release ships the year (the CLI says so before replacing it). */
export const shipsYear = (year: number): boolean => year in officialSchedules;

// ---- Activities: the calendar (public) ----

/** Activities anyone may see: published, cancelled or finished (never drafts). */
const visible = (a: Activity) => activityMachine.is('visible', a.status);

/** Public: occurrences of [from, to] (≤ 62 days) with seats, and each day's 农历/节气/休班 if asked. */
export async function activityCalendar(
  ctx: ServiceContext,
  q: Parsed<typeof activityCalendarQuerySchema>,
): Promise<ActivityCalendar> {
  const now = ctx.clock.now();
  const found: { a: Activity; date: CivilDate }[] = [];
  for (const a of await ctx.store.activities.listByCommunity(q.community)) {
    if (!visible(a) || (q.category && a.category !== q.category)) continue;
    for (const date of occurrenceDates(a.date, a.recurrence, q.from, q.to, ctx.calendar)) {
      found.push({ a, date });
    }
  }
  const usage = await ctx.store.activitySeats.usage(
    found.filter((o) => o.a.registration).map((o) => occurrenceKey(o.a.id, o.date)),
  );
  const occurrences: Occurrence[] = found
    .map(({ a, date }) => occurrenceView(a, date, now, usage[occurrenceKey(a.id, date)]))
    .sort((x, y) =>
      x.start === y.start ? (x.title < y.title ? -1 : 1) : x.start < y.start ? -1 : 1,
    );
  const years = new Set([Number(q.from.slice(0, 4)), Number(q.to.slice(0, 4))]);
  const out: ActivityCalendar = {
    from: q.from,
    to: q.to,
    occurrences,
    missingSchedules: [...years].filter((y) => !hasSchedule(`${y}-01-01`, ctx.calendar)),
  };
  if (q.days) {
    const community = await ctx.store.communities.get(q.community);
    const xiaonian = (community as { xiaonian?: 'north' | 'south' } | undefined)?.xiaonian;
    out.days = [];
    for (let date = q.from; date <= q.to; date = addDays(date, 1)) {
      const l = toLunar(date);
      const day: z.output<typeof calendarDaySchema> = {
        date,
        lunar: {
          month: l.month,
          day: l.day,
          leap: l.leap,
          name: l.day === 1 ? l.monthName : l.dayName,
        },
        festivals: festivalsOf(date, xiaonian ? { xiaonian } : {}),
      };
      const term = solarTermOf(date);
      if (term !== undefined) day.term = term;
      const working = isWorkingDay(date, ctx.calendar);
      if (ctx.calendar.holidays.has(date) && !working) day.holiday = 'off';
      else if (ctx.calendar.workdays.has(date)) day.holiday = 'work';
      out.days.push(day);
    }
  }
  return out;
}

/** Public: an activity (never a draft) with its next dates. */
export async function getActivity(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<ActivityPublic> {
  const a = await activityOf(ctx.store, id);
  if (!visible(a)) throw new DomainError('not_found', `activity ${id}`);
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const next = upcomingDates(a, today, ctx.calendar).slice(0, 12);
  const { createdAt: _c, updatedAt: _u, ...rest } = a;
  return { ...rest, status: activityStatusAsOf(a, now), next };
}

// ---- Registration (报名) by residents ----

/**
 * A registration of one occurrence: a seat if its party fits, else a place in line (FIFO),
 * in one transaction with the occurrence's seats locked. One active registration per phone
 * and occurrence (counted with the seats locked, so two at once see each other).
 */
export async function register(
  ctx: ServiceContext,
  input: RegistrationSubmission,
  by: 'resident' | 'staff',
): Promise<RegistrationReceipt> {
  return ctx.store.transaction(async (tx) => {
    const a = await tx.activities.get(input.activity);
    if (!a || !visible(a)) throw new DomainError('not_found', `activity ${input.activity}`);
    const now = ctx.clock.now();
    const { start, end } = occurrenceTimes(a, input.date);
    const { opens, closes } = registrationWindow(a, input.date, start);
    const t = now.getTime();
    if (
      a.status !== 'published' ||
      !a.registration ||
      !isOccurrence(a, input.date, ctx.calendar) ||
      a.cancelled.some((c) => c.date === input.date) ||
      (by === 'resident' && (t < opens || t >= closes)) ||
      t >= Date.parse(end)
    ) {
      throw new DomainError('invalid_transition', `${a.id} on ${input.date}`);
    }
    const max = partyLimit(a);
    if (input.party > max) {
      throw new DomainError('validation_failed', 'party: party.tooMany', [
        { path: 'party', key: 'party.tooMany', params: { max } },
      ]);
    }
    const slot = occurrenceKey(a.id, input.date);
    const id = newId(t);
    // The seats first: the occurrence's row is locked from here to the commit.
    const { placement, promoted } = await tx.activitySeats.take(slot, seatsOf(a), {
      id,
      party: input.party,
    });
    const phoneHash = hashRegistrationPhone(input.phone);
    if (await tx.activityRegistrations.countActive(slot, phoneHash)) {
      throw new DomainError('conflict', `already registered: ${slot}`);
    }
    const { code, hash } = await freshCode(hashRegistrationCode, (h) =>
      tx.activityRegistrations.getByCode(h),
    );
    await promote(tx, promoted, now);
    const r: Registration = {
      id,
      community: a.community,
      activity: a.id,
      date: input.date,
      slot,
      start,
      end,
      name: input.name,
      phone: input.phone,
      phoneHash,
      forWhom: input.forWhom,
      party: input.party,
      status: 'confirmed',
      createdAt: now.toISOString(),
      codeHash: hash,
      history: [],
    };
    if (input.forWhom === 'elder' && input.elder) r.elder = input.elder;
    transition(
      r,
      placement.held ? 'register' : 'waitlist',
      by === 'staff' ? staffActor(ctx) : { kind: 'resident' },
      now,
    );
    await tx.activityRegistrations.put(r);
    const receipt: RegistrationReceipt = {
      id,
      code,
      status: r.status,
      activity: a.id,
      date: r.date,
      start,
      end,
    };
    if (!placement.held) receipt.position = placement.position;
    return receipt;
  });
}

/** Public: a resident registers (本人 or 代报名 for an elder). Never queued offline: seats are live. */
export const registerForActivity = (ctx: ServiceContext, input: RegistrationSubmission) =>
  register(ctx, input, 'resident');

async function byCode(tx: Store, code: string): Promise<Registration> {
  const r = await tx.activityRegistrations.getByCode(hashRegistrationCode(code));
  if (!r) throw new DomainError('not_found', 'registration code');
  return r;
}

/** Public: what the code shows (place in line, a cancellation's reason); masked, never a phone. */
export async function activityRegistrationStatus(
  ctx: ServiceContext,
  { code }: { code: string },
): Promise<RegistrationResidentView> {
  const stored = await byCode(ctx.store, code);
  const a = await activityOf(ctx.store, stored.activity);
  const now = ctx.clock.now();
  const r = asOf(stored, now);
  return residentView(r, a, now, await positionOf(ctx.store, r));
}

/** Public: the resident cancels by code before the cutoff; the first in line who fits moves up. */
export async function cancelActivityRegistration(
  ctx: ServiceContext,
  { code }: { code: string },
): Promise<RegistrationResidentView> {
  return ctx.store.transaction(async (tx) => {
    const found = await byCode(tx, code);
    const a = await activityOf(tx, found.activity);
    const now = ctx.clock.now();
    if (now.getTime() >= Date.parse(cancelUntil(a, found.start))) {
      throw new DomainError('cutoff_passed', `registration ${found.id}`);
    }
    const r = await cancelIn(tx, found, now, 'resident', { kind: 'resident' });
    return residentView(r, a, now, undefined);
  });
}

// ---- .ics (feed.ts, loaded on the first call for a file) ----

const feed = () => import('./feed.js');
export const activityFeed = onFirstCall(feed, 'activityFeed');
export const activityIcs = onFirstCall(feed, 'activityIcs');

// ---- Staff: the desk (desk.ts, loaded on the first staff call) ----

const desk = () => import('./desk.js');
export const listManagedActivities = onFirstCall(desk, 'listManagedActivities');
export const createActivity = onFirstCall(desk, 'createActivity');
export const updateActivity = onFirstCall(desk, 'updateActivity');
export const actOnActivity = onFirstCall(desk, 'actOnActivity');
export const occurrenceRegistrations = onFirstCall(desk, 'occurrenceRegistrations');
export const exportOccurrenceRegistrations = onFirstCall(desk, 'exportOccurrenceRegistrations');
export const registerOnBehalf = onFirstCall(desk, 'registerOnBehalf');
export const checkInActivityRegistration = onFirstCall(desk, 'checkInActivityRegistration');
export const actOnActivityRegistration = onFirstCall(desk, 'actOnActivityRegistration');
