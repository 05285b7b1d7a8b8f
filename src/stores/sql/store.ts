import { DomainError, type Community } from '../../domain/index.js';
import type { Session, StaffAccount } from '../../services/auth-schemas.js';
import type {
  CommunityRepository,
  SessionRepository,
  StaffRepository,
} from '../../services/store.js';
import type {
  IdempotencyRepository,
  RateLimitRepository,
  ServerStore,
  SettingsRepository,
} from '../../server/state.js';
import { quoteSchema, sqlState, type SqlDriver, type SqlQueryable } from './driver.js';

/** Where repositories run: the pool/instance outside a transaction, one connection inside. */
interface Scope {
  db: SqlQueryable;
  /** Quoted schema. */
  s: string;
  /** Inside `transaction()`: reads lock the rows they return (SELECT … FOR UPDATE). */
  inTx: boolean;
}

const json = (value: unknown) => JSON.stringify(value);

class SqlCommunities implements CommunityRepository {
  constructor(private readonly x: Scope) {}
  async get(id: string) {
    if (id.includes('\u0000')) return undefined;
    const lock = this.x.inTx ? ' FOR UPDATE' : '';
    const rows = await this.x.db.query<{ data: Community }>(
      `SELECT data FROM ${this.x.s}.communities WHERE id = $1${lock}`,
      [id],
    );
    return rows[0]?.data;
  }
  async list() {
    const rows = await this.x.db.query<{ data: Community }>(
      `SELECT data FROM ${this.x.s}.communities ORDER BY id COLLATE "C"`,
    );
    return rows.map((row) => row.data);
  }
  async put(community: Community) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.communities (id, data, updated_at) VALUES ($1, $2::text::json, now())
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [community.id, json(community)],
    );
  }
}

const usernameTaken = () =>
  new DomainError('conflict', 'username taken', [{ path: 'username', key: 'username.taken' }]);

class SqlStaff implements StaffRepository {
  constructor(private readonly x: Scope) {}
  async get(id: string) {
    if (id.includes('\u0000')) return undefined;
    const lock = this.x.inTx ? ' FOR UPDATE' : '';
    const rows = await this.x.db.query<{ data: StaffAccount }>(
      `SELECT data FROM ${this.x.s}.staff WHERE id = $1${lock}`,
      [id],
    );
    return rows[0]?.data;
  }
  async getByUsername(username: string) {
    // PostgreSQL text cannot hold NUL, so no stored username has one: not found, not an error.
    if (username.includes('\u0000')) return undefined;
    const lock = this.x.inTx ? ' FOR UPDATE' : '';
    const rows = await this.x.db.query<{ data: StaffAccount }>(
      `SELECT data FROM ${this.x.s}.staff WHERE username = $1${lock}`,
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
  constructor(private readonly x: Scope) {}
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

async function count(x: Scope, deleteReturning: string, params: unknown[]): Promise<number> {
  const rows = await x.db.query<{ n: number }>(
    `WITH d AS (${deleteReturning}) SELECT count(*)::int AS n FROM d`,
    params,
  );
  return rows[0]?.n ?? 0;
}

interface IdempotencyRow {
  fingerprint: string;
  state: 'in_flight' | 'done';
  status: number | null;
  content_type: string | null;
  body: string | null;
}

class SqlIdempotency implements IdempotencyRepository {
  constructor(private readonly x: Scope) {}
  async begin(r: { scope: string; key: string; fingerprint: string; now: string; lockMs: number }) {
    const { s, db } = this.x;
    const lockedUntil = new Date(Date.parse(r.now) + r.lockMs).toISOString();
    // Two rounds at most: a record deleted (released) between our insert and select.
    for (let round = 0; round < 2; round++) {
      const inserted = await db.query(
        `INSERT INTO ${s}.idempotency (scope, key, fingerprint, state, created_at, locked_until)
         VALUES ($1, $2, $3, 'in_flight', $4::timestamptz, $5::timestamptz)
         ON CONFLICT (scope, key) DO NOTHING RETURNING 1 AS ok`,
        [r.scope, r.key, r.fingerprint, r.now, lockedUntil],
      );
      if (inserted.length) return { state: 'started' } as const;
      const [row] = await db.query<IdempotencyRow>(
        `SELECT fingerprint, state, status, content_type, body FROM ${s}.idempotency
         WHERE scope = $1 AND key = $2`,
        [r.scope, r.key],
      );
      if (!row) continue;
      if (row.fingerprint !== r.fingerprint) return { state: 'mismatch' } as const;
      if (row.state === 'done') {
        return {
          state: 'done',
          response: {
            status: row.status ?? 200,
            contentType: row.content_type ?? 'application/json',
            body: row.body ?? '',
          },
        } as const;
      }
      const taken = await db.query(
        `UPDATE ${s}.idempotency SET locked_until = $3::timestamptz
         WHERE scope = $1 AND key = $2 AND state = 'in_flight' AND locked_until < $4::timestamptz
         RETURNING 1 AS ok`,
        [r.scope, r.key, lockedUntil, r.now],
      );
      return taken.length ? ({ state: 'started' } as const) : ({ state: 'in_flight' } as const);
    }
    return { state: 'in_flight' } as const;
  }
  async complete(
    scope: string,
    key: string,
    response: { status: number; contentType: string; body: string },
  ) {
    await this.x.db.query(
      `UPDATE ${this.x.s}.idempotency SET state = 'done', status = $3, content_type = $4,
         body = $5, locked_until = NULL
       WHERE scope = $1 AND key = $2`,
      [scope, key, response.status, response.contentType, response.body],
    );
  }
  async release(scope: string, key: string) {
    await this.x.db.query(
      `DELETE FROM ${this.x.s}.idempotency WHERE scope = $1 AND key = $2 AND state = 'in_flight'`,
      [scope, key],
    );
  }
  async purge(before: string) {
    return count(
      this.x,
      `DELETE FROM ${this.x.s}.idempotency WHERE created_at < $1::timestamptz RETURNING 1`,
      [before],
    );
  }
}

class SqlRateLimits implements RateLimitRepository {
  constructor(private readonly x: Scope) {}
  async hit(key: string, windowStart: string) {
    const rows = await this.x.db.query<{ count: number }>(
      `INSERT INTO ${this.x.s}.rate_limits (key, window_start, count) VALUES ($1, $2::timestamptz, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = ${this.x.s}.rate_limits.count + 1
       RETURNING count`,
      [key, windowStart],
    );
    return Number(rows[0]?.count ?? 1);
  }
  async purge(before: string) {
    return count(
      this.x,
      `DELETE FROM ${this.x.s}.rate_limits WHERE window_start < $1::timestamptz RETURNING 1`,
      [before],
    );
  }
}

class SqlSettings implements SettingsRepository {
  constructor(private readonly x: Scope) {}
  async getOrCreate(name: string, make: () => string) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, make()],
    );
    const rows = await this.x.db.query<{ value: string }>(
      `SELECT value FROM ${this.x.s}.settings WHERE name = $1`,
      [name],
    );
    return rows[0]!.value;
  }
}

class Repositories {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  readonly idempotency: IdempotencyRepository;
  readonly rateLimits: RateLimitRepository;
  readonly settings: SettingsRepository;
  constructor(x: Scope) {
    this.communities = new SqlCommunities(x);
    this.staff = new SqlStaff(x);
    this.sessions = new SqlSessions(x);
    this.idempotency = new SqlIdempotency(x);
    this.rateLimits = new SqlRateLimits(x);
    this.settings = new SqlSettings(x);
  }
}

/** Repositories on one transaction's connection; nested `transaction` calls join it. */
class SqlTxStore extends Repositories implements ServerStore {
  transaction<T>(fn: (tx: ServerStore) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close() {}
}

export interface SqlStoreOptions {
  /** Tables live in this schema (default `public`); tests use one schema each. */
  schema?: string;
  /** Close the driver with the store (default true). */
  closeDriver?: boolean;
}

/**
 * The SQL store over PGlite or PostgreSQL. Outside `transaction()` each call is one statement
 * (autocommit); inside, every call runs on the transaction's connection and reads lock the
 * rows they return, so read-check-write rules hold across server instances.
 */
export class SqlStore extends Repositories implements ServerStore {
  readonly schema: string;
  constructor(
    readonly driver: SqlDriver,
    private readonly options: SqlStoreOptions = {},
  ) {
    const schema = options.schema ?? 'public';
    super({ db: driver, s: quoteSchema(schema), inTx: false });
    this.schema = schema;
  }
  transaction<T>(fn: (tx: ServerStore) => Promise<T>): Promise<T> {
    return this.driver.transaction((db) =>
      fn(new SqlTxStore({ db, s: quoteSchema(this.schema), inTx: true })),
    );
  }
  async ping() {
    await this.driver.query('SELECT 1');
  }
  async close() {
    if (this.options.closeDriver !== false) await this.driver.close();
  }
}
