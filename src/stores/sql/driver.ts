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
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Keeps a statement's promise for its transaction to wait on (handled meanwhile: no unhandled rejection). */
export function track<T>(sent: Promise<unknown>[], statement: Promise<T>): Promise<T> {
  statement.catch(() => undefined);
  sent.push(statement);
  return statement;
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
