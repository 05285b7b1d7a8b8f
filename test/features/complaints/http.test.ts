/**
 * 居民说事 at the HTTP level, below the SDK: problem+json bodies, Idempotency-Key replay of
 * submissions and ratings, the query code never in a URL, and the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../../server/db.js';
import { bearer, json, startTestServer, type TestServer } from '../../server/harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const body = {
  community: 'xingfuli',
  category: 'property',
  description: '电梯坏了三天，物业一直说在修。',
  location: { community: 'xingfuli', grid: 'xfl-g2', building: 'xfl-g2-b5' },
  contact: { name: '赵大爷', phone: '13700001111' },
  consent: true,
};

for (const db of databases) {
  describe(`complaints over HTTP on ${db.name}`, () => {
    let t: TestServer;
    let admin: string;
    before(async () => {
      t = await startTestServer(db);
      admin = await t.tokenFor('xfl-admin');
    });
    after(() => t.close());

    const count = async () => {
      const res = await t.fetch('/api/v1/communities/xingfuli/complaints?limit=100', {
        headers: bearer(admin),
      });
      assert.equal(res.status, 200);
      return ((await res.json()) as { items: unknown[] }).items.length;
    };

    it('answers invalid input with problem+json and field keys', async () => {
      const res = await t.fetch(
        '/api/v1/complaints',
        json('POST', { ...body, consent: false, description: '坏了' }),
      );
      assert.equal(res.status, 400);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = (await res.json()) as {
        code: string;
        errors: { path: string; key: string }[];
      };
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.errors.map((e) => `${e.path}:${e.key}`).sort(), [
        'consent:consent.required',
        'description:description.tooShort',
      ]);
      const unknown = await t.fetch(
        '/api/v1/complaints',
        json('POST', { ...body, location: { community: 'xingfuli', grid: 'nope' } }),
      );
      assert.equal(unknown.status, 400);
      assert.deepEqual(((await unknown.json()) as { errors: unknown[] }).errors, [
        { path: 'location.grid', key: 'location.unknown' },
      ]);
      const noSession = await t.fetch('/api/v1/communities/xingfuli/complaints');
      assert.equal(noSession.status, 401);
      assert.match(noSession.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const illegal = await t.fetch(
        '/api/v1/complaints/NOSUCHCASE/actions',
        json('POST', { action: 'start' }, bearer(admin)),
      );
      assert.equal(illegal.status, 404);
      const badAction = await t.fetch(
        '/api/v1/complaints/NOSUCHCASE/actions',
        json('POST', { action: 'explode' }, bearer(admin)),
      );
      assert.equal(badAction.status, 400);
    });

    it('replays a submission retried with its Idempotency-Key: one case, the same receipt', async () => {
      const before = await count();
      const headers = { 'Idempotency-Key': 'complaint-intent-1' };
      const first = await t.fetch('/api/v1/complaints', json('POST', body, headers));
      assert.equal(first.status, 201);
      const receipt = (await first.json()) as { ticket: string; queryCode: string; id: string };
      const again = await t.fetch('/api/v1/complaints', json('POST', body, headers));
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await again.json(), receipt, 'the same ticket and query code');
      const other = await t.fetch(
        '/api/v1/complaints',
        json(
          'POST',
          { ...body, description: '电梯坏了三天，物业一直说在修，今天还是坏的。' },
          headers,
        ),
      );
      assert.equal(other.status, 422);
      assert.equal(await count(), before + 1);

      // A rating retried is applied once too (the second would be a 409 otherwise).
      const grid = (await t.server.store.staff.getByUsername('xfl-grid'))!;
      for (const action of [{ action: 'assign', handler: grid.id }, { action: 'start' }]) {
        const res = await t.fetch(
          `/api/v1/complaints/${receipt.id}/actions`,
          json('POST', action, bearer(admin)),
        );
        assert.equal(res.status, 200);
      }
      const resolved = await t.fetch(
        `/api/v1/complaints/${receipt.id}/actions`,
        json('POST', { action: 'resolve', text: '电梯已修好。' }, bearer(admin)),
      );
      assert.equal(resolved.status, 200);
      const rating = {
        ticket: receipt.ticket,
        queryCode: receipt.queryCode,
        rating: 'basically_satisfied',
      };
      const rate1 = await t.fetch(
        '/api/v1/complaints/rate',
        json('POST', rating, { 'Idempotency-Key': 'rate-1' }),
      );
      const rate2 = await t.fetch(
        '/api/v1/complaints/rate',
        json('POST', rating, { 'Idempotency-Key': 'rate-1' }),
      );
      assert.equal(rate1.status, 200);
      assert.equal(rate2.status, 200);
      assert.equal(rate2.headers.get('idempotent-replayed'), 'true');
      const rate3 = await t.fetch(
        '/api/v1/complaints/rate',
        json('POST', rating, { 'Idempotency-Key': 'rate-2' }),
      );
      assert.equal(rate3.status, 409, 'a new intent on a rated case');
      assert.equal(((await rate3.json()) as { code: string }).code, 'invalid_transition');
    });

    it('tracks by POST only: the query code never travels in a URL, and is never stored for replay', async () => {
      const res = await t.fetch('/api/v1/complaints', json('POST', body));
      const receipt = (await res.json()) as { ticket: string; queryCode: string };
      const viaGet = await t.fetch(
        `/api/v1/complaints/track?ticket=${receipt.ticket}&queryCode=${receipt.queryCode}`,
      );
      assert.notEqual(viaGet.status, 200);
      const tracked = await t.fetch(
        '/api/v1/complaints/track',
        json(
          'POST',
          { ticket: receipt.ticket, queryCode: receipt.queryCode },
          { 'Idempotency-Key': 'track-1' },
        ),
      );
      assert.equal(tracked.status, 200);
      const again = await t.fetch(
        '/api/v1/complaints/track',
        json(
          'POST',
          { ticket: receipt.ticket, queryCode: 'ZZZZZZZZ' },
          { 'Idempotency-Key': 'track-1' },
        ),
      );
      assert.equal(again.status, 404, 'not a replay of the first answer');
    });

    it('documents the complaint routes in OpenAPI', async () => {
      const doc = (await (await t.fetch('/api/v1/openapi.json')).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const [path, method] of [
        ['/complaints', 'post'],
        ['/complaints/track', 'post'],
        ['/complaints/rate', 'post'],
        ['/communities/{community}/complaints', 'get'],
        ['/complaints/{id}', 'get'],
        ['/complaints/{id}/actions', 'post'],
        ['/communities/{community}/complaint-metrics', 'get'],
        ['/communities/{community}/handlers', 'get'],
      ] as const) {
        assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
      }
    });
  });
}
