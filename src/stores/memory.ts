import type { Community } from '../features/core/model.js';
import type { Complaint } from '../features/complaints/views.js';
import { isOpen } from '../features/complaints/machine.js';
import { DomainError } from '../domain/errors.js';
import { newestFirst, pageNewestFirst } from '../domain/paging.js';
import type { Wish } from '../features/wishes/model.js';
import type { Session, StaffAccount } from '../features/core/auth-model.js';
import type {
  CommunityRepository,
  ComplaintFilter,
  ComplaintRepository,
  CounterRepository,
  SessionRepository,
  StaffRepository,
  Store,
  UploadRecord,
  UploadRepository,
  WishFilter,
  WishRepository,
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

/** Newest first: receivedAt, then id, descending (the SQL store's order too). */
const complaintsNewestFirst = newestFirst<Complaint>((c) => c.receivedAt);

const gridOf = (c: Complaint): string | undefined =>
  'grid' in c.location ? c.location.grid : undefined;

class MemoryComplaints implements ComplaintRepository {
  constructor(private readonly tx: MemoryTx) {}
  async get(id: string) {
    return this.tx.get<Complaint>('complaints', id);
  }
  async getByTicket(ticket: string) {
    return this.tx.all<Complaint>('complaints').find((c) => c.ticket === ticket);
  }
  async put(complaint: Complaint) {
    const holder = await this.getByTicket(complaint.ticket);
    if (holder && holder.id !== complaint.id) throw new DomainError('conflict', 'ticket taken');
    this.tx.set('complaints', complaint.id, complaint);
  }
  async list(filter: ComplaintFilter) {
    const matching = this.tx
      .all<Complaint>('complaints')
      .filter(
        (c) =>
          c.community === filter.community &&
          (filter.status === undefined || c.status === filter.status) &&
          (filter.category === undefined || c.category === filter.category) &&
          (filter.grid === undefined || gridOf(c) === filter.grid) &&
          (filter.overdue === undefined ||
            (isOpen(c.status) && filter.overdue.today > c.dueDate) === filter.overdue.value),
      );
    return pageNewestFirst(matching, (c) => c.receivedAt, filter);
  }
  async listReceived(community: string, from: string, to: string) {
    const [start, end] = [Date.parse(from), Date.parse(to)];
    return this.tx
      .all<Complaint>('complaints')
      .filter((c) => {
        const at = Date.parse(c.receivedAt);
        return c.community === community && at >= start && at < end;
      })
      .sort((a, b) => -complaintsNewestFirst(a, b));
  }
  async hasPhoto(community: string, uploadId: string) {
    return this.tx
      .all<Complaint>('complaints')
      .some((c) => c.community === community && c.photos.includes(uploadId));
  }
}

class MemoryCounters implements CounterRepository {
  constructor(private readonly tx: MemoryTx) {}
  async next(name: string) {
    const value = (this.tx.get<number>('counters', name) ?? 0) + 1;
    this.tx.set('counters', name, value);
    return value;
  }
}

/** Upload records, with their bytes (`blob`): structuredClone and IndexedDB keep Blobs. */
class MemoryUploads implements UploadRepository {
  constructor(private readonly tx: MemoryTx) {}
  async get(id: string) {
    return this.tx.get<UploadRecord>('uploads', id);
  }
  async put(record: UploadRecord) {
    this.tx.set('uploads', record.id, record);
  }
}

/** Newest first: createdAt, then id, descending (the SQL store's order too). */
const wishesNewestFirst = newestFirst<Wish>((w) => w.createdAt);

class MemoryWishes implements WishRepository {
  constructor(private readonly tx: MemoryTx) {}
  async get(id: string) {
    return this.tx.get<Wish>('wishes', id);
  }
  async getByCode(codeHash: string) {
    return this.tx.all<Wish>('wishes').find((w) => w.codeHash === codeHash);
  }
  async getByClaimCode(codeHash: string) {
    return this.tx.all<Wish>('wishes').find((w) => w.claim?.codeHash === codeHash);
  }
  async put(wish: Wish) {
    const others = this.tx.all<Wish>('wishes').filter((w) => w.id !== wish.id);
    const claimHash = wish.claim?.codeHash;
    if (
      others.some(
        (w) => w.codeHash === wish.codeHash || (!!claimHash && w.claim?.codeHash === claimHash),
      )
    ) {
      throw new DomainError('conflict', 'code taken');
    }
    this.tx.set('wishes', wish.id, wish);
  }
  async list(filter: WishFilter) {
    const matching = this.tx
      .all<Wish>('wishes')
      .filter(
        (w) =>
          w.community === filter.community &&
          (filter.statuses === undefined || filter.statuses.includes(w.status)) &&
          (filter.category === undefined || w.category === filter.category) &&
          (filter.grid === undefined || w.grid === filter.grid),
      );
    return pageNewestFirst(matching, (w) => w.createdAt, filter);
  }
  async listExpiredClaims(community: string, now: string) {
    const cutoff = Date.parse(now);
    return this.tx
      .all<Wish>('wishes')
      .filter(
        (w) =>
          w.community === community &&
          w.status === 'claimed' &&
          !!w.claim &&
          Date.parse(w.claim.holdUntil) <= cutoff,
      )
      .sort((a, b) => -wishesNewestFirst(a, b));
  }
  async listActive(community: string, from: string, to: string) {
    const [start, end] = [Date.parse(from), Date.parse(to)];
    return this.tx
      .all<Wish>('wishes')
      .filter((w) => {
        const last = w.history[w.history.length - 1]?.at ?? w.createdAt;
        return (
          w.community === community && Date.parse(w.createdAt) < end && Date.parse(last) >= start
        );
      })
      .sort((a, b) => -wishesNewestFirst(a, b));
  }
}

/** Repositories bound to one transaction; nested `transaction` calls join it. */
class MemoryTxStore implements Store {
  readonly communities: CommunityRepository;
  readonly staff: StaffRepository;
  readonly sessions: SessionRepository;
  readonly complaints: ComplaintRepository;
  readonly counters: CounterRepository;
  readonly uploads: UploadRepository;
  readonly wishes: WishRepository;
  constructor(readonly tx: MemoryTx) {
    this.communities = new MemoryCommunities(tx);
    this.staff = new MemoryStaff(tx);
    this.sessions = new MemorySessions(tx);
    this.complaints = new MemoryComplaints(tx);
    this.counters = new MemoryCounters(tx);
    this.uploads = new MemoryUploads(tx);
    this.wishes = new MemoryWishes(tx);
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
  readonly complaints: ComplaintRepository;
  readonly counters: CounterRepository;
  readonly uploads: UploadRepository;
  readonly wishes: WishRepository;
  private _tables: Tables = new Map();
  private _lock: Promise<unknown> = Promise.resolve();
  private _ready: Promise<void>;

  constructor(private readonly persistence?: Persistence) {
    this._ready = persistence ? this._load(persistence) : Promise.resolve();
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
    this.complaints = {
      get: (id) => this.transaction((tx) => tx.complaints.get(id)),
      getByTicket: (t) => this.transaction((tx) => tx.complaints.getByTicket(t)),
      put: (c) => this.transaction((tx) => tx.complaints.put(c)),
      list: (f) => this.transaction((tx) => tx.complaints.list(f)),
      listReceived: (c, from, to) =>
        this.transaction((tx) => tx.complaints.listReceived(c, from, to)),
      hasPhoto: (c, id) => this.transaction((tx) => tx.complaints.hasPhoto(c, id)),
    };
    this.counters = { next: (name) => this.transaction((tx) => tx.counters.next(name)) };
    this.uploads = {
      get: (id) => this.transaction((tx) => tx.uploads.get(id)),
      put: (r) => this.transaction((tx) => tx.uploads.put(r)),
    };
    this.wishes = {
      get: (id) => this.transaction((tx) => tx.wishes.get(id)),
      getByCode: (h) => this.transaction((tx) => tx.wishes.getByCode(h)),
      getByClaimCode: (h) => this.transaction((tx) => tx.wishes.getByClaimCode(h)),
      put: (w) => this.transaction((tx) => tx.wishes.put(w)),
      list: (f) => this.transaction((tx) => tx.wishes.list(f)),
      listExpiredClaims: (c, now) => this.transaction((tx) => tx.wishes.listExpiredClaims(c, now)),
      listActive: (c, from, to) => this.transaction((tx) => tx.wishes.listActive(c, from, to)),
    };
  }

  private async _load(persistence: Persistence) {
    const tx = new MemoryTx(this._tables);
    for (const { collection, id, value } of await persistence.load()) tx.set(collection, id, value);
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const run = async () => {
      await this._ready;
      const tx = new MemoryTx(this._tables);
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
    const result = this._lock.then(run, run);
    this._lock = result.catch(() => undefined);
    return result;
  }

  async close() {
    await this._lock;
    await this.persistence?.close?.();
  }
}

export const createMemoryStore = (persistence?: Persistence): Store => new MemoryStore(persistence);
