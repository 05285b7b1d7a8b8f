import type { Community } from '../model.js';
import type { Session, StaffAccount } from '../auth-model.js';

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

/** The core's repositories in a Store. */
export interface CoreRepositories {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
}
