/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI test walks a JSON document */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoCommunities } from '../../src/features/core/demo.js';
import { operations } from '../../src/server/operations.js';
import { createServer } from '../../src/server/server.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { testDatabases } from './db.js';
import { bearer, json, startTestServer, type TestServer } from './harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const PROBLEM = 'application/problem+json';

async function problem(res: Response, status: number, code: string) {
  assert.equal(res.status, status, `status of ${code}`);
  assert.equal(res.headers.get('content-type'), PROBLEM);
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  assert.equal(body.type, `urn:shequ-kit:problem:${code}`);
  assert.match(String(body.instance), /^urn:shequ-kit:request:/);
  assert.equal(JSON.stringify(body).includes('    at '), false, 'no stack trace');
  return body;
}

for (const db of databases) {
  describe(`routes on ${db.name}`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(db);
    });
    after(() => t.close());

    it('GET /communities and /communities/{id} answer the seeded street', async () => {
      const list = await t.fetch('/api/v1/communities');
      assert.equal(list.status, 200);
      assert.match(list.headers.get('content-type') ?? '', /^application\/json/);
      const items = (await list.json()) as { id: string }[];
      assert.deepEqual(
        items.map((c) => c.id),
        ['chunhui', 'xingfuli'],
      );
      const one = await t.fetch('/api/v1/communities/xingfuli');
      assert.deepEqual(await one.json(), demoCommunities[0]);
    });

    it('answers problem+json: 404 for an unknown id or route, 400 with field errors for a bad id', async () => {
      await problem(await t.fetch('/api/v1/communities/nowhere'), 404, 'not_found');
      await problem(await t.fetch('/api/v1/no-such-route'), 404, 'not_found');
      const bad = await problem(
        await t.fetch('/api/v1/communities/bad%20id!'),
        400,
        'validation_failed',
      );
      assert.deepEqual(bad.errors, [{ path: 'id', key: 'id.invalid' }]);
    });

    it('checks bodies: invalid JSON, not an object, wrong type, too large, path mismatch', async () => {
      const token = await t.tokenFor('xfl-admin');
      const put = (body: string, headers: Record<string, string> = {}) =>
        t.fetch('/api/v1/communities/xingfuli', json('PUT', body, bearer(token, headers)));
      const invalid = await problem(await put('{"name":'), 400, 'validation_failed');
      assert.deepEqual(invalid.errors, [{ path: '', key: 'validation.invalid_json' }]);
      const array = await problem(await put('[1,2]'), 400, 'validation_failed');
      assert.deepEqual(array.errors, [{ path: '', key: 'validation.invalid_type' }]);
      await problem(
        await put('{}', { 'Content-Type': 'text/plain' }),
        415,
        'unsupported_media_type',
      );
      const fields = await problem(
        await put(JSON.stringify({ ...demoCommunities[0], name: '' })),
        400,
        'validation_failed',
      );
      assert.deepEqual(fields.errors, [{ path: 'name', key: 'name.required', params: { min: 1 } }]);
      const mismatch = await problem(
        await put(JSON.stringify({ ...demoCommunities[0], id: 'chunhui' })),
        400,
        'validation_failed',
      );
      assert.deepEqual(mismatch.errors, [{ path: 'id', key: 'validation.path_mismatch' }]);
      await problem(
        await put(JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) })),
        413,
        'payload_too_large',
      );
    });

    it('PUT /communities/{id}: an admin updates their community', async () => {
      const token = await t.tokenFor('xfl-admin');
      const changed = { ...demoCommunities[0]!, name: '幸福里社区（新）' };
      const { id: _id, ...body } = changed;
      const res = await t.fetch('/api/v1/communities/xingfuli', json('PUT', body, bearer(token)));
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), changed);
      const read = (await (await t.fetch('/api/v1/communities/xingfuli')).json()) as {
        name: string;
      };
      assert.equal(read.name, '幸福里社区（新）');
      await t.fetch('/api/v1/communities/xingfuli', json('PUT', demoCommunities[0], bearer(token)));
    });

    it('POST /communities/{community}/staff answers 201; GET lists by username without hashes', async () => {
      const token = await t.tokenFor('xfl-admin');
      const res = await t.fetch(
        '/api/v1/communities/xingfuli/staff',
        json(
          'POST',
          { username: 'Zhang.Wei', name: '张伟', password: 'a long enough password' },
          bearer(token),
        ),
      );
      assert.equal(res.status, 201);
      const created = (await res.json()) as Record<string, unknown>;
      assert.equal(created.username, 'zhang.wei');
      assert.equal(created.role, 'staff');
      const again = await t.fetch(
        '/api/v1/communities/xingfuli/staff',
        json(
          'POST',
          { username: 'zhang.wei', name: '张伟', password: 'a long enough password' },
          bearer(token),
        ),
      );
      const conflict = await problem(again, 409, 'conflict');
      assert.deepEqual(conflict.errors, [{ path: 'username', key: 'username.taken' }]);
      const short = await t.fetch(
        '/api/v1/communities/xingfuli/staff',
        json('POST', { username: 'li', name: '李', password: 'short' }, bearer(token)),
      );
      assert.deepEqual((await problem(short, 400, 'validation_failed')).errors, [
        { path: 'password', key: 'password.tooShort', params: { min: 10 } },
      ]);
      const list = await t.fetch('/api/v1/communities/xingfuli/staff', { headers: bearer(token) });
      const text = await list.text();
      assert.equal(text.includes('passwordHash'), false);
      assert.deepEqual(
        (JSON.parse(text) as { username: string }[]).map((s) => s.username),
        ['xfl-admin', 'xfl-grid', 'zhang.wei'],
      );
    });

    it('serves /healthz and the OpenAPI document', async () => {
      const health = await t.fetch('/healthz');
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
      const res = await t.fetch('/api/v1/openapi.json');
      assert.equal(res.status, 200);
      const doc = (await res.json()) as {
        openapi: string;
        paths: Record<string, Record<string, any>>;
      };
      assert.equal(doc.openapi, '3.1.0');
      for (const [name, def] of Object.entries(operations)) {
        const op = doc.paths[def.path]?.[def.method.toLowerCase()];
        assert.ok(op, `${name} is in the document`);
        assert.equal(op.operationId, name);
        assert.ok(
          op.responses[String((def as { status?: number }).status ?? 200)].content[
            'application/json'
          ].schema,
        );
        for (const status of ['400', '500']) {
          assert.equal(
            op.responses[status].content[PROBLEM].schema.$ref,
            '#/components/schemas/Problem',
          );
        }
        for (const [, param] of def.path.matchAll(/\{(\w+)\}/g)) {
          assert.ok(
            op.parameters.some(
              (p: { name: string; in: string }) => p.name === param && p.in === 'path',
            ),
            `${name} declares ${param}`,
          );
        }
        if (def.method !== 'GET') {
          assert.ok(op.requestBody.content['application/json'].schema, `${name} has a body schema`);
          assert.ok(op.responses['413'], `${name} documents 413`);
        }
        if (def.access !== 'public') assert.ok(op.responses['401'] && op.responses['403']);
      }
      const put = doc.paths['/communities/{id}']!.put;
      assert.equal(
        put.requestBody.content['application/json'].schema.properties.id,
        undefined,
        'path param not in body',
      );
      assert.ok(
        put.parameters.some(
          (p: { $ref?: string }) => p.$ref === '#/components/parameters/IdempotencyKey',
        ),
      );
      assert.ok(doc.paths['/uploads']!.post);
    });

    it('sets security headers and no caching on API answers', async () => {
      const res = await t.fetch('/api/v1/communities');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.match(res.headers.get('x-request-id') ?? '', /^[0-9A-Z]{26}$/);
      assert.equal(res.headers.get('strict-transport-security'), null, 'not over plain http');
    });
  });
}

describe('errors the server did not expect', () => {
  it('answer 500 problem+json without a stack trace, and log the stack without personal data', async () => {
    const store = createMemoryStore();
    const logs: Record<string, unknown>[] = [];
    const server = await createServer({
      store: {
        ...store,
        communities: {
          ...store.communities,
          list: async () => {
            throw new Error('disk on fire');
          },
        },
        staff: store.staff,
        sessions: store.sessions,
        transaction: (fn) => store.transaction(fn),
        close: () => store.close(),
      },
      log: (record) => logs.push(record),
      staticRoot: false,
    });
    try {
      const res = await server.fetch(
        new Request('http://test/api/v1/communities?phone=13812341234'),
      );
      const body = await problem(res, 500, 'internal');
      assert.equal(body.detail, undefined);
      assert.equal(JSON.stringify(body).includes('disk on fire'), false);
      const error = logs.find((l) => l.msg === 'unexpected error')!;
      assert.equal(error.message, 'disk on fire');
      assert.ok(Array.isArray(error.stack));
      const line = logs.find((l) => l.msg === 'request')!;
      assert.equal(line.route, '/api/v1/communities');
      assert.equal(JSON.stringify(logs).includes('13812341234'), false, 'no query strings in logs');
    } finally {
      await server.close();
    }
  });

  it('a database that stops answering gives 503 with Retry-After', async () => {
    const store = createMemoryStore();
    const server = await createServer({
      store: {
        ...store,
        communities: {
          ...store.communities,
          list: async () => {
            throw Object.assign(new Error('terminating connection'), { code: '57P01' });
          },
        },
        staff: store.staff,
        sessions: store.sessions,
        transaction: (fn) => store.transaction(fn),
        close: () => store.close(),
      },
      log: false,
      staticRoot: false,
    });
    try {
      const res = await server.fetch(new Request('http://test/api/v1/communities'));
      const body = await problem(res, 503, 'unavailable');
      assert.equal(res.headers.get('retry-after'), '1');
      assert.equal(body.retryAfter, 1);
    } finally {
      await server.close();
    }
  });
});

describe('the demo page and the drop-in bundle', () => {
  it('serves demo/ at / and dist/cdn/ at /cdn/ with a strict CSP, and nothing outside them', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createHash } = await import('node:crypto');
    const root = await mkdtemp(join(tmpdir(), 'sq-static-'));
    const inline = "document.title = 'x';";
    await mkdir(join(root, 'demo'));
    await mkdir(join(root, 'dist', 'cdn'), { recursive: true });
    await writeFile(
      join(root, 'demo', 'index.html'),
      `<!doctype html><script type="module">${inline}</script><script src="/cdn/shequ-kit.js"></script>`,
    );
    await writeFile(join(root, 'demo', 'demo.css'), 'body{}');
    await writeFile(join(root, 'dist', 'cdn', 'shequ-kit.js'), 'export {};');
    await writeFile(join(root, 'secret.txt'), 'do not serve');
    const server = await createServer({ store: createMemoryStore(), staticRoot: root, log: false });
    const get = (path: string) => server.fetch(new Request(`http://test${path}`));
    try {
      const page = await get('/');
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      const csp = page.headers.get('content-security-policy') ?? '';
      const hash = createHash('sha256').update(inline).digest('base64');
      assert.match(csp, /default-src 'self'/);
      assert.ok(csp.includes(`'sha256-${hash}'`), csp);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      const css = await get('/demo.css');
      assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
      const bundle = await get('/cdn/shequ-kit.js');
      assert.equal(bundle.status, 200);
      assert.equal(bundle.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(bundle.headers.get('access-control-allow-origin'), '*');
      for (const path of [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/cdn/..%2f..%2fsecret.txt',
        '/cdn/%2e%2e/%2e%2e/secret.txt',
        '/nothing.js',
      ]) {
        const res = await get(path);
        assert.equal(res.status, 404, path);
        assert.equal((await res.text()).includes('do not serve'), false);
      }
      const api404 = await get('/api/v1/nope');
      assert.equal(api404.headers.get('content-type'), 'application/problem+json');
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('serves a page saying where things are when the package has no demo/', async () => {
    const server = await createServer({
      store: createMemoryStore(),
      staticRoot: '/nonexistent',
      log: false,
    });
    try {
      const page = await server.fetch(new Request('http://test/'));
      assert.equal(page.status, 200);
      assert.match(await page.text(), /openapi\.json/);
    } finally {
      await server.close();
    }
  });
});
