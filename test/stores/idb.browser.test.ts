import { indexedDbPersistence } from '../../src/stores/idb.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { storeConformance } from './conformance.js';

let name = '';
storeConformance(
  'memory + IndexedDB',
  {
    open: async () => {
      name = `sq-conformance-${Math.random().toString(36).slice(2)}`;
      return createMemoryStore(indexedDbPersistence(name));
    },
    reopen: async () => createMemoryStore(indexedDbPersistence(name)),
  },
  describe,
  it,
);

after(async () => {
  const databases = (await indexedDB.databases?.()) ?? [];
  for (const db of databases) {
    if (db.name?.startsWith('sq-conformance-')) indexedDB.deleteDatabase(db.name);
  }
});
