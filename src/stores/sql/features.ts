// The server half of each store feature: its SQL repositories and migrations, under the names
// of the one list (../features.ts), composed in that list's order with the store core's own.
import type { StoreFeatureName } from '../features.js';
import { storeFeatures } from '../features.js';
import type { StoreRepositories } from '../../services/store.js';
import type { ServerStateRepositories } from '../server-state.js';
import { coreMigrations, coreSqlRepositories } from '../../features/core/repos/sql.js';
import {
  complaintMigrations,
  complaintSqlRepositories,
} from '../../features/complaints/repos/sql.js';
import { wishMigrations, wishSqlRepositories } from '../../features/wishes/repos/sql.js';
import { bookingMigrations, bookingSqlRepositories } from '../../features/booking/repos/sql.js';
import { calendarMigrations, calendarSqlRepositories } from '../../features/calendar/repos/sql.js';
import { redblackMigrations, redblackSqlRepositories } from '../../features/redblack/repos/sql.js';
import { capacityMigrations } from './capacity.js';
import type { SqlCore } from './core.js';
import type { Migration } from './migrate.js';
import { serverStateMigrations, serverStateSqlRepositories } from './server-state.js';

/** What a feature gives the SQL store: its repositories on a core, and its migrations. */
export interface SqlStoreFeature<R extends object = object> {
  sql(core: SqlCore): R;
  migrations: readonly Migration[];
}

/** One entry per feature of the list: a feature missing here does not compile. */
export const sqlStoreFeatures: { readonly [name in StoreFeatureName]: SqlStoreFeature } = {
  core: { sql: coreSqlRepositories, migrations: coreMigrations },
  complaints: { sql: complaintSqlRepositories, migrations: complaintMigrations },
  wishes: { sql: wishSqlRepositories, migrations: wishMigrations },
  booking: { sql: bookingSqlRepositories, migrations: bookingMigrations },
  calendar: { sql: calendarSqlRepositories, migrations: calendarMigrations },
  redblack: { sql: redblackSqlRepositories, migrations: redblackMigrations },
};

const ordered = storeFeatures.map((f) => sqlStoreFeatures[f.name]);

/**
 * Every migration, by version: the store core's (server state, the shared capacity tables)
 * and each feature's (versions never repeat).
 */
export const migrations: readonly Migration[] = [
  ...serverStateMigrations,
  ...capacityMigrations,
  ...ordered.flatMap((f) => f.migrations),
].sort((a, b) => a.version - b.version);
for (const [i, m] of migrations.entries()) {
  if (m.version !== i + 1)
    throw new Error(`migration versions must run 1…n: ${m.version} at ${i + 1}`);
}

/** Every repository of a server's store on one core: the features' and the server state's. */
export const sqlRepositoriesOn = (core: SqlCore): StoreRepositories & ServerStateRepositories =>
  Object.assign(
    serverStateSqlRepositories(core),
    ...ordered.map((f) => f.sql(core)),
  ) as StoreRepositories & ServerStateRepositories;
