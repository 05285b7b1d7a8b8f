import { systemClock, type Clock } from '../domain/index.js';
import { createContext } from '../services/context.js';
import { seedDemo } from '../services/demo.js';
import { runOperation } from '../services/run.js';
import type { Store } from '../services/store.js';
import { indexedDbPersistence } from '../stores/idb.js';
import { createMemoryStore, type Persistence } from '../stores/memory.js';
import { ApiError } from './errors.js';
import type { Transport } from './transport.js';

export interface EmbeddedOptions {
  /**
   * Where data lives between page loads. Default: IndexedDB (database `shequ-kit-embedded`)
   * when the page has it, else nothing (memory only). `false` keeps memory only.
   */
  persistence?: Persistence | false;
  /** Seed the demo street into an empty store (default true): demos and trials need data. */
  seed?: boolean;
  clock?: Clock;
  /** Use this store instead of making one (tests). */
  store?: Store;
}

/**
 * The services and a memory store, running in this page: loaded with a dynamic import, so
 * pages that talk HTTP never download it.
 */
export async function createEmbeddedTransport(options: EmbeddedOptions = {}): Promise<Transport> {
  const persistence =
    options.persistence === false
      ? undefined
      : (options.persistence ??
        (typeof indexedDB === 'undefined' ? undefined : indexedDbPersistence('shequ-kit-embedded')));
  const store = options.store ?? createMemoryStore(persistence);
  if (options.seed !== false) await seedDemo(store);
  const clock = options.clock ?? systemClock;
  return {
    kind: 'embedded',
    async call(name, input) {
      try {
        return await runOperation(name, createContext(store, { clock }), input);
      } catch (error) {
        throw ApiError.from(error);
      }
    },
    close: () => store.close(),
  };
}
