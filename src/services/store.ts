import type { Community } from '../domain/index.js';

export interface CommunityRepository {
  get(id: string): Promise<Community | undefined>;
  /** Sorted by id. */
  list(): Promise<Community[]>;
  /** Inserts or replaces. */
  put(community: Community): Promise<void>;
}

/**
 * What services need from storage. Implementations: memory (+ IndexedDB in the browser) in
 * src/stores/memory.ts and SQL (PGlite / PostgreSQL) for the server; all pass
 * test/stores/conformance.ts. Values returned are copies: changing them changes nothing stored.
 */
export interface Store {
  readonly communities: CommunityRepository;
  /**
   * Runs `fn` atomically: all its writes or none, and no other transaction interleaves with
   * it on the rows it touches (SQL: one transaction; memory: one lock). Capacity and
   * exclusivity rules are checked inside one call. Nested calls join the outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
