import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from './db.js';
import { json, manualClock, startTestServer, type TestServer } from './harness.js';
import { memoryStorage } from '../../src/server/uploads.js';
import { JPEG, PNG, WEBP, pngDeclaring, withTrailing } from '../fixtures/images.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

/** A public complaint that names nobody (no contact). */
const anonymousComplaint = {
  community: 'xingfuli',
  category: 'environment',
  description: '垃圾站的垃圾三天没人清运了，味道很大。',
  location: { community: 'xingfuli', grid: 'xfl-g1' },
  anonymous: true,
  consent: true,
};

const form = (...files: [Uint8Array, string, string][]) => {
  const data = new FormData();
  for (const [bytes, name, type] of files)
    data.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return data;
};

for (const db of databases) {
  describe(`rate limits on ${db.name}`, () => {
    let a: TestServer;
    let b: TestServer;
    const clock = manualClock('2026-03-02T01:00:10.000Z');
    before(async () => {
      const rateLimits = {
        publicWrites: { windowMs: 60_000, max: 3 },
        login: false as const,
      };
      a = await startTestServer(db, { clock, rateLimits, trustProxy: 1 });
      b = await startTestServer(db, { store: await db.reopen(), clock, rateLimits, trustProxy: 1 });
    });
    after(async () => {
      await b.close();
      await a.close();
    });

    const attempt = (s: TestServer, ip: string, username = `u-${ip}`) =>
      s.fetch(
        '/api/v1/auth/login',
        json('POST', { username, password: 'x' }, { 'X-Forwarded-For': ip }),
      );

    const submit = (s: TestServer, key: string, ip = '203.0.113.9') =>
      s.fetch(
        '/api/v1/complaints',
        json('POST', {}, { 'X-Forwarded-For': ip, 'Idempotency-Key': key }),
      );

    // PGlite: the hit in the claim's statement; PostgreSQL: the hit apart, then the claim.
    it('counts public writes with an Idempotency-Key the same (hit, then claim)', async () => {
      assert.equal((await submit(a, 'k1')).status, 400);
      assert.equal((await submit(b, 'k2')).status, 400);
      const replayed = await submit(a, 'k1');
      assert.equal(replayed.status, 400);
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true', 'a replay counts too');
      const limited = await submit(b, 'k3');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '50');
      const after = await submit(a, 'k3');
      assert.equal(after.status, 429, 'k3 was not claimed: still refused, not in flight');
    });

    it('lets exactly the limit through when one address sends many at once to both instances', async () => {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => submit(i % 2 ? a : b, `burst-${i}`, '203.0.113.30')),
      );
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [...Array(3).fill(400), ...Array(9).fill(429)]);
    });

    it('keeps its windows in an unlogged table (a hit waits for no WAL flush)', async () => {
      const sql = a.server.store as unknown as {
        driver: { query(q: string): Promise<{ persistence: string }[]> };
        schema: string;
      };
      const [row] = await sql.driver.query(
        `SELECT relpersistence AS persistence FROM pg_class
          WHERE oid = '"${sql.schema}".rate_limits'::regclass`,
      );
      assert.equal(row?.persistence, 'u');
    });

    it('counts public writes per client across instances: 429 + Retry-After past the limit', async () => {
      assert.equal((await attempt(a, '203.0.113.1')).status, 401);
      assert.equal((await attempt(b, '203.0.113.1')).status, 401);
      assert.equal((await attempt(a, '203.0.113.1')).status, 401);
      const limited = await attempt(b, '203.0.113.1');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('content-type'), 'application/problem+json');
      assert.equal(limited.headers.get('retry-after'), '50');
      const problem = (await limited.json()) as { code: string; retryAfter: number };
      assert.equal(problem.code, 'rate_limited');
      assert.equal(problem.retryAfter, 50);
      assert.equal((await attempt(a, '203.0.113.2')).status, 401, 'another client is not limited');
      assert.equal(
        (await a.fetch('/api/v1/communities', { headers: { 'X-Forwarded-For': '203.0.113.1' } }))
          .status,
        200,
        'reads are not limited',
      );
      clock.advance(50_000);
      assert.equal((await attempt(a, '203.0.113.1')).status, 401, 'the next window');
    });

    it('keeps no client address in the database', async () => {
      const sql = a.server.store as unknown as {
        driver: { query(q: string): Promise<{ key: string }[]> };
        schema: string;
      };
      await attempt(a, '192.0.2.77');
      const rows = await sql.driver.query(`SELECT key FROM "${sql.schema}".rate_limits`);
      if (db.name === 'PGlite') {
        // Its windows are kept in this process (one process owns a PGlite database), shared
        // by both instances here (the tests above), never written to the table.
        assert.equal(rows.length, 0);
      } else {
        assert.ok(rows.length > 0);
      }
      assert.equal(
        rows.some((r) => r.key.includes('192.0.2.77')),
        false,
      );
    });
  });

  describe(`login throttling on ${db.name}`, () => {
    let a: TestServer;
    let b: TestServer;
    const clock = manualClock('2026-03-02T01:00:10.000Z');
    before(async () => {
      const rateLimits = {
        publicWrites: false as const,
        login: { windowMs: 60_000, max: 3 },
        loginPerUsername: { windowMs: 15 * 60_000, max: 12 },
      };
      a = await startTestServer(db, { clock, rateLimits, trustProxy: 1 });
      b = await startTestServer(db, { store: await db.reopen(), clock, rateLimits, trustProxy: 1 });
    });
    after(async () => {
      await b.close();
      await a.close();
    });

    const attempt = (s: TestServer, ip: string, username: string, password = 'x') =>
      s.fetch(
        '/api/v1/auth/login',
        json('POST', { username, password }, { 'X-Forwarded-For': ip }),
      );

    it('slows whoever guesses a password, in growing steps, not the account holder', async () => {
      const guesser = '198.51.100.7';
      // 3 a minute, then 6 in 4 minutes, then 12 in 16 minutes from one address.
      for (let i = 0; i < 3; i++) assert.equal((await attempt(a, guesser, 'xfl-grid')).status, 401);
      const first = await attempt(b, guesser, 'XFL-GRID');
      assert.equal(first.status, 429, 'the guesser waits');
      const firstWait = Number(first.headers.get('retry-after'));
      assert.ok(firstWait > 0 && firstWait <= 60, `${firstWait}s`);
      // The 网格员 signs in from their own address meanwhile.
      const own = await attempt(b, '192.0.2.10', 'xfl-grid', a.login.password);
      assert.equal(own.status, 200, 'the account holder is not locked out');
      // A minute later the first window is over, the longer one (6 in 4 minutes) is not: every
      // attempt counts there, refused ones too.
      clock.advance(60_000);
      for (let i = 0; i < 2; i++) assert.equal((await attempt(a, guesser, 'xfl-grid')).status, 401);
      const second = await attempt(a, guesser, 'xfl-grid');
      assert.equal(second.status, 429);
      const secondWait = Number(second.headers.get('retry-after'));
      assert.ok(
        secondWait > 60 && secondWait <= 240,
        `a longer wait the second time: ${secondWait}s`,
      );
    });

    it('has a much higher ceiling per username whatever the address', async () => {
      clock.advance(3_600_000);
      for (let i = 0; i < 12; i++)
        assert.equal((await attempt(i % 2 ? a : b, `198.51.100.${i}`, 'xfl-admin')).status, 401);
      const limited = await attempt(a, '198.51.100.99', 'XFL-ADMIN');
      assert.equal(limited.status, 429);
      const tables = await a.server.store.rateLimits.purge(
        new Date(clock.now().getTime() + 3_600_000).toISOString(),
      );
      assert.ok(tables > 0, 'windows are purged');
    });
  });

  describe(`CORS on ${db.name}`, () => {
    let t: TestServer;
    let any: TestServer;
    before(async () => {
      t = await startTestServer(db, { allowedOrigins: ['https://www.example.gov.cn'] });
      any = await startTestServer(db, { store: await db.reopen(), allowedOrigins: ['*'] });
    });
    after(async () => {
      await any.close();
      await t.close();
    });

    const preflight = (s: TestServer, origin: string) =>
      s.fetch('/api/v1/communities/xingfuli', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'content-type, idempotency-key, authorization',
        },
      });

    it('answers listed origins, with credentials and the headers the SDK sends', async () => {
      const res = await preflight(t, 'https://www.example.gov.cn');
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.example.gov.cn');
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
      assert.match(res.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /PUT/);
      const get = await t.fetch('/api/v1/communities', {
        headers: { Origin: 'https://www.example.gov.cn' },
      });
      assert.equal(get.headers.get('access-control-allow-origin'), 'https://www.example.gov.cn');
      assert.match(get.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      assert.match(get.headers.get('vary') ?? '', /Origin/);
    });

    // The headers are set once the answer is made: a problem (here a 400 with field errors,
    // or a 404) must carry them too, or a page on another origin cannot read why.
    it('puts them on problems too: the SDK on a listed origin reads field errors and 404s', async () => {
      const origin = 'https://www.example.gov.cn';
      const invalid = await t.fetch('/api/v1/complaints', {
        method: 'POST',
        headers: {
          Origin: origin,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'cors-problem-1',
        },
        body: '{}',
      });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.headers.get('access-control-allow-origin'), origin);
      assert.equal(invalid.headers.get('access-control-allow-credentials'), 'true');
      assert.equal((await invalid.json()).code, 'validation_failed');
      const missing = await t.fetch('/api/v1/communities/nowhere', { headers: { Origin: origin } });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('access-control-allow-origin'), origin);
      assert.match(missing.headers.get('vary') ?? '', /Origin/);
    });

    // A short JSON answer is made with all its headers at once (app.ts plainAnswer), a
    // problem gets them from the middlewares after the handler: the same headers either way.
    it('gives a receipt the same headers as a problem and a list (made at once or after)', async () => {
      const origin = 'https://www.example.gov.cn';
      const submit = (body: object, key: string) =>
        t.fetch('/api/v1/complaints', {
          method: 'POST',
          headers: {
            Origin: origin,
            'Content-Type': 'application/json',
            'Idempotency-Key': key,
            'X-Forwarded-Proto': 'https',
          },
          body: JSON.stringify(body),
        });
      const receipt = await submit(anonymousComplaint, 'same-headers-1');
      assert.equal(receipt.status, 201);
      const problem = await submit({}, 'same-headers-2');
      assert.equal(problem.status, 400);
      const replay = await submit({}, 'same-headers-2');
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      const own = (res: Response) => {
        const out: Record<string, string> = {};
        res.headers.forEach((value, name) => {
          if (!['date', 'connection', 'keep-alive', 'idempotent-replayed'].includes(name)) {
            out[name] = ['content-length', 'x-request-id', 'content-type'].includes(name)
              ? '…'
              : value;
          }
        });
        return out;
      };
      const expected = {
        'access-control-allow-credentials': 'true',
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'Retry-After,Idempotent-Replayed,X-Request-Id',
        'cache-control': 'no-store',
        'content-length': '…',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'content-type': '…',
        'referrer-policy': 'no-referrer',
        vary: 'Origin',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'x-request-id': '…',
      };
      assert.deepEqual(own(receipt), expected);
      assert.deepEqual(own(problem), expected);
      assert.deepEqual(own(replay), expected);
      assert.equal(receipt.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.match(receipt.headers.get('x-request-id') ?? '', /^[0-9A-Z]{26}$/);
      assert.equal(
        receipt.headers.get('content-length'),
        String(new TextEncoder().encode(await receipt.text()).length),
      );
    });

    it('gives other origins nothing', async () => {
      const res = await preflight(t, 'https://evil.example');
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      const get = await t.fetch('/api/v1/communities', {
        headers: { Origin: 'https://evil.example' },
      });
      assert.equal(get.headers.get('access-control-allow-origin'), null);
    });

    it('`*` allows any origin, never with credentials', async () => {
      const res = await preflight(any, 'https://anywhere.example');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
    });
  });

  describe(`uploads on ${db.name}`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(db, { uploads: { maxBytes: 1024, maxFiles: 2 } });
      // The harness gives a memory storage unless told otherwise; the limits above apply.
    });
    after(() => t.close());

    const upload = (body: FormData | string, headers: Record<string, string> = {}) =>
      t.fetch('/api/v1/uploads', { method: 'POST', body, headers });

    it('bounds what one address may store anonymously per day, counted per file', async () => {
      const capped = await startTestServer(db, {
        store: await db.reopen(),
        clock: manualClock('2026-03-02T01:00:00.000Z'),
        trustProxy: 1,
        uploads: { maxBytes: 1024, maxFiles: 2 },
        rateLimits: {
          publicWrites: false,
          login: false,
          uploads: { windowMs: 86_400_000, max: 3 },
        },
      });
      try {
        const from = (ip: string) => ({ 'X-Forwarded-For': ip });
        const send = (ip: string, ...files: Uint8Array[]) =>
          capped.fetch('/api/v1/uploads', {
            method: 'POST',
            body: form(
              ...files.map((f, i) => [f, `p${i}.png`, 'image/png'] as [Uint8Array, string, string]),
            ),
            headers: from(ip),
          });
        assert.equal((await send('203.0.113.9', PNG, PNG)).status, 201);
        assert.equal((await send('203.0.113.9', PNG)).status, 201);
        const refused = await send('203.0.113.9', PNG);
        assert.equal(refused.status, 429);
        assert.equal(
          refused.headers.get('retry-after'),
          String(23 * 3600),
          'until the day is over',
        );
        assert.equal((await send('203.0.113.10', PNG)).status, 201, 'another address');
      } finally {
        await capped.close();
      }
    });

    it('deletes photos no case refers to a day after upload, bytes and record', async () => {
      const clock = manualClock('2026-03-02T01:00:00.000Z');
      const storage = memoryStorage();
      const s = await startTestServer(db, {
        store: await db.reopen(),
        clock,
        uploads: { storage },
      });
      try {
        const sent = await s.fetch('/api/v1/uploads', {
          method: 'POST',
          body: form([PNG, 'a.png', 'image/png'], [JPEG, 'b.jpg', 'image/jpeg']),
        });
        const { files } = (await sent.json()) as { files: { id: string }[] };
        const [kept, orphan] = files.map((f) => f.id);
        const filed = await s.fetch('/api/v1/complaints', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...anonymousComplaint, photos: [kept] }),
        });
        assert.equal(filed.status, 201);
        clock.advance(23 * 3_600_000);
        await s.server.maintain();
        assert.ok(await storage.get(orphan!), 'kept within the day');
        clock.advance(2 * 3_600_000);
        await s.server.maintain();
        assert.equal(await storage.get(orphan!), undefined, 'bytes deleted');
        assert.equal(await s.server.store.uploads.get(orphan!), undefined, 'record deleted');
        assert.ok(await storage.get(kept!), 'a case’s photo stays');
        assert.ok(await s.server.store.uploads.get(kept!));
      } finally {
        await s.close();
      }
    });

    it('stores images checked by content, and only staff read them back', async () => {
      const res = await upload(
        form([PNG, 'a.png', 'image/png'], [JPEG, 'b.exe', 'application/octet-stream']),
      );
      assert.equal(res.status, 201);
      const { files } = (await res.json()) as {
        files: { id: string; contentType: string; size: number }[];
      };
      assert.deepEqual(
        files.map((f) => f.contentType),
        ['image/png', 'image/jpeg'],
        'by content, not by name',
      );
      assert.equal(files[0]!.size, PNG.length);
      assert.equal((await t.fetch(`/api/v1/uploads/${files[0]!.id}`)).status, 401);
      const token = await t.tokenFor('xfl-grid');
      const read = (tokenOf: string) =>
        t.fetch(`/api/v1/uploads/${files[0]!.id}`, {
          headers: { Authorization: `Bearer ${tokenOf}` },
        });
      // Staff read a photo only through a case of their own community (src/features/complaints/service.ts).
      assert.equal((await read(token)).status, 404, 'not attached to any case yet');
      const filed = await t.fetch('/api/v1/complaints', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          community: 'xingfuli',
          category: 'environment',
          description: '垃圾桶满了好几天没人清理。',
          location: { community: 'xingfuli' },
          photos: [files[0]!.id],
          anonymous: true,
          consent: true,
        }),
      });
      assert.equal(filed.status, 201);
      assert.equal((await read(await t.tokenFor('ch-admin'))).status, 404, 'another community');
      const got = await t.fetch(`/api/v1/uploads/${files[0]!.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'image/png');
      assert.equal(
        got.headers.get('content-disposition'),
        'attachment',
        'a download, never a page',
      );
      assert.deepEqual(new Uint8Array(await got.arrayBuffer()), PNG);
      const webp = await upload(form([WEBP, 'c.webp', 'image/webp']));
      assert.equal(webp.status, 201);
    });

    it('refuses what is not an image, too many or too large files, and non-multipart bodies', async () => {
      const html = new TextEncoder().encode('<html><script>alert(1)</script>');
      const notImage = await upload(form([html, 'photo.jpg', 'image/jpeg']));
      assert.equal(notImage.status, 415);
      // Headers that pass a first look, and what follows them: refused by structure.
      for (const disguised of [
        withTrailing(JPEG.slice(0, 20), '<html>'),
        withTrailing(WEBP.slice(0, 12), '<html>'),
        new Uint8Array([0xff, 0xd8, 0xff]),
        withTrailing(PNG, '<script>alert(1)</script>'),
        pngDeclaring(100_000, 100_000),
      ]) {
        const refused = await upload(form([disguised, 'photo.jpg', 'image/jpeg']));
        assert.equal(refused.status, 400);
        const problem = (await refused.json()) as { errors: { key: string }[] };
        assert.match(problem.errors[0]!.key, /^upload\.(invalid|tooManyPixels)$/);
      }
      assert.deepEqual(((await notImage.json()) as { errors: unknown }).errors, [
        { path: 'file.0', key: 'upload.type' },
      ]);
      const svg = new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
      );
      assert.equal((await upload(form([svg, 'x.svg', 'image/svg+xml']))).status, 415);
      const many = await upload(
        form([PNG, '1.png', 'image/png'], [PNG, '2.png', 'image/png'], [PNG, '3.png', 'image/png']),
      );
      assert.equal(many.status, 400);
      assert.deepEqual(((await many.json()) as { errors: unknown }).errors, [
        { path: 'file', key: 'upload.tooMany', params: { max: 2 } },
      ]);
      const big = new Uint8Array(2000);
      big.set(PNG);
      assert.equal((await upload(form([big, 'big.png', 'image/png']))).status, 413);
      const none = await upload(new FormData());
      assert.equal(none.status, 400);
      assert.equal((await upload('{}', { 'Content-Type': 'application/json' })).status, 415);
      const huge = await upload('x'.repeat(70_000), {
        'Content-Type': 'multipart/form-data; boundary=x',
      });
      assert.equal(huge.status, 413, 'the request as a whole is capped too');
    });
  });
}
