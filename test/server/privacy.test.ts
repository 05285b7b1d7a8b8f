/**
 * Public responses never carry a phone number, a staff member's name, a password hash or a
 * session token: checked over every public route of the contract (and uploads), in success
 * and in error, with the seeded staff names and a resident-like mobile number planted in data
 * that public routes could reach.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { operations, type OperationDef } from '../../src/services/contract.js';
import { demoCommunities } from '../../src/services/demo.js';
import { testDatabases } from './db.js';
import { bearer, json, startTestServer, type TestServer } from './harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

for (const db of databases) {
  describe(`privacy of public routes on ${db.name}`, () => {
    let t: TestServer;
    const secrets: string[] = [];
    before(async () => {
      t = await startTestServer(db);
      const admin = await t.tokenFor('xfl-admin');
      // A staff member whose name and "phone-like" username must never surface publicly.
      const res = await t.fetch(
        '/api/v1/communities/xingfuli/staff',
        json(
          'POST',
          { username: 'wang.13812341234', name: '欧阳娜娜', password: 'a long enough password' },
          bearer(admin),
        ),
      );
      assert.equal(res.status, 201);
      for (const account of await t.server.store.staff.listByCommunity('xingfuli')) {
        secrets.push(account.name, account.passwordHash, account.id);
      }
      for (const account of await t.server.store.staff.listByCommunity('chunhui')) {
        secrets.push(account.name, account.passwordHash, account.id);
      }
      secrets.push(admin, '13812341234', 'scrypt$');
    });
    after(() => t.close());

    const publicRoutes = Object.entries(operations).filter(([, def]) => def.access === 'public');

    it('has public routes to check, and checks every one of them', () => {
      assert.deepEqual(publicRoutes.map(([name]) => name).sort(), [
        'getCommunity',
        'listCommunities',
        'login',
      ]);
    });

    const requests = (name: string, def: OperationDef): [string, RequestInit][] => {
      const paths = def.path.includes('{')
        ? ['xingfuli', 'chunhui', 'nowhere', 'bad id!'].map((id) =>
            def.path.replace(/\{\w+\}/, encodeURIComponent(id)),
          )
        : [def.path];
      if (def.method === 'GET') return paths.map((p) => [p, {}]);
      const bodies =
        name === 'login'
          ? [
              { username: 'xfl-admin', password: 'wrong password' },
              { username: 'wang.13812341234', password: 'wrong' },
              { username: 'nobody', password: 'x' },
              {},
            ]
          : [{}];
      return paths.flatMap((p) =>
        bodies.map((b): [string, RequestInit] => [p, json(def.method, b)]),
      );
    };

    it('no phone number, staff name, hash, id or token in any public answer', async () => {
      let checked = 0;
      for (const [name, def] of publicRoutes) {
        for (const [path, init] of requests(name, def as OperationDef)) {
          const res = await t.fetch(`/api/v1${path}`, init);
          const text = await res.text();
          const all = text + [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
          assert.doesNotMatch(text, MOBILE, `${name} ${path}`);
          for (const secret of secrets)
            assert.equal(
              all.includes(secret),
              false,
              `${name} ${path} leaks ${secret.slice(0, 8)}…`,
            );
          checked++;
        }
      }
      const upload = await t.fetch('/api/v1/uploads', { method: 'POST', body: new FormData() });
      const uploadText = await upload.text();
      for (const secret of secrets) assert.equal(uploadText.includes(secret), false);
      assert.ok(checked >= 9);
    });

    it('login answers only the person who logged in, about themself', async () => {
      const res = await t.fetch(
        '/api/v1/auth/login',
        json('POST', { username: 'xfl-grid', password: t.login.password }),
      );
      const body = (await res.json()) as { staff: Record<string, unknown> };
      assert.deepEqual(Object.keys(body.staff).sort(), [
        'community',
        'id',
        'name',
        'role',
        'username',
      ]);
      assert.equal(body.staff.name, '王建国');
      const others = secrets.filter((s) => s !== body.staff.name && s !== body.staff.id);
      const text = JSON.stringify(body);
      for (const secret of others) assert.equal(text.includes(secret), false);
    });

    it('the demo street itself carries no personal phone numbers', () => {
      assert.doesNotMatch(JSON.stringify(demoCommunities), MOBILE);
    });
  });
}
