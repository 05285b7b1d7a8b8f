// `npm run bench:paging`: the embedded (memory) store paging 10,000 wishes of one community to
// the end, 20 a page, following each page's cursor. Prints the work counted (comparisons made
// by sorts, reads of the index's keys), with the time beside it (informational: this machine
// is shared). "before" is the list as it was until the index: every value of the table
// copied and sorted by id (`all()`), filtered, then sorted newest first and cut after the
// cursor (`pageNewestFirst`), on every page. "after" is the wish repository's `list()` on the
// memory core, its index built by the first page.
import { performance } from 'node:perf_hooks';
import { pageNewestFirst } from '../src/domain/paging.js';
import type { Wish } from '../src/features/wishes/model.js';
import { wishMemoryRepositories } from '../src/features/wishes/repos/memory.js';
import { MemoryTx, type Indexes, type Tables } from '../src/stores/memory-core.js';

const TOTAL = 10_000;
const LIMIT = 20;

const wish = (n: number): Wish =>
  ({
    id: `01J${String(n).padStart(23, '0')}`,
    community: 'xingfuli',
    category: 'daily',
    title: `心愿 ${n}`,
    story: '想要一台收音机，听听戏曲。',
    wisherName: '王秀英',
    phone: '13812341234',
    status: 'open',
    // Half the instants shared by two wishes: ties are broken by id.
    createdAt: new Date(Date.UTC(2026, 0, 1) + (n % (TOTAL / 2)) * 1000).toISOString(),
    codeHash: `code-${n}`,
    history: [],
  }) as Wish;

const values = Array.from({ length: TOTAL }, (_, n) => wish(n));

let sorted = 0;
const sort = Array.prototype.sort;
Array.prototype.sort = function (this: unknown[], compare?: (a: unknown, b: unknown) => number) {
  return sort.call(this, compare && ((a, b) => (sorted++, compare(a, b))));
} as typeof sort;

let reads = 0;
/** Counts each read of an index's keys. */
const counting = (indexes: Indexes) => {
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

type Lister = (cursor?: string) => Promise<{ items: Wish[]; nextCursor?: string }>;

async function run(name: string, list: Lister) {
  const [s, r] = [sorted, reads];
  const start = performance.now();
  let [pages, items, cursor] = [0, 0, undefined as string | undefined];
  do {
    const page = await list(cursor);
    pages++;
    items += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  const ms = performance.now() - start;
  console.log(
    `${name.padEnd(6)}  ${String(pages).padStart(4)} pages, ${items} wishes  ` +
      `${String(sorted - s).padStart(9)} comparisons sorting  ${String(reads - r).padStart(6)} index reads  ` +
      `${ms.toFixed(0).padStart(6)} ms`,
  );
  if (items !== TOTAL) throw new Error(`${name}: ${items} wishes paged, not ${TOTAL}`);
}

console.log(`memory store: paging ${TOTAL} wishes to the end, ${LIMIT} a page`);

const load = (tables: Tables, indexes: Indexes) => {
  const tx = new MemoryTx(tables, indexes);
  for (const value of values) tx.write('wishes', value.id, value);
};

// Before: what MemoryWishes.list did on every page.
const before: Tables = new Map();
load(before, new Map());
await run('before', async (cursor) => {
  const tx = new MemoryTx(before, new Map());
  const matching = tx.all<Wish>('wishes').filter((w) => w.community === 'xingfuli');
  return pageNewestFirst(matching, (w) => w.createdAt, { limit: LIMIT, cursor });
});

// After: the repository's list, from the index (built by the first page, then kept).
const [tables, indexes]: [Tables, Indexes] = [new Map(), new Map()];
load(tables, indexes);
let pages = 0;
await run('after', async (cursor) => {
  if (pages++ === 1) counting(indexes);
  return wishMemoryRepositories(new MemoryTx(tables, indexes)).wishes.list({
    community: 'xingfuli',
    limit: LIMIT,
    ...(cursor ? { cursor } : {}),
  });
});
Array.prototype.sort = sort;
