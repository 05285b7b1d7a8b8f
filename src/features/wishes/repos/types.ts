import type { Page } from '../../../domain/paging.js';
import type { Wish, WishStatus } from '../model.js';
import type { ReadOptions } from '../../core/repos/types.js';
import type { RetainingRepository } from '../../../services/store.js';

/** Which wishes a list shows; newest first (createdAt, then id, descending). */
export interface WishFilter {
  community: string;
  /** Any of these; absent: every status. */
  statuses?: readonly WishStatus[] | undefined;
  category?: string | undefined;
  grid?: string | undefined;
  /**
   * Statuses as of this instant (ISO): a claim whose hold ended reads as released, whether or
   * not the release was written yet (`statusAsOf` in ../machine.ts). Absent: stored statuses.
   */
  now?: string | undefined;
  /** Leave out wishes the retention job anonymised (the wall: they have left it). */
  live?: boolean | undefined;
  limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

/** Wishes keep residents' data until the retention job anonymises them (`anonymiseEnded`). */
export interface WishRepository extends RetainingRepository {
  /** `lock`: inside a transaction, the row stays locked until it ends (a claim, an action). */
  get(id: string, options?: ReadOptions): Promise<Wish | undefined>;
  /** By the hash of the wisher's code (`hashWishCode('wish', …)`); `lock` as for `get`. */
  getByCode(codeHash: string, options?: ReadOptions): Promise<Wish | undefined>;
  /** By the hash of the current claim's code (`hashWishCode('claim', …)`); `lock` as for `get`. */
  getByClaimCode(codeHash: string, options?: ReadOptions): Promise<Wish | undefined>;
  /** Inserts or replaces by id. A code hash another wish has → `conflict`. */
  put(wish: Wish): Promise<void>;
  list(filter: WishFilter): Promise<Page<Wish>>;
  /**
   * Claimed wishes of `community` whose hold ended at or before `now`, oldest first; `lock` as
   * for `get` (the maintenance sweep releases them).
   */
  listExpiredClaims(community: string, now: string, options?: ReadOptions): Promise<Wish[]>;
  /**
   * Wishes of `community` created before `to` whose last event is at or after `from` (ISO
   * instants): every wish with an event in [from, to). Oldest first (counts).
   */
  listActive(community: string, from: string, to: string): Promise<Wish[]>;
  /**
   * The counts of the wishes of `community` with an event in [from, to) (ISO instants), counted
   * where the wishes are (SQL: one aggregate over their histories).
   */
  tally(community: string, from: string, to: string): Promise<WishTally>;
}

/** The counts of wishes' events in a period (WishRepository.tally). */
export interface WishTally {
  /** Wishes posted in the period. */
  posted: number;
  /** Wishes with a claim in the period (a wish claimed twice counts once). */
  claimed: number;
  /** Wishes fulfilled in the period. */
  fulfilled: number;
  /** The median of days from posting to fulfilment of those fulfilled in it; null if none. */
  medianDaysToFulfil: number | null;
}

/** The wishes feature's repositories in a Store. */
export interface WishRepositories {
  readonly wishes: WishRepository;
}
