import type { Community } from '../../features/core/model.js';
import type { Complaint } from '../../features/complaints/views.js';
import { DomainError } from '../../domain/errors.js';
import { decodeNewestCursor, encodeNewestCursor } from '../../domain/paging.js';
import type { Wish } from '../../features/wishes/model.js';
import type { Session, StaffAccount } from '../../features/core/auth-model.js';
import type {
  CommunityRepository,
  ComplaintFilter,
  ComplaintRepository,
  CounterRepository,
  UploadRecord,
  UploadRepository,
  SessionRepository,
  StaffRepository,
  WishFilter,
  WishRepository,
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

/** Statuses in which a case is open (isOpen in src/features/complaints/model.ts). */
const OPEN_STATUSES = `('received', 'assigned', 'in_progress')`;

const ticketTaken = () => new DomainError('conflict', 'ticket taken');

class SqlComplaints implements ComplaintRepository {
  constructor(private readonly x: Scope) {}
  private async one(column: 'id' | 'ticket', value: string) {
    if (value.includes('\u0000')) return undefined;
    const lock = this.x.inTx ? ' FOR UPDATE' : '';
    const rows = await this.x.db.query<{ data: Complaint }>(
      `SELECT data FROM ${this.x.s}.complaints WHERE ${column} = $1${lock}`,
      [value],
    );
    return rows[0]?.data;
  }
  get(id: string) {
    return this.one('id', id);
  }
  getByTicket(ticket: string) {
    return this.one('ticket', ticket);
  }
  async put(c: Complaint) {
    const grid = 'grid' in c.location ? (c.location.grid ?? null) : null;
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.complaints
           (id, ticket, community, status, category, grid, received_at, due_date, photos, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::date,
           ARRAY(SELECT json_array_elements_text($9::text::json)), $10::text::json)
         ON CONFLICT (id) DO UPDATE SET ticket = excluded.ticket, community = excluded.community,
           status = excluded.status, category = excluded.category, grid = excluded.grid,
           received_at = excluded.received_at, due_date = excluded.due_date,
           photos = excluded.photos, data = excluded.data`,
        [
          c.id,
          c.ticket,
          c.community,
          c.status,
          c.category,
          grid,
          c.receivedAt,
          c.dueDate,
          json(c.photos),
          json(c),
        ],
      );
    } catch (error) {
      if (sqlState(error) === '23505') throw ticketTaken();
      throw error;
    }
  }
  async list(f: ComplaintFilter) {
    const where = ['community = $1'];
    const params: unknown[] = [f.community];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (f.status !== undefined) where.push(`status = ${param(f.status)}`);
    if (f.category !== undefined) where.push(`category = ${param(f.category)}`);
    if (f.grid !== undefined) where.push(`grid = ${param(f.grid)}`);
    if (f.overdue !== undefined) {
      const overdue = `(status IN ${OPEN_STATUSES} AND due_date < ${param(f.overdue.today)}::date)`;
      where.push(f.overdue.value ? overdue : `NOT ${overdue}`);
    }
    // Strictly decoded (the schema refused anything else already): a forged cursor reads as
    // the first page and never reaches ::timestamptz.
    const after = decodeNewestCursor(f.cursor);
    if (after) {
      where.push(
        `(received_at, id COLLATE "C") < (${param(after[0])}::timestamptz, ${param(after[1])})`,
      );
    }
    const rows = await this.x.db.query<{ data: Complaint }>(
      `SELECT data FROM ${this.x.s}.complaints WHERE ${where.join(' AND ')}
       ORDER BY received_at DESC, id COLLATE "C" DESC LIMIT ${param(f.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, f.limit).map((row) => row.data);
    const last = items[items.length - 1];
    return rows.length > f.limit && last
      ? { items, nextCursor: encodeNewestCursor([last.receivedAt, last.id]) }
      : { items };
  }
  async listReceived(community: string, from: string, to: string) {
    const rows = await this.x.db.query<{ data: Complaint }>(
      `SELECT data FROM ${this.x.s}.complaints
       WHERE community = $1 AND received_at >= $2::timestamptz AND received_at < $3::timestamptz
       ORDER BY received_at, id COLLATE "C"`,
      [community, from, to],
    );
    return rows.map((row) => row.data);
  }
  async hasPhoto(community: string, uploadId: string) {
    if (uploadId.includes('\u0000')) return false;
    const rows = await this.x.db.query(
      `SELECT 1 AS ok FROM ${this.x.s}.complaints
       WHERE photos @> ARRAY[$2::text] AND community = $1 LIMIT 1`,
      [community, uploadId],
    );
    return rows.length > 0;
  }
}

class SqlCounters implements CounterRepository {
  constructor(private readonly x: Scope) {}
  async next(name: string) {
    const rows = await this.x.db.query<{ value: number | string }>(
      `INSERT INTO ${this.x.s}.counters (name, value) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET value = ${this.x.s}.counters.value + 1
       RETURNING value`,
      [name],
    );
    return Number(rows[0]!.value);
  }
}

/** Upload records; the bytes live in the server's UploadStorage (disk, S3), never here. */
class SqlUploads implements UploadRepository {
  constructor(private readonly x: Scope) {}
  async get(id: string) {
    if (id.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{
      id: string;
      type: string;
      size: number;
      created_at: Date | string;
    }>(`SELECT id, type, size, created_at FROM ${this.x.s}.uploads WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) return undefined;
    const createdAt = new Date(row.created_at).toISOString();
    return { id: row.id, type: row.type, size: Number(row.size), createdAt };
  }
  async put(record: UploadRecord) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.uploads (id, type, size, created_at)
       VALUES ($1, $2, $3, $4::timestamptz) ON CONFLICT (id) DO NOTHING`,
      [record.id, record.type, record.size, record.createdAt],
    );
  }
}

class Repositories {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  readonly idempotency: IdempotencyRepository;
  readonly rateLimits: RateLimitRepository;
  readonly settings: SettingsRepository;
  readonly complaints: ComplaintRepository;
  readonly counters: CounterRepository;
  readonly uploads: UploadRepository;
  readonly wishes: WishRepository;
  constructor(x: Scope) {
    this.wishes = new SqlWishes(x);
    this.complaints = new SqlComplaints(x);
    this.counters = new SqlCounters(x);
    this.uploads = new SqlUploads(x);
    this.communities = new SqlCommunities(x);
    this.staff = new SqlStaff(x);
    this.sessions = new SqlSessions(x);
    this.idempotency = new SqlIdempotency(x);
    this.rateLimits = new SqlRateLimits(x);
    this.settings = new SqlSettings(x);
  }
}

const codeTaken = () => new DomainError('conflict', 'code taken');

/** Wishes: the document in `data`, keys and lookups beside it (see migration 4). */
class SqlWishes implements WishRepository {
  constructor(private readonly x: Scope) {}
  private async one(column: 'id' | 'code_hash' | 'claim_code_hash', value: string) {
    if (value.includes('\u0000')) return undefined;
    const lock = this.x.inTx ? ' FOR UPDATE' : '';
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes WHERE ${column} = $1${lock}`,
      [value],
    );
    return rows[0]?.data;
  }
  get(id: string) {
    return this.one('id', id);
  }
  getByCode(codeHash: string) {
    return this.one('code_hash', codeHash);
  }
  getByClaimCode(codeHash: string) {
    return this.one('claim_code_hash', codeHash);
  }
  async put(w: Wish) {
    const lastAt = w.history[w.history.length - 1]?.at ?? w.createdAt;
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.wishes (id, community, status, category, grid, created_at,
           last_event_at, code_hash, claim_code_hash, hold_until, data)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8, $9, $10::timestamptz,
           $11::text::json)
         ON CONFLICT (id) DO UPDATE SET community = excluded.community, status = excluded.status,
           category = excluded.category, grid = excluded.grid, created_at = excluded.created_at,
           last_event_at = excluded.last_event_at, code_hash = excluded.code_hash,
           claim_code_hash = excluded.claim_code_hash, hold_until = excluded.hold_until,
           data = excluded.data`,
        [
          w.id,
          w.community,
          w.status,
          w.category,
          w.grid ?? null,
          w.createdAt,
          lastAt,
          w.codeHash,
          w.claim?.codeHash ?? null,
          w.claim?.holdUntil ?? null,
          json(w),
        ],
      );
    } catch (error) {
      if (sqlState(error) === '23505') throw codeTaken();
      throw error;
    }
  }
  async list(f: WishFilter) {
    const where = ['community = $1'];
    const params: unknown[] = [f.community];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (f.statuses !== undefined) {
      if (!f.statuses.length) return { items: [] };
      where.push(`status = ANY(${param([...f.statuses])}::text[])`);
    }
    if (f.category !== undefined) where.push(`category = ${param(f.category)}`);
    if (f.grid !== undefined) where.push(`grid = ${param(f.grid)}`);
    // Strictly decoded (the schema refused anything else already): a forged cursor reads as
    // the first page and never reaches ::timestamptz.
    const after = decodeNewestCursor(f.cursor);
    if (after) {
      where.push(
        `(created_at, id COLLATE "C") < (${param(after[0])}::timestamptz, ${param(after[1])})`,
      );
    }
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT ${param(f.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, f.limit).map((row) => row.data);
    const last = items[items.length - 1];
    return rows.length > f.limit && last
      ? { items, nextCursor: encodeNewestCursor([last.createdAt, last.id]) }
      : { items };
  }
  async listExpiredClaims(community: string, now: string) {
    const lock = this.x.inTx ? ' FOR UPDATE' : '';
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes
       WHERE community = $1 AND status = 'claimed' AND hold_until <= $2::timestamptz
       ORDER BY created_at, id COLLATE "C"${lock}`,
      [community, now],
    );
    return rows.map((row) => row.data);
  }
  async listActive(community: string, from: string, to: string) {
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes
       WHERE community = $1 AND created_at < $3::timestamptz AND last_event_at >= $2::timestamptz
       ORDER BY created_at, id COLLATE "C"`,
      [community, from, to],
    );
    return rows.map((row) => row.data);
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
