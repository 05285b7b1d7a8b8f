// The complaint state machine: plain data and functions, no schemas, so stores and small
// pages can use it without loading zod.
import { defineMachine, each, NEW, stays, type Transitions } from '../../domain/machine.js';

/**
 * 居民说事 / 诉求: a resident's concern and its handling, one state machine for all of it.
 * 已受理 received → 已分派 assigned → 处理中 in_progress → 已办结 resolved → 已评价 rated;
 * side paths 已退回 returned and 已转办 transferred; 不满意 reopens a resolved case once (重办).
 */
export const complaintStatuses = [
  'received', // 已受理
  'assigned', // 已分派
  'in_progress', // 处理中
  'resolved', // 已办结
  'rated', // 已评价
  'returned', // 已退回
  'transferred', // 已转办
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** Why a case is returned (退单); shown to the resident. */
export const returnReasons = ['not_our_jurisdiction', 'duplicate', 'insufficient_detail'] as const;
export type ReturnReason = (typeof returnReasons)[number];

/** 满意 / 基本满意 / 不满意 (回访). */
export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof ratings)[number];
/** The ratings that count as satisfied (满意率). */
export const satisfiedRatings = ['satisfied', 'basically_satisfied'] as const satisfies Rating[];

export const complaintActions = [
  'submit',
  'assign', // 派单 (or reassign)
  'start', // 开始处理
  'reply', // public answer, no status change
  'note', // internal note, staff only
  'resolve', // 办结
  'return', // 退回
  'transfer', // 转办
  'extend', // 延期
  'rate', // resident's 评价
  'reopen', // 不满意 → 重办
] as const;
export type ComplaintAction = (typeof complaintActions)[number];

/** Open: the case is still being handled (its deadline runs, it can be transferred). */
const open = ['received', 'assigned', 'in_progress'] as const satisfies ComplaintStatus[];
/** Where a public answer may still be given. */
const answerable = [...open, 'resolved'] as const;
/** 已办结 for the 解决率: resolved, and rated after it. */
const done = ['resolved', 'rated'] as const satisfies ComplaintStatus[];
/** 已评价: where a resident's rating counts for the 满意率. */
const rated = ['rated'] as const satisfies ComplaintStatus[];

/** The one table of legal transitions: for each action, from → to. */
export const complaintMachine = defineMachine({
  statuses: complaintStatuses,
  transitions: {
    submit: { [NEW]: 'received' },
    // Assigning keeps 处理中 cases in progress and moves 已受理 ones to 已分派 (派单 or 改派).
    assign: { received: 'assigned', assigned: 'assigned', in_progress: 'in_progress' },
    start: { assigned: 'in_progress' },
    reply: stays(answerable),
    note: stays(complaintStatuses),
    resolve: { in_progress: 'resolved' },
    return: each(['received', 'assigned'], 'returned'),
    transfer: each(open, 'transferred'),
    extend: stays(open),
    rate: { resolved: 'rated' },
    reopen: { resolved: 'in_progress' },
  } satisfies Transitions<ComplaintStatus, ComplaintAction>,
  sets: { open, done, rated },
});

/** A resolved case may be reopened by 不满意 once; the second 不满意 closes it as rated. */
export const MAX_REOPENS = 1;

/** The status after `action`, or undefined when the action is not allowed from `status`. */
export const nextStatus = (
  status: ComplaintStatus | undefined,
  action: ComplaintAction,
): ComplaintStatus | undefined => complaintMachine.target(status, action);

export const canTake = (status: ComplaintStatus, action: ComplaintAction): boolean =>
  complaintMachine.can(status, action);

/** What a resident's rating does: reopen (first 不满意), or close as rated. */
export const ratingAction = (rating: Rating, reopened: number): 'reopen' | 'rate' =>
  rating === 'unsatisfied' && reopened < MAX_REOPENS ? 'reopen' : 'rate';

/** 未办结: received, assigned or in progress (the machine's `open` set). */
export const isOpen = (status: ComplaintStatus): boolean => complaintMachine.is('open', status);

// ---- Ticket numbers and query codes ----
