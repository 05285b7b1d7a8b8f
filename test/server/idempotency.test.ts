import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { demoCommunities } from '../../src/features/core/demo.js';
import {
  ClaimLost,
  type ServerStore,
  type ServerTransactionOptions,
} from '../../src/stores/server-state.js';
import { testDatabases } from './db.js';
import { bearer, json, manualClock, startTestServer, type TestServer } from './harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

/** The store, with transactions that wait for a gate to open (a slow first request). */
function gated(inner: ServerStore) {
  let open: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  // Resolved when a transaction reaches the closed gate, its claim made.
  let arrive: () => void = () => undefined;
  let arrived: Promise<void> = Promise.resolve();
  let failures = 0;
  const store = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'transaction') {
        return async (
          fn: (tx: ServerStore) => Promise<unknown>,
          options?: ServerTransactionOptions,
        ) => {
          // The claim is made first (as PGlite and memory do: waited for), then the gate.
          if (options?.first && !(await options.first(target))) throw new ClaimLost();
          arrive();
          await gate;
          if (failures > 0) {
            failures--;
            throw new Error('lost the database for a moment');
          }
          return target.transaction(fn);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    store,
    close() {
      gate = new Promise((resolve) => (open = resolve));
      arrived = new Promise((resolve) => (arrive = resolve));
    },
    /** Until a transaction waits at the closed gate (a fixed delay loses the race under load). */
    arrived: () => arrived,
    open: () => open(),
    failNext(n = 1) {
      failures = n;
    },
  };
}

const staffBody = (username: string, password = 'a long enough password') =>
  JSON.stringify({ username, name: '赵敏', password });

for (const db of databases) {
  describe(`Idempotency-Key on ${db.name}`, () => {
    let t: TestServer;
    let second: TestServer;
    let gate: ReturnType<typeof gated>;
    const clock = manualClock();
    before(async () => {
      gate = gated(await db.open());
      t = await startTestServer(db, { store: gate.store, clock, idempotency: { lockMs: 30_000 } });
      // A second instance on the same schema, as behind a load balancer.
      second = await startTestServer(db, { store: await db.reopen(), clock });
    });
    after(async () => {
      await second.close();
      await t.close();
    });

    const create = async (s: TestServer, key: string, body: string, token?: string) =>
      s.fetch(
        '/api/v1/communities/xingfuli/staff',
        json(
          'POST',
          body,
          bearer(token ?? (await t.tokenFor('xfl-admin')), { 'Idempotency-Key': key }),
        ),
      );

    it('stores the first response and replays it, on this instance and on another', async () => {
      const first = await create(t, 'key-1', staffBody('zhao.min'));
      assert.equal(first.status, 201);
      const firstBody = await first.text();
      const again = await create(t, 'key-1', staffBody('zhao.min'));
      assert.equal(again.status, 201, 'replayed, not a 409 username conflict');
      assert.equal(await again.text(), firstBody);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const elsewhere = await create(second, 'key-1', staffBody('zhao.min'));
      assert.equal(elsewhere.status, 201);
      assert.equal(await elsewhere.text(), firstBody);
      const accounts = await t.server.store.staff.listByCommunity('xingfuli');
      assert.equal(accounts.filter((a) => a.username === 'zhao.min').length, 1, 'created once');
    });

    it('same key with another body or another route → 422 idempotency_mismatch', async () => {
      await create(t, 'key-2', staffBody('qian.kun'));
      const other = await create(t, 'key-2', staffBody('sun.li'));
      assert.equal(other.status, 422);
      assert.equal(other.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await other.json()) as { code: string }).code, 'idempotency_mismatch');
      const token = await t.tokenFor('xfl-admin');
      const route = await t.fetch(
        '/api/v1/communities/xingfuli',
        json('PUT', demoCommunities[0], bearer(token, { 'Idempotency-Key': 'key-2' })),
      );
      assert.equal(route.status, 422);
    });

    it('while the first request is in flight → 409 in_flight with Retry-After, then the replay', async () => {
      gate.close();
      const first = create(t, 'key-3', staffBody('li.lei'));
      await gate.arrived();
      for (const s of [t, second]) {
        const during = await create(s, 'key-3', staffBody('li.lei'));
        assert.equal(during.status, 409);
        assert.equal(during.headers.get('retry-after'), '1');
        const problem = (await during.json()) as { code: string; retryAfter: number };
        assert.equal(problem.code, 'in_flight');
        assert.equal(problem.retryAfter, 1);
      }
      gate.open();
      assert.equal((await first).status, 201);
      const after = await create(second, 'key-3', staffBody('li.lei'));
      assert.equal(after.status, 201);
      assert.equal(after.headers.get('idempotent-replayed'), 'true');
    });

    it('a 4xx answer is stored too; a 5xx is not (the retry runs again)', async () => {
      const bad = await create(t, 'key-4', staffBody('han.mei', 'short'));
      assert.equal(bad.status, 400);
      const replay = await create(t, 'key-4', staffBody('han.mei', 'short'));
      assert.equal(replay.status, 400);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal(replay.headers.get('content-type'), 'application/problem+json');

      gate.failNext();
      const failed = await create(t, 'key-5', staffBody('wu.tong'));
      assert.equal(failed.status, 500);
      const retried = await create(t, 'key-5', staffBody('wu.tong'));
      assert.equal(retried.status, 201);
      assert.equal(retried.headers.get('idempotent-replayed'), null);
    });

    it('keys belong to one caller: the same key from someone else runs on its own', async () => {
      const mine = await create(t, 'key-6', staffBody('zhou.yu'));
      assert.equal(mine.status, 201);
      const chAdmin = await t.tokenFor('ch-admin');
      const theirs = await t.fetch(
        '/api/v1/communities/chunhui/staff',
        json('POST', staffBody('zhou.yu2'), bearer(chAdmin, { 'Idempotency-Key': 'key-6' })),
      );
      assert.equal(theirs.status, 201);
      assert.equal(theirs.headers.get('idempotent-replayed'), null);
    });

    it('refuses a malformed key, and takes over a claim whose holder died', async () => {
      const bad = await create(t, 'key with spaces', staffBody('bad.key'));
      assert.equal(bad.status, 400);
      assert.deepEqual(((await bad.json()) as { errors: unknown }).errors, [
        { path: 'Idempotency-Key', key: 'idempotencyKey.invalid' },
      ]);
      const admin = (await t.server.store.staff.getByUsername('xfl-admin'))!;
      const body = staffBody('dead.claim');
      const fingerprint = createHash('sha256')
        .update('POST /api/v1/communities/xingfuli/staff\n')
        .update(body)
        .digest('base64url');
      // An instance claimed the key, then died before answering.
      const begun = await t.server.store.idempotency.begin({
        scope: `staff:${admin.id}`,
        key: 'key-7',
        fingerprint,
        claim: 'a-dead-instance',
        now: clock.now().toISOString(),
        lockMs: 30_000,
      });
      assert.equal(begun.state, 'started');
      assert.equal((await create(t, 'key-7', body)).status, 409, 'still locked');
      clock.advance(31_000);
      const taken = await create(t, 'key-7', body);
      assert.equal(taken.status, 201, 'the lock expired: this request runs it');
      assert.equal(
        (await create(second, 'key-7', body)).headers.get('idempotent-replayed'),
        'true',
      );
    });

    it('purges records after their time to live', async () => {
      await create(t, 'key-8', staffBody('old.record'));
      clock.advance(25 * 60 * 60 * 1000);
      await t.server.maintain();
      const login = await t.fetch(
        '/api/v1/auth/login',
        json('POST', { username: 'xfl-admin', password: t.login.password }),
      );
      const { token } = (await login.json()) as { token: string };
      const fresh = await create(t, 'key-8', staffBody('old.record'), token);
      assert.equal(fresh.status, 409, 'ran again: the username now exists');
      assert.equal(((await fresh.json()) as { code: string }).code, 'conflict');
    });
  });
}
