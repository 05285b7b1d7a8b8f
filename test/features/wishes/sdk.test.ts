/**
 * `client.wishes` over HTTP through a proxy we can pull the plug on: a wish posted offline is
 * queued and delivered exactly once when the network is back; a claim is never queued (the
 * claimer must know at once whether they won), so offline it fails with `network`.
 */
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  ApiError,
  createClient,
  memoryOutboxStorage,
  type Client,
} from '../../../src/sdk/index.js';
import { testDatabases } from '../../server/db.js';
import { startTestServer, type TestServer } from '../../server/harness.js';

const [db] = testDatabases();

/** Forwards to `target`; `offline` drops every connection without an answer. */
async function plugProxy(target: string) {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let offline = false;
  let forwarded = 0;
  const server: Server = createServer((req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    forwarded++;
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    set offline(value: boolean) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    forwarded: () => forwarded,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('client.wishes over a flaky network', () => {
  let t: TestServer;
  let proxy: Awaited<ReturnType<typeof plugProxy>>;
  let client: Client;
  before(async () => {
    t = await startTestServer(db!, { listen: true });
    proxy = await plugProxy(t.origin);
    client = createClient({
      baseUrl: proxy.baseUrl,
      outbox: memoryOutboxStorage(),
      retry: { attempts: 1 },
      timeoutMs: 2000,
    });
  });
  after(async () => {
    await client.close();
    await proxy.close();
    await t.close();
    await db!.dispose();
  });

  const wish = (title: string) => ({
    community: 'xingfuli',
    category: 'company',
    title,
    story: '想请志愿者周末来陪老人聊聊天。',
    wisherName: '陈桂兰',
    phone: '13812341234',
    consent: true as const,
    publishConsent: true as const,
  });

  it('posts offline: queued, then delivered exactly once', async () => {
    proxy.offline = true;
    const queued = await client.wishes.post(wish('周末陪聊'));
    assert.equal(queued.state, 'queued');
    assert.equal((await (await client.outbox())!.pending()).length, 1);
    await (await client.outbox())!.flush(); // still offline: stays queued
    assert.equal((await (await client.outbox())!.pending()).length, 1);

    proxy.offline = false;
    await (await client.outbox())!.flush();
    await (await client.outbox())!.flush(); // a second flush sends nothing again
    assert.equal((await (await client.outbox())!.pending()).length, 0);

    const token = await t.tokenFor('xfl-grid');
    const res = await t.fetch('/api/v1/communities/xingfuli/wish-queue?limit=100', {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as { items: { title: string }[] };
    assert.equal(page.items.filter((w) => w.title === '周末陪聊').length, 1, 'one wish, not two');
  });

  it('a claim is never queued: offline it fails at once with `network`', async () => {
    const delivery = await client.wishes.post(wish('想要一把轮椅'));
    assert.equal(delivery.state, 'delivered');
    if (delivery.state !== 'delivered') return;
    const token = await t.tokenFor('xfl-grid');
    await t.fetch(`/api/v1/wishes/${delivery.value.id}/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'approve' }),
    });
    proxy.offline = true;
    const claimer = {
      claimerType: 'volunteer' as const,
      name: '周敏',
      phone: '13912345678',
      consent: true as const,
    };
    const error = await client.wishes.claim(delivery.value.id, claimer).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'network');
    assert.equal((await (await client.outbox())!.pending()).length, 0, 'nothing queued');
    proxy.offline = false;
    const won = await client.wishes.claim(delivery.value.id, claimer);
    assert.equal(won.card.claimer?.name, '周*');
    const status = await client.wishes.status(delivery.value.code);
    assert.equal(status.status, 'claimed');
  });
});
