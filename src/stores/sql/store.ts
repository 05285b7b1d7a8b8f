import type { StoreRepositories } from '../../services/store.js';
import {
  ClaimLost,
  memoryRateLimits,
  NeedsTransaction,
  type IdempotencyBegin,
  type IdempotencyClaimRecord,
  type ServerStateRepositories,
  type ServerStore,
  type ServerTransactionOptions,
  type RateLimitRepository,
  type StoredResponse,
} from '../server-state.js';
import type { SqlCore } from './core.js';
import {
  holding,
  quoteSchema,
  type HeldWrite,
  type SqlDriver,
  type SqlQueryable,
} from './driver.js';
import { sqlRepositoriesOn } from './features.js';
import { SqlIdempotency } from './server-state.js';

export interface SqlStoreOptions {
  /** Tables live in this schema (default `public`); tests use one schema each. */
  schema?: string;
  /** Close the driver with the store (default true). */
  closeDriver?: boolean;
}

/** PGlite's rate-limit windows (SqlCore.windows), per instance and schema. */
const pgliteWindows = new WeakMap<SqlDriver, Map<string, RateLimitRepository>>();
function windowsOf(driver: SqlDriver, schema: string): RateLimitRepository | undefined {
  if (driver.kind !== 'pglite') return undefined;
  let bySchema = pgliteWindows.get(driver);
  if (!bySchema) pgliteWindows.set(driver, (bySchema = new Map()));
  let windows = bySchema.get(schema);
  if (!windows) bySchema.set(schema, (windows = memoryRateLimits()));
  return windows;
}

/** Repositories on one connection: a transaction's (nested `transaction` calls join it), or the one it will run on. */
function inTransaction(core: SqlCore): ServerStore {
  return withStore(sqlRepositoriesOn(core), (fn, store) => fn(store));
}

/**
 * A store of `repositories` (a fresh object: sqlRepositoriesOn's), completed in place: copying
 * its ~20 repositories into a new object (a spread) cost ~5 µs a request.
 */
function withStore(
  repositories: ReturnType<typeof sqlRepositoriesOn>,
  transaction: <T>(fn: (tx: ServerStore) => Promise<T>, store: ServerStore) => Promise<T>,
): ServerStore {
  const store: ServerStore = Object.assign(repositories, {
    transaction: <T>(fn: (tx: ServerStore) => Promise<T>) => transaction(fn, store),
    close: async () => undefined,
  });
  return store;
}

// The class's repositories are composed from the features' list (sql/features.ts), so they
// are declared here rather than as fields.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SqlStore extends StoreRepositories, ServerStateRepositories {}

/**
 * The SQL store over PGlite or PostgreSQL. Outside `transaction()` each call is one statement
 * (autocommit); inside, every call runs on the transaction's connection, and the reads a rule
 * needs ask for their row's lock (`{ lock: true }`), so read-check-write rules hold across
 * server instances. No other read locks.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SqlStore implements ServerStore {
  readonly schema: string;
  /** PostgreSQL: see ServerStore.hitsApart. */
  readonly hitsApart: boolean;
  private readonly kept = {};
  private readonly windows: RateLimitRepository | undefined;
  constructor(
    readonly driver: SqlDriver,
    private readonly options: SqlStoreOptions = {},
  ) {
    this.schema = options.schema ?? 'public';
    this.hitsApart = driver.kind === 'postgres';
    this.windows = windowsOf(driver, this.schema);
    Object.assign(this, sqlRepositoriesOn(this.core(driver)));
  }
  transaction<T>(
    fn: (tx: ServerStore) => Promise<T>,
    options: ServerTransactionOptions = {},
  ): Promise<T> {
    const on = (db: SqlQueryable) => inTransaction(this.core(db));
    const { first } = options;
    if (!first) return this.driver.transaction((db) => fn(on(db)));
    // PostgreSQL: `first` goes out with the transaction, not waited for (one round trip).
    if (this.driver.kind === 'postgres') {
      return this.driver.transaction((db) => fn(on(db)), { first: (db) => first(on(db)) });
    }
    // PGlite, in this process: nothing to save by not waiting, and a claim not won skips it.
    return (async () => {
      if (!(await first(this).catch(() => true))) throw new ClaimLost();
      return this.driver.transaction((db) => fn(on(db)));
    })();
  }
  /**
   * `fn`'s writes held back (its reads run at once), then the claim, done with its response,
   * and those writes in one autocommitted statement (SqlIdempotency.claimWith): for a keyed
   * submission, one statement and one commit instead of the claim, BEGIN, the insert, the
   * stored response and COMMIT.
   */
  async claimWith<T>(
    record: IdempotencyClaimRecord,
    fn: (tx: ServerStore) => Promise<T>,
    respond: (result: T) => StoredResponse,
  ): Promise<
    { won: true; result: T } | { won: false; outcome: IdempotencyBegin | { state: 'unsure' } }
  > {
    const held: HeldWrite[] = [];
    const db = holding(this.driver, held, () => new NeedsTransaction());
    const tx = withStore(sqlRepositoriesOn(this.core(db)), () =>
      Promise.reject(new NeedsTransaction()),
    );
    const result = await fn(tx);
    const idempotency = new SqlIdempotency(this.core(this.driver));
    // On PostgreSQL a lost claim's answer comes with the statement (no round trip more for a
    // replay); on PGlite (no round trips) it is asked for only then: ~30 µs of the statement's
    // CPU on every submission (docs/server.md, Performance).
    const answered = this.driver.kind === 'postgres';
    const outcome = await idempotency.claimWith(record, respond(result), held, answered);
    return outcome.state === 'started' ? { won: true, result } : { won: false, outcome };
  }
  /** What the repositories work on, on `db` (the driver, a transaction's connection). */
  private core(db: SqlQueryable): SqlCore {
    return { db, s: quoteSchema(this.schema), kept: this.kept, windows: this.windows };
  }
  async ping() {
    await this.driver.query('SELECT 1');
  }
  /** PGlite: vacuum() (see ServerStore.tidy); PostgreSQL: nothing, autovacuum does it. */
  async tidy() {
    if (this.driver.kind === 'pglite') await this.vacuum();
  }
  /**
   * What autovacuum does, by its default thresholds, once: VACUUM (ANALYZE) of each of the
   * schema's tables with more rows dead than 50 + 20 % of its live ones, more inserted since
   * its last vacuum than 1,000 + 20 %, or more changed since its last analysis than 50 + 10 %.
   * It marks pages all-visible (index-only scans read the index alone there: the 三率's), lets
   * dead rows' space be reused, and refreshes the planner's statistics. A table that changed
   * little costs nothing (measured on PGlite: 100,000 rows vacuumed and analysed ~190 ms the
   * first time). VACUUM runs outside any transaction; on PGlite it holds the one connection.
   * `all`: every table, whatever changed (benchmarks: on PostgreSQL another connection's
   * counts reach these statistics up to seconds later).
   */
  async vacuum(options: { all?: boolean } = {}) {
    // The counts this connection has not reported yet (PGlite's all are), reported now.
    await this.driver.query('SELECT pg_stat_force_next_flush()');
    const tables = await this.driver.query<{ name: string }>(
      `SELECT quote_ident(relname) AS name FROM pg_stat_user_tables
        WHERE schemaname = $1
          AND ($2::boolean
            OR n_dead_tup > 50 + 0.2 * n_live_tup
            OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup
            OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)
        ORDER BY relname`,
      [this.schema, options.all ?? false],
    );
    const s = quoteSchema(this.schema);
    for (const { name } of tables) await this.driver.exec(`VACUUM (ANALYZE) ${s}.${name}`);
  }
  async close() {
    if (this.options.closeDriver !== false) await this.driver.close();
  }
}
