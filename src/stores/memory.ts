import { DomainError, type Community } from '../domain/index.js';
import type { Session, StaffAccount } from '../services/auth-schemas.js';
import type {
  CommunityRepository,
  SessionRepository,
  StaffRepository,
  Store,
} from '../services/store.js';

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

type Tables = Map<string, Map<string, unknown>>;

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** A transaction's view: writes go straight to the tables and are undone if it throws. */
class MemoryTx {
  readonly undo: Change[] = [];
  readonly written = new Map<string, Change>();
  constructor(private readonly tables: Tables) {}

  table(collection: string): Map<string, unknown> {
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

class MemoryCommunities implements CommunityRepository {
  constructor(private readonly tx: MemoryTx) {}
  async get(id: string) {
    return this.tx.get<Community>('communities', id);
  }
  async list() {
    return this.tx.all<Community>('communities');
  }
  async put(community: Community) {
    this.tx.set('communities', community.id, community);
  }
}

class MemoryStaff implements StaffRepository {
  constructor(private readonly tx: MemoryTx) {}
  async get(id: string) {
    return this.tx.get<StaffAccount>('staff', id);
  }
  async getByUsername(username: string) {
    return this.tx.all<StaffAccount>('staff').find((a) => a.username === username);
  }
  async listByCommunity(community: string) {
    return this.tx
      .all<StaffAccount>('staff')
      .filter((a) => a.community === community)
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  }
  async put(account: StaffAccount) {
    const holder = await this.getByUsername(account.username);
    if (holder && holder.id !== account.id) {
      throw new DomainError('conflict', 'username taken', [
        { path: 'username', key: 'username.taken' },
      ]);
    }
    this.tx.set('staff', account.id, account);
  }
}

class MemorySessions implements SessionRepository {
  constructor(private readonly tx: MemoryTx) {}
  async get(id: string) {
    return this.tx.get<Session>('sessions', id);
  }
  async put(session: Session) {
    this.tx.set('sessions', session.id, session);
  }
  async delete(id: string) {
    if (this.tx.table('sessions').has(id)) this.tx.set('sessions', id, undefined);
  }
  async deleteExpired(now: string) {
    const cutoff = Date.parse(now);
    const expired = this.tx
      .all<Session>('sessions')
      .filter((s) => Date.parse(s.expiresAt) <= cutoff);
    for (const session of expired) this.tx.set('sessions', session.id, undefined);
    return expired.length;
  }
}

/** Repositories bound to one transaction; nested `transaction` calls join it. */
class MemoryTxStore implements Store {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  constructor(readonly tx: MemoryTx) {
    this.communities = new MemoryCommunities(tx);
    this.staff = new MemoryStaff(tx);
    this.sessions = new MemorySessions(tx);
  }
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close() {}
}

/**
 * The memory store: everything under one lock, so a transaction's read-check-write can never
 * interleave with another's (the memory counterpart of SQL's row locks). With a Persistence,
 * each commit is written through before the transaction resolves.
 */
export class MemoryStore implements Store {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  #tables: Tables = new Map();
  #lock: Promise<unknown> = Promise.resolve();
  #ready: Promise<void>;

  constructor(private readonly persistence?: Persistence) {
    this.#ready = persistence ? this.#load(persistence) : Promise.resolve();
    // Outside a transaction each call is a transaction of its own.
    this.communities = {
      get: (id) => this.transaction((tx) => tx.communities.get(id)),
      list: () => this.transaction((tx) => tx.communities.list()),
      put: (c) => this.transaction((tx) => tx.communities.put(c)),
    };
    this.staff = {
      get: (id) => this.transaction((tx) => tx.staff.get(id)),
      getByUsername: (name) => this.transaction((tx) => tx.staff.getByUsername(name)),
      listByCommunity: (c) => this.transaction((tx) => tx.staff.listByCommunity(c)),
      put: (account) => this.transaction((tx) => tx.staff.put(account)),
    };
    this.sessions = {
      get: (id) => this.transaction((tx) => tx.sessions.get(id)),
      put: (session) => this.transaction((tx) => tx.sessions.put(session)),
      delete: (id) => this.transaction((tx) => tx.sessions.delete(id)),
      deleteExpired: (now) => this.transaction((tx) => tx.sessions.deleteExpired(now)),
    };
  }

  async #load(persistence: Persistence) {
    const tx = new MemoryTx(this.#tables);
    for (const { collection, id, value } of await persistence.load()) tx.set(collection, id, value);
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const run = async () => {
      await this.#ready;
      const tx = new MemoryTx(this.#tables);
      try {
        const result = await fn(new MemoryTxStore(tx));
        if (this.persistence && tx.written.size) {
          await this.persistence.write([...tx.written.values()]);
        }
        return result;
      } catch (error) {
        tx.rollback();
        throw error;
      }
    };
    const result = this.#lock.then(run, run);
    this.#lock = result.catch(() => undefined);
    return result;
  }

  async close() {
    await this.#lock;
    await this.persistence?.close?.();
  }
}

export const createMemoryStore = (persistence?: Persistence): Store => new MemoryStore(persistence);
