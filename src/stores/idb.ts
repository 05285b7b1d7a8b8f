import { openDB, type IDBPDatabase } from 'idb';
import type { Change, Persistence } from './memory.js';

const STORE = 'records';

/**
 * Persists a memory store in IndexedDB: one object store keyed by [collection, id], each
 * commit written in one IndexedDB transaction. `name` separates stores (one per API origin
 * and community set, or per test).
 */
export function indexedDbPersistence(name = 'shequ-kit'): Persistence {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    }));
  return {
    async load() {
      const database = await open();
      const tx = database.transaction(STORE, 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return keys.map((key, i) => {
        const [collection, id] = key as [string, string];
        return { collection, id, value: values[i] };
      });
    },
    async write(changes: Change[]) {
      const database = await open();
      const tx = database.transaction(STORE, 'readwrite');
      for (const { collection, id, value } of changes) {
        if (value === undefined) void tx.store.delete([collection, id]);
        else void tx.store.put(value, [collection, id]);
      }
      await tx.done;
    },
    async close() {
      (await db)?.close();
      db = undefined;
    },
  };
}
