/**
 * What the activity calendar's public services (service.ts) and the staff desk (desk.ts) share:
 * an occurrence's times and state, the views, the machine's transitions, promotions. Seats are
 * the shared capacity primitive (`store.activitySeats`, pool `activity`).
 */
import { DomainError } from '../../domain/errors.js';
import { recordTransition } from '../../domain/transition.js';
import { eventActor } from '../../services/access.js';
import { maskName, scrubPublicText } from '../../domain/mask.js';
import type { SlotUsage } from '../../domain/capacity.js';
import { shanghaiStartOfDay, type CivilDate } from '../../domain/time.js';
import type { WorkdayCalendar } from '../../domain/workdays.js';
import type { ServiceContext } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import {
  activityMachine,
  registrationMachine,
  registrationStatusAsOf,
  UNLIMITED_SEATS,
  type Activity,
  type ActivityStatus,
  type Occurrence,
  type Registration,
  type RegistrationAction,
  type RegistrationEvent,
  type RegistrationResidentView,
  type RegistrationStaffView,
} from './model.js';
import { occurrenceDates, ruleDates, lastDate } from './recurrence.js';
import { registrationWindow } from './checks.js';

export { registrationWindow };

const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

export type EventActor = RegistrationEvent['actor'];

export async function activityOf(tx: Store, id: string): Promise<Activity> {
  const activity = await tx.activities.get(id);
  if (!activity) throw new DomainError('not_found', `activity ${id}`);
  return activity;
}

/** [start, end) of an occurrence as ISO instants (all day: the Beijing day). */
export function occurrenceTimes(a: Activity, date: CivilDate): { start: string; end: string } {
  const midnight = shanghaiStartOfDay(date).getTime();
  if (!a.startTime || !a.endTime) {
    return {
      start: new Date(midnight).toISOString(),
      end: new Date(midnight + DAY_MS).toISOString(),
    };
  }
  const at = (hm: string) =>
    new Date(midnight + (Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3))) * MINUTE).toISOString();
  return { start: at(a.startTime), end: at(a.endTime) };
}

/** Whether `date` is an occurrence of the activity (its rule makes it, not taken out). */
export const isOccurrence = (a: Activity, date: CivilDate, calendar: WorkdayCalendar) =>
  occurrenceDates(a.date, a.recurrence, date, date, calendar).length === 1;

/** The activity as of now: a published one whose every occurrence ended reads as finished. */
export function activityStatusAsOf(a: Activity, now: Date): ActivityStatus {
  if (!activityMachine.can(a.status, 'finish')) return a.status;
  const dates = ruleDates(a.date, a.recurrence, lastDate(a.date, a.recurrence));
  const last = dates[dates.length - 1] ?? a.date;
  return Date.parse(occurrenceTimes(a, last).end) <= now.getTime()
    ? (activityMachine.target(a.status, 'finish') ?? a.status)
    : a.status;
}

/** Seats of an occurrence for the capacity primitive (capacity 0: no limit). */
export const seatsOf = (a: Activity): number => a.capacity || UNLIMITED_SEATS;

/** When registration for an occurrence opens and closes (ms). */
/** Until when a resident may cancel online. */
export const cancelUntil = (a: Activity, start: string): string =>
  new Date(Date.parse(start) - a.cancelCutoffMinutes * MINUTE).toISOString();

/** One occurrence as the calendar shows it: nothing personal. */
export function occurrenceView(
  a: Activity,
  date: CivilDate,
  now: Date,
  usage: SlotUsage | undefined,
): Occurrence {
  const { start, end } = occurrenceTimes(a, date);
  const taken = usage?.taken ?? 0;
  const view: Occurrence = {
    activity: a.id,
    date,
    start,
    end,
    allDay: !a.startTime,
    title: a.title,
    category: a.category,
    place: a.place,
    recurring: a.recurrence !== undefined,
    state: 'open',
    capacity: a.capacity,
    waiting: usage?.waiting ?? 0,
  };
  if (a.organiser) view.organiser = a.organiser;
  if (a.capacity) view.left = Math.max(0, a.capacity - taken);
  const withdrawn = a.cancelled.find((c) => c.date === date);
  const { opens, closes } = registrationWindow(a, date, start);
  const t = now.getTime();
  if (a.status === 'cancelled' || withdrawn) {
    view.state = 'cancelled';
    const reason = withdrawn?.reason ?? a.cancelReason;
    if (reason) view.reason = scrubPublicText(reason);
  } else if (Date.parse(end) <= t) view.state = 'finished';
  else if (!a.registration) view.state = 'none';
  else if (t < opens || t >= closes) view.state = 'closed';
  else if (a.capacity && taken >= a.capacity) view.state = 'full';
  return view;
}

/** Applies `action` through the machine with its audit event; illegal → 409. */
export const transition = (
  r: Registration,
  action: RegistrationAction,
  actor: EventActor,
  now: Date,
  text?: string,
) => recordTransition(registrationMachine, r, action, actor, now, text);

export const staffActor = (ctx: ServiceContext): EventActor => eventActor(ctx.actor);

/** A registration as of now: a waitlisted one whose occurrence started reads as expired. */
export function asOf(r: Registration, now: Date): Registration {
  if (registrationStatusAsOf(r.status, r.start, now.getTime()) === r.status) return r;
  const shown = structuredClone(r);
  transition(shown, 'expire', { kind: 'system' }, now);
  return shown;
}

/** Records each promotion the seats made (the slot is locked; its registrations are locked now). */
export async function promote(tx: Store, ids: readonly string[], now: Date) {
  for (const id of ids) {
    const r = await tx.activityRegistrations.get(id, { lock: true });
    if (!r) throw new DomainError('internal', `seat of unknown registration ${id}`);
    transition(r, 'promote', { kind: 'system' }, now);
    r.promotedAt = now.toISOString();
    await tx.activityRegistrations.put(r);
  }
}

export async function positionOf(tx: Store, r: Registration): Promise<number | undefined> {
  if (r.status !== 'waitlisted') return undefined;
  return (await tx.activitySeats.entries(r.slot)).find((e) => e.id === r.id)?.position;
}

/**
 * Frees a registration's seats and cancels it, promoting who now fits: the slot is locked
 * first, then the registration read again (it may have changed since it was found).
 */
export async function cancelIn(
  tx: Store,
  found: Registration,
  now: Date,
  by: 'resident' | 'staff',
  actor: EventActor,
  reason?: string,
): Promise<Registration> {
  const promoted = await tx.activitySeats.release(found.slot, found.id);
  const r = await tx.activityRegistrations.get(found.id, { lock: true });
  if (!r) throw new DomainError('not_found', `registration ${found.id}`);
  if (registrationStatusAsOf(r.status, r.start, now.getTime()) !== r.status) {
    throw new DomainError('invalid_transition', 'the occurrence has started');
  }
  transition(r, 'cancel', actor, now, reason);
  r.cancel = { by, at: now.toISOString() };
  if (reason !== undefined) r.cancel.reason = reason;
  await tx.activityRegistrations.put(r);
  await promote(tx, promoted, now);
  return r;
}

/** What the code shows: masked names, never a phone. */
export function residentView(
  r: Registration,
  a: Activity,
  now: Date,
  position: number | undefined,
): RegistrationResidentView {
  const view: RegistrationResidentView = {
    id: r.id,
    activity: { id: a.id, title: a.title, place: a.place },
    date: r.date,
    start: r.start,
    end: r.end,
    status: r.status,
    party: r.party,
    forWhom: r.forWhom,
    name: maskName(r.name),
    canCancel:
      registrationMachine.can(r.status, 'cancel') &&
      now.getTime() < Date.parse(cancelUntil(a, r.start)),
    cancelUntil: cancelUntil(a, r.start),
  };
  if (position !== undefined) view.position = position;
  if (r.elder) view.elderName = maskName(r.elder.name);
  if (r.cancel) {
    view.cancelledBy = r.cancel.by;
    if (r.cancel.reason)
      view.cancelReason = scrubPublicText(r.cancel.reason, [r.name, r.elder?.name]);
  }
  return view;
}

/** Staff see everything but the hashes. */
export function staffView(r: Registration, position?: number): RegistrationStaffView {
  const { codeHash: _code, phoneHash: _phone, ...rest } = r;
  const view: RegistrationStaffView = { ...rest };
  if (position !== undefined) view.position = position;
  return view;
}
