// The memory store's lazy repositories (src/stores/lazy.ts): a stand-in loads its feature's
// code on the first call, but retention and the orphan pass, which the embedded transport runs
// whenever it opens, are answered without loading while their collection is empty — so a page
// using one feature does not download every feature's repositories at open.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lazyRepositories, retainedIn } from '../../src/stores/lazy.js';
import { MemoryTx, type MemoryCore } from '../../src/stores/memory-core.js';
import { storeFeatures } from '../../src/stores/features.js';
import type { RetainingRepository, RetentionBatch } from '../../src/services/store.js';

interface Things {
  things: { anonymiseEnded(batch: RetentionBatch): Promise<unknown>; count(): Promise<number> };
}

const batch: RetentionBatch = {
  community: 'c1',
  endedBefore: '2026-01-01T00:00:00.000Z',
  at: '2026-06-01T00:00:00.000Z',
  limit: 10,
};

function standIn(core: MemoryCore) {
  let loads = 0;
  const repos = lazyRepositories<Things>(
    core,
    async () => {
      loads++;
      return (c) => ({
        things: {
          anonymiseEnded: async () => ({ anonymised: ['t1'], photos: [] }),
          count: async () => [...c.scan('things')].length,
        },
      });
    },
    ['things'],
    { things: retainedIn('things') },
  );
  return { repos, loads: () => loads };
}

describe('lazy repositories', () => {
  it('answer retention without loading while the collection is empty, and load once it is not', async () => {
    const core = new MemoryTx(new Map(), new Map());
    const { repos, loads } = standIn(core);
    assert.deepEqual(await repos.things.anonymiseEnded(batch), { anonymised: [], photos: [] });
    assert.equal(loads(), 0);
    core.set('things', 't1', { id: 't1' });
    assert.deepEqual(await repos.things.anonymiseEnded(batch), { anonymised: ['t1'], photos: [] });
    assert.equal(loads(), 1);
  });

  it('load on any other call, empty or not, once', async () => {
    const core = new MemoryTx(new Map(), new Map());
    const { repos, loads } = standIn(core);
    assert.equal(await repos.things.count(), 0);
    assert.equal(await repos.things.count(), 0);
    assert.equal(loads(), 1);
  });

  it("every feature's retention and the orphan pass are answered idle on an empty store", async () => {
    // A core that only lets a collection be checked for emptiness: any repository code that
    // ran (loaded) would read it with all/get/page and throw.
    const empty = new MemoryTx(new Map(), new Map());
    const sealed = new Proxy(empty, {
      get: (target, key) =>
        key === 'scan'
          ? target.scan.bind(target)
          : () => {
              throw new Error(`loaded: read ${String(key)}`);
            },
    }) as MemoryCore;
    const retained = storeFeatures.flatMap((f) =>
      'retained' in f ? f.retained.map((name) => ({ f, name })) : [],
    );
    assert.deepEqual(
      retained.map((r) => r.name),
      ['complaints', 'wishes', 'bookings', 'activityRegistrations', 'redblackAppeals'],
    );
    for (const { f, name } of retained) {
      const repo = (f.memory(sealed) as unknown as Record<string, RetainingRepository>)[name]!;
      assert.deepEqual(await repo.anonymiseEnded(batch), { anonymised: [], photos: [] }, name);
    }
    const complaints = storeFeatures.find((f) => f.name === 'complaints')!.memory(sealed);
    assert.deepEqual(await complaints.uploads.deleteOrphans('2026-01-01T00:00:00.000Z', 200), []);
  });
});
