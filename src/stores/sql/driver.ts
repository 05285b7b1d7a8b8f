/**
 * The little the SQL store needs from a database connection. Two drivers: PGlite (embedded,
 * one process) and PostgreSQL through `postgres` (a pool). Both speak PostgreSQL's dialect,
 * so the store and its migrations are written once.
 */
export interface SqlQueryable {
  /** One statement with `$1…` parameters; rows as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Only inside a transaction: a write whose answer nobody reads, sent without waiting for it
   * (on PostgreSQL it goes out with COMMIT, one round trip for all such writes). If it fails
   * (its error passed through `mapError`), the transaction fails and rolls back.
   */
  send?(text: string, params: unknown[], mapError?: (error: unknown) => unknown): void;
}

export interface TransactionOptions {
  /**
   * Runs before the transaction, on its connection and autocommitted, without waiting for its
   * answer: on PostgreSQL it goes out with BEGIN and the transaction's first statements. It
   * must send its one statement at once (synchronously); what it answers is the caller's to
   * read. The transaction does not wait for it either: a write in the transaction that
   * depends on it must fail when it did not happen.
   */
  first?: (db: SqlQueryable) => unknown;
}

export interface SqlDriver extends SqlQueryable {
  readonly kind: 'pglite' | 'postgres';
  /** For logs and test output: `PGlite (./.data/pglite)`, `PostgreSQL (127.0.0.1:5432/test)`. */
  readonly label: string;
  /**
   * Runs `fn` in one transaction (READ COMMITTED) on one connection; rolls back if it throws.
   * A statement `fn` sends without waiting for it is waited for before COMMIT (on PostgreSQL
   * COMMIT goes out with it, one round trip); if it failed, the transaction fails.
   */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** Keeps a statement's promise for its transaction to wait on (handled meanwhile: no unhandled rejection). */
export function track<T>(sent: Promise<unknown>[], statement: Promise<T>): Promise<T> {
  statement.catch(() => undefined);
  sent.push(statement);
  return statement;
}

/**
 * Waits for every statement a transaction sent and throws the error of the first that failed,
 * in the order they were sent (later ones only report that the transaction was aborted).
 */
export async function settle(sent: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(sent);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A transaction's statements on `inner`: each is kept for COMMIT to wait on; `send` waits for none. */
export function tracked(sent: Promise<unknown>[], inner: SqlQueryable): SqlQueryable {
  return {
    query: (text, params) => track(sent, inner.query(text, params)),
    exec: (text) => track(sent, inner.exec(text)),
    send(text, params, mapError) {
      track(
        sent,
        inner.query(text, params).catch((error: unknown) => {
          throw mapError ? mapError(error) : error;
        }),
      );
    },
  };
}

/** A write held back by `holding`, to be sent as part of one statement. */
export interface HeldWrite {
  text: string;
  params: unknown[];
  mapError?: ((error: unknown) => unknown) | undefined;
}

/** A read that takes no lock: it may run autocommitted, before the writes it precedes. */
const PLAIN_READ = /^\s*SELECT\b/i;
const LOCKING = /\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE)\b|\bFOR\s+KEY\s+SHARE\b/i;
/**
 * `INSERT INTO t (…) VALUES (…) [ON CONFLICT …]` of one row → the same insert of that row
 * only if `condition` holds (`INSERT INTO t (…) SELECT … WHERE condition …`; the row's
 * parameters take their columns' types as in VALUES); undefined for any other statement.
 */
export function insertIf(insert: string, condition: string): string | undefined {
  const values = /^\s*INSERT\s+INTO\s[^;']*?\bVALUES\s*\(/i.exec(insert);
  if (!values) return undefined;
  const start = values[0].length;
  let depth = 1;
  let quoted = false;
  for (let i = start; i < insert.length; i++) {
    const ch = insert[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) {
      const rest = insert.slice(i + 1);
      if (/^\s*,/.test(rest) || rest.includes(';')) return undefined;
      const head = values[0].slice(0, values[0].search(/\bVALUES\s*\($/i));
      return `${head}SELECT ${insert.slice(start, i)} WHERE ${condition}${rest}`;
    }
  }
  return undefined;
}

/** Whether `insertIf` can make a write conditional, per statement text (one per shape: a few). */
const holdable = new Map<string, boolean>();
function canHold(text: string): boolean {
  let can = holdable.get(text);
  if (can === undefined) {
    can = insertIf(text, 'true') !== undefined;
    if (holdable.size < 256) holdable.set(text, can);
  }
  return can;
}

/**
 * Statements on `inner` with the writes held back in `held` (`send` only: the writes whose
 * answer nobody reads): plain reads run at once, autocommitted — the same as in a READ
 * COMMITTED transaction that locks nothing, as long as no write came before them. Anything
 * else (a lock, a write waited for, a read after a write, `exec`, a write other than one
 * `insertIf` can make conditional) throws `needsTransaction()`.
 */
export function holding(
  inner: SqlQueryable,
  held: HeldWrite[],
  needsTransaction: () => Error,
): SqlQueryable {
  return {
    query(text, params) {
      if (held.length || !PLAIN_READ.test(text) || LOCKING.test(text)) {
        return Promise.reject(needsTransaction());
      }
      return inner.query(text, params);
    },
    exec: () => Promise.reject(needsTransaction()),
    send(text, params, mapError) {
      if (!canHold(text)) throw needsTransaction();
      held.push({ text, params, mapError });
    },
  };
}

/** SQLSTATE of a database error (both drivers put it in `code`). */
export const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** Quotes a schema name we made or were configured with; anything odd is refused outright. */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  return `"${schema}"`;
}
