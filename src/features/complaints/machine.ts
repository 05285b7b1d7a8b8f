// The complaint state machine: plain data and functions, no schemas, so stores and small
// pages can use it without loading zod.

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

/** Statuses from which each action may be taken: the one table of legal transitions. */
const allowedFrom: Record<Exclude<ComplaintAction, 'submit'>, readonly ComplaintStatus[]> = {
  assign: ['received', 'assigned', 'in_progress'],
  start: ['assigned'],
  reply: ['received', 'assigned', 'in_progress', 'resolved'],
  note: ['received', 'assigned', 'in_progress', 'resolved', 'rated', 'returned', 'transferred'],
  resolve: ['in_progress'],
  return: ['received', 'assigned'],
  transfer: ['received', 'assigned', 'in_progress'],
  extend: ['received', 'assigned', 'in_progress'],
  rate: ['resolved'],
  reopen: ['resolved'],
};

/** Where an action leads; undefined = the status stays. */
const leadsTo: Partial<Record<ComplaintAction, ComplaintStatus>> = {
  submit: 'received',
  start: 'in_progress',
  resolve: 'resolved',
  return: 'returned',
  transfer: 'transferred',
  rate: 'rated',
  reopen: 'in_progress',
};

/** A resolved case may be reopened by 不满意 once; the second 不满意 closes it as rated. */
export const MAX_REOPENS = 1;

/**
 * The status after `action`, or undefined when the action is not allowed from `status`.
 * Assigning keeps 处理中 cases in progress and moves 已受理 ones to 已分派.
 */
export function nextStatus(
  status: ComplaintStatus | undefined,
  action: ComplaintAction,
): ComplaintStatus | undefined {
  if (action === 'submit') return status === undefined ? 'received' : undefined;
  if (status === undefined || !allowedFrom[action].includes(status)) return undefined;
  if (action === 'assign') return status === 'in_progress' ? 'in_progress' : 'assigned';
  return leadsTo[action] ?? status;
}

export const canTake = (status: ComplaintStatus, action: ComplaintAction): boolean =>
  nextStatus(status, action) !== undefined;

/** What a resident's rating does: reopen (first 不满意), or close as rated. */
export const ratingAction = (rating: Rating, reopened: number): 'reopen' | 'rate' =>
  rating === 'unsatisfied' && reopened < MAX_REOPENS ? 'reopen' : 'rate';

export const isOpen = (status: ComplaintStatus): boolean =>
  status === 'received' || status === 'assigned' || status === 'in_progress';

// ---- Ticket numbers and query codes ----
