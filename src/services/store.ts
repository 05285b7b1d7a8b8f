import type { CoreRepositories } from '../features/core/repos/types.js';
import type { ComplaintRepositories } from '../features/complaints/repos/types.js';
import type { WishRepositories } from '../features/wishes/repos/types.js';
import type { BookingRepositories } from '../features/booking/repos/types.js';
import type { CalendarRepositories } from '../features/calendar/repos/types.js';
import type { RedblackRepositories } from '../features/redblack/repos/types.js';
import type { Placement, SeatEntry, SlotUsage } from '../domain/capacity.js';

export type * from '../features/core/repos/types.js';
export type * from '../features/complaints/repos/types.js';
export type * from '../features/wishes/repos/types.js';
export type * from '../features/booking/repos/types.js';
export type * from '../features/calendar/repos/types.js';
export type * from '../features/redblack/repos/types.js';

/**
 * What services need from storage: every feature's repositories (their interfaces in
 * src/features/<feature>/repos/types.ts) and transactions. Implementations: the memory store
 * (+ IndexedDB in the browser) and the SQL store (PGlite / PostgreSQL), both composed from
 * the features' repositories in src/stores; all pass test/stores/conformance.ts. Values
 * returned are copies: changing them changes nothing stored.
 */
export interface Store
  extends
    CoreRepositories,
    ComplaintRepositories,
    WishRepositories,
    BookingRepositories,
    CalendarRepositories,
    RedblackRepositories {
  /**
   * Runs `fn` atomically: all its writes or none, and no other transaction interleaves with
   * it on the rows it locks (SQL: one transaction, where the reads a rule decides on ask for
   * their row's lock with `{ lock: true }` and no other read locks; memory: one lock).
   * Capacity and exclusivity rules are checked inside one call. Nested calls join the outer
   * transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A Store's repositories, without its transactions. */
export type StoreRepositories = Omit<Store, 'transaction' | 'close'>;

/**
 * One batch of the retention job (src/services/retention.ts) over one repository: items of
 * `community` that ended (the feature machine's `ended` set) before `endedBefore` lose their
 * personal data; items never ended are kept.
 */
export interface RetentionBatch {
  community: string;
  /** ISO instant: the community's `retentionDays` before now. */
  endedBefore: string;
  /** When (ISO): stored as the items' `anonymisedAt`. */
  at: string;
  /** Candidates looked at in this batch, oldest first. */
  limit: number;
  /** Where the previous batch stopped (its `next`). */
  after?: { at: string; id: string } | undefined;
  /** Find what would be anonymised, change nothing. */
  dryRun?: boolean | undefined;
}

export interface RetentionBatchResult {
  /** Ids of the items anonymised now (in a dry run: that would be). */
  anonymised: string[];
  /**
   * Upload ids those items referred to and no longer do: unreferenced now, so the orphan pass
   * (`uploads.deleteOrphans`) deletes their records and the caller their bytes.
   */
  photos: string[];
  /** More candidates may follow: pass this as the next batch's `after`. */
  next?: { at: string; id: string };
}

/**
 * A repository whose items hold residents' personal data, kept until the item has ended and
 * its community's retention period has passed. Listed in `storeFeatures` (`retained`).
 */
export interface RetainingRepository {
  /**
   * Anonymises up to `limit` candidates (not anonymised yet, ended, started before
   * `endedBefore`, after `after`), oldest first, and marks them `anonymisedAt`. Idempotent.
   * Call it inside a transaction: SQL locks the rows it takes and skips rows other
   * transactions hold (FOR UPDATE SKIP LOCKED), so instances running it at once share the work
   * and never wait on residents' requests.
   */
  anonymiseEnded(batch: RetentionBatch): Promise<RetentionBatchResult>;
}

/** What `CapacityRepository.take` gave: the entry's place, and who a grown capacity promoted. */
export interface TakeResult {
  placement: Placement;
  /** Waiting entries promoted first because the slot's capacity grew (FIFO). */
  promoted: string[];
}

/**
 * Seats of slots and their FIFO waitlists (src/domain/capacity.ts), one pool per feature
 * (`bookingSeats`; activities' registration reuses it). Every write locks its slot's row first
 * (SQL: the slot's row, FOR UPDATE; memory: the store's one lock) and applies the rule in the
 * same transaction, so concurrent takes never exceed a slot and a freed seat promotes exactly
 * once. Callers lock slots before the items the slots hold (bookings), never the other way.
 */
export interface CapacityRepository {
  /**
   * Takes `entry.party` seats of `slot` if they fit, else puts the entry at the end of the
   * line. A new slot is made with `capacity` seats; an existing one takes `capacity` (if it
   * grew, waiting entries that now fit are promoted first). An id already in the slot →
   * `conflict`.
   */
  take(slot: string, capacity: number, entry: { id: string; party: number }): Promise<TakeResult>;
  /**
   * Removes an entry (cancelled) and promotes, FIFO, the waiting entries that now fit; returns
   * their ids. An entry not in the slot: nothing changes, [].
   */
  release(slot: string, id: string): Promise<string[]>;
  /** Makes an entry's party `party` (smaller: a grown party is the caller's to refuse); promotes as release. */
  resize(slot: string, id: string, party: number): Promise<string[]>;
  /** The slot is cancelled: every entry removed, capacity 0. Returns the ids removed. */
  close(slot: string): Promise<string[]>;
  /** A slot's entries in arrival order, waiting ones with their place in line. Never locks. */
  entries(slot: string): Promise<(SeatEntry & { position?: number })[]>;
  /** Usage of each slot that has one (slots nobody took yet are absent). Never locks. */
  usage(slots: readonly string[]): Promise<Record<string, SlotUsage>>;
}
