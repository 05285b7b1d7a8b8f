/**
 * Seats under load, over real sockets to a real server: 50 bookings of a 10-seat slot sent at
 * once → exactly 10 confirmed and 40 waitlisted at places 1–40 without gaps; 20 cancellations
 * sent at once of a slot's 20 holders → exactly 20 promotions, first come first served, never
 * a seat over. On PGlite, and on PostgreSQL (row locks across a pool) when DATABASE_URL is set.
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

/** Tuesdays 09:00–09:30 Beijing: one slot of 10 seats; 2026-03-10 an extra day with 20. */
const service = {
  community: 'xingfuli',
  name: '爱心理发',
  team: '夕阳红',
  category: 'haircut',
  place: { kind: 'station', address: '幸福里社区服务站' },
  durationMinutes: 15,
  schedule: {
    rules: [{ weekdays: [2], start: '09:00', end: '09:30', slotMinutes: 30, seats: 10 }],
    overrides: [
      {
        kind: 'open',
        date: '2026-03-11',
        start: '09:00',
        end: '09:30',
        slotMinutes: 30,
        seats: 20,
      },
    ],
  },
};

interface Receipt {
  id: string;
  code: string;
  status: string;
  position?: number;
}

async function bookAll(t: TestServer, id: string, start: string, n: number) {
  const responses = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      t.fetch(
        '/api/v1/bookings',
        json(
          'POST',
          {
            service: id,
            start,
            name: `居民${i}`,
            phone: `139${String(20000000 + i)}`,
            consent: true,
          },
          { 'Idempotency-Key': `book-${start}-${i}` },
        ),
      ),
    ),
  );
  assert.deepEqual(
    [...new Set(responses.map((r) => r.status))],
    [201],
    'every booking answered 201',
  );
  return Promise.all(responses.map((r) => r.json() as Promise<Receipt>));
}

for (const db of databases) {
  describe(`booking under concurrency: server on ${db.name}`, () => {
    it('50 simultaneous bookings of a 10-seat slot; 20 simultaneous cancellations', async () => {
      const t = await startTestServer(db, { listen: true, clock: manualClock() });
      try {
        const token = await t.tokenFor('xfl-grid');
        const made = await t.fetch(
          '/api/v1/communities/xingfuli/booking-services',
          json('POST', service, bearer(token)),
        );
        assert.equal(made.status, 201);
        const { id } = (await made.json()) as { id: string };

        const start = '2026-03-03T01:00:00.000Z';
        const receipts = await bookAll(t, id, start, 50);
        const confirmed = receipts.filter((r) => r.status === 'confirmed');
        const waiting = receipts.filter((r) => r.status === 'waitlisted');
        assert.equal(confirmed.length, 10);
        assert.equal(waiting.length, 40);
        assert.deepEqual(
          waiting.map((r) => r.position).sort((a, b) => a! - b!),
          Array.from({ length: 40 }, (_, i) => i + 1),
          'places 1–40, no gaps, no repeats',
        );
        const usage = await t.server.store.bookingSeats.usage([`${id}@${start}`]);
        assert.deepEqual(usage[`${id}@${start}`], { capacity: 10, taken: 10, waiting: 40 });

        // The extra day: 20 seats, 50 bookings; then its 20 holders cancel at once.
        const wide = '2026-03-11T01:00:00.000Z';
        const second = await bookAll(t, id, wide, 50);
        const holders = second.filter((r) => r.status === 'confirmed');
        const line = second
          .filter((r) => r.status === 'waitlisted')
          .sort((a, b) => a.position! - b.position!);
        assert.equal(holders.length, 20);
        assert.equal(line.length, 30);
        const cancels = await Promise.all(
          holders.map((r) =>
            t.fetch(
              '/api/v1/bookings/cancel',
              json('POST', { code: r.code }, { 'Idempotency-Key': `cancel-${r.id}` }),
            ),
          ),
        );
        assert.deepEqual([...new Set(cancels.map((r) => r.status))], [200]);
        const stored = await Promise.all(second.map((r) => t.server.store.bookings.get(r.id)));
        const promoted = stored.filter((b) => b!.status === 'promoted');
        assert.equal(promoted.length, 20, 'exactly 20 promotions');
        assert.deepEqual(
          promoted.map((b) => b!.id).sort(),
          line
            .slice(0, 20)
            .map((r) => r.id)
            .sort(),
          'the first 20 in line',
        );
        for (const b of promoted) {
          assert.equal(b!.history.filter((e) => e.action === 'promote').length, 1, 'promoted once');
        }
        assert.equal(stored.filter((b) => b!.status === 'cancelled').length, 20);
        assert.deepEqual(
          (await t.server.store.bookingSeats.usage([`${id}@${wide}`]))[`${id}@${wide}`],
          { capacity: 20, taken: 20, waiting: 10 },
          'never over-filled',
        );
        // What the codes show: the promoted have a seat, the rest are at places 1–10.
        const views = await Promise.all(
          line.map(async (r) => {
            const res = await t.fetch('/api/v1/bookings/status', json('POST', { code: r.code }));
            return (await res.json()) as { status: string; position?: number };
          }),
        );
        assert.deepEqual(
          views.map((v) => [v.status, v.position ?? null]),
          line.map((_, i) => (i < 20 ? ['promoted', null] : ['waitlisted', i - 19])),
        );
      } finally {
        await t.close();
      }
    });
  });
}
