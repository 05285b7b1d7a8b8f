import { describe, it } from 'node:test';
import { createMemoryStore, type Change, type Persistence } from '../../src/stores/memory.js';
import { storeConformance } from './conformance.js';

storeConformance('memory', { open: async () => createMemoryStore() }, describe, it);

/** A persistence kept in a Map: what survives is only what `write` was given. */
function mapPersistence(): Persistence {
  const saved = new Map<string, Change>();
  return {
    async load() {
      return [...saved.values()];
    },
    async write(changes) {
      for (const change of changes) {
        const key = `${change.collection}/${change.id}`;
        if (change.value === undefined) saved.delete(key);
        else saved.set(key, structuredClone(change));
      }
    },
  };
}

const persisted = mapPersistence();
storeConformance(
  'memory with persistence',
  {
    open: async () => {
      for (const change of await persisted.load()) {
        await persisted.write([{ ...change, value: undefined }]);
      }
      return createMemoryStore(persisted);
    },
    reopen: async () => createMemoryStore(persisted),
  },
  describe,
  it,
);
