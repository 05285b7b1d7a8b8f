import { answerErrors } from '../core/answers.js';
import { categoriesFor } from '../core/catalogues.js';
import { hashQueryCode, newQueryCode } from '../../domain/codes.js';
import type { Category, Community } from '../core/model.js';
import { resolveLocation } from '../core/location.js';
import { formatTicket, type ComplaintSubmission } from './model.js';
import type {
  Complaint,
  ComplaintEvent,
  ComplaintMetrics,
  ComplaintPublicView,
  ComplaintReceipt,
  ComplaintStaffView,
  ComplaintSummary,
} from './views.js';
import { dueDate, isOverdue } from './rules.js';
import { nextStatus, ratingAction, type ComplaintAction, type Rating } from './machine.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { maskName, scrubPublicText } from '../../domain/mask.js';
import type { Page } from '../../domain/paging.js';
import { shanghaiDate } from '../../domain/time.js';
import { addWorkingDays } from '../../domain/workdays.js';
import type { Actor, ServiceContext } from '../../services/context.js';
import { assertCommunityAccess } from '../../services/access.js';
import type { Store } from '../../services/store.js';

/**
 * 居民说事: the use cases of a resident's concern, from submission to rating, and the staff desk.
 * Every read-check-write runs in one `store.transaction` and locks the row it decides on; every
 * status change goes through `nextStatus` (src/features/complaints/model.ts) and leaves an audited event.
 */

/** Categories without an SLA (an operator's custom catalogue) get this many working days. */
export const DEFAULT_SLA_DAYS = 5;

/** Drops keys whose value is undefined, so stored and sent objects look the same everywhere. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  // for…in, not Object.entries (an array of pairs made and walked): ~3 µs less a call, and
  // it runs on every submission and view. Its objects are literals: no inherited keys.
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = item;
  }
  return out as T;
}

const invalid = (fields: FieldError[]) =>
  new DomainError('validation_failed', 'invalid input', fields);

/** The counter that numbers a year's tickets: `SQ-2026-000001` … */
export const ticketCounter = (year: number) => `complaint-ticket:${year}`;

function complaintCategory(community: Community, id: string): Category | undefined {
  return categoriesFor(community, 'complaint').find((c) => c.id === id);
}

const slaOf = (community: Community | undefined, category: string): number =>
  (community && complaintCategory(community, category)?.slaDays) || DEFAULT_SLA_DAYS;

// ---- Views ----

/** What staff see: everything but the query code's hash. */
export function toStaffView(complaint: Complaint, now: Date): ComplaintStaffView {
  const { queryCodeHash: _hash, ...rest } = complaint;
  return { ...rest, overdue: isOverdue(complaint.status, complaint.dueDate, now) };
}

/** What the resident sees with ticket + code: public steps only, names masked, no contact. */
export function toPublicView(complaint: Complaint, now: Date): ComplaintPublicView {
  // Replies go out as the resident may show them to anyone: staff's names and any phone or ID
  // number typed into a reply are masked (the desk keeps the original).
  const people = [
    complaint.contact?.name,
    ...complaint.history.flatMap((event) => [event.handler?.name, event.actor.name]),
  ];
  const timeline = complaint.history
    .filter((event) => event.public)
    .map((event) =>
      compact({
        at: event.at,
        action: event.action,
        status: event.to,
        text: event.text === undefined ? undefined : scrubPublicText(event.text, people),
        reason: event.reason,
        handlerName: event.handler ? maskName(event.handler.name) : undefined,
        dueDate: event.dueDate,
        rating: event.rating,
      }),
    );
  return compact({
    ticket: complaint.ticket,
    category: complaint.category,
    description: complaint.description,
    status: complaint.status,
    receivedAt: complaint.receivedAt,
    dueDate: complaint.dueDate,
    overdue: isOverdue(complaint.status, complaint.dueDate, now),
    handlerName: complaint.handler ? maskName(complaint.handler.name) : undefined,
    photoCount: complaint.photos.length,
    timeline,
    rating: complaint.rating
      ? compact({ value: complaint.rating.value, comment: complaint.rating.comment })
      : undefined,
    canRate: complaint.status === 'resolved',
    reopened: complaint.reopened,
  });
}

export function toSummary(complaint: Complaint, now: Date): ComplaintSummary {
  return compact({
    id: complaint.id,
    ticket: complaint.ticket,
    category: complaint.category,
    status: complaint.status,
    grid: 'grid' in complaint.location ? complaint.location.grid : undefined,
    receivedAt: complaint.receivedAt,
    dueDate: complaint.dueDate,
    overdue: isOverdue(complaint.status, complaint.dueDate, now),
    handler: complaint.handler,
    excerpt: Array.from(complaint.description).slice(0, 80).join(''),
  });
}

// ---- Resident ----

/**
 * Files a resident's concern: checks community, category, location and photos, numbers it from
 * the year's counter, and returns the receipt with the query code — shown this once; only its
 * hash is kept. No transaction and no lock: what it reads it only reads, and the case is one
 * insert (a number drawn for a submission that then fails is skipped: docs/server.md).
 */
export async function submitComplaint(
  ctx: ServiceContext,
  input: ComplaintSubmission,
): Promise<ComplaintReceipt> {
  const { store } = ctx;
  const community = await store.communities.get(input.community, { recent: true });
  if (!community) throw new DomainError('not_found', `community ${input.community}`);
  const category = complaintCategory(community, input.category);
  const fields: FieldError[] = [];
  if (!category) fields.push({ path: 'category', key: 'category.unknown' });
  // The category's questions: required ones answered, no answer to a question it lacks.
  fields.push(...answerErrors(category?.questions ?? [], input.answers));
  if (!('text' in input.location)) {
    const resolved = resolveLocation(community, input.location);
    if ('missing' in resolved) {
      fields.push({ path: `location.${resolved.missing}`, key: 'location.unknown' });
    }
  }
  const photos = [...new Set(input.photos)];
  for (const [i, photo] of photos.entries()) {
    if (!(await store.uploads.get(photo)))
      fields.push({ path: `photos.${i}`, key: 'photos.unknown' });
  }
  if (fields.length || !category) throw invalid(fields);

  const now = ctx.clock.now();
  const receivedAt = now.toISOString();
  const year = Number(shanghaiDate(now).slice(0, 4));
  const ticket = formatTicket(year, await store.counters.next(ticketCounter(year)));
  const queryCode = newQueryCode();
  const due = dueDate(receivedAt, category.slaDays ?? DEFAULT_SLA_DAYS, ctx.calendar);
  const complaint: Complaint = compact({
    id: newId(now.getTime()),
    ticket,
    community: community.id,
    category: category.id,
    description: input.description,
    location: input.location,
    answers: input.answers,
    photos,
    anonymous: input.anonymous,
    // Anonymous means anonymous: a contact sent along anyway is not kept.
    contact: input.anonymous || !input.contact ? undefined : { ...input.contact },
    publishConsent: input.publishConsent,
    status: 'received',
    receivedAt,
    dueDate: due,
    reopened: 0,
    queryCodeHash: hashQueryCode(ticket, queryCode),
    history: [
      {
        at: receivedAt,
        action: 'submit',
        to: 'received',
        actor: { kind: 'resident' },
        public: true,
      },
    ],
  });
  await store.complaints.put(complaint);
  return { id: complaint.id, ticket, queryCode, status: 'received', receivedAt, dueDate: due };
}

/** The case behind a ticket and query code; a wrong ticket and a wrong code look the same. */
async function byTicketAndCode(
  store: Store,
  ticket: string,
  queryCode: string,
  lock?: { lock: true },
) {
  const complaint = await store.complaints.getByTicket(ticket, lock);
  if (!complaint || complaint.queryCodeHash !== hashQueryCode(ticket, queryCode)) {
    throw new DomainError('not_found', 'no case with this ticket and query code');
  }
  return complaint;
}

export async function trackComplaint(
  ctx: ServiceContext,
  input: { ticket: string; queryCode: string },
): Promise<ComplaintPublicView> {
  const complaint = await byTicketAndCode(ctx.store, input.ticket, input.queryCode);
  return toPublicView(complaint, ctx.clock.now());
}

/**
 * The resident's 评价 of a resolved case: 不满意 the first time reopens it (重办, a new deadline
 * from the category's SLA); otherwise it closes as rated.
 */
export async function rateComplaint(
  ctx: ServiceContext,
  input: { ticket: string; queryCode: string; rating: Rating; comment?: string | undefined },
): Promise<ComplaintPublicView> {
  return ctx.store.transaction(async (tx) => {
    const complaint = await byTicketAndCode(tx, input.ticket, input.queryCode, { lock: true });
    const action = ratingAction(input.rating, complaint.reopened);
    const to = transition(complaint, action);
    const now = ctx.clock.now();
    const at = now.toISOString();
    const comment = input.comment || undefined;
    const event: ComplaintEvent = compact({
      at,
      action,
      from: complaint.status,
      to,
      actor: { kind: 'resident' as const },
      text: comment,
      public: true,
      rating: input.rating,
    });
    if (action === 'reopen') {
      const community = await tx.communities.get(complaint.community);
      complaint.reopened += 1;
      complaint.dueDate = dueDate(at, slaOf(community, complaint.category), ctx.calendar);
      event.dueDate = complaint.dueDate;
      delete complaint.resolvedAt;
    } else {
      complaint.rating = compact({ value: input.rating, comment, at });
    }
    complaint.status = to;
    complaint.history.push(event);
    await tx.complaints.put(complaint);
    return toPublicView(complaint, now);
  });
}

/** The status after `action`, or `invalid_transition` (409): never a silent no-op. */
function transition(complaint: Complaint, action: ComplaintAction) {
  const to = nextStatus(complaint.status, action);
  if (!to) {
    throw new DomainError(
      'invalid_transition',
      `cannot ${action} a case that is ${complaint.status}`,
    );
  }
  return to;
}

// ---- Staff ----

type StaffActor = Extract<Actor, { kind: 'staff' }>;

export interface ComplaintListInput {
  community: string;
  status?: Complaint['status'] | undefined;
  category?: string | undefined;
  grid?: string | undefined;
  overdue?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listComplaints(
  ctx: ServiceContext,
  query: ComplaintListInput,
): Promise<Page<ComplaintSummary>> {
  assertCommunityAccess(ctx.actor, query.community);
  const now = ctx.clock.now();
  const page = await ctx.store.complaints.list({
    community: query.community,
    status: query.status,
    category: query.category,
    grid: query.grid,
    overdue:
      query.overdue === undefined ? undefined : { value: query.overdue, today: shanghaiDate(now) },
    limit: query.limit,
    cursor: query.cursor,
  });
  const items = page.items.map((c) => toSummary(c, now));
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}

export async function getComplaint(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<ComplaintStaffView> {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
  const complaint = await ctx.store.complaints.get(id);
  if (!complaint) throw new DomainError('not_found', `complaint ${id}`);
  assertCommunityAccess(ctx.actor, complaint.community);
  return toStaffView(complaint, ctx.clock.now());
}

/** One body per staff action (complaintActionInputSchema), parsed. */
export type ComplaintActionBody =
  | { action: 'assign'; handler: string }
  | { action: 'start' }
  | { action: 'reply' | 'note' | 'resolve'; text: string }
  | { action: 'return'; reason: NonNullable<ComplaintEvent['reason']>; text?: string | undefined }
  | { action: 'transfer'; to: string; text?: string | undefined }
  | { action: 'extend'; days: number; reason: string };

/** Staff act on a case of their own community: assign, start, reply, note, resolve, return… */
export async function actOnComplaint(
  ctx: ServiceContext,
  { id, ...body }: { id: string } & ComplaintActionBody,
): Promise<ComplaintStaffView> {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
  return ctx.store.transaction(async (tx) => {
    const complaint = await tx.complaints.get(id, { lock: true });
    if (!complaint) throw new DomainError('not_found', `complaint ${id}`);
    assertCommunityAccess(ctx.actor, complaint.community);
    // Past retention a case is a record for the counts: nothing more is written to it.
    if (complaint.anonymisedAt) {
      throw new DomainError('invalid_transition', `cannot ${body.action} an anonymised case`);
    }
    const actor = ctx.actor as StaffActor;
    const to = transition(complaint, body.action);
    const now = ctx.clock.now();
    const at = now.toISOString();
    const event: ComplaintEvent = {
      at,
      action: body.action,
      from: complaint.status,
      to,
      actor: { kind: 'staff', id: actor.id, name: actor.name },
      public: body.action !== 'note',
    };
    switch (body.action) {
      case 'assign': {
        const account = await tx.staff.get(body.handler);
        if (!account || account.disabled || account.community !== complaint.community) {
          throw invalid([{ path: 'handler', key: 'handler.unknown' }]);
        }
        complaint.handler = { id: account.id, name: account.name };
        event.handler = { ...complaint.handler };
        break;
      }
      case 'start':
        break;
      case 'reply':
      case 'resolve':
        event.text = body.text;
        complaint.firstResponseAt ??= at;
        if (body.action === 'resolve') complaint.resolvedAt = at;
        break;
      case 'note':
        event.text = body.text;
        break;
      case 'return':
        event.reason = body.reason;
        if (body.text) event.text = body.text;
        break;
      case 'transfer':
        event.transferredTo = body.to;
        if (body.text) event.text = body.text;
        break;
      case 'extend':
        complaint.dueDate = addWorkingDays(complaint.dueDate, body.days, ctx.calendar);
        event.dueDate = complaint.dueDate;
        event.text = body.reason;
        break;
    }
    complaint.status = to;
    complaint.history.push(event);
    await tx.complaints.put(complaint);
    return toStaffView(complaint, now);
  });
}

/** The staff accounts of a community who can be assigned cases (not disabled). */
export async function listHandlers(
  ctx: ServiceContext,
  { community }: { community: string },
): Promise<{ id: string; name: string }[]> {
  assertCommunityAccess(ctx.actor, community);
  return (await ctx.store.staff.listByCommunity(community))
    .filter((a) => !a.disabled)
    .map(({ id, name }) => ({ id, name }));
}

/**
 * 三率 for a period: its code is in a chunk of its own, loaded on the first call (staff open it
 * from the desk's tab; residents' pages never do).
 */
export async function complaintMetrics(
  ctx: ServiceContext,
  query: Parameters<typeof import('./metrics.js').complaintMetrics>[1],
): Promise<ComplaintMetrics> {
  return (await import('./metrics.js')).complaintMetrics(ctx, query);
}
