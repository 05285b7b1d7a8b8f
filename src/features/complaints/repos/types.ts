import type { Complaint } from '../views.js';
import type { ComplaintStatus } from '../machine.js';
import type { Page } from '../../../domain/paging.js';
import type { ReadOptions } from '../../core/repos/types.js';
import type { RetainingRepository } from '../../../services/store.js';

/** Which complaints a staff list shows; newest first (receivedAt, then id, descending). */
export interface ComplaintFilter {
  community: string;
  status?: ComplaintStatus | undefined;
  category?: string | undefined;
  /** The location's grid. */
  grid?: string | undefined;
  /**
   * `value: true`: open (received/assigned/in_progress) and due before `today` (a Shanghai civil
   * date); `false`: all others. The rule is `isOverdue` in src/features/complaints/rules.ts.
   */
  overdue?: { value: boolean; today: string } | undefined;
  limit: number;
  /** Opaque, from the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

/** Cases keep residents' data until the retention job anonymises them (`anonymiseEnded`). */
export interface ComplaintRepository extends RetainingRepository {
  /** `lock`: inside a transaction, the row stays locked until it ends (a staff action). */
  get(id: string, options?: ReadOptions): Promise<Complaint | undefined>;
  /** `lock` as for `get` (a resident's rating). */
  getByTicket(ticket: string, options?: ReadOptions): Promise<Complaint | undefined>;
  /** Inserts or replaces by id. Tickets are unique: another case's ticket → `conflict`. */
  put(complaint: Complaint): Promise<void>;
  list(filter: ComplaintFilter): Promise<Page<Complaint>>;
  /** A community's cases received in [from, to) (ISO instants), oldest first. */
  listReceived(community: string, from: string, to: string): Promise<Complaint[]>;
  /**
   * The 三率's counts per category of the cases received in the period, counted where the
   * cases are (SQL: one GROUP BY), in no particular order; categories without cases are absent.
   */
  tally(query: ComplaintTallyQuery): Promise<ComplaintTally[]>;
  /** Whether a case of `community` has the upload `uploadId` among its photos. */
  hasPhoto(community: string, uploadId: string): Promise<boolean>;
}

/** What the 三率 count, for the cases received in a period (ComplaintRepository.tally). */
export interface ComplaintTallyQuery {
  community: string;
  /** Received in [from, to) (ISO instants). */
  from: string;
  to: string;
  /** Overdue as of this Shanghai date (open and due before it: `isOverdue`). */
  today: string;
  /**
   * For the Shanghai dates of receipt `firstDay`, `firstDay`+1…: the date from which a first
   * response is late (`firstResponseLateFrom` in ../rules.ts), one per day of the period.
   */
  firstDay: string;
  responseLateFrom: readonly string[];
}

/** One category's counts (the rates are computed from them). */
export interface ComplaintTally {
  category: string;
  total: number;
  respondedInTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  overdue: number;
}

/** Named sequences (ticket numbers per year). */
export interface CounterRepository {
  /**
   * The next value of counter `name` (the first is 1): two concurrent calls, on any instance,
   * never get the same number, and neither waits for the other's transaction. Values may be
   * skipped: in the SQL store a number drawn in a transaction that rolls back is not reused
   * (a sequence), and each instance draws a few at a time, so numbers increase per instance
   * and a stopped instance leaves the rest of its block unused; the memory store rolls a
   * number back with its transaction.
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
  /**
   * Deletes the records of up to `limit` uploads made before `before` (ISO) that no complaint's
   * photos, no wish's fulfilment photo and no 红黑榜 entry's evidence refer to, and returns
   * their ids: the caller deletes their bytes. Anyone may upload, so what is never attached
   * must not stay.
   */
  deleteOrphans(before: string, limit: number): Promise<string[]>;
}

/** The complaints feature's repositories in a Store. */
export interface ComplaintRepositories {
  readonly complaints: ComplaintRepository;
  readonly counters: CounterRepository;
  readonly uploads: UploadRepository;
}
