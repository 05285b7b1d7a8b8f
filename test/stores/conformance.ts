/**
 * The store conformance suite: every Store implementation (memory, memory + IndexedDB, SQL on
 * PGlite and on PostgreSQL) must pass it. Runner-agnostic: pass node:test's or mocha's
 * describe/it, so the same cases run in Node and in the browser.
 */
import { demoCommunities } from '../../src/services/demo.js';
import type { Store } from '../../src/services/store.js';
import type { Community } from '../../src/domain/index.js';

export interface StoreHarness {
  /** A store over empty data. */
  open(): Promise<Store>;
  /** Opens the same data again after `close()`, for stores that persist. */
  reopen?(): Promise<Store>;
}

type Describe = (name: string, fn: () => void) => void;
type It = (name: string, fn: () => Promise<void>) => void;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const same = (a: unknown, b: unknown, message: string) =>
  check(JSON.stringify(a) === JSON.stringify(b), `${message}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);

const community = (id: string, extra: Partial<Community> = {}): Community => ({
  ...structuredClone(demoCommunities[0]!),
  id,
  ...extra,
});

export function storeConformance(name: string, harness: StoreHarness, describe: Describe, it: It) {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await harness.open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  describe(`Store conformance: ${name}`, () => {
    it(
      'puts, gets and lists communities sorted by id',
      withStore(async (store) => {
        check((await store.communities.get('nope')) === undefined, 'unknown id is undefined');
        await store.communities.put(community('b'));
        await store.communities.put(community('a', { name: '甲社区' }));
        same((await store.communities.list()).map((c) => c.id), ['a', 'b'], 'sorted list');
        same(await store.communities.get('a'), community('a', { name: '甲社区' }), 'round trip');
      }),
    );

    it(
      'replaces on put and returns copies, not live objects',
      withStore(async (store) => {
        await store.communities.put(community('a'));
        const got = (await store.communities.get('a'))!;
        got.name = 'changed outside';
        got.grids.length = 0;
        same((await store.communities.get('a'))!.name, demoCommunities[0]!.name, 'copy');
        await store.communities.put(community('a', { name: '新名字' }));
        same((await store.communities.get('a'))!.name, '新名字', 'replaced');
        same((await store.communities.list()).length, 1, 'still one');
      }),
    );

    it(
      'keeps nothing of a transaction that throws',
      withStore(async (store) => {
        await store.communities.put(community('a'));
        let thrown: unknown;
        try {
          await store.transaction(async (tx) => {
            await tx.communities.put(community('a', { name: '改了' }));
            await tx.communities.put(community('b'));
            throw new Error('boom');
          });
        } catch (error) {
          thrown = error;
        }
        check(thrown instanceof Error && thrown.message === 'boom', 'the error reaches the caller');
        same((await store.communities.get('a'))!.name, demoCommunities[0]!.name, 'a unchanged');
        check((await store.communities.get('b')) === undefined, 'b not created');
      }),
    );

    it(
      'sees its own writes inside a transaction, and joins nested ones',
      withStore(async (store) => {
        await store.transaction(async (tx) => {
          await tx.communities.put(community('a'));
          check((await tx.communities.get('a')) !== undefined, 'own write visible');
          await tx.transaction(async (inner) => inner.communities.put(community('b')));
        });
        same((await store.communities.list()).map((c) => c.id), ['a', 'b'], 'both committed');
      }),
    );

    it(
      'loses no update when 20 transactions read-modify-write the same row at once',
      withStore(async (store) => {
        await store.communities.put(community('a', { grids: [] }));
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transaction(async (tx) => {
              const current = (await tx.communities.get('a'))!;
              // Yield between read and write, where another transaction could sneak in.
              await new Promise((resolve) => setTimeout(resolve, 1));
              current.grids.push({ id: `g${i}`, name: `网格${i}`, buildings: [] });
              await tx.communities.put(current);
            }),
          ),
        );
        same((await store.communities.get('a'))!.grids.length, 20, 'all 20 grids kept');
      }),
    );

    if (harness.reopen) {
      const reopen = harness.reopen;
      it('keeps committed data across close and reopen', async () => {
        const store = await harness.open();
        await store.communities.put(community('kept'));
        await store.transaction(async (tx) => {
          await tx.communities.put(community('dropped'));
          throw new Error('rollback');
        }).catch(() => undefined);
        await store.close();
        const again = await reopen();
        try {
          same((await again.communities.list()).map((c) => c.id), ['kept'], 'after reopen');
        } finally {
          await again.close();
        }
      });
    }
  });
}
