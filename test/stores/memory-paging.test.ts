// The memory store's list indexes (src/stores/memory-core.ts): pages read from an index kept
// in order match the oracle (sorting everything, `pageNewestFirst`) through inserts, updates
// that move an item, deletes and rollbacks; and paging 10,000 wishes to the end costs one
// sort and then reads in proportion to the pages, not a sort per page (counted, not timed; the
// numbers before and after are printed by `npm run bench:paging`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Wish } from '../../src/features/wishes/model.js';
import { encodeNewestCursor, pageNewestFirst } from '../../src/domain/paging.js';
import { wishMemoryRepositories } from '../../src/features/wishes/repos/memory.js';
import {
  MemoryTx,
  type Indexes,
  type NewestIndex,
  type Tables,
} from '../../src/stores/memory-core.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { U } from './conformance-kit.js';

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wish = (n: number, extra: Partial<Wish> = {}): Wish =>
  ({
    id: U(`w${n}`),
    community: 'xingfuli',
    category: 'daily',
    title: `心愿 ${n}`,
    story: '想要一台收音机。',
    wisherName: '王秀英',
    phone: '13812341234',
    status: 'open',
    createdAt: new Date(Date.UTC(2026, 2, 2) + n * 60_000).toISOString(),
    codeHash: `code-${n}`,
    history: [],
    ...extra,
  }) as Wish;

const FILTERS: { statuses?: Wish['status'][]; category?: string }[] = [
  {},
  { statuses: ['open'] },
  { category: 'study' },
];

/** Every page of a list, by following its cursors. */
async function everyPage(
  list: (cursor?: string) => Promise<{ items: Wish[]; nextCursor?: string }>,
): Promise<{ ids: string[]; cursors: string[] }> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    ids.push(...page.items.map((w) => w.id));
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return { ids, cursors };
}

describe('memory store: lists read from indexes kept in order', () => {
  it('pages like the oracle through inserts, moves between communities and instants, and rollbacks', async () => {
    const rand = random(7);
    const store = createMemoryStore();
    const live = new Map<string, Wish>();
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    // Few distinct instants, so ties (broken by id) are common.
    const instant = () =>
      new Date(Date.UTC(2026, 2, 2) + Math.floor(rand() * 40) * 1000).toISOString();
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 25; i++) {
        const n = Math.floor(rand() * 120);
        const next = wish(n, {
          community: pick(['xingfuli', 'heping']),
          status: pick(['open', 'claimed', 'pending_review'] as const),
          category: pick(['daily', 'study']),
          createdAt: instant(),
        });
        if (rand() < 0.2) {
          // A transaction that writes, then fails: its writes (and index moves) are undone.
          await store
            .transaction(async (tx) => {
              await tx.wishes.put(next);
              await tx.wishes.put(wish(n + 500, { createdAt: instant() }));
              throw new Error('rolled back');
            })
            .catch(() => undefined);
        } else {
          await store.wishes.put(next);
          live.set(next.id, next);
        }
      }
      for (const community of ['xingfuli', 'heping']) {
        for (const filter of FILTERS) {
          const limit = 1 + Math.floor(rand() * 7);
          const expected = await everyPage(async (cursor) =>
            pageNewestFirst(
              [...live.values()].filter(
                (w) =>
                  w.community === community &&
                  (filter.statuses === undefined || filter.statuses.includes(w.status)) &&
                  (filter.category === undefined || w.category === filter.category),
              ),
              (w) => w.createdAt,
              { limit, cursor },
            ),
          );
          const got = await everyPage(async (cursor) =>
            store.wishes.list({ community, limit, ...filter, ...(cursor ? { cursor } : {}) }),
          );
          assert.deepEqual(
            got,
            expected,
            `round ${round}, ${community}, ${JSON.stringify(filter)}`,
          );
        }
      }
    }
    await store.close();
  });

  it('keeps an index through deletes and reads strictly after a cursor', () => {
    const tables: Tables = new Map();
    const tx = new MemoryTx(tables, new Map());
    const index: NewestIndex<Wish> = {
      collection: 'wishes',
      partition: (w) => w.community,
      at: (w) => w.createdAt,
    };
    const ids = (after?: readonly [string, string]) =>
      tx
        .page(
          index,
          'xingfuli',
          { limit: Infinity, cursor: after && encodeNewestCursor(after) },
          () => true,
        )
        .items.map((w) => w.id);
    for (let n = 0; n < 6; n++) tx.set('wishes', wish(n).id, wish(n));
    assert.deepEqual(
      ids(),
      [5, 4, 3, 2, 1, 0].map((n) => wish(n).id),
    );
    tx.set('wishes', wish(3).id, undefined);
    tx.set('wishes', wish(0).id, wish(0, { community: 'heping' }));
    assert.deepEqual(
      ids(),
      [5, 4, 2, 1].map((n) => wish(n).id),
    );
    assert.deepEqual(
      ids([wish(4).createdAt, wish(4).id]),
      [2, 1].map((n) => wish(n).id),
    );
    // A cursor's key need not be an item's: what is strictly older comes next.
    assert.deepEqual(
      ids([wish(3).createdAt, wish(3).id]),
      [2, 1].map((n) => wish(n).id),
    );
    tx.rollback();
    assert.deepEqual(ids(), []);
    assert.equal(tables.get('wishes')?.size, 0);
  });

  it('pages 10,000 wishes to the end reading in proportion to the pages, not sorting each', async () => {
    const total = 10_000;
    const limit = 20;
    // Loaded as from a persistence (IndexedDB): the index is built on the first list (one
    // sort), then read by binary search from each cursor.
    const tables: Tables = new Map();
    const indexes: Indexes = new Map();
    const load = new MemoryTx(tables, indexes);
    const values: Wish[] = [];
    for (let n = 0; n < total; n++) {
      const value = wish(n, {
        createdAt: new Date(Date.UTC(2026, 0, 1) + (n % 5000) * 1000).toISOString(),
      });
      values.push(value);
      load.write('wishes', value.id, value);
    }
    // Counted: comparisons of every sort (Array.prototype.sort), and each read of an index's
    // keys (a binary search's step is one; the page's scan reads each key it passes).
    let [sorted, reads] = [0, 0];
    const sort = Array.prototype.sort;
    Array.prototype.sort = function (
      this: unknown[],
      compare?: (a: unknown, b: unknown) => number,
    ) {
      return sort.call(this, compare && ((a, b) => (sorted++, compare(a, b))));
    } as typeof sort;
    const count = () => {
      for (const [index, keys] of indexes) {
        indexes.set(
          index,
          new Proxy(keys, {
            get: (target, key) => {
              if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
              return Reflect.get(target, key);
            },
          }),
        );
      }
    };
    let pages = 0;
    let ids: string[];
    try {
      ({ ids } = await everyPage(async (cursor) => {
        if (pages++ === 1) count(); // built by the first page
        return wishMemoryRepositories(new MemoryTx(tables, indexes)).wishes.list({
          community: 'xingfuli',
          limit,
          ...(cursor ? { cursor } : {}),
        });
      }));
    } finally {
      Array.prototype.sort = sort;
    }
    assert.equal(ids.length, total);
    assert.equal(pages, total / limit);
    assert.deepEqual(
      ids,
      [...values]
        .sort((a, b) =>
          a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1,
        )
        .map((w) => w.id),
    );
    // One sort when the index is built (about n log2 n = 133,000 at most); then per page a
    // binary search (log2 n ≈ 14 reads) and a scan of 21 keys, 3 reads each. Sorting every
    // page as before cost 500 × (two sorts of 10,000): 15 million comparisons.
    assert.ok(sorted <= total * Math.log2(total), `${sorted} comparisons sorting`);
    assert.ok(reads <= pages * (Math.log2(total) + 2 + 3 * (limit + 1)), `${reads} index reads`);
    console.log(
      `paging ${total} wishes to the end (${pages} pages of ${limit}): ${sorted} comparisons sorting, ${reads} index reads`,
    );
  });
});
