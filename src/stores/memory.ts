import type { Store, StoreRepositories } from '../services/store.js';
import { MemoryTx, type Persistence, type Tables } from './memory-core.js';
import { composeRepositories, storeFeatures } from './features.js';

export type { Change, MemoryCore, Persistence } from './memory-core.js';

const repositoriesOn = (tx: MemoryTx) =>
  composeRepositories(
    storeFeatures.map((f) => f.memory),
    tx,
  );

/** A repository's methods: a class's (on its prototypes) or a plain object's. */
function methodNames(repository: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = repository; o && o !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name !== 'constructor' && typeof Reflect.get(repository, name) === 'function') {
        names.add(name);
      }
    }
    o = Object.getPrototypeOf(o) as object | null;
  }
  return [...names];
}

/**
 * The memory store: everything under one lock, so a transaction's read-check-write can never
 * interleave with another's (the memory counterpart of SQL's row locks). With a Persistence,
 * each commit is written through before the transaction resolves. Repositories come from the
 * features' list (features.ts); outside a transaction each call is a transaction of its own.
 */
export function createMemoryStore(persistence?: Persistence): Store {
  const tables: Tables = new Map();
  let lock: Promise<unknown> = Promise.resolve();
  const ready = persistence
    ? persistence.load().then((changes) => {
        const tx = new MemoryTx(tables);
        for (const { collection, id, value } of changes) tx.set(collection, id, value);
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
      const tx = new MemoryTx(tables);
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

  // Outside a transaction: each method of each repository runs in a transaction of its own.
  const shapes = repositoriesOn(new MemoryTx(new Map()));
  const outside = Object.fromEntries(
    Object.entries(shapes).map(([name, repository]) => [
      name,
      Object.fromEntries(
        methodNames(repository as object).map((method) => [
          method,
          (...args: unknown[]) =>
            transaction((tx) => {
              const bound = tx[name as keyof StoreRepositories] as unknown as Record<
                string,
                (...a: unknown[]) => Promise<unknown>
              >;
              return bound[method]!(...args);
            }),
        ]),
      ),
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
