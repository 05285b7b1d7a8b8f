import { connect, type Socket } from 'node:net';
import postgres from 'postgres';
import {
  settle,
  track,
  tracked,
  type SqlDriver,
  type SqlQueryable,
  type TransactionOptions,
} from './driver.js';

type Sql = postgres.Sql | postgres.ReservedSql;

// Prepared (named, kept per connection): postgres.js sends an unprepared statement with
// parameters as Parse/Describe first and waits for the parameter types before it binds — two
// round trips each, and nothing pipelined behind it. Prepared, it is one round trip after
// the first use on a connection. Statement texts come from a fixed set of templates, so the
// per-connection cache stays small.
// Each statement is executed at once (not at the first `await`), so statements go out on a
// connection in the order they were made.
const queryable = (sql: Sql): SqlQueryable => ({
  async query<T>(text: string, params: unknown[] = []) {
    const rows = await sql
      .unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })
      .execute();
    return [...rows] as unknown as T[];
  },
  async exec(text: string) {
    await sql.unsafe(text);
  },
});

/**
 * A connected socket with Nagle's algorithm off. postgres.js leaves it on, and then of a
 * transaction's statements sent without waiting (two writes: postgres.js writes at once what
 * reaches 1 KiB and the rest at the end of the event loop's turn) the kernel holds the second
 * until the first is acknowledged — on loopback with the database's answer: a round trip.
 * Only for one host or a Unix socket; other setups keep postgres.js's own socket.
 */
function noDelaySocket(options: { host?: string[]; port?: number[]; path?: string }) {
  return new Promise<Socket>((resolve, reject) => {
    const socket = options.path
      ? connect({ path: options.path, noDelay: true })
      : connect({ host: options.host![0]!, port: options.port![0]!, noDelay: true });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

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
  const resolved = sql.options as unknown as { host: string[]; port: number[]; path?: string };
  if (resolved.path || resolved.host.length === 1) {
    (sql.options as unknown as { socket: typeof noDelaySocket }).socket = () =>
      noDelaySocket(resolved);
  }
  return {
    kind: 'postgres',
    label: `PostgreSQL (${describeUrl(url)})`,
    ...queryable(sql),
    // On one reserved connection, with as few round trips as the statements allow: what
    // `options.first` sends (an idempotency claim) goes out before BEGIN, BEGIN is not waited
    // for (postgres.js writes what is sent in one turn of the event loop together, so it goes
    // out with the first statement), and COMMIT is sent right behind whatever `fn` sent and
    // did not wait for (`send`: the insert of a submission, its stored response) — for a
    // keyed submission all of it is one round trip. Each of those is still awaited: one that
    // failed has aborted the transaction, so the COMMIT ended it as a ROLLBACK, and its error
    // (the first in the order sent) is the transaction's. Anything that throws rolls back.
    async transaction<T>(
      fn: (tx: SqlQueryable) => Promise<T>,
      options: TransactionOptions = {},
    ): Promise<T> {
      const connection = await sql.reserve();
      const sent: Promise<unknown>[] = [];
      try {
        options.first?.(queryable(connection));
      } catch (error) {
        connection.release();
        throw error;
      }
      track(sent, connection.unsafe('BEGIN').execute());
      let commit: Promise<unknown> | undefined;
      try {
        const result = await fn(tracked(sent, queryable(connection)));
        commit = connection.unsafe('COMMIT').execute();
        commit.catch(() => undefined);
        await settle(sent);
        await commit;
        return result;
      } catch (error) {
        // Once COMMIT went out it ended the transaction (as a ROLLBACK when a statement of it
        // failed): no second round trip for a ROLLBACK.
        await (commit ?? connection.unsafe('ROLLBACK')).catch(() => undefined);
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
