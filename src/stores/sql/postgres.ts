import postgres from 'postgres';
import type { SqlDriver, SqlQueryable } from './driver.js';

type Sql = postgres.Sql | postgres.ReservedSql;

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
    // On one reserved connection. BEGIN is not waited for: it goes out in the same write as
    // the transaction's first statement (postgres.js batches what is sent in one tick), which
    // saves a round trip per transaction; COMMIT waits for it, so a failed BEGIN fails the
    // transaction. Anything that throws rolls back.
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const connection = await sql.reserve();
      const began = connection.unsafe('BEGIN').execute();
      began.catch(() => undefined);
      try {
        const result = await fn(queryable(connection));
        await began;
        await connection.unsafe('COMMIT');
        return result;
      } catch (error) {
        await connection.unsafe('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
