import type { Page } from '../../../domain/paging.js';
import type { Wish, WishStatus } from '../model.js';
import type { RetainingRepository } from '../../../services/store.js';

/** Which wishes a list shows; newest first (createdAt, then id, descending). */
export interface WishFilter {
  community: string;
  /** Any of these; absent: every status. */
  statuses?: readonly WishStatus[] | undefined;
  category?: string | undefined;
  grid?: string | undefined;
  /** Leave out wishes the retention job anonymised (the wall: they have left it). */
  live?: boolean | undefined;
  limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

/** Wishes keep residents' data until the retention job anonymises them (`anonymiseEnded`). */
export interface WishRepository extends RetainingRepository {
  /** Inside a transaction, the row is locked until it ends (SQL: FOR UPDATE). */
  get(id: string): Promise<Wish | undefined>;
  /** By the hash of the wisher's code (`hashWishCode('wish', …)`); locks like `get`. */
  getByCode(codeHash: string): Promise<Wish | undefined>;
  /** By the hash of the current claim's code (`hashWishCode('claim', …)`); locks like `get`. */
  getByClaimCode(codeHash: string): Promise<Wish | undefined>;
  /** Inserts or replaces by id. A code hash another wish has → `conflict`. */
  put(wish: Wish): Promise<void>;
  list(filter: WishFilter): Promise<Page<Wish>>;
  /** Claimed wishes of `community` whose hold ended at or before `now`; locks like `get`. */
  listExpiredClaims(community: string, now: string): Promise<Wish[]>;
  /**
   * Wishes of `community` created before `to` whose last event is at or after `from` (ISO
   * instants): every wish with an event in [from, to). Oldest first (counts).
   */
  listActive(community: string, from: string, to: string): Promise<Wish[]>;
}

/** The wishes feature's repositories in a Store. */
export interface WishRepositories {
  readonly wishes: WishRepository;
}
