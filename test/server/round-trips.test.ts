/**
 * Round trips to PostgreSQL per request, counted on the socket: a TCP proxy in front of the
 * database counts the times the server's side starts sending again after the database has
 * answered (statements sent together without waiting are one round trip, however many writes
 * they take). One connection in the pool, so every statement of a request goes through it.
 * PostgreSQL only (PGlite has no socket); skipped without DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { createServer as createTcpServer, connect, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openSqlStore, type SqlStore } from '../../src/stores/sql/index.js';
import { postgresDriver } from '../../src/stores/sql/postgres.js';
import { DATABASE_URL } from './db.js';
import { json, startTestServer, type TestServer } from './harness.js';

/**
 * Splits one direction of the wire protocol into message types as the bytes come: the
 * client's first message (startup) has no type byte, every later message and all of the
 * server's are a type byte and a length.
 */
function messages(untypedFirst: boolean, onMessage: (type: string) => void) {
  let buffered = Buffer.alloc(0);
  let first = untypedFirst;
  return (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const header = first ? 4 : 5;
      if (buffered.length < header) return;
      const length = buffered.readInt32BE(first ? 0 : 1) + (first ? 0 : 1);
      if (buffered.length < length) return;
      onMessage(first ? 'startup' : String.fromCharCode(buffered[0]!));
      first = false;
      buffered = buffered.subarray(length);
    }
  };
}

/**
 * A proxy to `target` that counts round trips: the times the client speaks while none of what
 * it sent is still unanswered — it had to wait for the database. Statements sent without
 * waiting go out while earlier ones are still in flight (each ends with a Sync, answered by
 * ReadyForQuery), however many writes that takes.
 */
async function countingProxy(target: URL) {
  let roundTrips = 0;
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let unanswered = 0;
    const fromClient = messages(true, (type) => {
      if (type === 'startup' || type === 'S' || type === 'Q') unanswered++;
    });
    const fromServer = messages(false, (type) => {
      if (type === 'Z') unanswered--;
    });
    client.on('data', (chunk: Buffer) => {
      if (unanswered === 0) roundTrips++;
      fromClient(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      fromServer(chunk);
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    /** Round trips since the last call. */
    take() {
      const n = roundTrips;
      roundTrips = 0;
      return n;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('round trips to PostgreSQL per public submission', { skip: !DATABASE_URL }, () => {
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let store: SqlStore;
  let t: TestServer;
  const schema = `sq_test_rt_${Date.now().toString(36)}`;
  before(async () => {
    proxy = await countingProxy(new URL(DATABASE_URL!));
    store = await openSqlStore({ driver: postgresDriver(proxy.url, { max: 1 }), schema });
    t = await startTestServer(
      {
        name: 'PostgreSQL through a counting proxy',
        open: async () => store,
        reopen: async () => store,
        dispose: async () => undefined,
      },
      {
        store,
        // Over HTTP, as in production: a request is handled from its socket's I/O callback.
        listen: true,
        // The public write limit on, as in production: its hit is part of every submission.
        rateLimits: { publicWrites: { windowMs: 60_000, max: 1_000 } },
      },
    );
  });
  after(async () => {
    await t?.close();
    await store?.driver.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await store?.driver.close();
    await proxy?.close();
  });

  let n = 0;
  const submission = (i: number) =>
    JSON.stringify({
      community: 'xingfuli',
      category: 'noise',
      description: `楼上每天晚上十二点以后还在装修，电钻声吵得老人睡不着（${i}）。`,
      location: {
        community: 'xingfuli',
        grid: 'xfl-g1',
        building: 'xfl-g1-b2',
        unit: 'xfl-g1-b2-u1',
      },
      contact: { name: '张三丰', phone: '138-1234-1234' },
      consent: true,
    });
  const submit = async (key?: string, body?: string) => {
    const res = await t.fetch(
      '/api/v1/complaints',
      json('POST', body ?? submission(++n), key ? { 'Idempotency-Key': key } : {}),
    );
    return res;
  };

  it('with an Idempotency-Key: 2 (the hit on its own; then one statement: the claim with its stored response, the insert)', async () => {
    // Warm: statements prepared on the connection, the community's copy, a block of tickets.
    for (let i = 0; i < 3; i++) assert.equal((await submit(`warm-${i}`)).status, 201);
    proxy.take();
    const first = await submit('rt-key');
    assert.equal(first.status, 201, await first.clone().text());
    // The hit is counted apart (store.hitsApart: the window's row locked for its own
    // statement, not until the claim's commit is flushed), then one statement.
    assert.equal(proxy.take(), 2);
    // Its replay: the hit, then the same statement answers with the stored response (its
    // insert was written only if the claim had been made).
    const replay = await submit('rt-key', submission(n));
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), await first.json());
    assert.equal(proxy.take(), 2);
    const cases = await store.driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".complaints`,
    );
    assert.equal(cases[0]?.n, 4, 'the replay stored no second case');
  });

  it('without a key: 2 (the hit, the insert)', async () => {
    await submit();
    proxy.take();
    assert.equal((await submit()).status, 201);
    assert.equal(proxy.take(), 2);
  });
});
