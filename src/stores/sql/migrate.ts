import { quoteSchema, type SqlDriver } from './driver.js';

export interface Migration {
  version: number;
  name: string;
  /** Statements, with `{s}` standing for the quoted schema name. */
  sql: string;
}

/**
 * The migration runner. Migrations are versioned, applied in order, each once; all pending ones
 * run in one transaction (DDL is transactional in PostgreSQL). Each feature declares its own
 * (src/features/<feature>/repos/sql.ts), the store core its own (server-state.ts); versions are
 * one sequence across them (sql/features.ts composes and checks the list). Never edit one that
 * has shipped: add the next version. Documents live in `data` (json, not jsonb, so key order
 * is kept): the domain object as the services see it. Columns beside it exist for keys,
 * lookups and constraints.
 */

/**
 * Brings a schema up to date. Safe to run from several instances starting at once: a
 * transaction-scoped advisory lock per schema lets one migrate while the others wait, and
 * they then find nothing left to do. Returns the versions applied now.
 */
export async function migrate(
  driver: SqlDriver,
  schema: string,
  list: readonly Migration[],
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
