import type { CoreRepositories } from '../features/core/repos/types.js';
import type { ComplaintRepositories } from '../features/complaints/repos/types.js';
import type { WishRepositories } from '../features/wishes/repos/types.js';

export type * from '../features/core/repos/types.js';
export type * from '../features/complaints/repos/types.js';
export type * from '../features/wishes/repos/types.js';

/**
 * What services need from storage: every feature's repositories (their interfaces in
 * src/features/<feature>/repos/types.ts) and transactions. Implementations: the memory store
 * (+ IndexedDB in the browser) and the SQL store (PGlite / PostgreSQL), both composed from
 * the features' repositories in src/stores; all pass test/stores/conformance.ts. Values
 * returned are copies: changing them changes nothing stored.
 */
export interface Store extends CoreRepositories, ComplaintRepositories, WishRepositories {
  /**
   * Runs `fn` atomically: all its writes or none, and no other transaction interleaves with
   * it on the rows it locks (SQL: one transaction, where the reads a rule decides on ask for
   * their row's lock with `{ lock: true }` and no other read locks; memory: one lock).
   * Capacity and exclusivity rules are checked inside one call. Nested calls join the outer
   * transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A Store's repositories, without its transactions. */
export type StoreRepositories = Omit<Store, 'transaction' | 'close'>;
