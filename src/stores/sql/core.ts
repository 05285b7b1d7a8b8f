// What a feature's SQL repositories work on, and the few helpers they share.
import type { SqlQueryable } from './driver.js';
import type { RateLimitRepository } from '../server-state.js';
import type { ReadOptions } from '../../features/core/repos/types.js';
import { decodeNewestCursor, encodeNewestCursor, type Page } from '../../domain/paging.js';

export { sqlState } from './driver.js';
export type { ReadOptions };

/** Where repositories run: the pool/instance outside a transaction, one connection inside. */
export interface SqlCore {
  db: SqlQueryable;
  /** Quoted schema. */
  s: string;
  /**
   * The same object for a store and each of its transactions: the key under which a
   * repository keeps what outlives one call (a WeakMap of caches, in the feature's own file).
   */
  kept: object;
  /**
   * PGlite: the rate-limit windows, kept in this process (one process owns a PGlite data
   * directory) instead of the `rate_limits` table — the same for every store on the same
   * instance and schema. Undefined on PostgreSQL, where instances share the table.
   */
  windows?: RateLimitRepository | undefined;
}

/** Documents are stored as json text (key order kept). */
export const json = (value: unknown) => JSON.stringify(value);

/** ` FOR UPDATE` when the caller asked for a lock: the rows read stay locked until its transaction ends. */
export const forUpdate = (options: ReadOptions | undefined) => (options?.lock ? ' FOR UPDATE' : '');

/** How many rows a `DELETE … RETURNING 1` removed. */
export async function count(
  x: SqlCore,
  deleteReturning: string,
  params: unknown[],
): Promise<number> {
  const rows = await x.db.query<{ n: number }>(
    `WITH d AS (${deleteReturning}) SELECT count(*)::int AS n FROM d`,
    params,
  );
  return rows[0]?.n ?? 0;
}

/**
 * `('received', 'assigned')`: a machine's status set as an SQL list. Written into the
 * statement, not bound, so PostgreSQL can match a partial index built with the same list.
 * Status names are identifiers; anything else is refused outright.
 */
export function sqlList(values: readonly string[]): string {
  for (const v of values) if (!/^[a-z][a-z_]*$/.test(v)) throw new Error(`not a status: ${v}`);
  return `(${values.map((v) => `'${v}'`).join(', ')})`;
}

/** A WHERE clause built with `$n` parameters. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  /** The placeholder of a new parameter. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }
}

/**
 * One page of documents newest first by (`at`, id), the SQL twin of pageNewestFirst
 * (src/domain/paging.ts): keyset paging, so an item added meanwhile never shifts the next
 * page. The cursor is strictly decoded (the schemas refused others already): one we did not
 * make reads as the first page and never reaches ::timestamptz.
 */
export async function newestPage<T extends { id: string }>(
  x: SqlCore,
  from: { table: string; at: string; atOf: (item: T) => string },
  where: Where,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<T>> {
  const after = decodeNewestCursor(page.cursor);
  if (after) {
    where.add(
      `(${from.at}, id COLLATE "C") < (${where.param(after[0])}::timestamptz, ${where.param(after[1])})`,
    );
  }
  const rows = await x.db.query<{ data: T }>(
    `SELECT data FROM ${x.s}.${from.table} WHERE ${where.clauses.join(' AND ')}
     ORDER BY ${from.at} DESC, id COLLATE "C" DESC LIMIT ${where.param(page.limit + 1)}`,
    where.params,
  );
  const items = rows.slice(0, page.limit).map((row) => row.data);
  const last = items[items.length - 1];
  return rows.length > page.limit && last
    ? { items, nextCursor: encodeNewestCursor([from.atOf(last), last.id]) }
    : { items };
}
