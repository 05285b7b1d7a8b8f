// What a feature's SQL repositories work on, and the few helpers they share.
import type { SqlQueryable } from './driver.js';

export { sqlState } from './driver.js';

/** Where repositories run: the pool/instance outside a transaction, one connection inside. */
export interface SqlCore {
  db: SqlQueryable;
  /** Quoted schema. */
  s: string;
  /** Inside `transaction()`: reads lock the rows they return (SELECT … FOR UPDATE). */
  inTx: boolean;
}

/** Documents are stored as json text (key order kept). */
export const json = (value: unknown) => JSON.stringify(value);

/** ` FOR UPDATE` inside a transaction: the rows read stay locked until it ends. */
export const forUpdate = (x: SqlCore) => (x.inTx ? ' FOR UPDATE' : '');

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
