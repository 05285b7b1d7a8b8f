/**
 * The activity calendar, the staff's use cases: activities (create, edit, publish, cancel, or
 * withdraw one occurrence), an occurrence's registrations and waitlist, 代报名 by phone,
 * 签到 by code or from the list, staff cancellations and the CSV export. Loaded on the first
 * staff call (`service.ts` re-exports them through `onFirstCall`): a resident's page never
 * carries them.
 */
import type * as z from 'zod/mini';
import { toCsv } from '../../domain/csv.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { shanghaiDate } from '../../domain/time.js';
import type { ServiceContext } from '../../services/context.js';
import { assertCommunityAccess } from '../../services/access.js';
import type { Store } from '../../services/store.js';
import {
  activityOf,
  asOf,
  cancelIn,
  occurrenceTimes,
  positionOf,
  staffActor,
  staffView,
  transition,
} from './activities.js';
import {
  activityMachine,
  hashRegistrationCode,
  occurrenceKey,
  type Activity,
  type Registration,
  type RegistrationStaffView,
  type RegistrationSubmission,
  type activityActionSchema,
  type activityInputSchema,
  type activityUpdateSchema,
  type occurrenceQuerySchema,
  type registrationActionSchema,
  type registrationCheckInSchema,
} from './model.js';
import { occurrenceDates, upcomingDates } from './recurrence.js';
import { register } from './service.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;
type Fields = Omit<Parsed<typeof activityInputSchema>, 'community' | 'publish'>;

async function staffActivity(ctx: ServiceContext, tx: Store, id: string): Promise<Activity> {
  const a = await activityOf(tx, id);
  assertCommunityAccess(ctx.actor, a.community);
  return a;
}

/** The stored activity from staff input (optional fields left out when absent). */
function activityFrom(
  input: Fields,
  base: Pick<Activity, 'id' | 'community' | 'status' | 'cancelled' | 'createdAt'> &
    Partial<Pick<Activity, 'cancelReason'>>,
  now: Date,
): Activity {
  const a: Activity = {
    ...base,
    title: input.title,
    description: input.description,
    category: input.category,
    place: input.place,
    date: input.date,
    capacity: input.capacity,
    registration: input.registration,
    partyMax: input.partyMax,
    opensDaysBefore: input.opensDaysBefore,
    closesMinutesBefore: input.closesMinutesBefore,
    cancelCutoffMinutes: input.cancelCutoffMinutes,
    updatedAt: now.toISOString(),
  };
  if (input.organiser) a.organiser = input.organiser;
  if (input.audience) a.audience = input.audience;
  if (input.startTime && input.endTime) {
    a.startTime = input.startTime;
    a.endTime = input.endTime;
  }
  if (input.recurrence) {
    const { except, ...r } = input.recurrence;
    a.recurrence = except?.length ? { ...r, except: [...new Set(except)].sort() } : r;
  }
  return a;
}

/** Staff: every activity of the community, drafts and cancelled ones too. */
export async function listManagedActivities(
  ctx: ServiceContext,
  { community }: { community: string },
): Promise<Activity[]> {
  assertCommunityAccess(ctx.actor, community);
  return ctx.store.activities.listByCommunity(community);
}

/** Staff: a new activity, a draft unless `publish`. */
export async function createActivity(
  ctx: ServiceContext,
  input: Parsed<typeof activityInputSchema>,
): Promise<Activity> {
  assertCommunityAccess(ctx.actor, input.community);
  if (!(await ctx.store.communities.get(input.community))) {
    throw new DomainError('not_found', `community ${input.community}`);
  }
  const now = ctx.clock.now();
  const { community, publish, ...fields } = input;
  const a = activityFrom(
    fields,
    {
      id: newId(now.getTime()),
      community,
      status: activityMachine.next(undefined, 'create'),
      cancelled: [],
      createdAt: now.toISOString(),
    },
    now,
  );
  if (publish) a.status = activityMachine.next(a.status, 'publish');
  await ctx.store.activities.put(a);
  return a;
}

/**
 * Staff: an activity's new version. Registrations made stay; a new capacity applies to an
 * occurrence with its next registration (more seats promote those waiting then).
 */
export async function updateActivity(
  ctx: ServiceContext,
  input: Parsed<typeof activityUpdateSchema>,
): Promise<Activity> {
  return ctx.store.transaction(async (tx) => {
    const old = await staffActivity(ctx, tx, input.id);
    if (old.status === 'cancelled') throw new DomainError('invalid_transition', 'cancelled');
    const { id: _id, ...fields } = input;
    const base: Parameters<typeof activityFrom>[1] = {
      id: old.id,
      community: old.community,
      status: old.status,
      cancelled: old.cancelled,
      createdAt: old.createdAt,
    };
    const a = activityFrom(fields, base, ctx.clock.now());
    await tx.activities.put(a);
    return a;
  });
}

/** Cancels every registration still to happen of an occurrence (its seats go), with the reason. */
async function closeOccurrence(
  ctx: ServiceContext,
  tx: Store,
  a: Activity,
  date: string,
  reason: string,
  now: Date,
): Promise<number> {
  const slot = occurrenceKey(a.id, date);
  const removed = new Set(await tx.activitySeats.close(slot));
  let n = 0;
  for (const id of removed) {
    const r = await tx.activityRegistrations.get(id, { lock: true });
    if (!r) continue;
    transition(r, 'cancel', staffActor(ctx), now, reason);
    r.cancel = { by: 'staff', at: now.toISOString(), reason };
    await tx.activityRegistrations.put(r);
    n++;
  }
  return n;
}

/**
 * Staff: publish a draft; cancel the activity (every occurrence still to come, with a reason
 * residents see); or withdraw one occurrence (its registrations cancelled with the reason).
 */
export async function actOnActivity(
  ctx: ServiceContext,
  input: Parsed<typeof activityActionSchema>,
): Promise<Activity> {
  return ctx.store.transaction(async (tx) => {
    const a = await staffActivity(ctx, tx, input.id);
    const now = ctx.clock.now();
    switch (input.action) {
      case 'publish':
        a.status = activityMachine.next(a.status, 'publish');
        break;
      case 'cancel': {
        a.status = activityMachine.next(a.status, 'cancel');
        a.cancelReason = input.reason;
        const today = shanghaiDate(now);
        const dates = upcomingDates(a, today, ctx.calendar);
        const usage = await tx.activitySeats.usage(dates.map((d) => occurrenceKey(a.id, d)));
        for (const date of dates) {
          if (usage[occurrenceKey(a.id, date)]) {
            await closeOccurrence(ctx, tx, a, date, input.reason, now);
          }
        }
        break;
      }
      case 'cancel_occurrence': {
        if (
          a.status === 'cancelled' ||
          occurrenceDates(a.date, a.recurrence, input.date, input.date, ctx.calendar).length !== 1
        ) {
          throw new DomainError('invalid_transition', `no occurrence on ${input.date}`);
        }
        if (Date.parse(occurrenceTimes(a, input.date).end) <= now.getTime()) {
          throw new DomainError('invalid_transition', 'the occurrence is over');
        }
        a.cancelled = [
          ...a.cancelled.filter((c) => c.date !== input.date),
          { date: input.date, reason: input.reason },
        ].sort((x, y) => (x.date < y.date ? -1 : 1));
        await closeOccurrence(ctx, tx, a, input.date, input.reason, now);
        break;
      }
    }
    a.updatedAt = now.toISOString();
    await tx.activities.put(a);
    return a;
  });
}

/** An occurrence's registrations: holding seats, then the line by place, then the rest. */
async function listed(tx: Store, a: Activity, date: string, now: Date) {
  const slot = occurrenceKey(a.id, date);
  const entries = await tx.activitySeats.entries(slot);
  // Arrival order of the seats (ids made in one millisecond do not sort by time).
  const order = new Map(entries.map((e, i) => [e.id, i]));
  const place = new Map(entries.map((e) => [e.id, e.position]));
  const rank = (r: Registration) => (!order.has(r.id) ? 2 : r.status === 'waitlisted' ? 1 : 0);
  const all = (await tx.activityRegistrations.listBySlot(slot)).map((r) => asOf(r, now));
  all.sort((x, y) => rank(x) - rank(y) || (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  return all.map((r) => staffView(r, place.get(r.id)));
}

/** Staff: an occurrence's registrations with phones, and its waitlist in line order. */
export async function occurrenceRegistrations(
  ctx: ServiceContext,
  { id, date }: Parsed<typeof occurrenceQuerySchema>,
) {
  const a = await staffActivity(ctx, ctx.store, id);
  const usage = (await ctx.store.activitySeats.usage([occurrenceKey(a.id, date)]))[
    occurrenceKey(a.id, date)
  ];
  return {
    activity: a.id,
    date,
    capacity: a.capacity,
    taken: usage?.taken ?? 0,
    registrations: await listed(ctx.store, a, date, ctx.clock.now()),
  };
}

const STATUS_ZH: Record<Registration['status'], string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  promoted: '候补成功',
  cancelled: '已取消',
  attended: '已签到',
  expired: '候补未成功',
};

/** Staff: an occurrence's list as CSV (UTF-8 with BOM; formulas neutralised) and a file name. */
export async function exportOccurrenceRegistrations(
  ctx: ServiceContext,
  query: Parsed<typeof occurrenceQuerySchema>,
): Promise<{ filename: string; csv: string }> {
  const list = await occurrenceRegistrations(ctx, query);
  const a = await activityOf(ctx.store, query.id);
  const rows: (string | number | undefined)[][] = [
    [
      '活动',
      '日期',
      '姓名',
      '电话',
      '人数',
      '代报名（老人 / 关系）',
      '状态',
      '候补位次',
      '签到时间',
    ],
    ...list.registrations.map((r) => [
      a.title,
      r.date,
      r.name,
      r.phone,
      r.party,
      r.elder ? `${r.elder.name} / ${r.elder.relation}` : '',
      STATUS_ZH[r.status],
      r.position,
      r.checkedInAt ?? '',
    ]),
  ];
  return { filename: `activity-${a.id}-${query.date}.csv`, csv: toCsv(rows) };
}

/** Staff: 代报名 on a resident's behalf (a phone call); registration closing times do not apply. */
export async function registerOnBehalf(ctx: ServiceContext, input: RegistrationSubmission) {
  await staffActivity(ctx, ctx.store, input.activity);
  return register(ctx, input, 'staff');
}

/** 签到: from the occurrence's day on, a registration holding seats. */
async function checkIn(
  ctx: ServiceContext,
  tx: Store,
  r: Registration,
): Promise<RegistrationStaffView> {
  const now = ctx.clock.now();
  if (shanghaiDate(now) < r.date)
    throw new DomainError('invalid_transition', 'check-in before the day');
  transition(r, 'check_in', staffActor(ctx), now);
  r.checkedInAt = now.toISOString();
  await tx.activityRegistrations.put(r);
  return staffView(r);
}

/** Staff: 签到 with the code the resident shows; another community's code reads as unknown. */
export async function checkInActivityRegistration(
  ctx: ServiceContext,
  input: Parsed<typeof registrationCheckInSchema>,
): Promise<RegistrationStaffView> {
  assertCommunityAccess(ctx.actor, input.community);
  return ctx.store.transaction(async (tx) => {
    const r = await tx.activityRegistrations.getByCode(hashRegistrationCode(input.code), {
      lock: true,
    });
    if (!r || r.community !== input.community) {
      throw new DomainError('not_found', 'registration code');
    }
    return checkIn(ctx, tx, r);
  });
}

/** Staff: check in from the list, or cancel with a reason (the first in line who fits moves up). */
export async function actOnActivityRegistration(
  ctx: ServiceContext,
  input: Parsed<typeof registrationActionSchema>,
): Promise<RegistrationStaffView> {
  return ctx.store.transaction(async (tx) => {
    const found = await tx.activityRegistrations.get(input.id);
    if (!found) throw new DomainError('not_found', `registration ${input.id}`);
    assertCommunityAccess(ctx.actor, found.community);
    if (input.action === 'check_in') {
      const r = await tx.activityRegistrations.get(input.id, { lock: true });
      return checkIn(ctx, tx, r!);
    }
    const r = await cancelIn(tx, found, ctx.clock.now(), 'staff', staffActor(ctx), input.reason);
    return staffView(r, await positionOf(tx, r));
  });
}
