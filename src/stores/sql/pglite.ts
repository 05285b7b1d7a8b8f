import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { settle, tracked, type SqlDriver, type SqlQueryable } from './driver.js';

interface PgliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<unknown>;
}

/**
 * What the driver uses of a PGlite instance. Not PGlite's own type: its declarations need the
 * DOM and Emscripten typings, which must not reach those of shequ-kit/server (Node types only).
 */
export interface PgliteInstance extends PgliteLike {
  transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly closed: boolean;
}

/**
 * Lone UTF-16 surrogates become U+FFFD, as any UTF-8 encoder would make them: PGlite sizes
 * some such strings wrongly and the database then reads a cut-off character (22021).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (params: unknown[] | undefined) =>
  params?.map((p) => (typeof p === 'string' ? p.replace(LONE_SURROGATE, '\ufffd') : p));

/**
 * What the driver uses of a PGlite instance to keep prepared statements (its public
 * wire-protocol entry point and its mutexes), when it has them.
 */
interface PgliteProtocol {
  execProtocol(
    message: Uint8Array,
    options?: { syncToFs?: boolean },
  ): Promise<{ messages: unknown[] }>;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  readonly parsers: Record<number | string, unknown>;
  readonly serializers: Record<number | string, ((value: unknown) => string) | undefined>;
}

const hasProtocol = (db: unknown): db is PgliteProtocol =>
  typeof (db as Partial<PgliteProtocol>).execProtocol === 'function' &&
  typeof (db as Partial<PgliteProtocol>).runExclusive === 'function' &&
  typeof (db as Partial<PgliteProtocol>)._runExclusiveTransaction === 'function' &&
  typeof (db as Partial<PgliteProtocol>).serializers === 'object';

/** Prepared statements kept per instance; the oldest is closed past this many. */
const MAX_PREPARED = 256;

const joined = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/**
 * PGlite's `query()` sends each statement unnamed — Parse, Describe, Bind, Describe, Execute,
 * Sync, six calls into its WebAssembly module — so the database parses, analyses and plans
 * it every time. This keeps each statement text prepared under a name, once per instance
 * (PostgreSQL caches its plan: a generic one after five executions when that is no dearer),
 * and runs it as Bind, Execute and Sync in one call (its columns described once, at Parse).
 * Parameters are serialized as `query()` does (by the types the database gave at Parse); rows
 * are parsed by PGlite's own `parseResults`. Measured (scripts/bench-pglite-statement.ts): a
 * keyed submission's statement ~1.2–1.6 → ~0.4–0.7 ms of CPU, the bare route's insert
 * ~0.25–0.5 → ~0.15–0.35 ms (docs/server.md, Performance).
 */
class PreparedStatements {
  private readonly names = new Map<
    string,
    { name: string; types: number[]; columns: { name: string } | undefined }
  >();
  private readonly closing: string[] = [];
  private counter = 0;
  constructor(private readonly db: PgliteProtocol) {}

  /** One statement: in a transaction (`inTransaction`, its mutex already held by it) or alone. */
  query<T>(text: string, params: unknown[], inTransaction: boolean): Promise<T[]> {
    const run = () => this.db.runExclusive(() => this.run<T>(text, params, inTransaction));
    return inTransaction ? run() : this.db._runExclusiveTransaction(run);
  }

  private async run<T>(text: string, params: unknown[], inTransaction: boolean): Promise<T[]> {
    const { serialize } = protocol;
    // Outside a transaction every call syncs the file system as `query()` does after each
    // statement (durable writes); inside, COMMIT does.
    const options = { syncToFs: !inTransaction };
    for (let attempt = 0; ; attempt++) {
      let statement = this.names.get(text);
      const parts: Uint8Array[] = this.closing
        .splice(0)
        .map((name) => serialize.close({ type: 'S', name }));
      if (!statement) {
        const name = `sq_${(this.counter++).toString(36)}`;
        parts.push(
          serialize.parse({ name, text }),
          serialize.describe({ type: 'S', name }),
          serialize.sync(),
        );
        const described = await this.db.execProtocol(joined(parts), { syncToFs: false });
        parts.length = 0;
        const messages = described.messages as { name: string }[];
        statement = {
          name,
          types: parse.parseDescribeStatementResults(messages as never),
          // Its columns as Describe of the statement gave them (text format, as bound below),
          // so that each execution need not describe its portal again.
          columns: messages.find((m) => m.name === 'rowDescription'),
        };
        this.names.set(text, statement);
        if (this.names.size > MAX_PREPARED) {
          const [oldest] = this.names;
          this.names.delete(oldest![0]);
          this.closing.push(oldest![1].name);
        }
      }
      const values = params.map((value, i) => {
        if (value == null) return null;
        const serializer = this.db.serializers[statement.types[i]!];
        return serializer ? serializer(value) : String(value as string);
      });
      parts.push(
        serialize.bind({ statement: statement.name, values }),
        serialize.execute({}),
        serialize.sync(),
      );
      try {
        const result = await this.db.execProtocol(joined(parts), options);
        const messages = statement.columns
          ? [statement.columns, ...result.messages]
          : result.messages;
        const [rows] = parse.parseResults(messages as never, this.db.parsers as never);
        return (rows?.rows ?? []) as T[];
      } catch (error) {
        // A table changed under a kept plan so that its rows' shape changed (0A000, raised at
        // Bind, before anything ran): prepare it again — at once outside a transaction.
        if ((error as { code?: unknown }).code === '0A000' && this.names.get(text) === statement) {
          this.names.delete(text);
          this.closing.push(statement.name);
          if (!inTransaction && attempt === 0) continue;
        }
        throw error;
      }
    }
  }
}

const prepared = new WeakMap<object, PreparedStatements>();
const preparedFor = (db: PgliteLike) => {
  if (!hasProtocol(db)) return undefined;
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new PreparedStatements(db)));
  return statements;
};

/** `db` alone, or `tx` (a transaction of `db`, whose mutex it holds). */
const queryable = (db: PgliteLike, tx?: PgliteLike): SqlQueryable => {
  const statements = preparedFor(db);
  const on = tx ?? db;
  return {
    async query<T>(text: string, params?: unknown[]) {
      if (statements) return statements.query<T>(text, wellFormed(params) ?? [], tx !== undefined);
      return (await on.query<T>(text, wellFormed(params))).rows;
    },
    async exec(text: string) {
      await on.exec(text);
    },
  };
};

/**
 * PGlite's settings: 16 MB of shared buffers instead of PostgreSQL's 128 MB, plenty for a
 * community's data (every suite passes with it) and ~25 MB less resident memory.
 */
export const PGLITE_OPTIONS = { postgresqlconf: ['shared_buffers=16MB'] };

/**
 * Opens PGlite in `dataDir`. A new data directory is initialised (initdb), which leaves the
 * process holding ~700 MB; opening it a second time lets that go (measured: 734 → 340 MB on
 * the first start, 170 MB on later ones).
 */
export async function openPglite(dataDir: string): Promise<PgliteInstance> {
  const fresh = !dataDir.includes('://') && !existsSync(join(dataDir, 'PG_VERSION'));
  const db = await PGlite.create(dataDir, PGLITE_OPTIONS);
  if (!fresh) return db;
  await db.close();
  return PGlite.create(dataDir, PGLITE_OPTIONS);
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) in a data directory: nothing to install. One
 * process owns a data directory; PGlite runs one statement at a time, so transactions are
 * serialised (and cannot deadlock).
 */
export async function pgliteDriver(
  source: { dataDir: string } | { db: PgliteInstance; owned?: boolean } = { dataDir: 'memory://' },
): Promise<SqlDriver> {
  const db = 'db' in source ? source.db : await openPglite(source.dataDir);
  const owned = 'db' in source ? (source.owned ?? false) : true;
  const label = 'dataDir' in source ? `PGlite (${source.dataDir})` : 'PGlite';
  return {
    kind: 'pglite',
    label,
    ...queryable(db),
    // What `options.first` sends runs before the transaction (PGlite has no round trips to
    // save: it is waited for). Statements `fn` sent and did not wait for (`send`: the insert
    // of a submission, its stored response) are waited for before COMMIT, as on PostgreSQL:
    // one that failed fails the transaction.
    async transaction(fn, options = {}) {
      if (options.first) await Promise.resolve(options.first(queryable(db))).catch(() => undefined);
      return db.transaction(async (tx) => {
        const sent: Promise<unknown>[] = [];
        try {
          const result = await fn(tracked(sent, queryable(db, tx)));
          await settle(sent);
          return result;
        } catch (error) {
          // Nothing of it may run after the ROLLBACK, outside the transaction.
          await Promise.allSettled(sent);
          throw error;
        }
      });
    },
    async close() {
      if (owned && !db.closed) await db.close();
    },
  };
}
