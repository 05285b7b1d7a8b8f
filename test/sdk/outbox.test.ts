import '../../src/features/complaints/sdk.js';
import '../../src/features/wishes/sdk.js';
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { OperationName } from '../../src/services/contract.js';
import { ApiError } from '../../src/sdk/errors.js';
import { createHttpTransport, type HttpTransport } from '../../src/sdk/http.js';
import {
  KEEP_REFUSED_MS,
  Outbox,
  memoryOutboxStorage,
  type Delivery,
  type OutboxDeliveredEvent,
  type OutboxEntry,
  type OutboxFailedEvent,
  type OutboxStorage,
} from '../../src/sdk/outbox.js';
import { FaultServer, prng, recordDef } from './fault-server.js';

/** The test-only operation's name: not in the contract, so the outbox sends it via `send`. */
const RECORD = 'createTestRecord' as OperationName;
type Record_ = { id: string; n: number };

/** Short real sleeps: fast, yet a retry can outlive a slow request still in flight. */
const quickSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 5)));

function setup(
  server: FaultServer,
  storage: OutboxStorage = memoryOutboxStorage(),
  timeoutMs = 150,
) {
  const http: HttpTransport = createHttpTransport({
    baseUrl: server.baseUrl,
    timeoutMs,
    retry: { sleep: quickSleep },
  });
  let sends = 0;
  const outbox = new Outbox(http, {
    storage,
    autoStart: false,
    send: (name, input, key) => {
      assert.equal(name, RECORD);
      sends++;
      return http.request(recordDef, input, { idempotencyKey: key });
    },
  });
  const delivered: OutboxDeliveredEvent[] = [];
  const failed: OutboxFailedEvent[] = [];
  let changes = 0;
  outbox.addEventListener('delivered', (e) => delivered.push(e));
  outbox.addEventListener('failed', (e) => failed.push(e));
  outbox.addEventListener('change', () => changes++);
  return {
    http,
    outbox,
    storage,
    delivered,
    failed,
    sends: () => sends,
    changes: () => changes,
    submit: (n: number, key?: string) =>
      outbox.submit(RECORD, { n } as never, key) as Promise<Delivery<Record_>>,
  };
}

/** Flushes until nothing is pending (failed entries stay), with a bound. */
async function drain(outbox: Outbox): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const pending = (await outbox.pending()).filter((e) => e.state === 'pending');
    if (pending.length === 0) return;
    await outbox.flush();
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail('the outbox did not drain');
}

describe('outbox over a faulty network: exactly once', () => {
  const server = new FaultServer();
  before(() => server.listen());
  after(() => server.close());

  it('200 submissions (10 at a time) through dropped sockets, 503s and timeouts land once each', async () => {
    const N = 200;
    server.chaos = {
      random: prng(20250101),
      dropBefore: 0.1,
      unavailable: 0.08,
      slow: 0.05,
      dropAfterCommit: 0.12,
      delayMs: 300,
    };
    const t = setup(server);
    const results: Delivery<Record_>[] = [];
    for (let wave = 0; wave < N / 10; wave++) {
      const batch = Array.from({ length: 10 }, (_, i) => t.submit(wave * 10 + i));
      results.push(...(await Promise.all(batch)));
    }
    const queued = results.filter((r) => r.state === 'queued');
    for (const q of queued) {
      assert.ok(q.state === 'queued' && q.reason instanceof ApiError && q.reason.retryable);
    }
    await drain(t.outbox);
    server.chaos = undefined;

    // The server holds exactly N records: each n once, none twice.
    assert.equal(server.records.length, N);
    const ns = server.records.map((r) => r.n).sort((a, b) => a - b);
    assert.deepEqual(
      ns,
      Array.from({ length: N }, (_, i) => i),
    );
    assert.equal(new Set(server.records.map((r) => r.key)).size, N);
    // Faults happened, and the replays were answers, not duplicates.
    const posts = server.posts().length;
    assert.ok(posts > N * 1.2, `posts: ${posts}`);
    assert.ok(server.replays > 0, 'some answers were lost after the commit, then replayed');

    // Every caller learnt the server's answer: directly, or through a `delivered` event.
    const answers = new Map<string, Record_>();
    for (const r of results) if (r.state === 'delivered') answers.set(r.key, r.value);
    for (const e of t.delivered) answers.set(e.detail.key, e.detail.value as Record_);
    assert.equal(answers.size, N);
    for (const record of server.records) {
      assert.deepEqual(answers.get(record.key), { id: record.id, n: record.n });
    }
    assert.equal(t.delivered.length, queued.length);
    assert.deepEqual(await t.outbox.pending(), []);
    assert.equal(t.failed.length, 0);
    console.log(
      `# ${N} submissions: ${posts} POSTs, ${server.replays} replays, ${queued.length} queued then flushed, ${t.sends()} sends`,
    );
  });
});

describe('outbox while the server is down', () => {
  let server: FaultServer;
  let port: number;
  beforeEach(async () => {
    server = new FaultServer();
    await server.listen();
    port = server.port;
    await server.close();
  });
  afterEach(() => server.close());

  it('queues submissions, then delivers each exactly once when the server is back', async () => {
    const t = setup(server);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => t.submit(n)));
    for (const r of results) {
      assert.equal(r.state, 'queued');
      assert.ok(r.state === 'queued' && r.reason.code === 'network' && r.reason.status === 0);
    }
    const pending = await t.outbox.pending();
    assert.deepEqual(
      pending.map((e) => [e.state, e.attempts, e.error?.code, (e.input as { n: number }).n]),
      [1, 2, 3, 4, 5].map((n) => ['pending', 1, 'network', n]),
    );
    assert.ok(pending.every((e) => e.nextAttemptAt >= e.createdAt));

    // Down, a flush stops at the first entry that gets no answer at all (we are offline).
    const sendsBefore = t.sends();
    await t.outbox.flush();
    assert.equal(t.sends() - sendsBefore, 1);

    await server.listen(port);
    await t.outbox.flush();
    assert.deepEqual(await t.outbox.pending(), []);
    assert.deepEqual(
      server.records.map((r) => r.n),
      [1, 2, 3, 4, 5],
      'delivered oldest first, once each',
    );
    assert.deepEqual(
      t.delivered.map((e) => [e.detail.key, e.detail.name, e.detail.value]),
      server.records.map((r) => [r.key, RECORD, { id: r.id, n: r.n }]),
    );
    assert.deepEqual(
      results.map((r) => r.key),
      server.records.map((r) => r.key),
      'sent with the keys submit returned',
    );
    // A second flush has nothing to do.
    const posts = server.posts().length;
    await t.outbox.flush();
    assert.equal(server.posts().length, posts);
    assert.ok(t.changes() > 10);
  });

  it('a refusal after queueing marks the entry failed with the error, until dismissed', async () => {
    const t = setup(server);
    const queued = await t.submit(-3); // the client's schema allows it; the server will not
    assert.equal(queued.state, 'queued');
    await t.submit(8);
    await server.listen(port);
    await t.outbox.flush();
    assert.deepEqual(
      server.records.map((r) => r.n),
      [8],
    );
    const [entry, ...rest] = await t.outbox.pending();
    assert.equal(rest.length, 0);
    assert.equal(entry!.key, queued.key);
    assert.equal(entry!.state, 'failed');
    assert.deepEqual(entry!.error, {
      code: 'validation_failed',
      status: 400,
      message: 'invalid input',
      fields: [{ path: 'n', key: 'validation.too_small', params: { min: 0 } }],
    });
    assert.equal(t.failed.length, 1);
    const event = t.failed[0]!;
    assert.equal(event.detail.key, queued.key);
    assert.ok(event.detail.error instanceof ApiError);
    assert.equal(event.detail.error.code, 'validation_failed');
    // Failed entries are not sent again.
    const posts = server.posts().length;
    await t.outbox.flush();
    assert.equal(server.posts().length, posts);
    await t.outbox.dismiss(queued.key);
    assert.deepEqual(await t.outbox.pending(), []);
  });

  // Issue 9, defect 2: a refused entry (with the resident's phone) stayed forever.
  it('drops a refused entry, and the personal data in it, 7 days after the refusal', async () => {
    let now = Date.parse('2026-03-02T00:00:00Z');
    const http = createHttpTransport({ baseUrl: server.baseUrl, retry: { sleep: quickSleep } });
    const storage = memoryOutboxStorage();
    const outbox = new Outbox(http, {
      storage,
      autoStart: false,
      now: () => now,
      send: (_name, input, key) => http.request(recordDef, input, { idempotencyKey: key }),
    });
    const queued = await outbox.submit(RECORD, { n: -3, phone: '13812345678' } as never);
    assert.equal(queued.state, 'queued');
    await server.listen(port);
    await outbox.flush();
    const [refused] = await outbox.pending();
    assert.equal(refused!.state, 'failed');
    assert.equal(refused!.refusedAt, now);
    now += KEEP_REFUSED_MS - 1;
    await outbox.flush();
    assert.equal((await outbox.pending()).length, 1, 'kept for the resident to see why');
    now += 1;
    assert.deepEqual(await outbox.pending(), [], 'not offered once past its time');
    assert.equal((await storage.all()).length, 1);
    await outbox.flush();
    assert.deepEqual(await storage.all(), [], 'deleted by the next pass');
    assert.equal(KEEP_REFUSED_MS, 7 * 24 * 3600_000);
  });

  it('keeps background deliveries for a form that looks later: take() gives the newest once', async () => {
    const t = setup(server);
    const first = await t.submit(1);
    const second = await t.submit(2);
    await server.listen(port);
    await t.outbox.flush();
    assert.equal(t.outbox.take('postWish'), undefined);
    assert.equal(t.outbox.take(RECORD)?.detail.key, second.key);
    assert.equal(t.outbox.take(RECORD)?.detail.key, first.key);
    assert.equal(t.outbox.take(RECORD), undefined);
  });
});

describe('outbox against a live server', () => {
  const server = new FaultServer();
  before(() => server.listen());
  after(() => server.close());
  beforeEach(() => {
    server.chaos = undefined;
    server.script.length = 0;
  });

  it('delivers at once when it can, with the key given', async () => {
    const t = setup(server);
    const result = await t.submit(1, 'intent-1');
    assert.equal(result.state, 'delivered');
    assert.ok(result.state === 'delivered');
    assert.equal(result.key, 'intent-1');
    assert.deepEqual(result.value, { id: server.records.at(-1)!.id, n: 1 });
    assert.deepEqual(await t.outbox.pending(), []);
    assert.equal(t.delivered.length, 0, '`delivered` events are for queued entries');
  });

  it('a 400 rejects submit with the field errors and leaves nothing queued', async () => {
    const t = setup(server);
    const before = server.records.length;
    await assert.rejects(t.submit(-1), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'validation_failed');
      assert.equal(e.status, 400);
      assert.deepEqual(e.fields, [{ path: 'n', key: 'validation.too_small', params: { min: 0 } }]);
      return true;
    });
    // Input the client's own schema refuses never leaves the page.
    const posts = server.posts().length;
    await assert.rejects(
      t.outbox.submit(RECORD, { n: 'x' } as never),
      (e: unknown) => e instanceof ApiError && e.fields[0]?.path === 'n',
    );
    assert.equal(server.posts().length, posts);
    assert.deepEqual(await t.outbox.pending(), []);
    assert.equal(server.records.length, before);
  });

  it('stores the entry before sending: a page that dies mid-send loses nothing', async () => {
    const storage = memoryOutboxStorage();
    const http = createHttpTransport({ baseUrl: server.baseUrl, retry: { attempts: 1 } });
    let seenDuringSend: unknown[] = [];
    // The first page: the request reaches the server and commits, then the page "dies"
    // (the promise never settles, nothing after the send runs).
    const dying = new Outbox(http, {
      storage,
      autoStart: false,
      send: async (_name, input, key) => {
        seenDuringSend = await storage.all();
        await http.request(recordDef, input, { idempotencyKey: key });
        return new Promise(() => undefined);
      },
    });
    void dying.submit(RECORD, { n: 77 } as never, 'crash-key');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(seenDuringSend.length, 1, 'persisted before the send began');
    const committed = server.records.filter((r) => r.key === 'crash-key');
    assert.equal(committed.length, 1);

    // The next page load: a new outbox over the same storage resumes and gets the replay.
    const t = setup(server, storage);
    await t.outbox.flush();
    assert.equal(t.delivered.length, 1);
    assert.deepEqual(t.delivered[0]!.detail.value, { id: committed[0]!.id, n: 77 });
    assert.equal(server.records.filter((r) => r.key === 'crash-key').length, 1);
    assert.deepEqual(await t.outbox.pending(), []);
  });

  it('never sends one entry twice at once: concurrent flushes share one pass', async () => {
    server.script.push((req) => void req.socket.destroy());
    const t = setup(server, memoryOutboxStorage(), 5000);
    const http = createHttpTransport({ baseUrl: server.baseUrl, retry: { attempts: 1 } });
    const queuedBox = new Outbox(http, {
      storage: t.storage,
      autoStart: false,
      send: (_n, input, key) => http.request(recordDef, input, { idempotencyKey: key }),
    });
    const queued = await queuedBox.submit(RECORD, { n: 5 } as never);
    assert.equal(queued.state, 'queued');
    server.chaos = {
      random: () => 0.5,
      dropBefore: 0,
      unavailable: 0,
      slow: 1,
      dropAfterCommit: 0,
      delayMs: 50,
    };
    const postsBefore = server.posts().length;
    await Promise.all([t.outbox.flush(), t.outbox.flush(), t.outbox.flush()]);
    assert.equal(t.sends(), 1);
    assert.equal(server.posts().length - postsBefore, 1);
    assert.equal(t.delivered.length, 1);
    assert.equal(server.records.filter((r) => r.key === queued.key).length, 1);
  });

  it('retryable refusals (503 with Retry-After) keep the entry pending, with backoff', async () => {
    const t = setup(server);
    for (let i = 0; i < 4; i++) {
      server.script.push((_req, res) => {
        res.writeHead(503, { 'Content-Type': 'application/problem+json', 'Retry-After': '0' });
        res.end(JSON.stringify({ code: 'unavailable', status: 503, title: 'unavailable' }));
      });
    }
    const now = Date.now();
    const result = await t.submit(9);
    assert.equal(result.state, 'queued');
    assert.ok(result.state === 'queued' && result.reason.code === 'unavailable');
    const [entry] = await t.outbox.pending();
    assert.equal(entry!.state, 'pending');
    assert.equal(entry!.error?.status, 503);
    assert.ok(entry!.nextAttemptAt >= now && entry!.nextAttemptAt <= Date.now() + 2000);
    await t.outbox.flush();
    assert.deepEqual(await t.outbox.pending(), []);
    assert.equal(t.delivered.length, 1);
  });

  it('when storage fails, submit still sends now, and says so if it cannot', async () => {
    const broken: OutboxStorage = {
      all: () => Promise.resolve([]),
      put: () => Promise.reject(new Error('QuotaExceededError')),
      delete: () => Promise.resolve(),
    };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const t = setup(server, broken);
      const ok = await t.submit(31);
      assert.equal(ok.state, 'delivered');
      const down = new FaultServer();
      await down.listen();
      await down.close();
      const d = setup(down, broken);
      await assert.rejects(
        d.submit(32),
        (e: unknown) => e instanceof ApiError && e.code === 'network',
        'not "queued": nothing could keep it',
      );
    } finally {
      console.warn = warn;
    }
  });

  it('start() resumes stored entries; the timer delivers due ones; stop() ends it', async () => {
    const memory = memoryOutboxStorage();
    const stored: OutboxEntry[] = [];
    const storage: OutboxStorage = {
      ...memory,
      put: (entry) => (stored.push({ ...entry }), memory.put(entry)),
    };
    const now = Date.now();
    await storage.put({
      key: 'from-last-load',
      name: RECORD,
      input: { n: 123 },
      createdAt: now - 60_000,
      attempts: 2,
      nextAttemptAt: now + 60_000,
      state: 'pending',
    });
    const t = setup(server, storage);
    const delivered = new Promise<OutboxDeliveredEvent>((resolve) =>
      t.outbox.addEventListener('delivered', resolve, { once: true }),
    );
    t.outbox.start();
    const event = await delivered;
    assert.equal(event.detail.key, 'from-last-load');
    assert.equal(server.records.filter((r) => r.key === 'from-last-load').length, 1);

    // 503s with Retry-After: 1 (four tries in the call) queue the next one; the timer sends it.
    for (let i = 0; i < 4; i++) {
      server.script.push((_req, res) => {
        res.writeHead(503, { 'Content-Type': 'application/problem+json', 'Retry-After': '1' });
        res.end('{"code":"unavailable"}');
      });
    }
    // Listening before submitting: on a busy machine the timer may deliver (1 s) before the
    // lines after the submit have run, and an event nobody heard would leave the test waiting.
    const delivery = new Promise<OutboxDeliveredEvent>((resolve) =>
      t.outbox.addEventListener('delivered', resolve, { once: true }),
    );
    const sentAt = Date.now();
    const queued = await t.submit(124);
    assert.equal(queued.state, 'queued');
    // What was stored when it queued (read from the puts: by now it may be delivered).
    const entry = stored.filter((e) => e.key === queued.key && e.state === 'pending').pop();
    assert.ok(entry!.nextAttemptAt >= sentAt + 1000, 'Retry-After honoured');
    const second = await delivery;
    assert.equal(second.detail.key, queued.key);
    assert.ok(Date.now() - entry!.nextAttemptAt > -50, 'not before it was due');
    t.outbox.stop();
    t.outbox.stop();
  });
});
