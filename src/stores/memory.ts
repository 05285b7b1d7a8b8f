import type { Store, StoreRepositories } from '../services/store.js';
import { MemoryTx, type Indexes, type Persistence, type Tables } from './memory-core.js';
import { composeRepositories, storeFeatures } from './features.js';

export type { Change, MemoryCore, NewestIndex, Persistence } from './memory-core.js';

const repositoriesOn = (tx: MemoryTx) =>
  composeRepositories(
    storeFeatures.map((f) => f.memory),
    tx,
  );

type Methods = Record<string, (...args: unknown[]) => Promise<unknown>>;

/**
 * The memory store: everything under one lock, so a transaction's read-check-write can never
 * interleave with another's (the memory counterpart of SQL's row locks). With a Persistence,
 * each commit is written through before the transaction resolves. Repositories come from the
 * features' list (features.ts); outside a transaction each call is a transaction of its own.
 */
export function createMemoryStore(persistence?: Persistence): Store {
  const tables: Tables = new Map();
  const indexes: Indexes = new Map();
  let lock: Promise<unknown> = Promise.resolve();
  const ready = persistence
    ? persistence.load().then((changes) => {
        const tx = new MemoryTx(tables, indexes);
        for (const { collection, id, value } of changes) tx.write(collection, id, value);
      })
    : Promise.resolve();

  /** Repositories bound to one transaction; nested `transaction` calls join it. */
  const inTransaction = (tx: MemoryTx): Store => {
    const store: Store = {
      ...repositoriesOn(tx),
      transaction: (fn) => fn(store),
      close: async () => undefined,
    };
    return store;
  };

  const transaction = <T>(fn: (tx: Store) => Promise<T>): Promise<T> => {
    const run = async () => {
      await ready;
      const tx = new MemoryTx(tables, indexes);
      try {
        const result = await fn(inTransaction(tx));
        if (persistence && tx.written.size) await persistence.write([...tx.written.values()]);
        return result;
      } catch (error) {
        tx.rollback();
        throw error;
      }
    };
    const result = lock.then(run, run);
    lock = result.catch(() => undefined);
    return result;
  };

  // Outside a transaction: each method of each repository runs in a transaction of its own
  // (read through a proxy of the repository's shape; what is not a method reads as absent).
  const shapes = repositoriesOn(new MemoryTx(new Map(), new Map()));
  const outside = Object.fromEntries(
    Object.entries(shapes).map(([name, shape]) => [
      name,
      new Proxy(shape as unknown as Methods, {
        get: (target, method: string) =>
          typeof target[method] === 'function'
            ? (...args: unknown[]) =>
                transaction((tx) =>
                  (tx as unknown as Record<string, Methods>)[name]![method]!(...args),
                )
            : undefined,
      }),
    ]),
  ) as unknown as StoreRepositories;

  return {
    ...outside,
    transaction,
    async close() {
      await lock;
      await persistence?.close?.();
    },
  };
}
