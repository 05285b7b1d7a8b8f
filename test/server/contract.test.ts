/**
 * The contract suite: the SDK client, unchanged, against the embedded transport and against
 * the http transport talking to a real server — on PGlite, and on PostgreSQL when DATABASE_URL
 * is set. The same calls must give the same answers and the same ApiErrors everywhere.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { summarize } from '../../src/domain/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { demoCommunities } from '../../src/features/core/demo.js';
import { testDatabases } from './db.js';
import { startTestServer, type TestServer } from './harness.js';
import { fails } from '../sdk/fails.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

interface Target {
  name: string;
  start(): Promise<{
    client: (extra?: object) => Client;
    password?: string;
    stop(): Promise<void>;
  }>;
}

const targets: Target[] = [
  {
    name: 'embedded transport (memory store)',
    start: async () => ({
      client: () => createClient({ embedded: { persistence: false } }),
      stop: async () => undefined,
    }),
  },
  ...databases.map((db): Target => ({
    name: `http transport → server on ${db.name}`,
    async start() {
      const t: TestServer = await startTestServer(db, { listen: true });
      return {
        client: (extra = {}) =>
          createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 }, ...extra }),
        password: t.login.password,
        stop: () => t.close(),
      };
    },
  })),
];

for (const target of targets) {
  describe(`contract: ${target.name}`, () => {
    let env: Awaited<ReturnType<Target['start']>>;
    let client: Client;
    before(async () => {
      env = await target.start();
      client = env.client();
    });
    after(async () => {
      await client.close();
      await env.stop();
    });

    it('lists the demo street and gets a community', async () => {
      const list = await client.communities.list();
      assert.deepEqual(
        list,
        demoCommunities.map(summarize).sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      assert.deepEqual(await client.communities.get('chunhui'), demoCommunities[1]);
    });

    it('not_found (404) and validation_failed (400) with field errors as i18n keys', async () => {
      await fails(client.communities.get('nowhere'), 'not_found', 404);
      const invalid = await fails(client.communities.get('bad id!'), 'validation_failed', 400);
      assert.deepEqual(invalid.fields, [{ path: 'id', key: 'id.invalid' }]);
    });

    it('staff operations need a session: unauthorized (401)', async () => {
      await fails(client.auth.me(), 'unauthorized', 401);
      await fails(client.call('putCommunity', demoCommunities[0]!), 'unauthorized', 401);
    });

    if (target.name.startsWith('http')) {
      it('auth.login() keeps the token: me, admin writes in scope, 403 across communities, logout', async () => {
        const staff = env.client();
        try {
          await fails(
            staff.auth.login({ username: 'xfl-admin', password: 'wrong' }),
            'unauthorized',
            401,
          );
          const session = await staff.auth.login({
            username: 'xfl-admin',
            password: env.password!,
          });
          assert.equal(session.staff.community, 'xingfuli');
          assert.equal(staff.auth.token, session.token);
          assert.equal((await staff.auth.me()).username, 'xfl-admin');
          const renamed = { ...demoCommunities[0]!, name: '幸福里' };
          const delivery = await staff.submit('putCommunity', renamed, {
            idempotencyKey: 'contract-1',
          });
          assert.equal(delivery.state, 'delivered');
          assert.deepEqual(
            await staff.call('putCommunity', renamed, { idempotencyKey: 'contract-1' }),
            renamed,
            'replayed',
          );
          await fails(
            staff.call('putCommunity', demoCommunities[0]!, { idempotencyKey: 'contract-1' }),
            'idempotency_mismatch',
            422,
          );
          await fails(staff.call('putCommunity', demoCommunities[1]!), 'forbidden', 403);
          assert.equal((await staff.call('listStaff', { community: 'xingfuli' })).length, 2);
          await staff.call('putCommunity', demoCommunities[0]!);
          await staff.auth.logout();
          assert.equal(staff.auth.token, undefined);
          await fails(staff.auth.me(), 'unauthorized', 401);
        } finally {
          await staff.close();
        }
      });

      it('a configured token works too, and a stale one reads as 401', async () => {
        const staff = env.client({ token: 'stale-token' });
        try {
          await fails(staff.auth.me(), 'unauthorized', 401);
        } finally {
          await staff.close();
        }
      });
    } else {
      it('has no staff login in the page: unavailable', async () => {
        await fails(client.auth.login({ username: 'x', password: 'y' }), 'unavailable', 503);
      });
    }
  });
}
