import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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

const queryable = (db: PgliteLike): SqlQueryable => ({
  async query<T>(text: string, params?: unknown[]) {
    return (await db.query<T>(text, wellFormed(params))).rows;
  },
  async exec(text: string) {
    await db.exec(text);
  },
});

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
          const result = await fn(tracked(sent, queryable(tx)));
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
