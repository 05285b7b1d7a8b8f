/**
 * 红黑榜 use cases. Every status change goes through the machine with its audit event; an entry
 * is published by a second staff member (never its author); reads never write (an entry past
 * its `until` reads as archived, or a black one still 待整改 as expired). What goes public is
 * built here, once: subjects by place (a person masked unless their consent covers the full
 * name, a household as its 楼栋/单元), free text scrubbed of phones and ID numbers, cleared
 * photos only. Corrections and withdrawals after publishing write the board's change log.
 */
import * as z from 'zod/mini';
import { rubricOf } from './rubric.js';
import type { Community } from '../core/model.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { recordTransition } from '../../domain/transition.js';
import { newId } from '../../domain/ids.js';
import { scrubPublicText } from '../../domain/mask.js';
import { shanghaiDate } from '../../domain/time.js';
import { addWorkingDays } from '../../domain/workdays.js';
import type { ServiceContext } from '../../services/context.js';
import { freshCode } from '../../services/codes.js';
import { assertCommunityAccess } from '../../services/access.js';
import { onFirstCall } from '../../services/later.js';
import type { Store } from '../../services/store.js';
import {
  APPEAL_WORKING_DAYS,
  appealMachine,
  hashAppealCode,
  redblackMachine,
  redblackStatusAsOf,
  type Appeal,
  type AppealReceipt,
  type AppealView,
  type PublicEntry,
  type RedblackAction,
  type RedblackBoard,
  type RedblackChange,
  type RedblackEntry,
  type RedblackEvent,
  type Subject,
  type appealCodeInputSchema,
  type appealInputSchema,
  type redblackBoardQuerySchema,
} from './model.js';
import { placeName } from './places.js';
import { periodLabel, publicPersonName } from './rules.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;
type EventActor = RedblackEvent['actor'];
type Staff = Extract<ServiceContext['actor'], { kind: 'staff' }>;

/** Change-log lines the board shows. */
const CHANGES_SHOWN = 20;

export const invalid = (fields: FieldError[]) =>
  new DomainError('validation_failed', fields.map((f) => `${f.path}: ${f.key}`).join('; '), fields);

export async function communityOf(tx: Store, id: string): Promise<Community> {
  const community = await tx.communities.get(id);
  if (!community) throw new DomainError('not_found', `community ${id}`);
  return community;
}

export const staffOf = (ctx: ServiceContext, community: string): Staff => {
  assertCommunityAccess(ctx.actor, community);
  return ctx.actor;
};

export async function entryFor(ctx: ServiceContext, tx: Store, id: string, lock: boolean) {
  const entry = await tx.redblackEntries.get(id, { lock });
  if (!entry) throw new DomainError('not_found', `entry ${id}`);
  return { entry, staff: staffOf(ctx, entry.community) };
}

/** Applies `action` through the machine with its audit event; illegal → 409. */
export function transition(
  entry: RedblackEntry,
  action: RedblackAction,
  actor: EventActor,
  now: Date,
  text?: string,
) {
  recordTransition(redblackMachine, entry, action, actor, now, text);
  entry.updatedAt = now.toISOString();
}

/** An entry as of now: past its `until`, with the system's archive or expiry recorded. */
export function asOf(entry: RedblackEntry, now: Date): RedblackEntry {
  const status = redblackStatusAsOf(entry, now.getTime());
  if (status === entry.status) return entry;
  const shown = structuredClone(entry);
  const action: RedblackAction = status === 'expired' ? 'expire' : 'archive';
  const event: RedblackEvent = {
    at: entry.until!,
    action,
    from: entry.status,
    to: status,
    actor: { kind: 'system' },
  };
  shown.history.push(event);
  shown.status = status;
  return shown;
}

// ---- What the public sees ----

/** The people a text about this subject may name (masked in public unless consented in full). */
const namesToMask = (subject: Subject): string[] =>
  subject.kind === 'person' && !subject.consent.fullName ? [subject.name] : [];

/** A subject as the board shows it: a place by its name, a person masked, never a room. */
export function subjectLabel(community: Community, subject: Subject): string {
  switch (subject.kind) {
    case 'area':
    case 'organisation':
      return scrubPublicText(subject.name);
    case 'person':
      return publicPersonName(subject.name, subject.consent.fullName);
    default:
      return placeName(community, subject) ?? community.name;
  }
}

const publicText = (entry: RedblackEntry, text: string) =>
  scrubPublicText(text, namesToMask(entry.subject));

function toPublic(community: Community, stored: RedblackEntry, now: Date): PublicEntry {
  const entry = asOf(stored, now);
  const category = rubricOf(community).find((c) => c.id === entry.category);
  const status = entry.status as PublicEntry['status'];
  const view: PublicEntry = {
    id: entry.id,
    list: entry.list,
    period: entry.period,
    periodLabel: periodLabel(entry.period),
    category: entry.category,
    categoryName: category?.name ?? entry.category,
    subject: { kind: entry.subject.kind, label: subjectLabel(community, entry.subject) },
    reason: publicText(entry, entry.reason),
    photos: entry.photos.filter((p) => p.cleared).map((p) => p.id),
    status,
    publishedAt: entry.publishedAt ?? entry.updatedAt,
    until: entry.until ?? entry.updatedAt,
    appealable: entry.list === 'black' && redblackMachine.is('onBoard', status),
  };
  if (category?.nameEn) view.categoryNameEn = category.nameEn;
  if (entry.rectification) {
    view.rectification = {
      date: entry.rectification.date,
      note: publicText(entry, entry.rectification.note),
    };
  }
  return view;
}

/** A line of the public change log (its note scrubbed before it is stored). */
export async function logChange(
  tx: Store,
  community: Community,
  entry: RedblackEntry,
  kind: RedblackChange['kind'],
  note: string,
  now: Date,
) {
  await tx.redblackChanges.add({
    id: newId(now.getTime()),
    community: community.id,
    entry: entry.id,
    at: now.toISOString(),
    kind,
    list: entry.list,
    period: entry.period,
    subject: subjectLabel(community, entry.subject),
    note: publicText(entry, note),
  });
}

/** Public: the board now (both lists, on the board at this moment), or an archived period. */
export async function redblackBoard(
  ctx: ServiceContext,
  query: Parsed<typeof redblackBoardQuerySchema>,
): Promise<RedblackBoard> {
  const community = await communityOf(ctx.store, query.community);
  const now = ctx.clock.now();
  const entries = await ctx.store.redblackEntries.list(
    community.id,
    query.period === undefined
      ? { statuses: redblackMachine.sets.onBoard, onBoardAt: now.toISOString() }
      : { statuses: redblackMachine.sets.public, period: query.period },
  );
  const shown = entries
    .map((e) => toPublic(community, e, now))
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
  const [changes, periods] = await Promise.all([
    ctx.store.redblackChanges.latest(community.id, CHANGES_SHOWN),
    ctx.store.redblackEntries.periods(community.id, redblackMachine.sets.public),
  ]);
  const board: RedblackBoard = {
    community: community.id,
    red: shown.filter((e) => e.list === 'red'),
    black: shown.filter((e) => e.list === 'black'),
    changes:
      query.period === undefined ? changes : changes.filter((c) => c.period === query.period),
    periods: periods.map((key) => ({ key, label: periodLabel(key) })),
  };
  if (query.period !== undefined) {
    board.period = query.period;
    board.periodLabel = periodLabel(query.period);
  }
  return board;
}

// ---- Appeals (申诉) ----

/**
 * Public: the responsible party of a black entry on the board appeals (申诉), with a private
 * contact phone; gets a code (shown once) and the date staff decide by (working days).
 */
export async function appealRedblackEntry(
  ctx: ServiceContext,
  input: Parsed<typeof appealInputSchema>,
): Promise<AppealReceipt> {
  return ctx.store.transaction(async (tx) => {
    const stored = await tx.redblackEntries.get(input.entry, { lock: true });
    const now = ctx.clock.now();
    // Only what the board shows can be appealed; anything else reads as unknown.
    if (!stored || !redblackMachine.is('public', stored.status)) {
      throw new DomainError('not_found', `entry ${input.entry}`);
    }
    const entry = asOf(stored, now);
    if (entry.list !== 'black' || !redblackMachine.is('onBoard', entry.status)) {
      throw new DomainError('invalid_transition', 'not an entry on the black list now');
    }
    const open = (await tx.redblackAppeals.listByEntry(entry.id)).some((a) =>
      appealMachine.is('open', a.status),
    );
    if (open) throw new DomainError('conflict', 'an appeal of this entry is pending');
    const { code, hash } = await freshCode(hashAppealCode, (h) => tx.redblackAppeals.getByCode(h));
    const appeal: Appeal = {
      id: newId(now.getTime()),
      community: entry.community,
      entry: entry.id,
      role: input.role,
      phone: input.phone,
      reason: input.reason,
      codeHash: hash,
      status: appealMachine.next(undefined, 'file'),
      createdAt: now.toISOString(),
      dueBy: addWorkingDays(shanghaiDate(now), APPEAL_WORKING_DAYS, ctx.calendar),
      history: [],
    };
    if (input.name) appeal.name = input.name;
    appeal.history.push({
      at: appeal.createdAt,
      action: 'file',
      to: appeal.status,
      actor: { kind: 'resident' },
    });
    await tx.redblackAppeals.put(appeal);
    return { id: appeal.id, code, status: appeal.status, dueBy: appeal.dueBy };
  });
}

/** Public: what the appeal code shows — the entry as the board showed it, the outcome. */
export async function redblackAppealStatus(
  ctx: ServiceContext,
  { code }: Parsed<typeof appealCodeInputSchema>,
): Promise<AppealView> {
  const appeal = await ctx.store.redblackAppeals.getByCode(hashAppealCode(code));
  if (!appeal) throw new DomainError('not_found', 'appeal code');
  const entry = await ctx.store.redblackEntries.get(appeal.entry);
  if (!entry) throw new DomainError('not_found', 'appeal code');
  const community = await communityOf(ctx.store, appeal.community);
  const view: AppealView = {
    id: appeal.id,
    entry: {
      id: entry.id,
      list: entry.list,
      period: entry.period,
      subject: subjectLabel(community, entry.subject),
    },
    status: appeal.status,
    createdAt: appeal.createdAt,
    dueBy: appeal.dueBy,
  };
  if (appeal.decision) {
    view.outcome = {
      at: appeal.decision.at,
      text: scrubPublicText(appeal.decision.text, [appeal.name, ...namesToMask(entry.subject)]),
    };
  }
  return view;
}

// ---- Staff: writing, review, publishing, appeals (desk.ts, loaded on the first staff call) ----

const desk = () => import('./desk.js');
export const createRedblackEntry = onFirstCall(desk, 'createRedblackEntry');
export const updateRedblackEntry = onFirstCall(desk, 'updateRedblackEntry');
export const actOnRedblackEntry = onFirstCall(desk, 'actOnRedblackEntry');
export const getRedblackEntry = onFirstCall(desk, 'getRedblackEntry');
export const listRedblackEntries = onFirstCall(desk, 'listRedblackEntries');
export const listRedblackAppeals = onFirstCall(desk, 'listRedblackAppeals');
export const decideRedblackAppeal = onFirstCall(desk, 'decideRedblackAppeal');

// ---- 和谐楼道 scores (scores.ts, loaded on the first call of one of them) ----

const scores = () => import('./scores.js');
export const buildingScores = onFirstCall(scores, 'buildingScores');
export const putBuildingScores = onFirstCall(scores, 'putBuildingScores');
export const scoreSheet = onFirstCall(scores, 'scoreSheet');
