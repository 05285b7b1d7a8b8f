/**
 * Registration under load, over real sockets to a real server, on the shared capacity
 * primitive: 50 registrations of a 10-seat occurrence sent at once → exactly 10 confirmed and
 * 40 waitlisted at places 1–40 without gaps; the same phone twice at once → one registration;
 * 10 cancellations at once → exactly 10 promotions, first in line first. On PGlite, and on
 * PostgreSQL (row locks across a pool) when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { testDatabases } from '../../server/db.js';
import {
  bearer,
  json,
  manualClock,
  startTestServer,
  type TestServer,
} from '../../server/harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

interface Receipt {
  id: string;
  code: string;
  status: string;
  position?: number;
}

const DATE = '2026-03-11';

async function registerAll(t: TestServer, activity: string, phones: string[]) {
  const responses = await Promise.all(
    phones.map((phone, i) =>
      t.fetch(
        '/api/v1/activity-registrations',
        json(
          'POST',
          { activity, date: DATE, name: `居民${i}`, phone, consent: true },
          { 'Idempotency-Key': `reg-${phone}-${i}` },
        ),
      ),
    ),
  );
  return Promise.all(
    responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Receipt })),
  );
}

for (const db of databases) {
  describe(`activity registration under concurrency: server on ${db.name}`, () => {
    it('50 at once for 10 seats; one phone twice at once; 10 cancellations at once', async () => {
      const t = await startTestServer(db, { listen: true, clock: manualClock() });
      try {
        const token = await t.tokenFor('xfl-grid');
        const made = await t.fetch(
          '/api/v1/communities/xingfuli/activities',
          json(
            'POST',
            {
              community: 'xingfuli',
              title: '每周三 书法班',
              category: 'culture',
              place: '幸福里社区活动室',
              date: '2026-03-04',
              startTime: '14:00',
              endTime: '16:00',
              recurrence: { rule: { kind: 'weekly', weekdays: [3] } },
              capacity: 10,
              publish: true,
            },
            bearer(token),
          ),
        );
        assert.equal(made.status, 201);
        const { id } = (await made.json()) as { id: string };
        const phones = Array.from({ length: 50 }, (_, i) => `139${String(30000000 + i)}`);
        const results = await registerAll(t, id, phones);
        assert.deepEqual([...new Set(results.map((r) => r.status))], [201]);
        const receipts = results.map((r) => r.body);
        const confirmed = receipts.filter((r) => r.status === 'confirmed');
        const line = receipts
          .filter((r) => r.status === 'waitlisted')
          .sort((a, b) => a.position! - b.position!);
        assert.equal(confirmed.length, 10);
        assert.deepEqual(
          line.map((r) => r.position),
          Array.from({ length: 40 }, (_, i) => i + 1),
          'places 1–40, no gaps, no repeats',
        );
        const slot = `${id}@${DATE}`;
        assert.deepEqual((await t.server.store.activitySeats.usage([slot]))[slot], {
          capacity: 10,
          taken: 10,
          waiting: 40,
        });

        const twice = await registerAll(t, id, ['13600020000', '13600020000']);
        assert.deepEqual(twice.map((r) => r.status).sort(), [201, 409], 'one of the two');

        const cancels = await Promise.all(
          confirmed.map((r) =>
            t.fetch(
              '/api/v1/activity-registrations/cancel',
              json('POST', { code: r.code }, { 'Idempotency-Key': `cancel-${r.id}` }),
            ),
          ),
        );
        assert.deepEqual([...new Set(cancels.map((r) => r.status))], [200]);
        const stored = await Promise.all(
          line.map((r) => t.server.store.activityRegistrations.get(r.id)),
        );
        const promoted = stored.filter((r) => r!.status === 'promoted');
        assert.deepEqual(
          promoted.map((r) => r!.id).sort(),
          line
            .slice(0, 10)
            .map((r) => r.id)
            .sort(),
          'the first 10 in line, exactly',
        );
        for (const r of promoted) {
          assert.equal(r!.history.filter((e) => e.action === 'promote').length, 1);
        }
        assert.deepEqual((await t.server.store.activitySeats.usage([slot]))[slot], {
          capacity: 10,
          taken: 10,
          waiting: 31,
        });
      } finally {
        await t.close();
      }
    });
  });
}
