import postgres from 'postgres';
import { track, type SqlDriver, type SqlQueryable } from './driver.js';

type Sql = postgres.Sql | postgres.ReservedSql;

// Prepared (named, kept per connection): postgres.js sends an unprepared statement with
// parameters as Parse/Describe first and waits for the parameter types before it binds — two
// round trips each, and nothing pipelined behind it. Prepared, it is one round trip after
// the first use on a connection. Statement texts come from a fixed set of templates, so the
// per-connection cache stays small.
const queryable = (sql: Sql): SqlQueryable => ({
  async query<T>(text: string, params: unknown[] = []) {
    const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
      prepare: true,
    });
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
    // On one reserved connection, with as few round trips as the statements allow: BEGIN is
    // not waited for (postgres.js writes what is sent in one tick together, so it goes out with
    // the first statement), and COMMIT is sent right behind whatever `fn` sent and did not wait
    // for (the stored response of an idempotent request) — one round trip for both. Each of
    // those is still awaited: one that failed has aborted the transaction, so the COMMIT ended
    // it as a ROLLBACK, and its error is the transaction's. Anything that throws rolls back.
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const connection = await sql.reserve();
      const sent: Promise<unknown>[] = [];
      track(sent, connection.unsafe('BEGIN').execute());
      const tx = queryable(connection);
      const tracked: SqlQueryable = {
        query: (text, params) => track(sent, tx.query(text, params)),
        exec: (text) => track(sent, tx.exec(text)),
      };
      try {
        const result = await fn(tracked);
        const commit = connection.unsafe('COMMIT').execute();
        commit.catch(() => undefined);
        await Promise.all(sent);
        await commit;
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
