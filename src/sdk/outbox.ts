import type { IDBPDatabase } from 'idb';
import type { ErrorCode, FieldError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Input, OperationName, Output } from '../services/contract.js';
import { ApiError } from './errors.js';
import { backoffDelay, type RetryOptions } from './retry.js';
import type { Transport } from './transport.js';

/**
 * What became of a submission: `delivered` (the server's answer is `value`), or `queued` in the
 * outbox because of `reason` (no network, server busy) and delivered later, exactly once.
 */
export type Delivery<T> =
  | { state: 'delivered'; key: string; value: T }
  | { state: 'queued'; key: string; reason: ApiError };

/**
 * A submission waiting in the outbox. `key` is its Idempotency-Key, so however often it is
 * sent the server applies it once.
 *
 * `input` is the resident's input as the form submitted it; it may include a phone number. It
 * is kept (in IndexedDB in browsers) only until it is delivered, or, once `failed`, until
 * dismissed or `keepRefusedMs` (7 days) after the refusal. Drafts of forms (elsewhere) never hold phone numbers; the outbox is the one
 * place that does, because dropping a submitted concern is not an option.
 */
export interface OutboxEntry {
  key: string;
  name: OperationName;
  input: unknown;
  createdAt: number;
  /** Sends tried so far (each send may itself retry a few times). */
  attempts: number;
  /** Not sent again by the timer before this time (ms since the epoch). */
  nextAttemptAt: number;
  /** `failed`: the server refused it (validation, not found…); kept so the UI can say why. */
  state: 'pending' | 'failed';
  /** When the server refused it (ms since the epoch); dropped `keepRefusedMs` later. */
  refusedAt?: number;
  /** The last error: why it is waiting (pending) or why it was refused (failed). */
  error?: { code: ErrorCode; status: number; message: string; fields?: FieldError[] };
}

/** Where entries wait. Implementations must persist `put` before resolving. */
export interface OutboxStorage {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(key: string): Promise<void>;
  /** Releases what the storage holds open (an IndexedDB connection). Optional. */
  close?(): Promise<void>;
}

const byCreation = (a: OutboxEntry, b: OutboxEntry) =>
  a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Entries in memory: lost on reload. The default in Node and where IndexedDB is missing. With
 * `warnOnExit` (the Node default), a process that exits with entries undelivered says so on
 * stderr, so a script never drops a submission silently.
 */
export function memoryOutboxStorage(options: { warnOnExit?: boolean } = {}): OutboxStorage {
  const entries = new Map<string, OutboxEntry>();
  const proc = (globalThis as { process?: { once?(event: string, fn: () => void): unknown } })
    .process;
  if (options.warnOnExit && proc?.once) {
    proc.once('exit', () => {
      const left = [...entries.values()].filter((e) => e.state === 'pending').length;
      if (left === 0) return;
      console.warn(
        `shequ-kit: ${left} submission(s) in the outbox were not delivered and are lost as this process exits. ` +
          "Await (await client.outbox()).flush() before exiting, or keep them on disk with fileOutboxStorage(path) from 'shequ-kit/node'.",
      );
    });
  }
  return {
    all: () => Promise.resolve([...entries.values()].map((e) => ({ ...e })).sort(byCreation)),
    put(entry) {
      entries.set(entry.key, { ...entry });
      return Promise.resolve();
    },
    delete(key) {
      entries.delete(key);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

const ENTRIES = 'entries';

/**
 * Entries in IndexedDB database `name` (one object store keyed by `key`): they survive a
 * reload, a crash and the browser closing. `idb` is loaded on first use. When IndexedDB
 * cannot be opened (some private modes, storage disabled), it falls back to memory for the
 * life of the page and says so once on the console.
 */
export function indexedDbOutboxStorage(name = 'shequ-kit-outbox'): OutboxStorage {
  let db: Promise<IDBPDatabase | OutboxStorage> | undefined;
  const open = () =>
    (db ??= import('idb')
      .then(({ openDB }) =>
        openDB(name, 1, {
          upgrade(database) {
            database.createObjectStore(ENTRIES, { keyPath: 'key' });
          },
          // Another connection wants to delete or upgrade the database: let it.
          blocking(_current, _next, event) {
            (event.target as IDBDatabase).close();
            db = undefined;
          },
          terminated() {
            db = undefined;
          },
        }),
      )
      .catch((error: unknown): OutboxStorage => {
        console.warn(`shequ-kit: outbox "${name}" kept in memory (IndexedDB unavailable)`, error);
        return memoryOutboxStorage();
      }));
  const isFallback = (value: IDBPDatabase | OutboxStorage): value is OutboxStorage =>
    'all' in value;
  return {
    async all() {
      const database = await open();
      if (isFallback(database)) return database.all();
      const entries = (await database.getAll(ENTRIES)) as OutboxEntry[];
      return entries.sort(byCreation);
    },
    async put(entry) {
      const database = await open();
      if (isFallback(database)) return database.put(entry);
      await database.put(ENTRIES, entry);
    },
    async delete(key) {
      const database = await open();
      if (isFallback(database)) return database.delete(key);
      await database.delete(ENTRIES, key);
    },
    async close() {
      const database = await db;
      db = undefined;
      if (database && !isFallback(database)) database.close();
    },
  };
}

export interface OutboxEventDetail {
  key: string;
  name: OperationName;
}

/** A queued entry was delivered in the background; `detail.value` is the server's answer. */
export class OutboxDeliveredEvent<T = unknown> extends Event {
  constructor(readonly detail: OutboxEventDetail & { value: T }) {
    super('delivered');
  }
}

/**
 * A queued entry was refused by the server; it stays (`state: 'failed'`) until dismissed, or
 * `keepRefusedMs` (7 days) after the refusal.
 */
export class OutboxFailedEvent extends Event {
  constructor(readonly detail: OutboxEventDetail & { error: ApiError; entry: OutboxEntry }) {
    super('failed');
  }
}

export interface OutboxEventMap {
  delivered: OutboxDeliveredEvent;
  failed: OutboxFailedEvent;
  /** Entries were added, changed or removed: read them again with `pending()`. */
  change: Event;
}

/** Sends one entry with its Idempotency-Key; rejects with an ApiError. */
export type OutboxSend = (name: string, input: unknown, key: string) => Promise<unknown>;

export interface OutboxOptions {
  /** Default: IndexedDB database `name` when the page has IndexedDB, else memory. */
  storage?: OutboxStorage | undefined;
  /**
   * Backoff between background deliveries of one entry (`attempts` is ignored: an entry is
   * retried until delivered or refused). Default base 1 s, window capped at 5 minutes;
   * the server's Retry-After is honoured (up to 10 minutes).
   */
  retry?: RetryOptions | undefined;
  /** Database name of the default storage and name of the cross-tab lock. */
  name?: string | undefined;
  /** Start background delivery in the constructor (default: in browsers, not in Node). */
  autoStart?: boolean | undefined;
  /** How entries are sent. Default: `transport.call(name, input, { idempotencyKey })`. */
  send?: OutboxSend | undefined;
  /** The clock (tests). */
  now?: (() => number) | undefined;
  /**
   * How long a refused entry (and the phone number in it) is kept for the resident to see
   * why before it is deleted, dismissed or not. Default 7 days.
   */
  keepRefusedMs?: number | undefined;
}

/** Refused entries are deleted this long after the refusal, shown or not (docs/sdk.md). */
export const KEEP_REFUSED_MS = 7 * 24 * 3600_000;

export const outboxRetryDefaults = { baseMs: 1_000, maxMs: 5 * 60_000 } as const;

/** Timer deliveries are never urgent: at most this often, so nothing spins. */
const MIN_TIMER_MS = 1_000;
/** setTimeout's limit is 2^31-1 ms; we look again at least every 5 minutes anyway. */
const MAX_TIMER_MS = 5 * 60_000;

const SKIPPED = Symbol('skipped');

type Outcome =
  | { state: 'delivered'; value: unknown }
  | { state: 'retry' | 'offline' | 'failed'; error: ApiError }
  | { state: 'skipped' };

const errorSummary = (error: ApiError): NonNullable<OutboxEntry['error']> => {
  const summary: NonNullable<OutboxEntry['error']> = {
    code: error.code,
    status: error.status,
    message: error.message,
  };
  if (error.fields.length) summary.fields = error.fields;
  return summary;
};

const lockManager = (): LockManager | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);

// The DOM's listener shapes, restated: the SDK's declarations must compile in Node without the
// DOM lib (AddEventListenerOptions and EventListenerOrEventListenerObject are DOM-only names).
type OutboxListener = ((event: Event) => void) | { handleEvent(event: Event): void };
type OutboxListenOptions = {
  capture?: boolean;
  once?: boolean;
  passive?: boolean;
  signal?: AbortSignal;
};

/**
 * Keeps residents' submissions until the server has them: every submission is written to
 * storage before it is sent, so a crash, a reload or a dead network mid-send loses nothing;
 * its Idempotency-Key makes every resend safe, so it is applied exactly once.
 *
 * Background delivery (after `start()`; the constructor calls it in browsers): at start
 * (entries of earlier page loads), on the `online` event, when the page becomes visible, and
 * on a timer at the earliest `nextAttemptAt`. One delivery pass runs at a time per page;
 * across tabs, passes take the Web Lock `name` and each send the lock `name:key`, so no entry
 * is sent twice at once (where Web Locks are missing, the server's idempotency still holds).
 *
 * Privacy: an entry holds the resident's input, which may include a phone number, only until
 * it is delivered (or, refused, until dismissed or 7 days after the refusal).
 *
 * @event delivered - {@link OutboxDeliveredEvent}: a queued entry reached the server.
 * @event failed - {@link OutboxFailedEvent}: the server refused a queued entry.
 * @event change - entries were added, changed or removed.
 */
export class Outbox extends EventTarget {
  readonly storage: OutboxStorage;
  readonly name: string;
  private readonly retry: RetryOptions;
  private readonly send: OutboxSend;
  private readonly now: () => number;
  /** Keys being sent from this page right now. */
  private readonly sending = new Set<string>();
  private passChain: Promise<void> = Promise.resolve();
  private waiting: { all: boolean; promise: Promise<void> } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  /** After a send got no answer at all, timer passes wait until then (we are offline). */
  private blockedUntil = 0;
  private lastCreatedAt = 0;
  private readonly keepRefusedMs: number;
  /**
   * Background deliveries of this page load that no form has taken yet (`take()`): a form
   * that starts looking after its entry was delivered still gets the receipt.
   */
  private readonly unclaimed = new Map<string, OutboxDeliveredEvent>();

  constructor(transport: Transport, options: OutboxOptions = {}) {
    super();
    this.name = options.name ?? 'shequ-kit-outbox';
    this.storage =
      options.storage ??
      (typeof indexedDB === 'undefined'
        ? memoryOutboxStorage({ warnOnExit: true })
        : indexedDbOutboxStorage(this.name));
    this.retry = { ...outboxRetryDefaults, ...options.retry };
    this.send =
      options.send ??
      ((name, input, key) =>
        transport.call(name as OperationName, input as never, { idempotencyKey: key }));
    this.now = options.now ?? Date.now;
    this.keepRefusedMs = options.keepRefusedMs ?? KEEP_REFUSED_MS;
    const browser = typeof window !== 'undefined' && typeof document !== 'undefined';
    if (options.autoStart ?? browser) this.start();
  }

  /**
   * Saves the submission, then sends it with Idempotency-Key `key` (one per user intent).
   * Resolves `delivered` with the answer, or `queued` with the reason when it could not be
   * delivered now (it will be, in the background or on `flush()`). Rejects with the ApiError
   * when the server refuses it (validation…): nothing was applied and nothing stays queued,
   * so the form can show the field errors.
   */
  async submit<N extends OperationName>(
    name: N,
    input: Input<N>,
    key: string = newId(),
  ): Promise<Delivery<Output<N>>> {
    // Strictly increasing within a page, so entries keep the order they were submitted in.
    const now = (this.lastCreatedAt = Math.max(this.now(), this.lastCreatedAt + 1));
    const entry: OutboxEntry = {
      key,
      name,
      input,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      state: 'pending',
    };
    let stored = true;
    try {
      await this.storage.put(entry);
      this.changed();
    } catch (error) {
      // Cannot keep it (storage full or broken): still try to send it now, and if that
      // fails say so, so the form keeps the resident's input instead of promising a queue.
      console.warn('shequ-kit: outbox storage failed', error);
      stored = false;
    }
    const outcome = await this.attempt(entry, 'direct');
    if (outcome.state === 'delivered') {
      return { state: 'delivered', key, value: outcome.value as Output<N> };
    }
    if (outcome.state === 'failed') throw outcome.error;
    if (!stored) {
      await this.keep(() => this.storage.delete(key));
      throw outcome.state === 'skipped' ? new ApiError('in_flight') : outcome.error;
    }
    this.schedule();
    const reason =
      outcome.state === 'skipped'
        ? new ApiError('in_flight', 'already being sent (another tab?)')
        : outcome.error;
    return { state: 'queued', key, reason };
  }

  /** The entries waiting (`pending`) or refused (`failed`, until dropped), oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    return (await this.storage.all()).filter((e) => !this.expired(e));
  }

  /** A refused entry past its keeping time (deleted by the next delivery pass). */
  private expired(e: OutboxEntry): boolean {
    return e.state === 'failed' && (e.refusedAt ?? e.createdAt) + this.keepRefusedMs <= this.now();
  }

  /**
   * The newest background delivery of operation `name` (and `key`, if given) in this page
   * load that no one has taken yet, taken now (a form adopting what an earlier load queued).
   */
  take(name: OperationName, key?: string): OutboxDeliveredEvent | undefined {
    const event = [...this.unclaimed.values()]
      .reverse()
      .find((e) => e.detail.name === name && (key ?? e.detail.key) === e.detail.key);
    if (event) this.unclaimed.delete(event.detail.key);
    return event;
  }

  /** Removes an entry (a failed one the resident has seen, or one they gave up on). */
  async dismiss(key: string): Promise<void> {
    await this.storage.delete(key);
    this.changed();
  }

  /**
   * Tries every pending entry now, oldest first, ignoring backoff (call it when there is
   * reason to think the network is back: an `online` event, a "retry" button). Resolves when
   * the pass is done; entries that still cannot be delivered stay pending.
   */
  async flush(): Promise<void> {
    try {
      await this.requestPass(true);
    } finally {
      this.schedule();
    }
  }

  /** Starts background delivery: listeners, timer, and a pass for entries already stored. */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.onVisible);
    }
    void this.runPass(true);
  }

  /** Stops background delivery (timer and listeners). A pass under way finishes its entry. */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.onVisible);
    }
  }

  private readonly onOnline = () => {
    this.blockedUntil = 0;
    void this.runPass(true);
  };

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.runPass(false);
  };

  /** A background pass: errors (storage) are reported, then the timer is set again. */
  private async runPass(all: boolean): Promise<void> {
    try {
      await this.requestPass(all);
    } catch (error) {
      console.warn('shequ-kit: outbox delivery pass failed', error);
    }
    this.schedule();
  }

  /** One pass at a time; requests made while one runs share the next pass. */
  private requestPass(all: boolean): Promise<void> {
    if (this.waiting) {
      this.waiting.all ||= all;
      return this.waiting.promise;
    }
    const waiting = { all, promise: Promise.resolve() };
    waiting.promise = this.passChain.then(() => {
      if (this.waiting === waiting) this.waiting = undefined;
      return this.withLock(this.name, () => this.pass(waiting.all));
    });
    this.waiting = waiting;
    this.passChain = waiting.promise.then(
      () => undefined,
      () => undefined,
    );
    return waiting.promise;
  }

  private async pass(all: boolean): Promise<void> {
    if (all) this.blockedUntil = 0;
    const now = this.now();
    const stored = await this.storage.all();
    // Refused entries hold personal data nobody will send again: kept only so long.
    for (const e of stored.filter((e) => this.expired(e))) {
      await this.storage.delete(e.key);
      this.changed();
    }
    const entries = stored.filter(
      (e) => e.state === 'pending' && !this.sending.has(e.key) && (all || e.nextAttemptAt <= now),
    );
    for (const entry of entries) {
      const outcome = await this.attempt(entry, 'background');
      // No answer at all: we are offline. Leave the rest for later instead of timing out
      // on each of them.
      if (outcome.state === 'offline') {
        this.blockedUntil = entry.nextAttemptAt;
        break;
      }
    }
  }

  /**
   * Sends one stored entry and records what happened. `direct` (from submit): a refusal
   * deletes the entry (the caller gets the error); `background`: it is kept as failed.
   */
  private async attempt(entry: OutboxEntry, mode: 'direct' | 'background'): Promise<Outcome> {
    if (this.sending.has(entry.key)) return { state: 'skipped' };
    this.sending.add(entry.key);
    try {
      const result = await this.withLock(
        `${this.name}:${entry.key}`,
        async () => {
          // Delivered or dismissed meanwhile (by another tab, or the UI)? Then leave it.
          if (mode === 'background' && !(await this.isPending(entry.key))) return SKIPPED;
          try {
            return {
              ok: true as const,
              value: await this.send(entry.name, entry.input, entry.key),
            };
          } catch (error) {
            return { ok: false as const, error: ApiError.from(error) };
          }
        },
        true,
      );
      if (result === SKIPPED) return { state: 'skipped' };
      if (result.ok) {
        // If this fails the entry stays and is sent again later: the server replays its answer.
        await this.keep(() => this.storage.delete(entry.key));
        this.changed();
        if (mode === 'background') {
          const event = new OutboxDeliveredEvent({
            key: entry.key,
            name: entry.name,
            value: result.value,
          });
          this.unclaimed.set(entry.key, event);
          this.dispatchEvent(event);
        }
        return { state: 'delivered', value: result.value };
      }
      const { error } = result;
      entry.attempts += 1;
      entry.error = errorSummary(error);
      if (error.retryable) {
        const retryAfterMs = error.retryAfter === undefined ? undefined : error.retryAfter * 1000;
        entry.nextAttemptAt =
          this.now() + backoffDelay(entry.attempts - 1, this.retry, retryAfterMs);
        await this.keep(() => this.storage.put(entry));
        this.changed();
        return { state: error.code === 'network' ? 'offline' : 'retry', error };
      }
      if (mode === 'direct') {
        await this.keep(() => this.storage.delete(entry.key));
      } else {
        entry.state = 'failed';
        entry.refusedAt = this.now();
        await this.keep(() => this.storage.put(entry));
        this.dispatchEvent(
          new OutboxFailedEvent({ key: entry.key, name: entry.name, error, entry: { ...entry } }),
        );
      }
      this.changed();
      return { state: 'failed', error };
    } finally {
      this.sending.delete(entry.key);
    }
  }

  private async isPending(key: string): Promise<boolean> {
    return (await this.storage.all()).some((e) => e.key === key && e.state === 'pending');
  }

  /**
   * Records an outcome; a storage failure here is reported, not thrown: the send's result
   * matters more, and the worst case (an entry left behind) only means a replayed resend.
   */
  private async keep(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      console.warn('shequ-kit: outbox storage failed', error);
    }
  }

  /** Runs `fn` under a Web Lock when the browser has them; `ifAvailable`: skip if taken. */
  private withLock<T>(name: string, fn: () => Promise<T>, ifAvailable?: false): Promise<T>;
  private withLock<T>(
    name: string,
    fn: () => Promise<T>,
    ifAvailable: true,
  ): Promise<T | typeof SKIPPED>;
  private withLock<T>(
    name: string,
    fn: () => Promise<T>,
    ifAvailable = false,
  ): Promise<T | typeof SKIPPED> {
    const locks = lockManager();
    if (!locks) return fn();
    return locks.request(name, { ifAvailable }, (lock) => (lock ? fn() : SKIPPED));
  }

  /** Sets the timer to the earliest due entry (not sooner than 1 s, not later than 5 min). */
  private schedule(): void {
    if (!this.started) return;
    void this.storage.all().then(
      (entries) => {
        if (!this.started) return;
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
        let next = Infinity;
        for (const e of entries) {
          if (e.state === 'pending' && !this.sending.has(e.key)) {
            next = Math.min(next, e.nextAttemptAt);
          }
        }
        if (next === Infinity) return;
        const at = Math.max(next, this.blockedUntil);
        const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, at - this.now()));
        const timer = setTimeout(() => {
          if (this.timer === timer) this.timer = undefined;
          void this.runPass(false);
        }, delay);
        // In Node, a waiting outbox does not keep the process alive.
        (timer as { unref?: () => void }).unref?.();
        this.timer = timer;
      },
      (error: unknown) => console.warn('shequ-kit: outbox storage failed', error),
    );
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  override addEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: ((event: OutboxEventMap[K]) => void) | null,
    options?: boolean | OutboxListenOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: OutboxListener | null,
    options?: boolean | OutboxListenOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: OutboxListener | null,
    options?: boolean | OutboxListenOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: ((event: OutboxEventMap[K]) => void) | null,
    options?: boolean | { capture?: boolean },
  ): void;
  override removeEventListener(
    type: string,
    listener: OutboxListener | null,
    options?: boolean | { capture?: boolean },
  ): void;
  override removeEventListener(
    type: string,
    listener: OutboxListener | null,
    options?: boolean | { capture?: boolean },
  ): void {
    super.removeEventListener(type, listener, options);
  }
}
