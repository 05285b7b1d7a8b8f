import { expect } from '@open-wc/testing';
import type { Wish } from '../../src/features/wishes/model.js';
import type { Store } from '../../src/services/store.js';
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

describe('memory + IndexedDB: list indexes', () => {
  it('pages what it loads from IndexedDB in the order it listed before (index rebuilt on load)', async () => {
    const db = `sq-conformance-${Math.random().toString(36).slice(2)}`;
    const wish = (n: number): Wish =>
      ({
        id: `01J${String(n).padStart(23, '0')}`,
        community: n % 3 ? 'xingfuli' : 'heping',
        category: 'daily',
        title: `心愿 ${n}`,
        story: '想要一台收音机。',
        wisherName: '王秀英',
        phone: '13812341234',
        status: 'open',
        // Pairs share an instant: ties are broken by id.
        createdAt: new Date(Date.UTC(2026, 2, 2) + Math.floor(n / 2) * 1000).toISOString(),
        codeHash: `code-${n}`,
        history: [],
      }) as Wish;
    const pages = async (store: Store) => {
      const seen: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await store.wishes.list({
          community: 'xingfuli',
          limit: 4,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(page.items.map((w) => w.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const store = createMemoryStore(indexedDbPersistence(db));
    for (const n of [5, 0, 9, 2, 7, 1, 8, 4, 3, 6, 11, 10]) await store.wishes.put(wish(n));
    const before = await pages(store);
    await store.close();
    const again = createMemoryStore(indexedDbPersistence(db));
    try {
      const expected = [11, 10, 8, 7, 5, 4, 2, 1].map((n) => wish(n).id);
      expect(before.flat()).to.deep.equal(expected);
      expect(await pages(again)).to.deep.equal(before);
      // Written after the load: kept in order by insertion.
      await again.wishes.put(wish(13));
      await again.wishes.put(wish(14));
      expect((await pages(again)).flat()).to.deep.equal([wish(14).id, wish(13).id, ...expected]);
    } finally {
      await again.close();
    }
  });
});
