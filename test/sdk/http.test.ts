import '../../src/features/complaints/sdk.js';
import '../../src/features/wishes/sdk.js';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { summarize } from '../../src/domain/index.js';
import { demoCommunities } from '../../src/features/core/demo.js';
import type { OperationDef } from '../../src/services/contract.js';
import { ApiError } from '../../src/sdk/errors.js';
import { buildRequest, createHttpTransport, type HttpOptions } from '../../src/sdk/http.js';
import { addFeature } from '../../src/sdk/operations.js';
import { defineFeature } from '../../src/services/feature.js';
import { withSchemas } from '../../src/domain/operation.js';
import type { OperationName } from '../../src/services/contract.js';
import { MAX_RETRY_AFTER_MS, backoffDelay, parseRetryAfter } from '../../src/sdk/retry.js';
import { FaultServer, echoDef, json, problem, recordDef } from './fault-server.js';

async function waitFor(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(ok(), 'waited 1 s');
}

/** Records the waits the transport asks for, without waiting. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

describe('retry rules', () => {
  it('backoff is full jitter within min(maxMs, baseMs·2^attempt)', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    assert.equal(backoffDelay(0, { ...opts, random: () => 0 }), 0);
    assert.equal(backoffDelay(0, { ...opts, random: () => 0.999 }), 99);
    assert.equal(backoffDelay(3, { ...opts, random: () => 0.5 }), 400);
    assert.equal(backoffDelay(10, { ...opts, random: () => 0.5 }), 500, 'capped at maxMs');
    for (let attempt = 0; attempt < 20; attempt++) {
      const d = backoffDelay(attempt, opts);
      assert.ok(d >= 0 && d < Math.min(1000, 100 * 2 ** attempt), `${attempt}: ${d}`);
    }
  });
  it('Retry-After is a lower bound, capped at 10 minutes', () => {
    assert.equal(backoffDelay(0, { random: () => 0 }, 2000), 2000);
    assert.equal(backoffDelay(5, { baseMs: 1000, random: () => 0.9 }, 10), 9000);
    assert.equal(backoffDelay(0, { random: () => 0 }, 3_600_000), MAX_RETRY_AFTER_MS);
  });
  it('parses Retry-After as seconds or HTTP-date (ms from now)', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter(' 120 ', now), 120_000);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), 0, 'past date');
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-5', now), undefined);
    assert.equal(parseRetryAfter('1.5', now), undefined);
    assert.equal(parseRetryAfter('Sunday, 01-Jan-25 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('Wed Jan  1 00:00:20 2025', now), 20_000, 'asctime is GMT');
  });
});

describe('buildRequest', () => {
  it('fills path segments (encoded) and sends the rest as query or JSON body', () => {
    const get = buildRequest('https://x.org/api/v1/', echoDef, {
      id: 'a b/c',
      part: '社区',
      tags: ['x', 'y z'],
      page: 2,
      skip: undefined,
    });
    assert.equal(
      get.url,
      'https://x.org/api/v1/echo/a%20b%2Fc/%E7%A4%BE%E5%8C%BA?tags=x&tags=y+z&page=2',
    );
    assert.equal(get.body, undefined);
    const post = buildRequest('/api/v1', { method: 'POST', path: '/c/{id}/x' }, { id: 7, n: 1 });
    assert.deepEqual(post, { url: '/api/v1/c/7/x', body: '{"n":1}' });
  });
  it('refuses a missing path parameter', () => {
    assert.throws(
      () => buildRequest('/api', { method: 'GET', path: '/c/{id}' }, {}),
      (e: unknown) => e instanceof ApiError && e.code === 'validation_failed',
    );
  });
});

describe('http transport against a real server', () => {
  const server = new FaultServer();
  let opts: HttpOptions;
  let waits: number[];
  before(async () => {
    await server.listen();
  });
  after(() => server.close());
  beforeEach(() => {
    server.seen.length = 0;
    server.script.length = 0;
    server.chaos = undefined;
    const s = recordingSleep();
    waits = s.waits;
    opts = {
      baseUrl: server.baseUrl,
      timeoutMs: 2000,
      retry: { sleep: s.sleep, random: () => 0.5 },
    };
  });

  it('lists and gets communities (contract operations, output validated)', async () => {
    const http = createHttpTransport(opts);
    assert.equal(http.kind, 'http');
    assert.deepEqual(await http.call('listCommunities', {}), demoCommunities.map(summarize));
    const got = await http.call('getCommunity', { id: 'chunhui' });
    assert.deepEqual(got, demoCommunities[1]);
    assert.equal(server.seen.at(-1)!.url, '/api/v1/communities/chunhui');
    await http.close();
  });

  it('sends query, path, Accept, Authorization; GETs carry no Idempotency-Key', async () => {
    let token = 't1';
    const http = createHttpTransport({ ...opts, token: () => token });
    const out = (await http.request(echoDef, {
      id: '1/2',
      part: 'p',
      tags: ['a', 'b'],
      q: '和平 街道',
    })) as { url: string; headers: Record<string, string> };
    assert.equal(
      out.url,
      '/api/v1/echo/1%2F2/p?tags=a&tags=b&q=%E5%92%8C%E5%B9%B3+%E8%A1%97%E9%81%93',
    );
    assert.equal(out.headers.accept, 'application/json, application/problem+json');
    assert.equal(out.headers.authorization, 'Bearer t1');
    assert.equal(out.headers['idempotency-key'], undefined);
    token = 't2';
    await http.request(echoDef, { id: '1', part: 'p' });
    assert.equal(server.seen.at(-1)!.headers.authorization, 'Bearer t2');
  });

  it('mutations send JSON with one Idempotency-Key, reused on every retry', async () => {
    const http = createHttpTransport(opts);
    server.script.push(
      (req) => void req.socket.destroy(),
      (_req, res) => problem(res, 'unavailable', 'busy', [], { 'Retry-After': '0' }),
    );
    const value = await http.request(recordDef, { n: 5 });
    assert.deepEqual(value, { id: 'r1', n: 5 });
    const posts = server.posts();
    assert.equal(posts.length, 3);
    const keys = new Set(posts.map((p) => p.headers['idempotency-key']));
    assert.equal(keys.size, 1);
    assert.match(String([...keys][0]), /^[0-9A-Z]{26}$/);
    assert.equal(posts[0]!.headers['content-type'], 'application/json');
    assert.equal(posts[0]!.body, '{"n":5}');
    // A caller's key is used as given; a new call without one gets a new key.
    await http.request(recordDef, { n: 6 }, { idempotencyKey: 'my-key-1' });
    assert.equal(server.posts().at(-1)!.headers['idempotency-key'], 'my-key-1');
    await http.request(recordDef, { n: 7 });
    assert.notEqual(server.posts().at(-1)!.headers['idempotency-key'], [...keys][0]);
  });

  it('problem+json becomes an ApiError with code, status and fields', async () => {
    const http = createHttpTransport(opts);
    await assert.rejects(http.call('getCommunity', { id: 'nowhere' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'not_found');
      assert.equal(e.status, 404);
      assert.equal(e.retryable, false);
      assert.equal(e.message, 'no community nowhere');
      return true;
    });
    // The server's own validation (stricter than the client's schema): fields come through.
    await assert.rejects(http.request(recordDef, { n: -1 }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'validation_failed');
      assert.equal(e.status, 400);
      assert.deepEqual(e.fields, [{ path: 'n', key: 'validation.too_small', params: { min: 0 } }]);
      return true;
    });
    assert.equal(server.seen.length, 2, 'refusals are not retried');
  });

  it('invalid input is refused before any request, with field errors', async () => {
    const http = createHttpTransport(opts);
    await assert.rejects(http.call('getCommunity', { id: 'no spaces!' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'validation_failed');
      assert.deepEqual(e.fields, [{ path: 'id', key: 'id.invalid' }]);
      return true;
    });
    assert.equal(server.seen.length, 0);
  });

  it("a feature's first read goes out before its schemas have loaded; its answer and input are checked once they have", async () => {
    // A feature whose table (contract.ts) is slow to load, as on a phone's first call.
    const routes = {
      slowList: { method: 'GET', path: '/communities', access: 'public' },
      slowGet: { method: 'GET', path: '/communities/{id}', access: 'public' },
    } as const;
    const table = withSchemas(routes, {
      slowList: {
        summary: 'x',
        input: z.object({}),
        output: z.array(z.object({ id: z.string(), name: z.string() })),
      },
      slowGet: {
        summary: 'x',
        input: z.object({ id: z.string().check(z.regex(/^[a-z]+$/, 'id.invalid')) }),
        output: z.unknown(),
      },
    });
    const releases: (() => void)[] = [];
    addFeature(
      defineFeature({
        name: 'slowtest',
        routes,
        operations: () =>
          new Promise<typeof table>((resolve) => releases.push(() => resolve(table))),
        services: () => Promise.resolve({ slowList: async () => [], slowGet: async () => ({}) }),
      }),
    );
    const http = createHttpTransport(opts);
    const listed = http.call('slowList' as OperationName, {} as never);
    await waitFor(() => server.seen.length === 1);
    assert.equal(server.seen[0]!.url, '/api/v1/communities', 'sent while the schemas load');
    releases.forEach((release) => release());
    assert.equal(((await listed) as unknown[]).length, demoCommunities.length);
    // Now loaded: an invalid input is refused before any request, as every call's is.
    await assert.rejects(
      http.call('slowGet' as OperationName, { id: 'NO' } as never),
      (e: unknown) => {
        assert.ok(e instanceof ApiError && e.code === 'validation_failed');
        return true;
      },
    );
    assert.equal(server.seen.length, 1);
  });

  it('a first read whose input the schemas then refuse is stopped, with the field errors', async () => {
    const routes = {
      slowGet2: { method: 'GET', path: '/communities/{id}', access: 'public' },
    } as const;
    const table = withSchemas(routes, {
      slowGet2: {
        summary: 'x',
        input: z.object({ id: z.string().check(z.regex(/^[a-z]+$/, 'id.invalid')) }),
        output: z.unknown(),
      },
    });
    let release = () => {};
    addFeature(
      defineFeature({
        name: 'slowtest2',
        routes,
        operations: () => new Promise<typeof table>((resolve) => (release = () => resolve(table))),
        services: () => Promise.resolve({ slowGet2: async () => ({}) }),
      }),
    );
    server.script.push(() => new Promise(() => {})); // the server never answers this one
    const http = createHttpTransport(opts);
    const got = http.call('slowGet2' as OperationName, { id: 'NO' } as never);
    await waitFor(() => server.seen.length === 1);
    release();
    await assert.rejects(got, (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'validation_failed');
      assert.deepEqual(e.fields, [{ path: 'id', key: 'id.invalid' }]);
      return true;
    });
  });

  it('an answer that does not match the output schema is an internal error, not retried', async () => {
    const http = createHttpTransport(opts);
    server.script.push((_req, res) => json(res, 200, [{ id: 'x' }]));
    await assert.rejects(http.call('listCommunities', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'internal');
      assert.match(e.message, /^unexpected response from GET \/communities/);
      assert.equal(e.retryable, false);
      return true;
    });
    assert.equal(server.seen.length, 1);
  });

  it('a 2xx page that is not JSON (captive portal) is a retryable network error', async () => {
    const http = createHttpTransport({ ...opts, retry: { ...opts.retry, attempts: 2 } });
    const portal = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>请登录 Wi-Fi</html>');
    };
    server.script.push(portal, portal);
    await assert.rejects(http.call('listCommunities', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'network');
      assert.equal(e.retryable, true);
      return true;
    });
    assert.equal(server.seen.length, 2);
  });

  it('5xx pages that are not JSON are retried, then reported by status', async () => {
    const http = createHttpTransport(opts);
    for (let i = 0; i < 4; i++) {
      server.script.push((_req, res) => {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<h1>Bad Gateway</h1>');
      });
    }
    await assert.rejects(http.call('listCommunities', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'unavailable');
      assert.equal(e.status, 502);
      return true;
    });
    assert.equal(server.seen.length, 4, 'default: 4 tries in all');
    assert.deepEqual(waits, [150, 300, 600], 'full jitter at random()=0.5: 300·2^n / 2');
  });

  it('a timeout is a network error (status 0), retried per attempt', async () => {
    const http = createHttpTransport({
      ...opts,
      timeoutMs: 100,
      retry: { ...opts.retry, attempts: 2 },
    });
    const hang = () => undefined; // never answers
    server.script.push(hang, hang);
    const started = Date.now();
    await assert.rejects(http.call('listCommunities', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'network');
      assert.equal(e.status, 0);
      assert.match(e.message, /no answer within 100 ms/);
      return true;
    });
    assert.equal(server.seen.length, 2);
    assert.ok(Date.now() - started < 1500);
  });

  it('a stalled body times out too', async () => {
    const http = createHttpTransport({
      ...opts,
      timeoutMs: 100,
      retry: { ...opts.retry, attempts: 1 },
    });
    server.script.push((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
    });
    await assert.rejects(http.call('listCommunities', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'network');
      return true;
    });
  });

  it('a closed port is a network error', async () => {
    const down = new FaultServer();
    await down.listen();
    const baseUrl = down.baseUrl;
    await down.close();
    const http = createHttpTransport({ ...opts, baseUrl });
    await assert.rejects(http.call('listCommunities', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'network');
      assert.equal(e.retryable, true);
      return true;
    });
    assert.equal(waits.length, 3);
  });

  it('honours Retry-After (seconds and HTTP-date) as the lower bound of the wait', async () => {
    const http = createHttpTransport(opts);
    const inTwoSeconds = new Date(Date.now() + 2500).toUTCString();
    server.script.push(
      (_req, res) => problem(res, 'unavailable', 'busy', [], { 'Retry-After': '1' }),
      (_req, res) => problem(res, 'rate_limited', 'slow down', [], { 'Retry-After': '3' }),
      (_req, res) => problem(res, 'unavailable', 'busy', [], { 'Retry-After': inTwoSeconds }),
    );
    await http.call('listCommunities', {});
    assert.equal(server.seen.length, 4);
    assert.equal(waits.length, 3);
    assert.equal(waits[0], 1000);
    assert.equal(waits[1], 3000);
    assert.ok(waits[2]! >= 1000 && waits[2]! <= 3000, String(waits[2]));
  });

  it('gives up at once when Retry-After is longer than a call may wait, keeping retryAfter', async () => {
    const http = createHttpTransport(opts);
    server.script.push((_req, res) =>
      problem(res, 'rate_limited', 'slow down', [], { 'Retry-After': '120' }),
    );
    await assert.rejects(http.call('listCommunities', {}), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'rate_limited');
      assert.equal(e.status, 429);
      assert.equal(e.retryAfter, 120);
      assert.equal(e.retryable, true);
      return true;
    });
    assert.equal(server.seen.length, 1);
    assert.equal(waits.length, 0);
  });

  it('retries 409 in_flight, not 409 conflict', async () => {
    const http = createHttpTransport(opts);
    server.script.push((_req, res) => problem(res, 'in_flight', 'still processing'));
    const value = (await http.request(recordDef, { n: 1 })) as { id: string; n: number };
    assert.equal(value.n, 1);
    assert.equal(server.posts().length, 2);
    server.script.push((_req, res) => problem(res, 'conflict', 'taken'));
    await assert.rejects(http.request(recordDef, { n: 2 }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'conflict');
      assert.equal(e.retryable, false);
      return true;
    });
  });

  it('same key, different body → 422 idempotency_mismatch; same key again → the first answer', async () => {
    const http = createHttpTransport(opts);
    const first = await http.request(recordDef, { n: 10 }, { idempotencyKey: 'K-mismatch' });
    const again = await http.request(recordDef, { n: 10 }, { idempotencyKey: 'K-mismatch' });
    assert.deepEqual(again, first);
    assert.equal(server.records.filter((r) => r.key === 'K-mismatch').length, 1);
    await assert.rejects(
      http.request(recordDef, { n: 11 }, { idempotencyKey: 'K-mismatch' }),
      (e: unknown) =>
        e instanceof ApiError && e.code === 'idempotency_mismatch' && e.status === 422,
    );
  });

  it('two sends of one key at once: one record, both get its answer (409 in_flight retried)', async () => {
    server.chaos = {
      random: () => 0.5, // every request lands in "slow"
      dropBefore: 0,
      unavailable: 0,
      slow: 1,
      dropAfterCommit: 0,
      delayMs: 150,
    };
    // Real (short) sleeps so the second caller outlives the first one's processing.
    const http = createHttpTransport({
      ...opts,
      retry: { attempts: 8, baseMs: 100, maxMs: 100, random: () => 1 },
    });
    const [a, b] = await Promise.all([
      http.request(recordDef, { n: 42 }, { idempotencyKey: 'K-concurrent' }),
      new Promise((r) => setTimeout(r, 20)).then(() =>
        http.request(recordDef, { n: 42 }, { idempotencyKey: 'K-concurrent' }),
      ),
    ]);
    assert.deepEqual(a, b);
    assert.equal(server.records.filter((r) => r.key === 'K-concurrent').length, 1);
  });

  it('a caller abort rejects with an AbortError and is not retried', async () => {
    const http = createHttpTransport({ ...opts, retry: { attempts: 4 } });
    server.script.push(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(
      http.call('listCommunities', {}, { signal: controller.signal }),
      (e: unknown) => e instanceof Error && e.name === 'AbortError',
    );
    assert.equal(server.seen.length, 1);
    const aborted = AbortSignal.abort();
    await assert.rejects(http.call('listCommunities', {}, { signal: aborted }), {
      name: 'AbortError',
    });
    assert.equal(server.seen.length, 1, 'an aborted signal sends nothing');
  });

  it('204 resolves undefined', async () => {
    const http = createHttpTransport(opts);
    server.script.push((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const def: OperationDef = { ...recordDef, output: z.undefined() };
    assert.equal(await http.request(def, { n: 1 }), undefined);
  });
});
