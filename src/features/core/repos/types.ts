import type { Community } from '../model.js';
import type { Session, StaffAccount } from '../auth-model.js';

/**
 * For the reads a rule needs (read, check, write): `{ lock: true }` inside a transaction keeps
 * the row locked until it ends (SQL: SELECT … FOR UPDATE; the memory store has one lock
 * anyway). Reads without it never lock, inside a transaction or not: only the rows a rule
 * decides on are locked (docs/server.md, Locking model).
 */
export interface ReadOptions {
  lock?: boolean | undefined;
}

/** Communities are read by every public operation and never locked. */
export interface CommunityRepository {
  /**
   * `recent`: a copy a few seconds old will do (a public submission checks its input against
   * it; the SQL store keeps one per instance). Never for a read-modify-write. Treat as read-only.
   */
  get(id: string, options?: { recent?: boolean }): Promise<Community | undefined>;
  /** Sorted by id. */
  list(): Promise<Community[]>;
  /** Inserts or replaces. */
  put(community: Community): Promise<void>;
}

export interface StaffRepository {
  /** `lock`: for a change of the account that depends on what was read (password, disabled). */
  get(id: string, options?: ReadOptions): Promise<StaffAccount | undefined>;
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

/** The core's repositories in a Store. */
export interface CoreRepositories {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
}
