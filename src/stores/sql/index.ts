/**
 * The SQL store (server side, Node only): PGlite in a data directory by default, PostgreSQL
 * when a URL is given. Migrations run on open.
 */
import { mkdir } from 'node:fs/promises';
import type { SqlDriver } from './driver.js';
import { migrate as runMigrations, type Migration } from './migrate.js';
import { migrations } from './features.js';
import { pgliteDriver } from './pglite.js';
import { postgresDriver } from './postgres.js';
import { SqlStore } from './store.js';

export { SqlStore, type SqlStoreOptions } from './store.js';
export type { Migration } from './migrate.js';
export { migrations, sqlStoreFeatures, type SqlStoreFeature } from './features.js';
export { pgliteDriver } from './pglite.js';
export { postgresDriver, describeUrl } from './postgres.js';
export { quoteSchema, sqlState, type SqlDriver, type SqlQueryable } from './driver.js';

export interface OpenSqlStoreOptions {
  /** `postgres://…`: PostgreSQL. Absent: PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data directory (default `./.data`; the database goes in `<dataDir>/pglite`). */
  dataDir?: string;
  /** Use this driver instead (tests share one PGlite per file). */
  driver?: SqlDriver;
  schema?: string;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
  /** Run migrations on open (default true). */
  migrate?: boolean;
}

export async function openSqlStore(options: OpenSqlStoreOptions = {}): Promise<SqlStore> {
  let driver = options.driver;
  if (!driver) {
    if (options.databaseUrl) {
      driver = postgresDriver(options.databaseUrl, { max: options.poolSize ?? 10 });
    } else {
      const dataDir = options.dataDir ?? './.data';
      await mkdir(dataDir, { recursive: true });
      driver = await pgliteDriver({ dataDir: `${dataDir.replace(/\/+$/, '')}/pglite` });
    }
  }
  const schema = options.schema ?? 'public';
  try {
    if (options.migrate !== false) await migrate(driver, schema);
  } catch (error) {
    if (!options.driver) await driver.close();
    throw error;
  }
  return new SqlStore(driver, { schema, closeDriver: !options.driver });
}

/** Brings a schema up to date with every feature's migrations (sql/features.ts). */
export const migrate = (
  driver: SqlDriver,
  schema = 'public',
  list: readonly Migration[] = migrations,
): Promise<number[]> => runMigrations(driver, schema, list);
