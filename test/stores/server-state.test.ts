/**
 * What the server keeps besides domain data — idempotency records, rate-limit windows,
 * settings — behaves the same in memory and in SQL, and holds under concurrent requests
 * (several instances on one database).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  ClaimLost,
  withMemoryServerState,
  type ServerStore,
} from '../../src/stores/server-state.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { testDatabases } from '../server/db.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const harnesses: { name: string; open: () => Promise<ServerStore> }[] = [
  { name: 'memory', open: async () => withMemoryServerState(createMemoryStore()) },
  ...databases.map((db) => ({ name: `sql on ${db.name}`, open: () => db.open() })),
];

const T0 = '2026-03-02T01:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

for (const { name, open } of harnesses) {
  describe(`server state: ${name}`, () => {
    const withStore = (fn: (s: ServerStore) => Promise<void>) => async () => {
      const store = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    };
    const begin = (s: ServerStore, key: string, fingerprint = 'f1', now = T0, claim = 'c1') =>
      s.idempotency.begin({ scope: 'public', key, fingerprint, claim, now, lockMs: 1000 });

    it(
      'idempotency: claim, in flight, done and replayed, mismatch, release, takeover, purge',
      withStore(async (s) => {
        assert.deepEqual(await begin(s, 'k'), { state: 'started' });
        assert.deepEqual(await begin(s, 'k'), { state: 'in_flight' });
        assert.deepEqual(await begin(s, 'k', 'f2'), { state: 'mismatch' });
        const response = { status: 201, contentType: 'application/json', body: '{"ok":true}' };
        await s.idempotency.complete('public', 'k', 'c1', response);
        assert.deepEqual(await begin(s, 'k'), { state: 'done', response });
        await s.idempotency.release('public', 'k', 'c1');
        assert.equal((await begin(s, 'k')).state, 'done', 'release leaves finished records alone');
        assert.equal(
          (
            await s.idempotency.begin({
              scope: 'staff:1',
              key: 'k',
              fingerprint: 'f9',
              claim: 'c9',
              now: T0,
              lockMs: 1000,
            })
          ).state,
          'started',
          'scopes apart',
        );

        assert.equal((await begin(s, 'r')).state, 'started');
        await s.idempotency.release('public', 'r', 'c1');
        assert.equal((await begin(s, 'r')).state, 'started', 'released: runs again');
        assert.equal((await begin(s, 'r', 'f1', at(999))).state, 'in_flight');
        assert.equal(
          (await begin(s, 'r', 'f1', at(1001))).state,
          'started',
          'holder presumed dead',
        );
        assert.equal((await begin(s, 'r', 'f1', at(1500))).state, 'in_flight', 'taken over anew');

        assert.equal((await begin(s, 'later', 'f1', at(10_000))).state, 'started');
        assert.equal(await s.idempotency.purge(at(5_000)), 3);
        assert.equal((await begin(s, 'k', 'f2')).state, 'started', 'purged keys are new again');
        assert.equal((await begin(s, 'later', 'f1', at(10_000))).state, 'in_flight', 'newer kept');
      }),
    );

    it(
      'idempotency: of 12 simultaneous claims of one key exactly one starts',
      withStore(async (s) => {
        const results = await Promise.all(Array.from({ length: 12 }, () => begin(s, 'race')));
        assert.equal(results.filter((r) => r.state === 'started').length, 1);
        assert.equal(results.filter((r) => r.state === 'in_flight').length, 11);
      }),
    );

    it(
      'idempotency: the response is stored with the transaction, or not at all',
      withStore(async (s) => {
        await begin(s, 'tx');
        await s
          .transaction(async (tx) => {
            await tx.idempotency.complete('public', 'tx', 'c1', {
              status: 200,
              contentType: 'application/json',
              body: '1',
            });
            throw new Error('rolled back');
          })
          .catch(() => undefined);
        if (name !== 'memory') assert.equal((await begin(s, 'tx')).state, 'in_flight', 'not done');
        await s.transaction((tx) =>
          tx.idempotency.complete('public', 'tx', 'c1', {
            status: 200,
            contentType: 'application/json',
            body: '2',
          }),
        );
        const done = await begin(s, 'tx');
        assert.equal(done.state === 'done' && done.response.body, '2');
      }),
    );

    it(
      "idempotency: only the claim's own token stores its response; a transaction with a lost token rolls back",
      withStore(async (s) => {
        const response = { status: 201, contentType: 'application/json', body: '{"n":1}' };
        const record = (key: string, claim: string, now = T0) => ({
          scope: 'public',
          key,
          fingerprint: 'f1',
          claim,
          now,
          lockMs: 1000,
        });
        assert.equal((await begin(s, 't', 'f1', T0, 'old')).state, 'started');
        assert.equal((await s.idempotency.claim(record('t', 'new', at(500)))).state, 'in_flight');
        if (name !== 'memory') {
          assert.equal(
            (await s.idempotency.claim(record('t', 'new', at(1001)))).state,
            'unsure',
            'one statement does not take a claim over',
          );
        }
        assert.equal((await begin(s, 't', 'f1', at(1001), 'new')).state, 'started', 'taken over');
        // The old holder wakes up: its writes and its stored response must not commit.
        await assert.rejects(
          s.transaction(async (tx) => {
            await tx.settings.getOrCreate('written-by-old', () => 'old');
            await tx.idempotency.complete('public', 't', 'old', response);
          }),
          ClaimLost,
        );
        if (name !== 'memory') {
          assert.equal(await s.settings.getOrCreate('written-by-old', () => 'none'), 'none');
        }
        await assert.rejects(s.idempotency.complete('public', 't', 'old', response), ClaimLost);
        await s.idempotency.release('public', 't', 'old');
        await s.idempotency.complete('public', 't', 'new', response);
        assert.deepEqual(await begin(s, 't'), { state: 'done', response });

        // Pipelined: the claim goes first, not waited for; the transaction stores under it.
        let began: Promise<{ state: string }> | undefined;
        const first = (claimed: Promise<{ state: string }>) => {
          began = claimed;
          return claimed.then((b) => b.state === 'started');
        };
        await s.transaction((tx) => tx.idempotency.complete('public', 'p', 'p1', response), {
          first: (f) => first(f.idempotency.claim(record('p', 'p1'))),
        });
        assert.deepEqual(await began, { state: 'started' });
        assert.deepEqual(await begin(s, 'p'), { state: 'done', response });
        // A second request with that key: its claim answers the replay, its transaction rolls back.
        await assert.rejects(
          s.transaction(
            async (tx) => {
              await tx.settings.getOrCreate('written-by-second', () => 'second');
              await tx.idempotency.complete('public', 'p', 'p2', { ...response, body: '2' });
            },
            { first: (f) => first(f.idempotency.claim(record('p', 'p2'))) },
          ),
          ClaimLost,
        );
        assert.deepEqual(await began, { state: 'done', response });
        if (name !== 'memory') {
          assert.equal(await s.settings.getOrCreate('written-by-second', () => 'none'), 'none');
        }
      }),
    );

    it(
      'rate limits: counts per key and window, without losing concurrent hits; purges old windows',
      withStore(async (s) => {
        const counts = await Promise.all(
          Array.from({ length: 20 }, () => s.rateLimits.hit('a', T0)),
        );
        assert.deepEqual(
          [...counts].sort((x, y) => x - y),
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
        assert.equal(await s.rateLimits.hit('b', T0), 1);
        assert.equal(await s.rateLimits.hit('a', at(60_000)), 1, 'a new window');
        // The memory store and PGlite keep one window per key in memory (the current one);
        // PostgreSQL's table keeps both until the purge.
        assert.equal(await s.rateLimits.purge(at(1)), name.includes('PostgreSQL') ? 2 : 1);
        assert.equal(await s.rateLimits.hit('a', at(60_000)), 2, 'the current window stays');
      }),
    );

    it(
      'a claim counted with its rate-limit window: one hit each, nothing claimed past the limit',
      withStore(async (s) => {
        const claim = (key: string) =>
          s.idempotency.begin({
            scope: 'public',
            key,
            fingerprint: 'f1',
            claim: `c-${key}`,
            now: T0,
            lockMs: 1000,
            count: { key: 'w', windowStart: T0, max: 2 },
          });
        assert.deepEqual(await claim('k1'), { state: 'started' });
        assert.deepEqual(await claim('k1'), { state: 'in_flight' }, 'the window counts it too');
        assert.deepEqual(await claim('k2'), { state: 'rate_limited', count: 3 });
        assert.deepEqual(await begin(s, 'k2'), { state: 'started' }, 'k2 was not claimed');
        assert.equal(await s.rateLimits.hit('w', T0), 4, 'every request counted once');
      }),
    );

    it(
      'settings: the first value made wins, for everyone asking at once',
      withStore(async (s) => {
        let n = 0;
        const values = await Promise.all(
          Array.from({ length: 8 }, () => s.settings.getOrCreate('secret', () => `v${++n}`)),
        );
        assert.equal(new Set(values).size, 1);
        assert.equal(await s.settings.getOrCreate('secret', () => 'other'), values[0]);
      }),
    );
  });
}
