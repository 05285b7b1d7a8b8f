// What the HTTP server keeps besides domain data (idempotency records, rate-limit windows,
// settings): repository interfaces, and an in-process implementation over any Store. The SQL
// implementation is sql/server-state.ts. Stores never import server code; the server imports this.
import type { Store } from '../services/store.js';

/** A response kept under an Idempotency-Key, to be replayed to retries. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

export type IdempotencyBegin =
  /** First time (or taking over a record whose holder died): run the request. */
  | { state: 'started' }
  /** Another request with this key is running now. */
  | { state: 'in_flight' }
  /** The key was used with another request body or route. */
  | { state: 'mismatch' }
  /** The rate-limit window counted with it (`count`) is past its max: nothing was claimed. */
  | { state: 'rate_limited'; count: number }
  | { state: 'done'; response: StoredResponse };

/** A request's claim of an Idempotency-Key. */
export interface IdempotencyClaimRecord {
  scope: string;
  key: string;
  fingerprint: string;
  /**
   * The request's own token (random, made per request): the key is held by the request whose
   * token the record carries, and only that request may store its response.
   */
  claim: string;
  now: string;
  lockMs: number;
  /**
   * Counts one hit of this rate-limit window first, in the same statement (one round trip
   * for both): past `max`, nothing is claimed and the answer is `rate_limited`.
   */
  count?: RateLimitHit | undefined;
}

/**
 * Thrown by `complete` when the request's token no longer holds its key (it never did, or its
 * claim was taken over as dead): inside a transaction, the transaction fails and rolls back,
 * so a key's request commits its writes once.
 */
export class ClaimLost extends Error {
  constructor() {
    super('the Idempotency-Key is not held by this request');
    this.name = 'ClaimLost';
  }
}

/**
 * Thrown by `ServerStore.claimWith` when what its function did needs a transaction (a lock, a
 * write it waits for, a read after a write, a transaction of its own): nothing was written;
 * run it in a transaction instead.
 */
export class NeedsTransaction extends Error {
  constructor() {
    super('this operation needs a transaction');
    this.name = 'NeedsTransaction';
  }
}

export interface IdempotencyRepository {
  /**
   * Claims `(scope, key)` for a request with this fingerprint, atomically across instances.
   * A claim older than `lockMs` whose holder never finished (crashed) may be taken over.
   */
  begin(record: IdempotencyClaimRecord): Promise<IdempotencyBegin>;
  /**
   * `begin` in one statement, sent at once (synchronously) so that it can go out before a
   * transaction without waiting (TransactionOptions.first). `unsure` when one statement could
   * not tell (a claim to take over, a record deleted meanwhile): then ask `begin` (with no
   * `count`: the hit was counted).
   */
  claim(record: IdempotencyClaimRecord): Promise<IdempotencyBegin | { state: 'unsure' }>;
  /**
   * Stores the response if `claim` still holds the key, else throws ClaimLost; called inside
   * the request's own transaction where there is one (it may be sent without waiting there).
   */
  complete(scope: string, key: string, claim: string, response: StoredResponse): Promise<void>;
  /** Forgets an unfinished claim held by `claim` (the request failed in a way worth retrying). */
  release(scope: string, key: string, claim: string): Promise<void>;
  /** Deletes records created before `before` (ISO); returns how many. */
  purge(before: string): Promise<number>;
}

/** One hit of a fixed rate-limit window (RateLimitRepository.hit's arguments, and its limit). */
export interface RateLimitHit {
  key: string;
  windowStart: string;
  max: number;
}

export interface RateLimitRepository {
  /** Counts one hit in the fixed window starting at `windowStart` (ISO); returns the count so far. */
  hit(key: string, windowStart: string): Promise<number>;
  /** Deletes windows that started before `before` (ISO). */
  purge(before: string): Promise<number>;
}

export interface SettingsRepository {
  /** The value of a setting, created with `make()` by whichever instance asks first. */
  getOrCreate(name: string, make: () => string): Promise<string>;
}

/** What the HTTP server keeps besides domain data. */
export interface ServerStateRepositories {
  readonly idempotency: IdempotencyRepository;
  readonly rateLimits: RateLimitRepository;
  readonly settings: SettingsRepository;
}

export interface ServerTransactionOptions {
  /**
   * Sends its one statement at once (an idempotency claim) and resolves whether the
   * transaction may commit. A store that waits for the answer (memory, PGlite: nothing to save
   * by not waiting) throws ClaimLost on `false` without running the transaction; PostgreSQL
   * sends it with the transaction's statements, not waited for, and relies on the
   * transaction's own check (`complete`) failing.
   */
  first?: (store: ServerStore) => Promise<boolean>;
}

/**
 * A Store with what the HTTP server keeps besides domain data. Kept in the database, so
 * several server instances on one PostgreSQL behave as one.
 */
export interface ServerStore extends Store, ServerStateRepositories {
  /**
   * `options.first` runs on the store before the transaction, autocommitted, and is not
   * waited for (on PostgreSQL it goes out with the transaction's statements: one round trip).
   */
  transaction<T>(
    fn: (tx: ServerStore) => Promise<T>,
    options?: ServerTransactionOptions,
  ): Promise<T>;
  /**
   * Optional (the SQL store): one statement for a keyed request that locks nothing. Runs `fn`
   * on a store that holds its writes back — its reads run at once, each autocommitted, as they
   * would in a READ COMMITTED transaction that locks nothing — then makes `record`'s claim
   * (with its rate-limit hit) already done with `respond(result)` as the stored response,
   * together with the writes, in one statement that writes them only if the claim was won.
   * `won: false` with `claim`'s answer when the key was not claimed (another request's, or
   * past the limit): only the hit was counted. Rejects with NeedsTransaction when `fn` needs
   * a transaction, and with `fn`'s or the statement's error: nothing written or counted.
   */
  claimWith?<T>(
    record: IdempotencyClaimRecord,
    fn: (tx: ServerStore) => Promise<T>,
    respond: (result: T) => StoredResponse,
  ): Promise<
    { won: true; result: T } | { won: false; outcome: IdempotencyBegin | { state: 'unsure' } }
  >;
  /**
   * A rate-limit hit goes in a statement of its own, not in a claim's (`IdempotencyClaimRecord.
   * count` is then never asked for): PostgreSQL. There a claim's statement commits durably
   * (it waits for its WAL flush), and a window's row updated in it stays locked until then,
   * so every request of one address would queue behind the one before's flush. A hit on its
   * own (an unlogged table: migration 16) commits without waiting for a flush, so the row is
   * locked for the statement only. PGlite and the memory store count the hit with the claim
   * (PGlite in this process's memory: SqlCore.windows), before it: one statement less.
   */
  readonly hitsApart?: boolean;
  /** Throws when the database does not answer (health checks). */
  ping?(): Promise<void>;
  /**
   * Optional: upkeep the database does not do on its own, run by every maintenance pass. The
   * SQL store on PGlite (no autovacuum there: one process, single-user mode) vacuums and
   * analyses the tables that changed enough (SqlStore.vacuum); on PostgreSQL autovacuum does.
   */
  tidy?(): Promise<void>;
}

export const isServerStore = (store: Store): store is ServerStore =>
  'idempotency' in store && 'rateLimits' in store && 'settings' in store;

/**
 * Rate-limit windows in this process's memory: the memory store's, and PGlite's (one process
 * owns its data directory, so they count every instance of the server on it; a restart opens
 * every window afresh). One window per key, the current one.
 */
export function memoryRateLimits(): RateLimitRepository {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, windowStart) {
      const start = Date.parse(windowStart);
      const window = windows.get(key);
      if (!window || window.start !== start) {
        windows.set(key, { start, count: 1 });
        return 1;
      }
      return ++window.count;
    },
    async purge(before) {
      let n = 0;
      for (const [k, window] of windows) {
        if (window.start < Date.parse(before)) n += Number(windows.delete(k));
      }
      return n;
    },
  };
}

/**
 * Adds in-process idempotency, rate-limit and settings tables to any Store (the memory store
 * in tests and trials). One process only: behind a load balancer use the SQL store.
 */
export function withMemoryServerState(store: Store): ServerStore {
  if (isServerStore(store)) return store;
  const records = new Map<
    string,
    {
      fingerprint: string;
      claim: string;
      createdAt: number;
      lockedUntil: number;
      response?: StoredResponse;
    }
  >();
  const settings = new Map<string, string>();
  const id = (scope: string, key: string) => `${scope}\u0000${key}`;
  const idempotency: IdempotencyRepository = {
    async begin({ scope, key, fingerprint, claim, now, lockMs, count: hit }) {
      if (hit) {
        const count = await rateLimits.hit(hit.key, hit.windowStart);
        if (count > hit.max) return { state: 'rate_limited', count };
      }
      const at = Date.parse(now);
      const record = records.get(id(scope, key));
      if (!record) {
        records.set(id(scope, key), {
          fingerprint,
          claim,
          createdAt: at,
          lockedUntil: at + lockMs,
        });
        return { state: 'started' };
      }
      if (record.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (record.response) return { state: 'done', response: { ...record.response } };
      if (record.lockedUntil < at) {
        record.lockedUntil = at + lockMs;
        record.claim = claim;
        return { state: 'started' };
      }
      return { state: 'in_flight' };
    },
    claim: (record) => idempotency.begin(record),
    async complete(scope, key, claim, response) {
      const record = records.get(id(scope, key));
      if (!record || record.claim !== claim) throw new ClaimLost();
      record.response = { ...response };
    },
    async release(scope, key, claim) {
      const record = records.get(id(scope, key));
      if (record && !record.response && record.claim === claim) records.delete(id(scope, key));
    },
    async purge(before) {
      let n = 0;
      for (const [k, record] of records) {
        if (record.createdAt < Date.parse(before)) n += Number(records.delete(k));
      }
      return n;
    },
  };
  const rateLimits = memoryRateLimits();
  const settingsRepo: SettingsRepository = {
    async getOrCreate(name, make) {
      if (!settings.has(name)) settings.set(name, make());
      return settings.get(name)!;
    },
  };
  const extend = (inner: Store): ServerStore => {
    const extra: Record<PropertyKey, unknown> = {
      idempotency,
      rateLimits,
      settings: settingsRepo,
      transaction: async <T>(
        fn: (tx: ServerStore) => Promise<T>,
        options?: ServerTransactionOptions,
      ) => {
        if (options?.first && !(await options.first(extend(inner)).catch(() => true))) {
          throw new ClaimLost();
        }
        return inner.transaction((tx) => fn(extend(tx)));
      },
    };
    // A proxy, not a copy: repositories the Store gains later pass through untouched.
    return new Proxy(inner, {
      get(target, prop) {
        if (Object.prototype.hasOwnProperty.call(extra, prop)) return extra[prop];
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
      has: (target, prop) => Object.prototype.hasOwnProperty.call(extra, prop) || prop in target,
    }) as ServerStore;
  };
  return extend(store);
}
