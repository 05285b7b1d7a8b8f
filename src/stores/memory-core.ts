// The memory store's core: tables of JSON values by id, and one transaction's view of them
// with its undo log. Features' memory repositories (src/features/<feature>/repos/memory.ts)
// work on a MemoryCore; the store (memory.ts) gives each transaction a fresh one.

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
  load(): Promise<Change[]>;
  write(changes: Change[]): Promise<void>;
  close?(): Promise<void>;
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
}

export type Tables = Map<string, Map<string, unknown>>;

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** A transaction's view: writes go straight to the tables and are undone if it throws. */
export class MemoryTx implements MemoryCore {
  readonly undo: Change[] = [];
  readonly written = new Map<string, Change>();
  constructor(private readonly tables: Tables) {}

  private table(collection: string): Map<string, unknown> {
    let table = this.tables.get(collection);
    if (!table) this.tables.set(collection, (table = new Map()));
    return table;
  }
  get<T>(collection: string, id: string): T | undefined {
    return copy(this.table(collection).get(id) as T | undefined);
  }
  all<T>(collection: string): T[] {
    return [...this.table(collection).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, value]) => copy(value as T));
  }
  has(collection: string, id: string): boolean {
    return this.table(collection).has(id);
  }
  scan<T>(collection: string): Iterable<Readonly<T>> {
    return this.table(collection).values() as Iterable<Readonly<T>>;
  }
  set(collection: string, id: string, value: unknown): void {
    const table = this.table(collection);
    this.undo.push({ collection, id, value: table.get(id) });
    if (value === undefined) table.delete(id);
    else table.set(id, copy(value));
    this.written.set(`${collection}\u0000${id}`, { collection, id, value: copy(value) });
  }
  rollback(): void {
    for (const { collection, id, value } of this.undo.reverse()) {
      if (value === undefined) this.table(collection).delete(id);
      else this.table(collection).set(id, value);
    }
  }
}
