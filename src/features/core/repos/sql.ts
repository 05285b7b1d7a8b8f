// The core's repositories in the SQL store: communities, staff, sessions (migration 1).
import type { Community } from '../model.js';
import type { Session, StaffAccount } from '../auth-model.js';
import { DomainError } from '../../../domain/errors.js';
import {
  count,
  forUpdate,
  json,
  sqlState,
  type ReadOptions,
  type SqlCore,
} from '../../../stores/sql/core.js';
import type { Migration } from '../../../stores/sql/migrate.js';
import type {
  CommunityRepository,
  CoreRepositories,
  SessionRepository,
  StaffRepository,
} from './types.js';

/**
 * How old a community read with `{ recent: true }` may be. Why a copy is enough: communities
 * are never locked (docs/server.md, Locking model), so a submission's checks against its
 * categories, questions, places and SLA already race with an admin's edit landing between
 * the read and the insert; a copy up to this old widens that window only, as if the
 * submission had come those seconds earlier. An instance drops its copy when it writes the
 * community; other instances' edits (and a read racing with a commit) show after this long.
 */
const RECENT_MS = 5_000;
/** Per store: id → the community and when it was read. Only found ones (a bad id costs nothing). */
const recentCommunities = new WeakMap<object, Map<string, { at: number; community: Community }>>();

class SqlCommunities implements CommunityRepository {
  private readonly recent: Map<string, { at: number; community: Community }>;
  constructor(private readonly x: SqlCore) {
    let kept = recentCommunities.get(x.kept);
    if (!kept) recentCommunities.set(x.kept, (kept = new Map()));
    this.recent = kept;
  }
  async get(id: string, options?: { recent?: boolean }) {
    if (id.includes('\u0000')) return undefined;
    const now = Date.now();
    const copy = options?.recent ? this.recent.get(id) : undefined;
    if (copy && now - copy.at < RECENT_MS) return copy.community;
    const rows = await this.x.db.query<{ data: Community }>(
      `SELECT data FROM ${this.x.s}.communities WHERE id = $1`,
      [id],
    );
    const community = rows[0]?.data;
    if (community && options?.recent) {
      if (this.recent.size >= 1000) this.recent.clear();
      this.recent.set(id, { at: now, community });
    }
    return community;
  }
  async list() {
    const rows = await this.x.db.query<{ data: Community }>(
      `SELECT data FROM ${this.x.s}.communities ORDER BY id COLLATE "C"`,
    );
    return rows.map((row) => row.data);
  }
  async put(community: Community) {
    this.recent.delete(community.id);
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.communities (id, data, updated_at) VALUES ($1, $2::text::json, now())
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [community.id, json(community)],
    );
    this.recent.delete(community.id);
  }
}

const usernameTaken = () =>
  new DomainError('conflict', 'username taken', [{ path: 'username', key: 'username.taken' }]);

class SqlStaff implements StaffRepository {
  constructor(private readonly x: SqlCore) {}
  async get(id: string, options?: ReadOptions) {
    if (id.includes('\u0000')) return undefined;
    const lock = forUpdate(options);
    const rows = await this.x.db.query<{ data: StaffAccount }>(
      `SELECT data FROM ${this.x.s}.staff WHERE id = $1${lock}`,
      [id],
    );
    return rows[0]?.data;
  }
  async getByUsername(username: string) {
    // PostgreSQL text cannot hold NUL, so no stored username has one: not found, not an error.
    if (username.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{ data: StaffAccount }>(
      `SELECT data FROM ${this.x.s}.staff WHERE username = $1`,
      [username],
    );
    return rows[0]?.data;
  }
  async listByCommunity(community: string) {
    const rows = await this.x.db.query<{ data: StaffAccount }>(
      `SELECT data FROM ${this.x.s}.staff WHERE community = $1 ORDER BY username COLLATE "C"`,
      [community],
    );
    return rows.map((row) => row.data);
  }
  async put(account: StaffAccount) {
    const holder = await this.x.db.query<{ id: string }>(
      `SELECT id FROM ${this.x.s}.staff WHERE username = $1 AND id <> $2`,
      [account.username, account.id],
    );
    if (holder.length) throw usernameTaken();
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.staff (id, username, community, data) VALUES ($1, $2, $3, $4::text::json)
         ON CONFLICT (id) DO UPDATE SET username = excluded.username,
           community = excluded.community, data = excluded.data`,
        [account.id, account.username, account.community, json(account)],
      );
    } catch (error) {
      // Two creations raced past the check above: the unique constraint decides.
      if (sqlState(error) === '23505') throw usernameTaken();
      throw error;
    }
  }
}

class SqlSessions implements SessionRepository {
  constructor(private readonly x: SqlCore) {}
  async get(id: string) {
    if (id.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{ data: Session }>(
      `SELECT data FROM ${this.x.s}.sessions WHERE id = $1`,
      [id],
    );
    return rows[0]?.data;
  }
  async put(session: Session) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.sessions (id, staff_id, expires_at, data)
       VALUES ($1, $2, $3::timestamptz, $4::text::json)
       ON CONFLICT (id) DO UPDATE SET staff_id = excluded.staff_id,
         expires_at = excluded.expires_at, data = excluded.data`,
      [session.id, session.staffId, session.expiresAt, json(session)],
    );
  }
  async delete(id: string) {
    await this.x.db.query(`DELETE FROM ${this.x.s}.sessions WHERE id = $1`, [id]);
  }
  async deleteExpired(now: string) {
    return count(
      this.x,
      `DELETE FROM ${this.x.s}.sessions WHERE expires_at <= $1::timestamptz RETURNING 1`,
      [now],
    );
  }
}

export const coreSqlRepositories = (x: SqlCore): CoreRepositories => ({
  communities: new SqlCommunities(x),
  staff: new SqlStaff(x),
  sessions: new SqlSessions(x),
});

/** Never edit a shipped migration: add the next version (docs/architecture.md, Stores). */
export const coreMigrations: Migration[] = [
  {
    version: 1,
    name: 'communities, staff, sessions',
    sql: `
      CREATE TABLE {s}.communities (
        id text PRIMARY KEY,
        data json NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE {s}.staff (
        id text PRIMARY KEY,
        username text NOT NULL,
        community text NOT NULL,
        data json NOT NULL,
        CONSTRAINT staff_username_unique UNIQUE (username)
      );
      CREATE INDEX staff_by_community ON {s}.staff (community, username);
      CREATE TABLE {s}.sessions (
        id text PRIMARY KEY,
        staff_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON {s}.sessions (expires_at);
    `,
  },
];
