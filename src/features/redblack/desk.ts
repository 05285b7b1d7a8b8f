/**
 * 红黑榜, the staff's use cases: writing entries, review by a second staff member, publishing,
 * corrections and withdrawals, rectification, and deciding appeals. Loaded on the first staff
 * call (`service.ts` re-exports them through `onFirstCall`): a resident's board never carries
 * them.
 */
import type * as z from 'zod/mini';
import { rubricOf } from './rubric.js';
import type { Community } from '../core/model.js';
import { resolveLocation } from '../core/location.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { shanghaiDate } from '../../domain/time.js';
import type { ServiceContext } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import {
  UPHELD_NOTE,
  appealMachine,
  redblackMachine,
  type Appeal,
  type AppealEvent,
  type AppealStaffView,
  type RedblackAction,
  type RedblackEntry,
  type RedblackEvent,
  type Subject,
  type appealDecisionSchema,
  type appealsQuerySchema,
  type redblackActionRequestSchema,
  type redblackEntriesQuerySchema,
  type redblackEntryInputSchema,
  type redblackEntryUpdateSchema,
} from './model.js';
import { boardUntil, periodStart, rectifiedUntil, rubricList } from './rules.js';
import { asOf, communityOf, entryFor, invalid, logChange, staffOf, transition } from './service.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;
type EventActor = RedblackEvent['actor'];
type Staff = Extract<ServiceContext['actor'], { kind: 'staff' }>;

/** The author reviewing their own entry: 403, with the field key that says why. */
const ownEntry = () =>
  new DomainError('forbidden', 'review by another staff member', [
    { path: 'action', key: 'review.ownEntry' },
  ]);

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
