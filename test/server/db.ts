/**
 * The databases the SQL store and server tests run on: PGlite always (one instance per test
 * file, one schema per store), and PostgreSQL too when DATABASE_URL is set (CI sets it when a
 * server answers on 127.0.0.1:5432). Every store gets its own schema, dropped at the end.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_OPTIONS, pgliteDriver } from '../../src/stores/sql/pglite.js';
import { describeUrl, postgresDriver } from '../../src/stores/sql/postgres.js';
import { openSqlStore, type SqlDriver, type SqlStore } from '../../src/stores/sql/index.js';

export interface TestDatabase {
  /** `PGlite` or `PostgreSQL (127.0.0.1:5432/test)`. */
  name: string;
  /** A fresh, migrated store in a schema of its own (its `close()` leaves the driver open). */
  open(): Promise<SqlStore>;
  /** The same schema as the last `open()` again. */
  reopen(): Promise<SqlStore>;
  /** Drops every schema made here and closes the connection. */
  dispose(): Promise<void>;
}

const randomSchema = () =>
  `sq_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

function database(name: string, driver: () => Promise<SqlDriver>): TestDatabase {
  let shared: Promise<SqlDriver> | undefined;
  const schemas: string[] = [];
  const get = () => (shared ??= driver());
  return {
    name,
    async open() {
      const schema = randomSchema();
      schemas.push(schema);
      return openSqlStore({ driver: await get(), schema });
    },
    async reopen() {
      const schema = schemas[schemas.length - 1];
      if (!schema) throw new Error('reopen before open');
      return openSqlStore({ driver: await get(), schema });
    },
    async dispose() {
      if (!shared) return;
      const db = await shared;
      for (const schema of schemas) await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

export const DATABASE_URL = process.env.DATABASE_URL;

/** PGlite, and PostgreSQL when DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
  const list = [
    database('PGlite', async () =>
      pgliteDriver({ db: await PGlite.create(PGLITE_OPTIONS), owned: true }),
    ),
  ];
  if (DATABASE_URL) {
    list.push(
      database(`PostgreSQL (${describeUrl(DATABASE_URL)})`, async () =>
        postgresDriver(DATABASE_URL, { max: 10 }),
      ),
    );
  }
  return list;
}
