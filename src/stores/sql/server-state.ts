// The server's state in the SQL store: idempotency records, rate-limit windows, settings
// (migration 2). Kept in the database, so several server instances behave as one.
import type {
  IdempotencyRepository,
  RateLimitHit,
  RateLimitRepository,
  ServerStateRepositories,
  SettingsRepository,
} from '../server-state.js';
import { count, type SqlCore } from './core.js';
import type { Migration } from './migrate.js';

interface IdempotencyRow {
  fingerprint: string;
  state: 'in_flight' | 'done';
  status: number | null;
  content_type: string | null;
  body: string | null;
}

class SqlIdempotency implements IdempotencyRepository {
  constructor(private readonly x: SqlCore) {}
  async begin(r: {
    scope: string;
    key: string;
    fingerprint: string;
    now: string;
    lockMs: number;
    count?: RateLimitHit | undefined;
  }) {
    const { s, db } = this.x;
    const lockedUntil = new Date(Date.parse(r.now) + r.lockMs).toISOString();
    if (r.count) {
      // The window's hit and the claim in one statement; no claim past the limit.
      const [row] = await db.query<{ count: number; started: boolean }>(
        `WITH hit AS (
           INSERT INTO ${s}.rate_limits (key, window_start, count) VALUES ($6, $7::timestamptz, 1)
           ON CONFLICT (key, window_start) DO UPDATE SET count = ${s}.rate_limits.count + 1
           RETURNING count),
         claim AS (
           INSERT INTO ${s}.idempotency (scope, key, fingerprint, state, created_at, locked_until)
           SELECT $1, $2, $3, 'in_flight', $4::timestamptz, $5::timestamptz FROM hit
            WHERE hit.count <= $8
           ON CONFLICT (scope, key) DO NOTHING RETURNING 1)
         SELECT (SELECT count FROM hit) AS count, EXISTS (SELECT 1 FROM claim) AS started`,
        [
          r.scope,
          r.key,
          r.fingerprint,
          r.now,
          lockedUntil,
          r.count.key,
          r.count.windowStart,
          r.count.max,
        ],
      );
      const count = Number(row?.count ?? 1);
      if (count > r.count.max) return { state: 'rate_limited', count } as const;
      if (row?.started) return { state: 'started' } as const;
    }
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
  constructor(private readonly x: SqlCore) {}
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
  constructor(private readonly x: SqlCore) {}
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

export const serverStateSqlRepositories = (x: SqlCore): ServerStateRepositories => ({
  idempotency: new SqlIdempotency(x),
  rateLimits: new SqlRateLimits(x),
  settings: new SqlSettings(x),
});

/** Never edit a shipped migration: add the next version. */
export const serverStateMigrations: Migration[] = [
  {
    version: 2,
    name: 'idempotency records, rate-limit windows, settings',
    sql: `
      CREATE TABLE {s}.idempotency (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'done')),
        status integer,
        content_type text,
        body text,
        created_at timestamptz NOT NULL,
        locked_until timestamptz,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_by_age ON {s}.idempotency (created_at);
      CREATE TABLE {s}.rate_limits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, window_start)
      );
      CREATE INDEX rate_limits_by_window ON {s}.rate_limits (window_start);
      CREATE TABLE {s}.settings (
        name text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
];
