/**
 * The outbox in a real browser: IndexedDB storage across a "reload", Web Locks, and delivery
 * on the `online` event. There is no server here, so fetch is an in-page fake that fails while
 * "offline"; the node tests (test/sdk/outbox.test.ts) cover the real network.
 */
import '../../src/features/complaints/sdk.js';
import '../../src/features/wishes/sdk.js';
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import * as z from 'zod/mini';
import { newId } from '../../src/domain/index.js';
import type { OperationDef, OperationName } from '../../src/services/contract.js';
import { createClient } from '../../src/sdk/client.js';
import { createHttpTransport } from '../../src/sdk/http.js';
import {
  Outbox,
  indexedDbOutboxStorage,
  type OutboxDeliveredEvent,
  type OutboxOptions,
} from '../../src/sdk/outbox.js';

const recordDef: OperationDef = {
  method: 'POST',
  path: '/test-records',
  summary: 'Test only: store a number',
  access: 'public',
  input: z.object({ n: z.number() }),
  output: z.object({ id: z.string(), n: z.number() }),
  queueable: true,
};
const RECORD = 'createTestRecord' as OperationName;

interface Call {
  url: string;
  key: string | null;
  body: string;
}

/** A fetch that fails like a dead network while `online` is false, else answers 201. */
function fakeNetwork() {
  const net = { online: false, calls: [] as Call[] };
  const fetchFn: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    const body = String(init?.body);
    net.calls.push({ url: String(input), key: headers.get('Idempotency-Key'), body });
    if (!net.online) return Promise.reject(new TypeError('Failed to fetch'));
    const { n } = JSON.parse(body) as { n: number };
    const answer = { id: `r-${headers.get('Idempotency-Key')}`, n };
    return Promise.resolve(
      new Response(JSON.stringify(answer), {
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  };
  const http = createHttpTransport({
    baseUrl: 'https://api.example.test/api/v1',
    fetch: fetchFn,
    retry: { attempts: 1 },
  });
  const options = (name: string, extra: OutboxOptions = {}): OutboxOptions => ({
    name,
    send: (_name, input, key) => http.request(recordDef, input, { idempotencyKey: key }),
    // Backoff far beyond the test: only the events under test deliver.
    retry: { baseMs: 60_000, random: () => 0.99 },
    ...extra,
  });
  return { net, http, options };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // A connection still finishing a transaction (a pass that was ending) delays the delete
    // with a `blocked` event; it goes through when that connection closes.
    request.onblocked = () => undefined;
  });
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('outbox in the browser', () => {
  const names: string[] = [];
  const boxes: Outbox[] = [];
  const dbName = () => {
    const name = `shequ-kit-outbox-test-${newId()}`;
    names.push(name);
    return name;
  };
  const track = (box: Outbox) => (boxes.push(box), box);

  afterEach(async () => {
    for (const box of boxes.splice(0)) {
      box.stop();
      await box.storage.close?.();
    }
    for (const name of names.splice(0)) await deleteDatabase(name);
  });

  it('keeps queued entries in IndexedDB across a reload, and resumes them at start', async () => {
    const { net, http, options } = fakeNetwork();
    const name = dbName();
    // Page load 1, offline: the default storage in a browser is IndexedDB database `name`.
    const first = track(new Outbox(http, options(name, { autoStart: false })));
    const a = await first.submit(RECORD, { n: 1 } as never);
    const b = await first.submit(RECORD, { n: 2 } as never);
    expect(a.state).to.equal('queued');
    expect(b.state).to.equal('queued');
    expect(await databaseNames()).to.include(name);
    first.stop();
    await first.storage.close?.();

    // Page load 2: a new outbox over a new storage with the same name sees both entries.
    const second = track(
      new Outbox(http, {
        ...options(name, { autoStart: false }),
        storage: indexedDbOutboxStorage(name),
      }),
    );
    const entries = await second.pending();
    expect(entries.map((e) => [e.key, e.name, e.input, e.state, e.attempts])).to.deep.equal([
      [a.key, RECORD, { n: 1 }, 'pending', 1],
      [b.key, RECORD, { n: 2 }, 'pending', 1],
    ]);
    expect(entries[0]!.error?.code).to.equal('network');
    second.stop();
    await second.storage.close?.();

    // Page load 3, online: the constructor starts delivery, which resumes stored entries.
    net.online = true;
    const delivered: OutboxDeliveredEvent[] = [];
    const third = new Outbox(http, {
      ...options(name),
      storage: indexedDbOutboxStorage(name),
    });
    track(third);
    await new Promise<void>((resolve) => {
      third.addEventListener('delivered', (e) => {
        delivered.push(e);
        if (delivered.length === 2) resolve();
      });
    });
    expect(delivered.map((e) => e.detail.value)).to.deep.equal([
      { id: `r-${a.key}`, n: 1 },
      { id: `r-${b.key}`, n: 2 },
    ]);
    expect(await third.pending()).to.deep.equal([]);
    const answered = net.calls.slice(-2);
    expect(answered.map((c) => c.key)).to.deep.equal([a.key, b.key]);
    expect(answered[0]!.url).to.equal('https://api.example.test/api/v1/test-records');
  });

  // The client loads the outbox's code only when something may be in it (docs/sdk.md).
  it('a client loads no outbox until it submits, and the next page load delivers what it queued unasked', async () => {
    const base = `https://api.example.test/api/v1/${newId()}`;
    const name = `shequ-kit-outbox ${base}`;
    names.push(name);
    let online = false;
    const keys: (string | null)[] = [];
    const fetchFn: typeof fetch = (_input, init) => {
      keys.push(new Headers(init?.headers).get('Idempotency-Key'));
      if (!online) return Promise.reject(new TypeError('Failed to fetch'));
      const receipt = { id: 'w1', code: 'WISH2345', status: 'pending_review' };
      return Promise.resolve(
        new Response(JSON.stringify(receipt), {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    };
    const wish = {
      community: 'xingfuli',
      category: 'daily',
      title: '想要一台收音机',
      story: '一个人住，眼睛不好，想听听戏曲和新闻。',
      wisherName: '王秀英',
      phone: '13812345678',
      consent: true,
      publishConsent: true,
    } as const;
    const open = () => createClient({ baseUrl: base, fetch: fetchFn, retry: { attempts: 1 } });

    // Page load 1, offline: nothing to look at until the submission, which is queued.
    const first = open();
    expect(await first.outbox({ ifAny: true })).to.equal(undefined);
    expect(await databaseNames()).not.to.include(name);
    const queued = await first.submit('postWish', wish);
    expect(queued.state).to.equal('queued');
    track((await first.outbox())!).stop();

    // Page load 2, online: its database is there, so the outbox loads and delivers, unasked.
    online = true;
    const second = open();
    await waitUntil(() => keys.filter((k) => k === queued.key).length === 2, 'delivered', {
      timeout: 5000,
    });
    const outbox = track((await second.outbox({ ifAny: true }))!);
    await waitUntil(async () => (await outbox.pending()).length === 0, 'nothing left');
  });

  it('delivers queued entries when the browser fires `online`, with the same key', async () => {
    const { net, http, options } = fakeNetwork();
    const name = dbName();
    const outbox = track(
      new Outbox(http, {
        ...options(name),
        storage: indexedDbOutboxStorage(name),
      }),
    );
    const changes: Event[] = [];
    outbox.addEventListener('change', (e) => changes.push(e));
    const queued = await outbox.submit(RECORD, { n: 7 } as never);
    expect(queued.state).to.equal('queued');
    if (queued.state === 'queued') expect(queued.reason.code).to.equal('network');
    const offlineCalls = net.calls.length;
    expect(offlineCalls).to.be.greaterThan(0);
    expect(changes.length).to.be.greaterThan(0);

    net.online = true;
    const delivered = oneEvent(outbox, 'delivered') as Promise<OutboxDeliveredEvent>;
    window.dispatchEvent(new Event('online'));
    const event = await delivered;
    expect(event.detail.key).to.equal(queued.key);
    expect(event.detail.name).to.equal(RECORD);
    expect(event.detail.value).to.deep.equal({ id: `r-${queued.key}`, n: 7 });
    expect(await outbox.pending()).to.deep.equal([]);
    expect(new Set(net.calls.map((c) => c.key))).to.deep.equal(new Set([queued.key]));
    expect(net.calls.length).to.equal(offlineCalls + 1);
  });

  it('stop() removes the `online` listener', async () => {
    const { net, http, options } = fakeNetwork();
    const name = dbName();
    const outbox = track(new Outbox(http, options(name)));
    await outbox.submit(RECORD, { n: 3 } as never);
    outbox.stop();
    net.online = true;
    const before = net.calls.length;
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    expect(net.calls.length).to.equal(before);
    expect((await outbox.pending()).length).to.equal(1);
  });

  it('two outboxes on one database (two tabs) never send an entry twice', async () => {
    const { net, http, options } = fakeNetwork();
    const name = dbName();
    const one = track(new Outbox(http, options(name, { autoStart: false })));
    const other = track(
      new Outbox(http, {
        ...options(name, { autoStart: false }),
        storage: indexedDbOutboxStorage(name),
      }),
    );
    const keys: string[] = [];
    for (let n = 0; n < 5; n++) keys.push((await one.submit(RECORD, { n } as never)).key);
    net.online = true;
    const before = net.calls.length;
    await Promise.all([one.flush(), other.flush(), one.flush(), other.flush()]);
    const sent = net.calls.slice(before).map((c) => c.key);
    expect([...sent].sort()).to.deep.equal([...keys].sort());
    expect(await one.pending()).to.deep.equal([]);
  });
});
