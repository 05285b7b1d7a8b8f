import type { Complaint } from '../views.js';
import type { ComplaintStatus } from '../machine.js';
import type { Page } from '../../../domain/paging.js';
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
  /**
   * Deletes the records of up to `limit` uploads made before `before` (ISO) that no complaint's
   * photos and no wish's fulfilment photo refer to, and returns their ids: the caller deletes
   * their bytes. Anyone may upload, so what is never attached must not stay.
   */
  deleteOrphans(before: string, limit: number): Promise<string[]>;
}

/** The complaints feature's repositories in a Store. */
export interface ComplaintRepositories {
  readonly complaints: ComplaintRepository;
  readonly counters: CounterRepository;
  readonly uploads: UploadRepository;
}
