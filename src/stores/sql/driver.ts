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
