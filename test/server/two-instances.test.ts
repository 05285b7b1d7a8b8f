/**
 * The server is stateless: two processes on one PostgreSQL behind a round-robin proxy behave
 * as one. Claims, idempotency, rate limits and sessions are decided in the database, so an
 * instance never has to see the request that came before. Runs where DATABASE_URL is set (CI).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { postgresDriver } from '../../src/stores/sql/postgres.js';
import { DATABASE_URL } from './db.js';

const CLI = ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', '0'];

interface Instance {
  child: ChildProcess;
  url: string;
  password?: string;
}

/** Starts `shequ-kit-server serve` and waits for the URL it prints. */
function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, CLI, { env: { ...process.env, ...env } });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 60 s:\n${stderr}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /API\s+(http:\/\/\S+\/api\/v1)/.exec(stderr)?.[1];
      if (url && stderr.includes('\n\n', stderr.indexOf('health'))) {
        clearTimeout(timer);
        const password = /password: (\S+)/.exec(stderr)?.[1];
        resolve(password ? { child, url, password } : { child, url });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${stderr}`)));
  });
}

/** Sends each request to the next instance in turn, and counts where each went. */
function roundRobin(targets: URL[]) {
  let next = 0;
  const served = targets.map(() => 0);
  const proxy = createServer((req, res) => {
    const i = next++ % targets.length;
    served[i]!++;
    const target = targets[i]!;
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return { proxy, served };
}

describe(
  'two server instances on one PostgreSQL',
  { skip: !DATABASE_URL && 'DATABASE_URL is not set' },
  () => {
    const schema = `sq_two_${Date.now().toString(36)}`;
    let a: Instance;
    let b: Instance;
    let proxy: Server;
    let served: number[];
    let api: string;
    const env = {
      DATABASE_URL: DATABASE_URL ?? '',
      SHEQU_DB_SCHEMA: schema,
      SHEQU_STATIC: 'off',
      SHEQU_LOG_LEVEL: 'error',
      SHEQU_TRUST_PROXY: 'true',
      SHEQU_RATE_LIMIT: '6/60',
      SHEQU_LOGIN_RATE_LIMIT: 'off',
    };

    before(async () => {
      a = await startInstance({ ...env, SHEQU_SEED_DEMO: '1' });
      b = await startInstance({ ...env, SHEQU_SEED_DEMO: '0' });
      const rr = roundRobin([new URL(a.url), new URL(b.url)]);
      proxy = rr.proxy;
      served = rr.served;
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      api = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/v1`;
    });
    after(async () => {
      proxy?.close();
      for (const instance of [a, b]) instance?.child.kill('SIGTERM');
      const db = postgresDriver(DATABASE_URL!, { max: 1 });
      await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    });

    let address = 0;
    /** A request through the proxy from its own client address (rate limits are per address). */
    const send = (path: string, init: RequestInit & { from?: string } = {}) =>
      fetch(api + path, {
        ...init,
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': init.from ?? `198.51.100.${++address % 250}`,
          ...(init.headers as Record<string, string>),
        },
      });
    const login = async (username: string) => {
      const res = await send('/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username, password: a.password }),
      });
      assert.equal(res.status, 200);
      return ((await res.json()) as { token: string }).token;
    };

    it('a staff session made on one instance works on the other', async () => {
      const token = await login('xfl-admin');
      for (const base of [a.url, b.url]) {
        const me = await fetch(`${base}/auth/me`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        assert.equal(me.status, 200, base);
      }
    });

    it('an Idempotency-Key retried against the other instance replays the first answer', async () => {
      const body = JSON.stringify({
        community: 'xingfuli',
        category: 'daily',
        title: '想要一把雨伞',
        story: '下雨天出门买菜，想有一把结实的伞。',
        wisherName: '赵大爷',
        phone: '13700002222',
        consent: true,
        publishConsent: true,
      });
      const post = (base: string) =>
        fetch(`${base}/wishes`, {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'two-instances-1' },
        });
      const first = await post(a.url);
      const again = await post(b.url);
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(await again.text(), await first.text(), 'the same receipt, one wish');
    });

    it('one complaint key sent 20 times at once across both: one case, one receipt for all', async () => {
      const db = postgresDriver(DATABASE_URL!, { max: 1 });
      const cases = async () =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".complaints`))[0]!
          .n;
      try {
        const before = await cases();
        const body = JSON.stringify({
          community: 'xingfuli',
          category: 'noise',
          description: '楼上每天晚上十二点以后还在装修，电钻声吵得老人睡不着。',
          location: {
            community: 'xingfuli',
            grid: 'xfl-g1',
            building: 'xfl-g1-b2',
            unit: 'xfl-g1-b2-u1',
          },
          contact: { name: '张三丰', phone: '138-1234-1234' },
          consent: true,
        });
        const answers = await Promise.all(
          Array.from({ length: 20 }, () =>
            send('/complaints', {
              method: 'POST',
              body,
              headers: { 'Idempotency-Key': 'two-instances-complaint' },
            }),
          ),
        );
        const receipts = new Set<string>();
        for (const res of answers) {
          assert.ok([201, 409].includes(res.status), `${res.status} ${await res.clone().text()}`);
          if (res.status === 201) receipts.add(await res.text());
        }
        assert.equal(receipts.size, 1, 'every 201 is the same receipt');
        assert.equal((await cases()) - before, 1, 'one case');
      } finally {
        await db.close();
      }
    });

    it('50 concurrent claims split across both: one winner, 49 × 409 already_claimed', async () => {
      const admin = await login('xfl-admin');
      const posted = await send('/wishes', {
        method: 'POST',
        body: JSON.stringify({
          community: 'xingfuli',
          category: 'daily',
          title: '想要一台收音机',
          story: '一个人在家，想听听戏曲和新闻。',
          wisherName: '钱奶奶',
          phone: '13700003333',
          consent: true,
          publishConsent: true,
        }),
      });
      const { id } = (await posted.json()) as { id: string };
      const approved = await send(`/wishes/${id}/actions`, {
        method: 'POST',
        body: JSON.stringify({ action: 'approve' }),
        headers: { Authorization: `Bearer ${admin}` },
      });
      assert.equal(approved.status, 200);
      const before = [...served];
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          send(`/wishes/${id}/claim`, {
            method: 'POST',
            body: JSON.stringify({
              claimerType: 'volunteer',
              name: `志愿者${i}`,
              phone: `1390000${String(i).padStart(4, '0')}`,
              consent: true,
            }),
            from: `203.0.113.${i + 1}`,
          }),
        ),
      );
      const statuses = claims.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 409).length, 49);
      const codes = await Promise.all(
        claims
          .filter((r) => r.status === 409)
          .map(async (r) => ((await r.json()) as { code: string }).code),
      );
      assert.deepEqual([...new Set(codes)], ['already_claimed']);
      assert.ok(served[0]! - before[0]! >= 20 && served[1]! - before[1]! >= 20, `split ${served}`);
    });

    it('rate limits count across both instances', async () => {
      // The windows are the clock's minutes: seven logins straddling one's end would count in
      // two windows. Started with less than 15 s of this one left, they wait for the next.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 45_000)
        await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute));
      const from = '192.0.2.200';
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await send('/auth/login', {
          method: 'POST',
          body: JSON.stringify({ username: 'nobody', password: 'wrong' }),
          from,
        });
        statuses.push(res.status);
      }
      assert.deepEqual(
        statuses,
        [401, 401, 401, 401, 401, 401, 429],
        'six a minute, wherever they land',
      );
    });
  },
);
