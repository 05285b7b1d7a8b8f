import type { Community } from '../features/core/model.js';
import type { Complaint } from '../features/complaints/views.js';
import type { ComplaintStatus } from '../features/complaints/machine.js';
import type { Page } from '../domain/paging.js';
import type { Wish, WishStatus } from '../features/wishes/model.js';
import type { Session, StaffAccount } from '../features/core/auth-model.js';

export interface CommunityRepository {
  get(id: string): Promise<Community | undefined>;
  /** Sorted by id. */
  list(): Promise<Community[]>;
  /** Inserts or replaces. */
  put(community: Community): Promise<void>;
}

export interface StaffRepository {
  get(id: string): Promise<StaffAccount | undefined>;
  /** `username` as stored (lower case). */
  getByUsername(username: string): Promise<StaffAccount | undefined>;
  /** The accounts of one community, sorted by username. */
  listByCommunity(community: string): Promise<StaffAccount[]>;
  /**
   * Inserts or replaces by id. Throws `DomainError('conflict')` with the field error
   * `username` / `username.taken` when another account already has the username.
   */
  put(account: StaffAccount): Promise<void>;
}

export interface SessionRepository {
  get(id: string): Promise<Session | undefined>;
  put(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /** Removes sessions whose `expiresAt` is at or before `now` (ISO); returns how many. */
  deleteExpired(now: string): Promise<number>;
}

/** Which complaints a staff list shows; newest first (receivedAt, then id, descending). */
export interface ComplaintFilter {
  community: string;
  status?: ComplaintStatus | undefined;
  category?: string | undefined;
  /** The location's grid. */
  grid?: string | undefined;
  /**
   * `value: true`: open (received/assigned/in_progress) and due before `today` (a Shanghai civil
   * date); `false`: all others. The rule is `isOverdue` in src/features/complaints/model.ts.
   */
  overdue?: { value: boolean; today: string } | undefined;
  limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

export interface ComplaintRepository {
  /** Inside a transaction, the row is locked until it ends (SQL: FOR UPDATE). */
  get(id: string): Promise<Complaint | undefined>;
  /** Locks like `get`. */
  getByTicket(ticket: string): Promise<Complaint | undefined>;
  /** Inserts or replaces by id. Tickets are unique: another case's ticket → `conflict`. */
  put(complaint: Complaint): Promise<void>;
  list(filter: ComplaintFilter): Promise<Page<Complaint>>;
  /** A community's cases received in [from, to) (ISO instants), oldest first (metrics). */
  listReceived(community: string, from: string, to: string): Promise<Complaint[]>;
  /** Whether a case of `community` has the upload `uploadId` among its photos. */
  hasPhoto(community: string, uploadId: string): Promise<boolean>;
}

/** Named sequences (ticket numbers per year). */
export interface CounterRepository {
  /**
   * Adds one to counter `name` (created at 0) and returns the new value, atomically: two
   * concurrent calls never get the same number. Inside a transaction it is rolled back with it.
   */
  next(name: string): Promise<number>;
}

/** An uploaded file's record. `blob` only where the store keeps the bytes itself (embedded). */
export interface UploadRecord {
  id: string;
  type: string;
  size: number;
  createdAt: string;
  blob?: Blob;
}

export interface UploadRepository {
  get(id: string): Promise<UploadRecord | undefined>;
  /** Inserts (ids are fresh); stores without byte storage ignore `blob`. */
  put(record: UploadRecord): Promise<void>;
}

/** Which wishes a list shows; newest first (createdAt, then id, descending). */
export interface WishFilter {
  community: string;
  /** Any of these; absent: every status. */
  statuses?: readonly WishStatus[] | undefined;
  category?: string | undefined;
  grid?: string | undefined;
  limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

export interface WishRepository {
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

/**
 * What services need from storage. Implementations: memory (+ IndexedDB in the browser) in
 * src/stores/memory.ts and SQL (PGlite / PostgreSQL) for the server; all pass
 * test/stores/conformance.ts. Values returned are copies: changing them changes nothing stored.
 */
export interface Store {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  readonly complaints: ComplaintRepository;
  readonly counters: CounterRepository;
  readonly uploads: UploadRepository;
  readonly wishes: WishRepository;
  /**
   * Runs `fn` atomically: all its writes or none, and no other transaction interleaves with
   * it on the rows it touches (SQL: one transaction, rows read inside it are locked; memory:
   * one lock). Capacity and exclusivity rules are checked inside one call. Nested calls join
   * the outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
