import postgres from 'postgres';
import type { SqlDriver, SqlQueryable } from './driver.js';

type Sql = postgres.Sql | postgres.TransactionSql;

const queryable = (sql: Sql): SqlQueryable => ({
  async query<T>(text: string, params: unknown[] = []) {
    const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
    return [...rows] as unknown as T[];
  },
  async exec(text: string) {
    await sql.unsafe(text);
  },
});

export interface PostgresOptions {
  /** Pool size per server instance (default 10); the sum over instances must stay under the server's max_connections. */
  max?: number;
}

/** Where a URL points, without its credentials (for logs and test output). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** PostgreSQL through the `postgres` driver, a pool of connections. */
export function postgresDriver(url: string, options: PostgresOptions = {}): SqlDriver {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    idle_timeout: 30,
    connect_timeout: 10,
    connection: { application_name: 'shequ-kit' },
  });
  return {
    kind: 'postgres',
    label: `PostgreSQL (${describeUrl(url)})`,
    ...queryable(sql),
    transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) =>
      sql.begin((tx) => fn(queryable(tx))) as Promise<T>,
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
