// The 红黑榜 state machines: plain data and functions, no schemas (stores and the editor use them).
import { defineMachine, each, NEW, stays, type Transitions } from '../../domain/machine.js';

/** 红黑榜: an entry of the red (praise) or black (criticism) list of one period. */
export const redblackStatuses = [
  'draft', // 草稿 (its author edits it)
  'submitted', // 待审核: waits for a second staff member
  'published', // 已发布 (a black entry: 待整改)
  'rectified', // 已整改 (black only): still on the board until its period ends
  'archived', // 已归档: its period ended (browsable in the archive)
  'expired', // 已到期: a black entry not rectified, past the end of the following period
  'withdrawn', // 已撤销 (by staff, or after an upheld appeal: 经复核撤销)
] as const;
export type RedblackStatus = (typeof redblackStatuses)[number];

export const redblackActions = [
  'create',
  'edit', // the author changes a draft (or a submitted entry before review)
  'submit', // for review
  'return', // the reviewer sends it back to draft
  'publish', // a second staff member publishes it (never its author)
  'correct', // 更正 after publishing: a public change-log line
  'rectify', // 已整改 (black), with a date and a note
  'renew', // a black entry not rectified stays one more period
  'withdraw', // 撤销: after publishing, a public change-log line
  'archive', // its time on the board ended (read as of now; see redblackStatusAsOf)
  'expire', // a black entry still 待整改 when its time ended
] as const;
export type RedblackAction = (typeof redblackActions)[number];

/** On the board now (until their `until`). */
export const onBoardStatuses = ['published', 'rectified'] as const;
/** Were published and not withdrawn: the board and its archive show these. */
export const publicRedblackStatuses = ['published', 'rectified', 'archived', 'expired'] as const;
/** Still being written or reviewed. */
export const editableStatuses = ['draft', 'submitted'] as const;

export const redblackMachine = defineMachine({
  statuses: redblackStatuses,
  transitions: {
    create: { [NEW]: 'draft' },
    edit: stays(editableStatuses),
    submit: { draft: 'submitted' },
    return: { submitted: 'draft' },
    publish: { submitted: 'published' },
    correct: stays(onBoardStatuses),
    rectify: { published: 'rectified' },
    renew: { published: 'published' },
    // From the archive too: an upheld appeal takes an entry off every page of the board.
    withdraw: each([...editableStatuses, ...publicRedblackStatuses], 'withdrawn'),
    archive: each(onBoardStatuses, 'archived'),
    expire: { published: 'expired' },
  } satisfies Transitions<RedblackStatus, RedblackAction>,
  sets: {
    onBoard: onBoardStatuses,
    public: publicRedblackStatuses,
    editable: editableStatuses,
  },
});

/**
 * The status a read shows at `now` (ms): an entry on the board past its `until` reads as
 * archived — or, a black entry still 待整改, as expired — whether or not a write recorded it.
 */
export function redblackStatusAsOf(
  entry: { status: RedblackStatus; list: 'red' | 'black'; until?: string | undefined },
  now: number,
): RedblackStatus {
  if (!redblackMachine.is('onBoard', entry.status) || entry.until === undefined) {
    return entry.status;
  }
  if (Date.parse(entry.until) > now) return entry.status;
  const action =
    entry.list === 'black' && redblackMachine.can(entry.status, 'expire') ? 'expire' : 'archive';
  return redblackMachine.next(entry.status, action);
}

/** 申诉: an appeal of a black entry by its responsible party. */
export const appealStatuses = ['pending', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof appealStatuses)[number];
export const appealActions = ['file', 'uphold', 'dismiss'] as const;
export type AppealAction = (typeof appealActions)[number];

export const appealMachine = defineMachine({
  statuses: appealStatuses,
  transitions: {
    file: { [NEW]: 'pending' },
    uphold: { pending: 'upheld' },
    dismiss: { pending: 'dismissed' },
  } satisfies Transitions<AppealStatus, AppealAction>,
  sets: { open: ['pending'], ended: ['upheld', 'dismissed'] },
});
