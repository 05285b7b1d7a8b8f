import type { Community } from '../domain/index.js';
import type { Session, StaffAccount } from './auth-schemas.js';

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

/**
 * What services need from storage. Implementations: memory (+ IndexedDB in the browser) in
 * src/stores/memory.ts and SQL (PGlite / PostgreSQL) for the server; all pass
 * test/stores/conformance.ts. Values returned are copies: changing them changes nothing stored.
 */
export interface Store {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  /**
   * Runs `fn` atomically: all its writes or none, and no other transaction interleaves with
   * it on the rows it touches (SQL: one transaction, rows read inside it are locked; memory:
   * one lock). Capacity and exclusivity rules are checked inside one call. Nested calls join
   * the outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
