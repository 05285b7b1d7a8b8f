// The memory store's core: tables of JSON values by id, and one transaction's view of them
// with its undo log. Features' memory repositories (src/features/<feature>/repos/memory.ts)
// work on a MemoryCore; the store (memory.ts) gives each transaction a fresh one.
import { decodeNewestCursor, encodeNewestCursor, type Page } from '../domain/paging.js';

/** One stored record: collections hold JSON values by id. */
export interface Change {
  collection: string;
  id: string;
  /** undefined = deleted. */
  value: unknown;
}

/**
 * Where a memory store keeps its data between page loads (IndexedDB in the browser). `write`
 * gets each committed transaction's changes together and must apply them atomically.
 */
export interface Persistence {
  /** What was written before; the store keeps these values (it never changes them). */
  load(): Promise<Change[]>;
  write(changes: Change[]): Promise<void>;
  close?(): Promise<void>;
}

/**
 * An order a collection is kept in, so that pages are read without sorting: newest first by
 * (`at`, id), both descending (the SQL stores' `ORDER BY at DESC, id DESC`), within each
 * partition (a community). Declare one per list as a module constant: the object is its name.
 */
export interface NewestIndex<T> {
  readonly collection: string;
  /** The partition a value is listed in (its community). */
  partition(value: T): string;
  /** Its instant, canonical ISO (`toISOString()`), so strings compare as instants. */
  at(value: T): string;
}

/** What a feature's memory repositories read and write: values are copied in and out. */
export interface MemoryCore {
  get<T>(collection: string, id: string): T | undefined;
  /** Every value of a collection, sorted by id. */
  all<T>(collection: string): T[];
  has(collection: string, id: string): boolean;
  /**
   * Every value of a collection as stored, in no order: not copies, for counting (aggregates
   * over every row without copying each). Never change or keep them.
   */
  scan<T>(collection: string): Iterable<Readonly<T>>;
  /** `undefined` deletes. */
  set(collection: string, id: string, value: unknown): void;
  /**
   * A page of `index`'s `partition`, newest first: `query.limit` values (copies) after
   * `query.cursor` (read strictly, as `decodeNewestCursor` does) that pass `where` (which sees
   * the stored value: it must not change it), and a cursor when there are more. The pages and
   * cursors of `pageNewestFirst` and of the SQL stores; found by binary search, so a page of n
   * reads about n values whatever the collection's size. `limit: Infinity` reads them all.
   */
  page<T extends { id: string }>(
    index: NewestIndex<T>,
    partition: string,
    query: { limit: number; cursor?: string | undefined },
    where: (value: T) => boolean,
  ): Page<T>;
}

/**
 * An index holds one key per value, sorted ascending: `partition \0 at \0 id`. `\0` sorts
 * before every other character, so this is the order of (partition, at, id) compared as
 * strings; newest first is reading a partition's keys backwards.
 */
const keyOf = (index: AnyIndex, value: unknown, id: string) =>
  `${index.partition(value as never)}\0${index.at(value as never)}\0${id}`;

/** The first position whose key is not below `key`. */
function search(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type AnyIndex = NewestIndex<never>;

export type Tables = Map<string, Map<string, unknown>>;
/**
 * A memory store's indexes: each built one's keys, sorted. An index is built on its first
 * use (one sort), then kept in order on every write by binary insertion and removal,
 * rollbacks included; data loaded from a Persistence is indexed when first listed.
 */
export type Indexes = Map<AnyIndex, string[]>;

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** A transaction's view: writes go straight to the tables and are undone if it throws. */
export class MemoryTx implements MemoryCore {
  readonly undo: Change[] = [];
  readonly written = new Map<string, Change>();
  constructor(
    private readonly tables: Tables,
    private readonly indexes: Indexes,
  ) {}

  private table(collection: string): Map<string, unknown> {
    let table = this.tables.get(collection);
    if (!table) this.tables.set(collection, (table = new Map()));
    return table;
  }
  /** Stores `value` (`undefined` deletes) and keeps every built index of its collection. */
  write(collection: string, id: string, value: unknown): void {
    const table = this.table(collection);
    const old = table.get(id);
    for (const [index, keys] of this.indexes) {
      if (index.collection !== collection) continue;
      if (old !== undefined) {
        const key = keyOf(index, old, id);
        const at = search(keys, key);
        if (keys[at] === key) keys.splice(at, 1);
      }
      if (value !== undefined) {
        const key = keyOf(index, value, id);
        keys.splice(search(keys, key), 0, key);
      }
    }
    if (value === undefined) table.delete(id);
    else table.set(id, value);
  }
  get<T>(collection: string, id: string): T | undefined {
    return copy(this.table(collection).get(id) as T | undefined);
  }
  all<T>(collection: string): T[] {
    return (
      [...this.table(collection)]
        // Ids are unique in a table.
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, value]) => copy(value as T))
    );
  }
  has(collection: string, id: string): boolean {
    return this.table(collection).has(id);
  }
  scan<T>(collection: string): Iterable<Readonly<T>> {
    return this.table(collection).values() as Iterable<Readonly<T>>;
  }
  set(collection: string, id: string, value: unknown): void {
    this.undo.push({ collection, id, value: this.table(collection).get(id) });
    // One copy, both stored and handed to the persistence (which only reads it).
    const stored = copy(value);
    this.write(collection, id, stored);
    this.written.set(`${collection}\u0000${id}`, { collection, id, value: stored });
  }
  page<T extends { id: string }>(
    index: NewestIndex<T>,
    partition: string,
    query: { limit: number; cursor?: string | undefined },
    where: (value: T) => boolean,
  ): Page<T> {
    const table = this.table(index.collection);
    let keys = this.indexes.get(index as AnyIndex);
    if (!keys) {
      // Built on first use: one sort. Keys are unique (they end with the id).
      keys = [...table].map(([id, value]) => keyOf(index as AnyIndex, value, id));
      this.indexes.set(
        index as AnyIndex,
        keys.sort((a, b) => (a < b ? -1 : 1)),
      );
    }
    const prefix = `${partition}\0`;
    const after = decodeNewestCursor(query.cursor);
    const items: T[] = [];
    // Backwards from the last key below the cursor's (or the partition's last key).
    let i = search(keys, after ? `${prefix}${after[0]}\0${after[1]}` : `${partition}\u0001`);
    while (--i >= 0 && keys[i]!.startsWith(prefix)) {
      const value = table.get(keys[i]!.slice(keys[i]!.lastIndexOf('\0') + 1)) as T;
      // One more than a page: there is a next page.
      if (where(value) && items.push(copy(value)) > query.limit) {
        items.pop();
        const last = items[items.length - 1]!;
        return { items, nextCursor: encodeNewestCursor([index.at(last), last.id]) };
      }
    }
    return { items };
  }
  rollback(): void {
    for (const { collection, id, value } of this.undo.reverse()) {
      this.write(collection, id, value);
    }
  }
}
