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
import { resolveLocation, type Community } from '../core/model.js';
import { newQueryCode } from '../../domain/codes.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { scrubPublicText } from '../../domain/mask.js';
import { shanghaiDate } from '../../domain/time.js';
import { addWorkingDays } from '../../domain/workdays.js';
import { type ServiceContext, assertCommunityAccess } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import {
  APPEAL_WORKING_DAYS,
  UPHELD_NOTE,
  appealMachine,
  hashAppealCode,
  redblackMachine,
  redblackStatusAsOf,
  type Appeal,
  type AppealEvent,
  type AppealReceipt,
  type AppealStaffView,
  type AppealView,
  type PublicEntry,
  type RedblackAction,
  type RedblackBoard,
  type RedblackChange,
  type RedblackEntry,
  type RedblackEvent,
  type Subject,
  type appealCodeInputSchema,
  type appealDecisionSchema,
  type appealInputSchema,
  type appealsQuerySchema,
  type redblackActionRequestSchema,
  type redblackBoardQuerySchema,
  type redblackEntriesQuerySchema,
  type redblackEntryInputSchema,
  type redblackEntryUpdateSchema,
} from './model.js';
import {
  boardUntil,
  periodLabel,
  periodStart,
  publicPersonName,
  rectifiedUntil,
  rubricList,
} from './rules.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;
type EventActor = RedblackEvent['actor'];
type Staff = Extract<ServiceContext['actor'], { kind: 'staff' }>;

/** Tries for a code no other appeal has. */
const CODE_TRIES = 5;
/** Change-log lines the board shows. */
const CHANGES_SHOWN = 20;

/** The author reviewing their own entry: 403, with the field key that says why. */
const ownEntry = () =>
  new DomainError('forbidden', 'review by another staff member', [
    { path: 'action', key: 'review.ownEntry' },
  ]);

const invalid = (fields: FieldError[]) =>
  new DomainError('validation_failed', fields.map((f) => `${f.path}: ${f.key}`).join('; '), fields);

async function communityOf(tx: Store, id: string): Promise<Community> {
  const community = await tx.communities.get(id);
  if (!community) throw new DomainError('not_found', `community ${id}`);
  return community;
}

const staffOf = (ctx: ServiceContext, community: string): Staff => {
  assertCommunityAccess(ctx.actor, community);
  return ctx.actor;
};

async function entryFor(ctx: ServiceContext, tx: Store, id: string, lock: boolean) {
  const entry = await tx.redblackEntries.get(id, { lock });
  if (!entry) throw new DomainError('not_found', `entry ${id}`);
  return { entry, staff: staffOf(ctx, entry.community) };
}

/** Applies `action` through the machine with its audit event; illegal → 409. */
function transition(
  entry: RedblackEntry,
  action: RedblackAction,
  actor: EventActor,
  now: Date,
  text?: string,
) {
  const from = entry.history.length ? entry.status : undefined;
  const to = redblackMachine.next(from, action);
  const event: RedblackEvent = { at: now.toISOString(), action, to, actor };
  if (from !== undefined) event.from = from;
  if (text !== undefined) event.text = text;
  entry.history.push(event);
  entry.status = to;
  entry.updatedAt = now.toISOString();
}

/** An entry as of now: past its `until`, with the system's archive or expiry recorded. */
function asOf(entry: RedblackEntry, now: Date): RedblackEntry {
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
    default: {
      const place = resolveLocation(community, {
        community: community.id,
        grid: subject.grid,
        building: subject.building,
        ...(subject.kind !== 'building' && subject.unit ? { unit: subject.unit } : {}),
      });
      if ('missing' in place) return community.name;
      const where = `${place.building?.name ?? ''}${place.unit?.name ?? ''}`;
      return subject.kind === 'household' ? `${where}住户` : where;
    }
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
async function logChange(
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

// ---- Staff: writing, review, publishing ----

type EntryFields = Omit<Parsed<typeof redblackEntryInputSchema>, 'community'>;

/** Category of the rubric and of the list, a subject of this community, photos uploaded. */
async function checkEntry(tx: Store, community: Community, input: EntryFields) {
  const fields: FieldError[] = [];
  const category = rubricOf(community).find((c) => c.id === input.category);
  if (!category) fields.push({ path: 'category', key: 'category.unknown' });
  else if ((rubricList(category.id) ?? input.list) !== input.list) {
    fields.push({ path: 'category', key: 'rubric.otherList' });
  }
  const s = input.subject;
  if (s.kind === 'building' || s.kind === 'unit' || s.kind === 'household') {
    const resolved = resolveLocation(community, {
      community: community.id,
      grid: s.grid,
      building: s.building,
      ...(s.kind !== 'building' && s.unit ? { unit: s.unit } : {}),
    });
    if ('missing' in resolved) {
      fields.push({ path: `subject.${resolved.missing}`, key: 'location.unknown' });
    }
  }
  for (const [i, photo] of input.photos.entries()) {
    if (input.photos.indexOf(photo) !== i || !(await tx.uploads.get(photo))) {
      fields.push({ path: `photos.${i}`, key: 'evidence.unknown' });
    }
  }
  if (fields.length) throw invalid(fields);
}

/** The subject as stored: a person's consent with who recorded it and when (kept if unchanged). */
function storedSubject(
  input: EntryFields['subject'],
  staff: Staff,
  now: Date,
  old?: Subject,
): Subject {
  if (input.kind !== 'person') return input;
  const { consent } = input;
  const same =
    old?.kind === 'person' &&
    old.name === input.name &&
    old.consent.obtainedOn === consent.obtainedOn &&
    old.consent.fullName === consent.fullName &&
    old.consent.note === consent.note;
  if (same) return old;
  const stored: Subject = {
    kind: 'person',
    name: input.name,
    consent: {
      obtainedOn: consent.obtainedOn,
      fullName: consent.fullName,
      recordedBy: staff.id,
      recordedAt: now.toISOString(),
    },
  };
  if (consent.note) stored.consent.note = consent.note;
  return stored;
}

const photosFrom = (ids: readonly string[], old: RedblackEntry['photos'] = []) =>
  ids.map((id) => ({ id, cleared: old.find((p) => p.id === id)?.cleared ?? false }));

/** Staff: a new draft. */
export async function createRedblackEntry(
  ctx: ServiceContext,
  input: Parsed<typeof redblackEntryInputSchema>,
): Promise<RedblackEntry> {
  const staff = staffOf(ctx, input.community);
  return ctx.store.transaction(async (tx) => {
    const community = await communityOf(tx, input.community);
    await checkEntry(tx, community, input);
    const now = ctx.clock.now();
    const entry: RedblackEntry = {
      id: newId(now.getTime()),
      community: community.id,
      list: input.list,
      period: input.period,
      category: input.category,
      subject: storedSubject(input.subject, staff, now),
      reason: input.reason,
      photos: photosFrom(input.photos),
      status: 'draft',
      author: staff.id,
      renewals: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      history: [],
    };
    transition(entry, 'create', { kind: 'staff', id: staff.id }, now);
    await tx.redblackEntries.put(entry);
    return entry;
  });
}

/**
 * Staff: an entry's new version. Before publishing only its author edits it; after, any staff
 * member corrects it (更正) with a public note in the change log — the list and the period stay.
 * A photo added by a correction is staff-only until an entry is published again.
 */
export async function updateRedblackEntry(
  ctx: ServiceContext,
  input: Parsed<typeof redblackEntryUpdateSchema>,
): Promise<RedblackEntry> {
  return ctx.store.transaction(async (tx) => {
    const { entry: stored, staff } = await entryFor(ctx, tx, input.id, true);
    const now = ctx.clock.now();
    const entry = asOf(stored, now);
    const community = await communityOf(tx, entry.community);
    const editing = redblackMachine.is('editable', entry.status);
    if (editing && entry.author !== staff.id) {
      throw new DomainError('forbidden', 'only the author edits a draft');
    }
    const action: RedblackAction = editing ? 'edit' : 'correct';
    if (!redblackMachine.can(entry.status, action)) {
      throw new DomainError('invalid_transition', `cannot ${action} from ${entry.status}`);
    }
    const fields: FieldError[] = [];
    if (!editing) {
      if (input.list !== entry.list) fields.push({ path: 'list', key: 'correction.sameList' });
      if (input.period !== entry.period) {
        fields.push({ path: 'period', key: 'correction.samePeriod' });
      }
      if (input.note === undefined) fields.push({ path: 'note', key: 'correction.noteRequired' });
    }
    if (fields.length) throw invalid(fields);
    await checkEntry(tx, community, input);
    entry.list = input.list;
    entry.period = input.period;
    entry.category = input.category;
    entry.subject = storedSubject(input.subject, staff, now, entry.subject);
    entry.reason = input.reason;
    entry.photos = photosFrom(input.photos, entry.photos);
    transition(entry, action, { kind: 'staff', id: staff.id }, now, input.note);
    if (!editing) await logChange(tx, community, entry, 'corrected', input.note!, now);
    await tx.redblackEntries.put(entry);
    return entry;
  });
}

/**
 * Staff: submit for review (the author), return with a note or publish (a second staff
 * member: never the author), 已整改 with a date and a note, renew a black entry one period
 * more, or withdraw (after publishing: a public line in the change log).
 */
export async function actOnRedblackEntry(
  ctx: ServiceContext,
  input: Parsed<typeof redblackActionRequestSchema>,
): Promise<RedblackEntry> {
  return ctx.store.transaction(async (tx) => {
    const { entry: stored, staff } = await entryFor(ctx, tx, input.id, true);
    const now = ctx.clock.now();
    const actor: EventActor = { kind: 'staff', id: staff.id };
    // Withdrawal reaches the archive too (the stored status); the rest act on the board now.
    const entry = input.action === 'withdraw' ? stored : asOf(stored, now);
    switch (input.action) {
      case 'submit':
        if (entry.author !== staff.id) throw new DomainError('forbidden', 'not the author');
        transition(entry, 'submit', actor, now);
        break;
      case 'return':
        if (entry.author === staff.id) throw ownEntry();
        transition(entry, 'return', actor, now, input.note);
        break;
      case 'publish': {
        if (entry.author === staff.id) throw ownEntry();
        const unknown = input.clearedPhotos.findIndex(
          (id) => !entry.photos.some((p) => p.id === id),
        );
        if (unknown >= 0) {
          throw invalid([{ path: `clearedPhotos.${unknown}`, key: 'evidence.unknown' }]);
        }
        transition(entry, 'publish', actor, now);
        entry.photos = entry.photos.map((p) => ({
          id: p.id,
          cleared: input.clearedPhotos.includes(p.id),
        }));
        entry.publishedBy = staff.id;
        entry.publishedAt = now.toISOString();
        entry.until = boardUntil(entry.list, entry.period, entry.renewals);
        break;
      }
      case 'rectify': {
        if (entry.list !== 'black') throw new DomainError('invalid_transition', 'red entry');
        const fields: FieldError[] = [];
        if (input.date > shanghaiDate(now)) fields.push({ path: 'date', key: 'rectified.future' });
        if (input.date < periodStart(entry.period)) {
          fields.push({ path: 'date', key: 'rectified.beforePeriod' });
        }
        if (fields.length) throw invalid(fields);
        transition(entry, 'rectify', actor, now, input.note);
        entry.rectification = {
          date: input.date,
          note: input.note,
          at: now.toISOString(),
          by: staff.id,
        };
        entry.until = rectifiedUntil(entry.period, now, entry.until!);
        break;
      }
      case 'renew':
        if (entry.list !== 'black') throw new DomainError('invalid_transition', 'red entry');
        transition(entry, 'renew', actor, now);
        entry.renewals += 1;
        entry.until = boardUntil(entry.list, entry.period, entry.renewals);
        break;
      case 'withdraw': {
        const wasPublic = redblackMachine.is('public', entry.status);
        transition(entry, 'withdraw', actor, now, input.note);
        entry.withdrawal = { at: now.toISOString(), note: input.note };
        if (wasPublic) {
          const community = await communityOf(tx, entry.community);
          await logChange(tx, community, entry, 'withdrawn', input.note, now);
        }
        break;
      }
    }
    await tx.redblackEntries.put(entry);
    return entry;
  });
}

/** Staff: one entry with its history, as of now. */
export async function getRedblackEntry(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<RedblackEntry> {
  const { entry } = await entryFor(ctx, ctx.store, id, false);
  return asOf(entry, ctx.clock.now());
}

/** Staff: the community's entries (of a status, a period), newest first, as of now. */
export async function listRedblackEntries(
  ctx: ServiceContext,
  query: Parsed<typeof redblackEntriesQuerySchema>,
): Promise<RedblackEntry[]> {
  staffOf(ctx, query.community);
  const now = ctx.clock.now();
  const entries = await ctx.store.redblackEntries.list(query.community, {
    period: query.period,
  });
  return entries
    .map((e) => asOf(e, now))
    .filter((e) => query.status === undefined || e.status === query.status);
}

// ---- Appeals (申诉) ----

async function freshCode(tx: Store): Promise<{ code: string; hash: string }> {
  for (let i = 0; i < CODE_TRIES; i++) {
    const code = newQueryCode();
    const hash = hashAppealCode(code);
    if (!(await tx.redblackAppeals.getByCode(hash))) return { code, hash };
  }
  throw new DomainError('internal', 'no free code');
}

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
    const { code, hash } = await freshCode(tx);
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

const staffAppeal = (appeal: Appeal, now: Date): AppealStaffView => {
  const { codeHash: _code, ...rest } = appeal;
  return {
    ...rest,
    overdue: appealMachine.is('open', appeal.status) && shanghaiDate(now) > appeal.dueBy,
  };
};

/** Staff: the community's appeals (of a status), oldest first, with their phones and due dates. */
export async function listRedblackAppeals(
  ctx: ServiceContext,
  query: Parsed<typeof appealsQuerySchema>,
): Promise<AppealStaffView[]> {
  staffOf(ctx, query.community);
  const now = ctx.clock.now();
  return (await ctx.store.redblackAppeals.list(query.community, query.status)).map((a) =>
    staffAppeal(a, now),
  );
}

/**
 * Staff decide an appeal: upheld → the entry is withdrawn (经复核撤销) or its reason corrected,
 * with a line in the board's change log; dismissed → the reason the appellant sees by code.
 */
export async function decideRedblackAppeal(
  ctx: ServiceContext,
  input: Parsed<typeof appealDecisionSchema>,
): Promise<AppealStaffView> {
  return ctx.store.transaction(async (tx) => {
    const appeal = await tx.redblackAppeals.get(input.id, { lock: true });
    if (!appeal) throw new DomainError('not_found', `appeal ${input.id}`);
    const staff = staffOf(ctx, appeal.community);
    const now = ctx.clock.now();
    const actor: AppealEvent['actor'] = { kind: 'staff', id: staff.id };
    const action = input.outcome === 'upheld' ? 'uphold' : 'dismiss';
    const from = appeal.status;
    appeal.status = appealMachine.next(from, action);
    let text: string;
    if (input.outcome === 'upheld') {
      const entry = await tx.redblackEntries.get(appeal.entry, { lock: true });
      if (!entry) throw new DomainError('not_found', `entry ${appeal.entry}`);
      const community = await communityOf(tx, entry.community);
      const entryActor: EventActor = { kind: 'staff', id: staff.id };
      if (input.correctedReason !== undefined) {
        text = input.note ?? '经复核更正';
        const shown = asOf(entry, now);
        if (!redblackMachine.can(shown.status, 'correct')) {
          throw new DomainError('invalid_transition', `cannot correct from ${shown.status}`);
        }
        transition(entry, 'correct', entryActor, now, text);
        entry.reason = input.correctedReason;
        await logChange(tx, community, entry, 'corrected', text, now);
      } else {
        text = input.note ?? UPHELD_NOTE;
        transition(entry, 'withdraw', entryActor, now, text);
        entry.withdrawal = { at: now.toISOString(), note: text };
        await logChange(tx, community, entry, 'withdrawn', text, now);
      }
      await tx.redblackEntries.put(entry);
    } else {
      text = input.reason;
    }
    appeal.decision = { at: now.toISOString(), by: staff.id, outcome: input.outcome, text };
    appeal.history.push({ at: now.toISOString(), action, from, to: appeal.status, actor, text });
    await tx.redblackAppeals.put(appeal);
    return staffAppeal(appeal, now);
  });
}
