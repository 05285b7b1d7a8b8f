import { quoteSchema, type SqlDriver } from './driver.js';

export interface Migration {
  version: number;
  name: string;
  /** Statements, with `{s}` standing for the quoted schema name. */
  sql: string;
}

/**
 * Versioned migrations, applied in order, each once; all pending ones run in one transaction
 * (DDL is transactional in PostgreSQL). Never edit one that has shipped: add the next version.
 * Documents live in `data` (json, not jsonb, so key order is kept): the domain object as the
 * services see it. Columns beside it exist for keys, lookups and constraints.
 */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'communities, staff, sessions',
    sql: `
      CREATE TABLE {s}.communities (
        id text PRIMARY KEY,
        data json NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE {s}.staff (
        id text PRIMARY KEY,
        username text NOT NULL,
        community text NOT NULL,
        data json NOT NULL,
        CONSTRAINT staff_username_unique UNIQUE (username)
      );
      CREATE INDEX staff_by_community ON {s}.staff (community, username);
      CREATE TABLE {s}.sessions (
        id text PRIMARY KEY,
        staff_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON {s}.sessions (expires_at);
    `,
  },
  {
    version: 2,
    name: 'idempotency records, rate-limit windows, settings',
    sql: `
      CREATE TABLE {s}.idempotency (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'done')),
        status integer,
        content_type text,
        body text,
        created_at timestamptz NOT NULL,
        locked_until timestamptz,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_by_age ON {s}.idempotency (created_at);
      CREATE TABLE {s}.rate_limits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, window_start)
      );
      CREATE INDEX rate_limits_by_window ON {s}.rate_limits (window_start);
      CREATE TABLE {s}.settings (
        name text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'complaints',
    sql: `
      CREATE TABLE {s}.complaints (
        id text PRIMARY KEY,
        ticket text NOT NULL,
        community text NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        grid text,
        received_at timestamptz NOT NULL,
        due_date date NOT NULL,
        photos text[] NOT NULL DEFAULT '{}',
        data json NOT NULL,
        CONSTRAINT complaints_ticket_unique UNIQUE (ticket)
      );
      CREATE INDEX complaints_newest ON {s}.complaints
        (community, received_at DESC, id COLLATE "C" DESC);
      CREATE INDEX complaints_open_due ON {s}.complaints (community, due_date)
        WHERE status IN ('received', 'assigned', 'in_progress');
      CREATE INDEX complaints_by_photo ON {s}.complaints USING gin (photos);
      CREATE TABLE {s}.counters (
        name text PRIMARY KEY,
        value bigint NOT NULL
      );
      CREATE TABLE {s}.uploads (
        id text PRIMARY KEY,
        type text NOT NULL,
        size integer NOT NULL,
        created_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'wishes',
    sql: `
      CREATE TABLE {s}.wishes (
        id text PRIMARY KEY,
        community text NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        grid text,
        created_at timestamptz NOT NULL,
        last_event_at timestamptz NOT NULL,
        code_hash text NOT NULL,
        claim_code_hash text,
        hold_until timestamptz,
        data json NOT NULL,
        CONSTRAINT wishes_code_unique UNIQUE (code_hash),
        CONSTRAINT wishes_claim_code_unique UNIQUE (claim_code_hash)
      );
      CREATE INDEX wishes_newest ON {s}.wishes (community, created_at DESC, id COLLATE "C" DESC);
      CREATE INDEX wishes_holds ON {s}.wishes (community, hold_until) WHERE status = 'claimed';
      CREATE INDEX wishes_activity ON {s}.wishes (community, last_event_at);
    `,
  },
];

/**
 * Brings a schema up to date. Safe to run from several instances starting at once: a
 * transaction-scoped advisory lock per schema lets one migrate while the others wait, and
 * they then find nothing left to do. Returns the versions applied now.
 */
export async function migrate(
  driver: SqlDriver,
  schema = 'public',
  list: Migration[] = migrations,
): Promise<number[]> {
  const s = quoteSchema(schema);
  return driver.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`shequ-kit:migrate:${schema}`]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    const done = new Set(
      (await tx.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`)).map(
        (row) => row.version,
      ),
    );
    const applied: number[] = [];
    for (const migration of [...list].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql.replaceAll('{s}', s));
      await tx.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
