// The server's state in the SQL store: idempotency records, rate-limit windows, settings
// (migration 2). Kept in the database, so several server instances behave as one.
import {
  ClaimLost,
  type IdempotencyBegin,
  type IdempotencyClaimRecord,
  type IdempotencyRepository,
  type RateLimitRepository,
  type ServerStateRepositories,
  type SettingsRepository,
  type StoredResponse,
} from '../server-state.js';
import { count, sqlState, type SqlCore } from './core.js';
import { insertIf, type HeldWrite } from './driver.js';
import type { Migration } from './migrate.js';

interface IdempotencyRow {
  fingerprint: string;
  state: 'in_flight' | 'done';
  status: number | null;
  content_type: string | null;
  body: string | null;
}

/** Raised by `idempotency_held(false)` (migration 14): the request's token does not hold its key. */
const CLAIM_LOST = 'SQ001';
const claimLost = (error: unknown) => (sqlState(error) === CLAIM_LOST ? new ClaimLost() : error);

/** What a record says to a request that did not claim it. */
function answer(
  row: IdempotencyRow,
  fingerprint: string,
): Exclude<IdempotencyBegin, { state: 'started' | 'rate_limited' }> {
  if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
  if (row.state === 'done') {
    return {
      state: 'done',
      response: {
        status: row.status ?? 200,
        contentType: row.content_type ?? 'application/json',
        body: row.body ?? '',
      },
    };
  }
  return { state: 'in_flight' };
}

type ClaimRow = IdempotencyRow & {
  count: number | null;
  started: boolean;
  expired: boolean | null;
};

/**
 * The end of a claim's statement (CTE claim, $1 scope, $2 key, $4 now): the window's count,
 * whether the claim was made, and the record that holds the key when not (as of the
 * statement's start: one made meanwhile is not seen).
 */
const answerOfClaim = (s: string, count: string) =>
  `SELECT ${count} AS count, EXISTS (SELECT 1 FROM claim) AS started,
          i.fingerprint, i.state, i.status, i.content_type, i.body,
          i.locked_until < $4::timestamptz AS expired
     FROM (SELECT 1) AS one
     LEFT JOIN ${s}.idempotency i ON i.scope = $1 AND i.key = $2`;

function claimAnswer(
  row: ClaimRow | undefined,
  r: IdempotencyClaimRecord,
): IdempotencyBegin | { state: 'unsure' } {
  const count = Number(row?.count ?? 0);
  if (r.count && count > r.count.max) return { state: 'rate_limited', count };
  if (row?.started) return { state: 'started' };
  if (!row?.fingerprint) return { state: 'unsure' };
  const found = answer(row, r.fingerprint);
  return found.state === 'in_flight' && row.expired ? { state: 'unsure' } : found;
}

/**
 * The text of SqlIdempotency.claimWith's statement for a schema, with or without the window's
 * hit, and its writes (their `$n` renumbered after the claim's parameters, then each made
 * conditional on the claim), `answered` or not with the record that holds the key when the
 * claim was not made. Made once per shape (claimWithTexts): a submission's is ~2 KB.
 */
function claimWithText(
  s: string,
  counted: boolean,
  writes: HeldWrite[],
  answered: boolean,
): string {
  const parts: string[] = [];
  let from = '';
  if (counted) {
    parts.push(`hit AS (
           INSERT INTO ${s}.rate_limits (key, window_start, count) VALUES ($9, $10::timestamptz, 1)
           ON CONFLICT (key, window_start) DO UPDATE SET count = ${s}.rate_limits.count + 1
           RETURNING count)`);
    from = ' FROM hit WHERE hit.count <= $11::int';
  }
  parts.push(`claim AS (
           INSERT INTO ${s}.idempotency
             (scope, key, fingerprint, state, created_at, claim, status, content_type, body)
           SELECT $1, $2, $3, 'done', $4::timestamptz, $5, $6::int, $7, $8${from}
           ON CONFLICT (scope, key) DO NOTHING RETURNING 1)`);
  let offset = counted ? 11 : 8;
  for (const [i, write] of writes.entries()) {
    const at = offset;
    const text = write.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + at}`);
    parts.push(`w${i} AS (${insertIf(text, 'EXISTS (SELECT 1 FROM claim)')!})`);
    offset += write.params.length;
  }
  const count = counted ? '(SELECT count FROM hit)' : 'NULL::int';
  return `WITH ${parts.join(',\n')}
         ${answered ? answerOfClaim(s, count) : `SELECT ${count} AS count, EXISTS (SELECT 1 FROM claim) AS started`}`;
}
const claimWithTexts = new Map<string, string>();

export class SqlIdempotency implements IdempotencyRepository {
  constructor(private readonly x: SqlCore) {}
  /**
   * With the windows in this process (PGlite): the hit counted there first, and past the
   * limit nothing claimed; `claim` of the record without it then. Otherwise undefined (the
   * hit, if any, counted in the claim's statement).
   */
  private counted<T>(
    r: IdempotencyClaimRecord,
    claim: (r: IdempotencyClaimRecord) => Promise<T>,
  ): Promise<T | Extract<IdempotencyBegin, { state: 'rate_limited' }>> | undefined {
    const { windows } = this.x;
    if (!r.count || !windows) return undefined;
    const { key, windowStart, max } = r.count;
    return (async () => {
      const count = await windows.hit(key, windowStart);
      if (count > max) return { state: 'rate_limited', count } as const;
      return claim({ ...r, count: undefined });
    })();
  }
  claim(r: IdempotencyClaimRecord): Promise<IdempotencyBegin | { state: 'unsure' }> {
    // Sent at once, not after an await: a pipelined claim goes out before its transaction.
    const counted = this.counted(r, (rest) => this.claim(rest));
    if (counted) return counted;
    const { s, db } = this.x;
    const lockedUntil = new Date(Date.parse(r.now) + r.lockMs).toISOString();
    const params: unknown[] = [r.scope, r.key, r.fingerprint, r.now, lockedUntil, r.claim];
    // The window's hit and the claim in one statement (no claim past the limit), and the
    // record that holds the key when it is not ours (as of the statement's start: one made
    // meanwhile is not seen, and the answer is `unsure`).
    const claimed = r.count
      ? `hit AS (
           INSERT INTO ${s}.rate_limits (key, window_start, count) VALUES ($7, $8::timestamptz, 1)
           ON CONFLICT (key, window_start) DO UPDATE SET count = ${s}.rate_limits.count + 1
           RETURNING count),
         claim AS (
           INSERT INTO ${s}.idempotency
             (scope, key, fingerprint, state, created_at, locked_until, claim)
           SELECT $1, $2, $3, 'in_flight', $4::timestamptz, $5::timestamptz, $6 FROM hit
            WHERE hit.count <= $9
           ON CONFLICT (scope, key) DO NOTHING RETURNING 1)`
      : `claim AS (
           INSERT INTO ${s}.idempotency
             (scope, key, fingerprint, state, created_at, locked_until, claim)
           VALUES ($1, $2, $3, 'in_flight', $4::timestamptz, $5::timestamptz, $6)
           ON CONFLICT (scope, key) DO NOTHING RETURNING 1)`;
    if (r.count) params.push(r.count.key, r.count.windowStart, r.count.max);
    const statement = db.query<ClaimRow>(
      `WITH ${claimed}
       ${answerOfClaim(s, r.count ? '(SELECT count FROM hit)' : 'NULL::int')}`,
      params,
    );
    return statement.then(([row]) => claimAnswer(row, r));
  }
  async begin(r: IdempotencyClaimRecord) {
    const first = await this.claim(r);
    if (first.state !== 'unsure') return first;
    const { s, db } = this.x;
    const lockedUntil = new Date(Date.parse(r.now) + r.lockMs).toISOString();
    // Two rounds at most: a record deleted (released) between our insert and select.
    for (let round = 0; round < 2; round++) {
      const inserted = await db.query(
        `INSERT INTO ${s}.idempotency
           (scope, key, fingerprint, state, created_at, locked_until, claim)
         VALUES ($1, $2, $3, 'in_flight', $4::timestamptz, $5::timestamptz, $6)
         ON CONFLICT (scope, key) DO NOTHING RETURNING 1 AS ok`,
        [r.scope, r.key, r.fingerprint, r.now, lockedUntil, r.claim],
      );
      if (inserted.length) return { state: 'started' } as const;
      const [row] = await db.query<IdempotencyRow>(
        `SELECT fingerprint, state, status, content_type, body FROM ${s}.idempotency
         WHERE scope = $1 AND key = $2`,
        [r.scope, r.key],
      );
      if (!row) continue;
      const found = answer(row, r.fingerprint);
      if (found.state !== 'in_flight') return found;
      // The holder presumed dead: its token no longer holds the key (its commit will fail).
      const taken = await db.query(
        `UPDATE ${s}.idempotency SET locked_until = $3::timestamptz, claim = $5
         WHERE scope = $1 AND key = $2 AND state = 'in_flight' AND locked_until < $4::timestamptz
         RETURNING 1 AS ok`,
        [r.scope, r.key, lockedUntil, r.now, r.claim],
      );
      return taken.length ? ({ state: 'started' } as const) : ({ state: 'in_flight' } as const);
    }
    return { state: 'in_flight' } as const;
  }
  /**
   * The claim made and done at once — `response` stored, the window's hit counted — with
   * `writes` (held back by `holding`) as parts of the same autocommitted statement, each made
   * to write only if the claim was won: one statement and one commit, all of it or, when the
   * key is not won (another request's, or past the limit), only the hit. Answers as `claim`.
   * Each write is an `INSERT … VALUES (…)` of one row with `$n` parameters (`holding` lets
   * no other kind through). `answered: false`: the statement leaves out the record that holds
   * the key (a lookup on every submission, for the rare one that lost its claim), which then
   * answers `unsure` and is asked again (`begin`).
   */
  async claimWith(
    r: IdempotencyClaimRecord,
    response: StoredResponse,
    writes: HeldWrite[],
    answered = true,
  ): Promise<IdempotencyBegin | { state: 'unsure' }> {
    const counted = this.counted(r, (rest) => this.claimWith(rest, response, writes, answered));
    if (counted) return counted;
    const { s, db } = this.x;
    const params: unknown[] = [
      r.scope,
      r.key,
      r.fingerprint,
      r.now,
      r.claim,
      response.status,
      response.contentType,
      response.body,
    ];
    if (r.count) params.push(r.count.key, r.count.windowStart, r.count.max);
    for (const write of writes) params.push(...write.params);
    const shape = `${s}\u0000${r.count ? 1 : 0}${answered ? 1 : 0}\u0000${writes.map((w) => `${w.params.length}:${w.text}`).join('\u0000')}`;
    let text = claimWithTexts.get(shape);
    if (text === undefined) {
      text = claimWithText(s, r.count !== undefined, writes, answered);
      if (claimWithTexts.size >= 64) claimWithTexts.clear();
      claimWithTexts.set(shape, text);
    }
    const rows = await db.query<ClaimRow>(text, params).catch((error: unknown) => {
      // Which write failed is not said: each one's own mapping looks (a taken ticket).
      for (const write of writes) {
        const mapped = write.mapError?.(error) ?? error;
        if (mapped !== error) throw mapped;
      }
      throw error;
    });
    return claimAnswer(rows[0], r);
  }
  async complete(scope: string, key: string, claim: string, response: StoredResponse) {
    const { s, db } = this.x;
    // Fails (and with it the transaction it is part of) unless this request's token holds the key.
    const text = `WITH done AS (
         UPDATE ${s}.idempotency SET state = 'done', status = $4, content_type = $5, body = $6,
           locked_until = NULL
         WHERE scope = $1 AND key = $2 AND claim = $3 AND state = 'in_flight' RETURNING 1)
       SELECT ${s}.idempotency_held(EXISTS (SELECT 1 FROM done)) AS held`;
    const params = [scope, key, claim, response.status, response.contentType, response.body];
    if (db.send) return db.send(text, params, claimLost);
    await db.query(text, params).catch((error: unknown) => {
      throw claimLost(error);
    });
  }
  async release(scope: string, key: string, claim: string) {
    await this.x.db.query(
      `DELETE FROM ${this.x.s}.idempotency
       WHERE scope = $1 AND key = $2 AND claim = $3 AND state = 'in_flight'`,
      [scope, key, claim],
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
    if (this.x.windows) return this.x.windows.hit(key, windowStart);
    const rows = await this.x.db.query<{ count: number }>(
      `INSERT INTO ${this.x.s}.rate_limits (key, window_start, count) VALUES ($1, $2::timestamptz, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = ${this.x.s}.rate_limits.count + 1
       RETURNING count`,
      [key, windowStart],
    );
    return Number(rows[0]?.count ?? 1);
  }
  async purge(before: string) {
    // On PGlite the table's windows are those of a version that kept them there.
    const inMemory = (await this.x.windows?.purge(before)) ?? 0;
    return (
      inMemory +
      (await count(
        this.x,
        `DELETE FROM ${this.x.s}.rate_limits WHERE window_start < $1::timestamptz RETURNING 1`,
        [before],
      ))
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
  {
    version: 14,
    name: 'idempotency claims held by a token',
    // A request's own token holds its key; storing its response checks that it still does
    // (idempotency_held raises SQ001 otherwise), so a transaction whose claim was never made or
    // was taken over as dead rolls back. Records made before carry none (their holders' code
    // stores without the check).
    sql: `
      ALTER TABLE {s}.idempotency ADD COLUMN claim text;
      CREATE FUNCTION {s}.idempotency_held(held boolean) RETURNS boolean
      LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NOT held THEN
          RAISE EXCEPTION 'the Idempotency-Key is not held by this request'
            USING ERRCODE = 'SQ001';
        END IF;
        RETURN true;
      END
      $fn$;
    `,
  },
  {
    version: 16,
    name: 'rate-limit windows unlogged',
    // A window's count is worth no WAL: a statement that writes only unlogged tables commits
    // without waiting for a flush, so a hit counted on its own (ServerStore.hitsApart) locks
    // its window's row for the statement only. After a crash PostgreSQL empties the table (the
    // windows then open afresh: one window's worth more may be let in); a standby has none.
    sql: `ALTER TABLE {s}.rate_limits SET UNLOGGED;`,
  },
];
