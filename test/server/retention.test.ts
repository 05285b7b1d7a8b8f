/**
 * The retention job in the server: run by the maintenance pass at start and then daily, photos
 * deleted with their bytes, logged without personal data; on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Complaint } from '../../src/domain/index.js';
import { seedDemo } from '../../src/features/core/demo.js';
import { createServer } from '../../src/server/server.js';
import type { LogRecord } from '../../src/server/log.js';
import { memoryStorage } from '../../src/server/uploads.js';
import { testDatabases } from './db.js';
import { cheapScrypt, manualClock } from './harness.js';
import { returnedComplaint } from '../stores/fixtures/returned-complaint.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A case returned at `endedAt` (ISO), with a contact and a photo, names in its words too. */
const returned = (n: number, endedAt: string, photo: string): Complaint => {
  const base = returnedComplaint(`0000000000000000000000RET${n}`, endedAt);
  return {
    ...base,
    ticket: `SQ-2024-00000${n}`,
    description: '垃圾站三天没人清运了，我是张三丰。',
    location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b1' },
    photos: [photo],
    queryCodeHash: `hash-${n}`,
    history: [base.history[0]!, { ...base.history[1]!, text: '与SQ-2024-000001重复，张三丰' }],
  };
};

for (const db of databases) {
  describe(`retention in the server on ${db.name}`, () => {
    it('runs at start and then daily: personal data and photo bytes go, logged as counts', async () => {
      const start = Date.parse('2026-06-01T00:00:00.000Z');
      const clock = manualClock(new Date(start).toISOString());
      const storage = memoryStorage();
      const store = await db.open();
      await seedDemo(store);
      // Past retention (730 days) at start, and one that gets there an hour after start.
      const late = new Date(start - 730 * DAY - HOUR).toISOString();
      const soon = new Date(start - 730 * DAY + HOUR).toISOString();
      for (const [id, at] of [
        ['PHOTO1', late],
        ['PHOTO2', soon],
      ] as const) {
        await store.uploads.put({ id, type: 'image/png', size: 3, createdAt: at });
        await storage.put(id, new Uint8Array([1, 2, 3]), 'image/png');
      }
      await store.complaints.put(returned(1, late, 'PHOTO1'));
      await store.complaints.put(returned(2, soon, 'PHOTO2'));
      const logs: LogRecord[] = [];
      const server = await createServer({
        store,
        clock,
        log: (record) => logs.push(record),
        scrypt: cheapScrypt,
        staticRoot: false,
        uploads: { storage },
      });
      try {
        await server.started;
        const first = (await store.complaints.get(returned(1, late, '').id))!;
        assert.ok(first.anonymisedAt, 'anonymised at start');
        assert.equal(first.contact, undefined);
        assert.deepEqual(first.photos, []);
        assert.equal(await storage.get('PHOTO1'), undefined, 'its photo’s bytes deleted');
        assert.equal(await store.uploads.get('PHOTO1'), undefined, 'and its record');
        assert.ok(await storage.get('PHOTO2'), 'the other is not due yet');
        const line = logs.find((r) => r.msg === 'retention');
        assert.deepEqual(line, { level: 'info', msg: 'retention', anonymised: 1, photos: 1 });

        // Due an hour after start, but the job runs daily: the passes every 10 minutes skip it.
        clock.advance(2 * HOUR);
        await server.maintain();
        const second = returned(2, soon, '').id;
        assert.equal((await store.complaints.get(second))!.anonymisedAt, undefined, 'not yet');
        clock.advance(22 * HOUR);
        await server.maintain();
        assert.ok((await store.complaints.get(second))!.anonymisedAt, 'a day after the last run');
        assert.equal(await storage.get('PHOTO2'), undefined, 'its photo deleted too');
        const logged = JSON.stringify(logs);
        for (const word of ['张三丰', '13812341234', 'SQ-2024']) {
          assert.ok(!logged.includes(word), `no ${word} in the logs`);
        }
        // On demand (the CLI's command): nothing left, and a dry run changes nothing.
        assert.equal((await server.retention({ dryRun: true })).anonymised, 0);
        assert.equal((await server.retention()).anonymised, 0);
      } finally {
        await server.close();
      }
    });

    it('does nothing at start with maintainOnStart: false, nor ever with retention: false', async () => {
      const clock = manualClock('2026-06-01T00:00:00.000Z');
      const store = await db.open();
      await seedDemo(store);
      const late = '2024-01-01T00:00:00.000Z';
      await store.complaints.put(returned(3, late, 'PHOTO3'));
      const quiet = await createServer({
        store,
        clock,
        log: false,
        staticRoot: false,
        uploads: { storage: memoryStorage() },
        maintainOnStart: false,
        retention: false,
      });
      try {
        await quiet.started;
        await quiet.maintain();
        const id = returned(3, late, '').id;
        assert.equal((await store.complaints.get(id))!.anonymisedAt, undefined, 'kept');
        assert.equal((await quiet.retention({ dryRun: true })).anonymised, 1, 'but due');
      } finally {
        await quiet.close();
      }
    });
  });
}
