import type { StoreRepositories } from '../../services/store.js';
import type { ServerStateRepositories, ServerStore } from '../server-state.js';
import type { SqlCore } from './core.js';
import { quoteSchema, type SqlDriver } from './driver.js';
import { sqlRepositoriesOn } from './features.js';

export interface SqlStoreOptions {
  /** Tables live in this schema (default `public`); tests use one schema each. */
  schema?: string;
  /** Close the driver with the store (default true). */
  closeDriver?: boolean;
}

/** Repositories on one transaction's connection; nested `transaction` calls join it. */
function inTransaction(core: SqlCore): ServerStore {
  const store: ServerStore = {
    ...sqlRepositoriesOn(core),
    transaction: (fn) => fn(store),
    close: async () => undefined,
  };
  return store;
}

// The class's repositories are composed from the features' list (sql/features.ts), so they
// are declared here rather than as fields.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SqlStore extends StoreRepositories, ServerStateRepositories {}

/**
 * The SQL store over PGlite or PostgreSQL. Outside `transaction()` each call is one statement
 * (autocommit); inside, every call runs on the transaction's connection, and the reads a rule
 * needs ask for their row's lock (`{ lock: true }`), so read-check-write rules hold across
 * server instances. No other read locks.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SqlStore implements ServerStore {
  readonly schema: string;
  private readonly kept = {};
  constructor(
    readonly driver: SqlDriver,
    private readonly options: SqlStoreOptions = {},
  ) {
    this.schema = options.schema ?? 'public';
    Object.assign(
      this,
      sqlRepositoriesOn({ db: driver, s: quoteSchema(this.schema), kept: this.kept }),
    );
  }
  transaction<T>(fn: (tx: ServerStore) => Promise<T>): Promise<T> {
    return this.driver.transaction((db) =>
      fn(inTransaction({ db, s: quoteSchema(this.schema), kept: this.kept })),
    );
  }
  async ping() {
    await this.driver.query('SELECT 1');
  }
  async close() {
    if (this.options.closeDriver !== false) await this.driver.close();
  }
}
