import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASE_URL, testDatabases } from '../server/db.js';
import { migrate, migrations } from '../../src/stores/sql/index.js';
import { storeConformance } from './conformance.js';
import type { Complaint } from '../../src/domain/index.js';
import { seedDemo } from '../../src/features/core/demo.js';
import { runRetention } from '../../src/services/retention.js';
import { storeFeatures } from '../../src/stores/features.js';
import { returnedComplaint } from './fixtures/returned-complaint.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

for (const db of databases) {
  storeConformance(
    `sql on ${db.name}`,
    { open: () => db.open(), reopen: () => db.reopen() },
    describe,
    it,
  );

  describe(`SQL store on ${db.name}`, () => {
    it('migrates once, also when several instances start at the same time', async () => {
      const store = await db.open();
      try {
        const again = await Promise.all(
          [1, 2, 3].map(() => migrate(store.driver, store.schema, migrations)),
        );
        assert.deepEqual(again, [[], [], []]);
        const rows = await store.driver.query<{ version: number }>(
          `SELECT version FROM "${store.schema}".schema_migrations ORDER BY version`,
        );
        assert.deepEqual(
          rows.map((r) => r.version),
          migrations.map((m) => m.version),
        );
      } finally {
        await store.close();
      }
    });

    it('vacuum() marks the complaints all-visible, so the 三率 read their index alone', async () => {
      const store = await db.open();
      try {
        await store.transaction(async (tx) => {
          for (let n = 0; n < 1100; n++) {
            const id = String(n).padStart(26, '0');
            await tx.complaints.put(returnedComplaint(id, '2024-01-01T00:00:00.000Z'));
          }
        });
        const visible = () =>
          store.driver.query<{ pages: number; visible: number }>(
            `SELECT relpages AS pages, relallvisible AS visible FROM pg_class
              WHERE oid = '"${store.schema}".complaints'::regclass`,
          );
        await store.vacuum({ all: true });
        const [after] = await visible();
        assert.ok(after && after.pages > 0 && after.visible === after.pages, JSON.stringify(after));
        const plan = await store.driver.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT category, status, first_response_at, rating, due_date
             FROM "${store.schema}".complaints
            WHERE community = 'xingfuli' AND received_at >= '2023-12-31T16:00:00Z'`,
        );
        assert.match(
          plan.map((r) => r['QUERY PLAN']).join('\n'),
          /Index Only Scan using complaints_tally/,
        );
      } finally {
        await store.close();
      }
    });

    if (db.name === 'PGlite') {
      it('tidy() vacuums the tables that changed enough, as autovacuum would, and only those', async () => {
        const store = await db.open();
        try {
          const vacuums = async () => {
            const rows = await store.driver.query<{ name: string; n: number | string }>(
              `SELECT relname AS name, vacuum_count AS n FROM pg_stat_user_tables
                WHERE schemaname = $1 AND vacuum_count > 0 ORDER BY relname`,
              [store.schema],
            );
            return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
          };
          await store.tidy();
          const before = await vacuums();
          await store.transaction(async (tx) => {
            for (let n = 0; n < 1100; n++) {
              const id = String(n).padStart(26, '0');
              await tx.complaints.put(returnedComplaint(id, '2024-01-01T00:00:00.000Z'));
            }
          });
          await store.tidy();
          const once = await vacuums();
          assert.equal(once.complaints, (before.complaints ?? 0) + 1);
          await store.tidy();
          assert.deepEqual(await vacuums(), once, 'nothing changed since: nothing vacuumed');
        } finally {
          await store.close();
        }
      });
    }

    if (db.name.startsWith('PostgreSQL')) {
      it('retention skips a case another transaction holds, without waiting, and takes it next time', async () => {
        const store = await db.open();
        try {
          await seedDemo(store);
          const at = '2024-01-01T00:00:00.000Z';
          const ended = (id: string): Complaint =>
            returnedComplaint(id, at, { description: '垃圾站三天没清运。' });
          const [held, free] = ['0000000000000000000000HELD', '0000000000000000000000FREE'];
          await store.complaints.put(ended(held));
          await store.complaints.put(ended(free));
          const now = new Date('2026-06-01T00:00:00.000Z');
          let release!: () => void;
          const released = new Promise<void>((resolve) => (release = resolve));
          let locked!: () => void;
          const isLocked = new Promise<void>((resolve) => (locked = resolve));
          // A staff action, say, holding the case's row.
          const holder = store.transaction(async (tx) => {
            await tx.complaints.get(held, { lock: true });
            locked();
            await released;
          });
          await isLocked;
          const started = Date.now();
          const first = await runRetention(store, { now, features: storeFeatures });
          assert.ok(Date.now() - started < 5_000, 'did not wait for the lock');
          assert.equal(first.anonymised, 1);
          assert.ok((await store.complaints.get(free))?.anonymisedAt, 'the free case');
          assert.equal((await store.complaints.get(held))?.anonymisedAt, undefined, 'skipped');
          release();
          await holder;
          assert.equal((await runRetention(store, { now, features: storeFeatures })).anonymised, 1);
          assert.ok((await store.complaints.get(held))?.anonymisedAt, 'taken next time');
        } finally {
          await store.close();
        }
      });
    }

    it('keeps schemas apart', async () => {
      const a = await db.open();
      const b = await db.open();
      try {
        await a.communities.put({
          id: 'only-in-a',
          name: '甲',
          street: { name: '街道' },
          grids: [],
          categories: {},
          privacy: { controller: 'x', contact: 'y', retentionDays: 1 },
        });
        assert.equal((await b.communities.list()).length, 0);
        assert.equal((await a.communities.list()).length, 1);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}

if (!DATABASE_URL) {
  it('PostgreSQL: not tested (DATABASE_URL is not set)', { skip: 'set DATABASE_URL' }, () => {});
}
