/**
 * One claimer per wish, under load: 50 claims of one wish sent at once over real sockets to a
 * real server → exactly one success, 49 × 409 already_claimed, exactly one claim in the audit
 * history. On PGlite, and on PostgreSQL (row locks across a pool) when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { testDatabases } from '../../server/db.js';
import { bearer, json, startTestServer } from '../../server/harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const CLAIMS = 50;

for (const db of databases) {
  describe(`wishes under concurrency: server on ${db.name}`, () => {
    it(`${CLAIMS} simultaneous claims of one wish: exactly one wins`, async () => {
      const t = await startTestServer(db, { listen: true });
      try {
        const posted = await t.fetch(
          '/api/v1/wishes',
          json('POST', {
            community: 'xingfuli',
            category: 'study',
            title: '想要一套课外书',
            story: '孩子喜欢看书，家里买不起整套的课外读物。',
            wisherName: '刘小红',
            phone: '13812341234',
            consent: true,
            publishConsent: true,
          }),
        );
        assert.equal(posted.status, 201);
        const { id } = (await posted.json()) as { id: string };
        const token = await t.tokenFor('xfl-grid');
        const approved = await t.fetch(
          `/api/v1/wishes/${id}/actions`,
          json('POST', { action: 'approve' }, bearer(token)),
        );
        assert.equal(approved.status, 200);

        const responses = await Promise.all(
          Array.from({ length: CLAIMS }, (_, i) =>
            t.fetch(
              `/api/v1/wishes/${id}/claim`,
              json(
                'POST',
                {
                  claimerType: 'volunteer',
                  name: `志愿者${i}`,
                  phone: `139${String(10000000 + i)}`,
                  consent: true,
                },
                { 'Idempotency-Key': `claim-${i}-${id}` },
              ),
            ),
          ),
        );
        const bodies = await Promise.all(
          responses.map(async (r) => ({
            status: r.status,
            body: (await r.json()) as Record<string, unknown>,
          })),
        );
        const won = bodies.filter((b) => b.status === 200);
        const lost = bodies.filter((b) => b.status === 409);
        assert.equal(won.length, 1, `statuses: ${bodies.map((b) => b.status).join(',')}`);
        assert.equal(lost.length, CLAIMS - 1);
        for (const loser of lost) assert.equal(loser.body.code, 'already_claimed');

        const winner = won[0]!.body as { card: { claimer: { name: string } } };
        const stored = (await t.server.store.wishes.get(id))!;
        assert.equal(stored.status, 'claimed');
        assert.equal(
          stored.history.filter((e) => e.action === 'claim').length,
          1,
          'one audit entry',
        );
        assert.equal(winner.card.claimer.name, `志*${stored.claim!.name.slice(-1)}`);

        // The winner's retry (same Idempotency-Key: its answer was lost) replays its win.
        const winnerIndex = bodies.findIndex((b) => b.status === 200);
        const retry = await t.fetch(
          `/api/v1/wishes/${id}/claim`,
          json(
            'POST',
            {
              claimerType: 'volunteer',
              name: `志愿者${winnerIndex}`,
              phone: `139${String(10000000 + winnerIndex)}`,
              consent: true,
            },
            { 'Idempotency-Key': `claim-${winnerIndex}-${id}` },
          ),
        );
        assert.equal(retry.status, 200);
        assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
        assert.deepEqual(await retry.json(), won[0]!.body);
        const again = (await t.server.store.wishes.get(id))!;
        assert.equal(again.history.filter((e) => e.action === 'claim').length, 1, 'still one');
      } finally {
        await t.close();
      }
    });
  });
}
