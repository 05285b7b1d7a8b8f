/**
 * Residents' concerns survive a bad network: the SDK's outbox against a REAL server (PGlite,
 * PostgreSQL when DATABASE_URL is set) behind a fault-injecting node:http proxy that drops the
 * connection after the server answered (so the case is committed but the phone never hears),
 * answers 503 + Retry-After, or is offline and then back. N submissions end as exactly N cases.
 */
import assert from 'node:assert/strict';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ComplaintInput, ComplaintSummary } from '../../../src/domain/index.js';
import { createClient, type Client } from '../../../src/sdk/index.js';
import { memoryOutboxStorage } from '../../../src/sdk/outbox.js';
import { testDatabases } from '../../server/db.js';
import { bearer, startTestServer, type TestServer } from '../../server/harness.js';
import { prng } from '../../sdk/fault-server.js';
import { pngDeclaring } from '../../fixtures/images.js';

/** `dropOnce`: the first answer to each Idempotency-Key is lost after the commit, later ones pass. */
type Mode = 'pass' | 'offline' | 'dropAfter' | 'dropOnce' | 'unavailable' | 'chaos';

/** A proxy in front of the real server that misbehaves on purpose. */
class FaultProxy {
  readonly server: Server;
  mode: Mode = 'pass';
  random = prng(20260217);
  stats = { forwarded: 0, droppedAfter: 0, droppedBefore: 0, unavailable: 0 };
  port = 0;
  private readonly dropped = new Set<string>();
  constructor(private readonly upstream: URL) {
    this.server = createServer((req, res) => this.handle(req, res));
  }
  async listen() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }
  get baseUrl() {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }
  private pick(): Exclude<Mode, 'chaos'> {
    if (this.mode !== 'chaos') return this.mode;
    const r = this.random();
    return r < 0.3 ? 'dropAfter' : r < 0.45 ? 'unavailable' : r < 0.55 ? 'offline' : 'pass';
  }
  private handle(req: IncomingMessage, res: ServerResponse) {
    let mode = this.pick();
    if (mode === 'dropOnce') {
      const key = String(req.headers['idempotency-key']);
      mode = this.dropped.has(key) ? 'pass' : 'dropAfter';
      this.dropped.add(key);
    }
    if (mode === 'offline') {
      this.stats.droppedBefore++;
      req.socket.destroy();
      return;
    }
    if (mode === 'unavailable') {
      this.stats.unavailable++;
      req.resume();
      res.writeHead(503, { 'Retry-After': '1', 'Content-Type': 'text/plain' });
      res.end('busy');
      return;
    }
    this.stats.forwarded++;
    const upstream = httpRequest(
      {
        host: this.upstream.hostname,
        port: this.upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (mode === 'dropAfter') {
            // The server has committed and answered; the resident's phone never hears it.
            this.stats.droppedAfter++;
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  }
  close() {
    return new Promise<void>((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const quickSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 5)));

const concern = (marker: string, i: number): ComplaintInput => ({
  community: 'xingfuli',
  category: 'environment',
  description: `${marker} 第${i}件：楼道里堆满了杂物，老人下楼很危险。`,
  location: { community: 'xingfuli', grid: 'xfl-g2' },
  contact: { name: '李大妈', phone: '13912345678' },
  consent: true,
});

for (const db of databases) {
  describe(`complaint submissions through a faulty network → server on ${db.name}`, () => {
    let t: TestServer;
    let proxy: FaultProxy;
    let client: Client;
    let token: string;
    before(async () => {
      t = await startTestServer(db, { listen: true });
      proxy = new FaultProxy(new URL(t.origin));
      await proxy.listen();
      client = createClient({
        baseUrl: proxy.baseUrl,
        outbox: memoryOutboxStorage(),
        timeoutMs: 2_000,
        retry: { attempts: 3, sleep: quickSleep },
      });
      token = await t.tokenFor('xfl-admin');
    });
    after(async () => {
      await client.close();
      await proxy.close();
      await t.close();
    });

    /** The cases staff see (straight to the server, not through the proxy). */
    async function casesMarked(marker: string): Promise<ComplaintSummary[]> {
      const found: ComplaintSummary[] = [];
      let cursor: string | undefined;
      do {
        const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
        const res = await t.fetch(`/api/v1/communities/xingfuli/complaints?${query}`, {
          headers: bearer(token),
        });
        assert.equal(res.status, 200);
        const page = (await res.json()) as { items: ComplaintSummary[]; nextCursor?: string };
        found.push(...page.items.filter((c) => c.excerpt.startsWith(marker)));
        cursor = page.nextCursor;
      } while (cursor);
      return found;
    }

    async function drain() {
      for (let round = 0; round < 100; round++) {
        const pending = await (await client.outbox())!.pending();
        assert.ok(
          pending.every((e) => e.state === 'pending'),
          'nothing refused',
        );
        if (pending.length === 0) return round;
        await (await client.outbox())!.flush();
      }
      assert.fail('the outbox did not drain');
    }

    it('N submissions through dropped answers, 503s and resets end as exactly N cases', async () => {
      const marker = `[chaos-${db.name.slice(0, 6)}]`;
      const N = 40;
      proxy.mode = 'chaos';
      const outcomes: string[] = [];
      for (let wave = 0; wave < N / 5; wave++) {
        const batch = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            client.complaints.submit(concern(marker, wave * 5 + i)),
          ),
        );
        outcomes.push(...batch.map((d) => d.state));
      }
      await drain();
      proxy.mode = 'pass';
      await drain();
      const cases = await casesMarked(marker);
      assert.equal(cases.length, N, `exactly ${N} cases (outcomes: ${outcomes.join(',')})`);
      assert.equal(new Set(cases.map((c) => c.excerpt)).size, N, 'none duplicated');
      assert.equal(new Set(cases.map((c) => c.ticket)).size, N, 'one ticket each');
      assert.ok(proxy.stats.droppedAfter > 0, 'answers were lost after commit');
      assert.ok(proxy.stats.unavailable > 0, '503s were sent');
    });

    it('offline: submissions queue, then are delivered exactly once when the network is back', async () => {
      const marker = '[offline]';
      proxy.mode = 'offline';
      const queued = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => client.complaints.submit(concern(marker, i))),
      );
      assert.deepEqual(
        queued.map((d) => d.state),
        ['queued', 'queued', 'queued', 'queued', 'queued'],
      );
      for (const d of queued) if (d.state === 'queued') assert.equal(d.reason.code, 'network');
      assert.equal((await (await client.outbox())!.pending()).length, 5);
      assert.equal((await casesMarked(marker)).length, 0, 'nothing arrived');

      // Back online, but every answer is lost once: the resends must be replayed, not re-run.
      proxy.mode = 'dropOnce';
      const delivered: string[] = [];
      (await client.outbox())!.addEventListener('delivered', (e) => {
        delivered.push((e.detail.value as { ticket: string }).ticket);
      });
      await drain();
      assert.equal(proxy.stats.droppedAfter >= 5, true, 'every first answer was lost');
      const cases = await casesMarked(marker);
      assert.equal(cases.length, 5, 'five cases, not ten');
      assert.deepEqual(
        [...delivered].sort(),
        cases.map((c) => c.ticket).sort(),
        'each resident got the receipt of their own case',
      );
    });

    it('photos taken offline wait with the submission and are stored once each', async () => {
      const marker = '[photos]';
      const png = (n: number) => new Blob([pngDeclaring(n + 1, 1)]);
      proxy.mode = 'offline';
      const queued = await Promise.all(
        [1, 2, 3].map((i) =>
          client.complaints.submit(concern(marker, i), { attachments: [png(i), png(i + 10)] }),
        ),
      );
      assert.deepEqual(
        queued.map((d) => d.state),
        ['queued', 'queued', 'queued'],
      );
      // Back, but the first answer to every request (uploads included) is lost after commit.
      proxy.mode = 'dropOnce';
      await drain();
      const cases = await casesMarked(marker);
      assert.equal(cases.length, 3);
      const photos: string[] = [];
      for (const c of cases) {
        const res = await t.fetch(`/api/v1/complaints/${c.id}`, { headers: bearer(token) });
        const full = (await res.json()) as { photos: string[] };
        assert.equal(full.photos.length, 2, 'both photos on the case');
        photos.push(...full.photos);
      }
      assert.equal(new Set(photos).size, 6, 'six photos, none twice');
      const first = await t.fetch(`/api/v1/uploads/${photos[0]}`, { headers: bearer(token) });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('content-type'), 'image/png');
    });
  });
}
