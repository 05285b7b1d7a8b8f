// The wish state machine: plain data and functions, no schemas (stores and the review use it).
import { defineMachine, NEW, type Transitions } from '../../domain/machine.js';

/**
 * 微心愿: 群众点单 (post) → staff 核实 (review) → 社会领单 (claim) → 完成 (fulfil) → 群众评单 (thank).
 */
export const wishStatuses = [
  'pending_review', // 待核实
  'open', // 待认领 (published)
  'claimed', // 已认领
  'fulfilled', // 已完成
  'thanked', // 已评价
  'rejected', // 已驳回 (reason shown to the wisher only)
  'withdrawn', // 已撤回
] as const;
export type WishStatus = (typeof wishStatuses)[number];

export const wishActions = [
  'submit',
  'approve',
  'reject',
  'withdraw',
  'claim', // 认领
  'release', // hold expired, or staff released it
  'fulfil',
  'thank',
] as const;
export type WishAction = (typeof wishActions)[number];

/** Statuses shown on the public wall (心愿墙): approved, and not withdrawn. */
export const publicWishStatuses = ['open', 'claimed', 'fulfilled', 'thanked'] as const;

/**
 * The wall's order, group by group (each newest first): people come to claim, so 待认领 first,
 * then 已认领 (in progress), then 已完成/已评价. Every public status is in exactly one group.
 */
export const wallOrder = [
  ['open'],
  ['claimed'],
  ['fulfilled', 'thanked'],
] as const satisfies readonly (readonly (typeof publicWishStatuses)[number][])[];

/** The one table of transitions: for each action, from → to. */
export const wishMachine = defineMachine({
  statuses: wishStatuses,
  transitions: {
    submit: { [NEW]: 'pending_review' },
    approve: { pending_review: 'open' },
    reject: { pending_review: 'rejected' },
    withdraw: { pending_review: 'withdrawn', open: 'withdrawn' },
    claim: { open: 'claimed' },
    release: { claimed: 'open' },
    fulfil: { claimed: 'fulfilled' },
    thank: { fulfilled: 'thanked' },
  } satisfies Transitions<WishStatus, WishAction>,
  sets: { public: publicWishStatuses },
});

/** The status after `action`, or undefined when not allowed. */
export const nextWishStatus = (status: WishStatus | undefined, action: WishAction) =>
  wishMachine.target(status, action);

export const isPublicWish = (status: WishStatus): boolean => wishMachine.is('public', status);

/**
 * Whether a claim's hold has passed unfulfilled at `now` (ms): the status is one a claim can be
 * released from and the hold ended at or before now. Such a wish is back on the wall (the
 * release's target) for every read, before any write records the release.
 */
export const holdEnded = (status: WishStatus, holdUntil: string | undefined, now: number) =>
  wishMachine.can(status, 'release') && holdUntil !== undefined && Date.parse(holdUntil) <= now;

/** The status a read shows: a claim whose hold ended reads as released. */
export const statusAsOf = (status: WishStatus, holdUntil: string | undefined, now: number) =>
  holdEnded(status, holdUntil, now) ? (wishMachine.target(status, 'release') ?? status) : status;
