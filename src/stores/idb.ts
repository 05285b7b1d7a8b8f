import type { Change, Persistence } from './memory-core.js';

const STORE = 'records';
/** An IndexedDB request as a promise. */
const done = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Persists a memory store in IndexedDB: one object store keyed by [collection, id], each
 * commit written in one IndexedDB transaction. `name` separates stores (one per API origin
 * and community set, or per test). Plain IndexedDB, not `idb`: it is in every embedded page
 * and the wrapper's 1.4 kB put the embedded budget over (docs/size.md).
 */
export function indexedDbPersistence(name = 'shequ-kit'): Persistence {
  let db: Promise<IDBDatabase> | undefined;
  const open = () => {
    if (!db) {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      db = done(r);
    }
    return db;
  };
  return {
    async load() {
      const store = (await open()).transaction(STORE, 'readonly').objectStore(STORE);
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      return keys.map((key, i) => {
        const [collection, id] = key as [string, string];
        return { collection, id, value: values[i] };
      });
    },
    async write(changes: Change[]) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const { collection, id, value } of changes) {
        if (value === undefined) store.delete([collection, id]);
        else store.put(value, [collection, id]);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
    },
    async close() {
      (await db)?.close();
      db = undefined;
    },
  };
}
