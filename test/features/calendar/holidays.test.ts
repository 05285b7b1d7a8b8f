/**
 * 法定节假日/调休 as operator data: the shipped years, a year loaded through the API by an admin
 * (and refused for staff and for a schedule that cannot be), the calendar every operation then
 * runs with (a complaint's deadline over a loaded 春节), and `shequ-kit-server holidays import`
 * loading a file that a server started afterwards uses. PGlite, and PostgreSQL when
 * DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createServer } from '../../../src/server/server.js';
import { seedDemoData } from '../../../src/server/demo.js';
import { ApiError, createClient, type Client } from '../../../src/sdk/index.js';
import type { ComplaintInput } from '../../../src/domain/index.js';
import { fails } from '../../sdk/fails.js';
import { testDatabases } from '../../server/db.js';
import { cheapScrypt, manualClock, startTestServer } from '../../server/harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const FIXTURE = 'test/fixtures/holidays-2027-test.json'; // test data, not the official 2027 schedule

const concern: ComplaintInput = {
  community: 'xingfuli',
  category: 'environment', // 3 working days
  description: '楼道里堆满了纸箱，消防通道被堵住了，请尽快清理。',
  location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2', unit: 'xfl-g1-b2-u1' },
  contact: { name: '张三丰', phone: '13812341234' },
  consent: true,
};

/** Submits the concern and reads its deadline as staff see it. */
async function dueOf(resident: Client, staff: Client): Promise<string> {
  const delivery = await resident.complaints.submit(concern);
  assert.equal(delivery.state, 'delivered');
  const { ticket } = (delivery as Extract<typeof delivery, { state: 'delivered' }>).value;
  const listed = await staff.complaints.list({ community: 'xingfuli' });
  return listed.items.find((c) => c.ticket === ticket)!.dueDate;
}

/** Received Thursday 2027-02-04 10:00 Beijing time: without a 2027 schedule due Tue 02-09. */
const RECEIVED = '2027-02-04T02:00:00.000Z';

for (const db of databases) {
  describe(`holiday schedules on ${db.name}`, () => {
    it('shipped years, an admin loads 2027, staff and bad schedules are refused, the deadline moves', async () => {
      const clock = manualClock(RECEIVED);
      const t = await startTestServer(db, { listen: true, clock });
      const resident = createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
      const admin = createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
      const grid = createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
      try {
        await admin.auth.login({ username: 'xfl-admin', password: t.login.password });
        await grid.auth.login({ username: 'xfl-grid', password: t.login.password });

        const shipped = await resident.calendar.holidays({ from: 2025, to: 2027 });
        assert.deepEqual(
          shipped.years.map((y) => [y.year, y.source]),
          [
            [2025, 'shipped'],
            [2026, 'shipped'],
          ],
          'no 2027 yet: the calendar shows no badges for it',
        );

        assert.equal(await dueOf(resident, admin), '2027-02-09', 'Mon–Fri without a schedule');

        const schedule = {
          year: 2027,
          off: [
            ['2027-01-01', '2027-01-01'],
            ['2027-02-05', '2027-02-13'],
          ] as [string, string][],
          work: ['2027-02-20'],
        };
        await fails(grid.calendar.putHolidays(schedule), 'forbidden', 403);
        const refused = await admin.calendar
          .putHolidays({
            year: 2027,
            off: [['2027-02-13', '2027-02-05']],
            work: ['2027-02-22'], // a Monday
          })
          .catch((e: unknown) => e as ApiError);
        assert.ok(refused instanceof ApiError && refused.code === 'validation_failed');
        assert.deepEqual(
          refused.fields.map((f) => [f.path, f.key]),
          [
            ['off.0', 'holidays.range'],
            ['work.0', 'holidays.workday'],
          ],
        );
        const loaded = await admin.calendar.putHolidays(schedule);
        assert.equal(loaded.source, 'loaded');

        const after2027 = await resident.calendar.holidays({ from: 2027, to: 2027 });
        assert.deepEqual(after2027.years[0]?.off, schedule.off);
        assert.deepEqual(after2027.years[0]?.work, ['2027-02-20']);

        // This instance uses it at once: 02-05…02-13 off, 02-14 a Sunday → due Wed 02-17.
        assert.equal(await dueOf(resident, admin), '2027-02-17');
      } finally {
        for (const c of [resident, admin, grid]) await c.close();
        await t.close();
      }
    });
  });
}

describe('shequ-kit-server holidays import', () => {
  it('loads a file into the database; a server started after it runs on that calendar', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sq-holidays-'));
    try {
      const env = { ...process.env, SHEQU_DATA_DIR: dir, DATABASE_URL: '' };
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
          env,
          encoding: 'utf8',
        });
      const bad = cli('holidays', 'import', 'package.json');
      assert.equal(bad.status, 1, 'not a schedule');
      assert.match(bad.stderr, /validation_failed/);

      const imported = cli('holidays', 'import', FIXTURE);
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stderr, /2027: 2 run\(s\) of days off, 1 调休 workday\(s\) loaded/);
      const listed = cli('holidays', 'list');
      assert.match(listed.stderr, /2026 {2}shipped/);
      assert.match(
        listed.stderr,
        /2027 {2}loaded {2}2027-01-01, 2027-02-05…2027-02-13; 调休上班 2027-02-20/,
      );

      const server = await createServer({
        dataDir: dir,
        clock: manualClock(RECEIVED),
        log: false,
        scrypt: cheapScrypt,
        staticRoot: false,
        uploads: false,
        maintainOnStart: false,
      });
      try {
        const login = (await seedDemoData(server.store, server.credentials))!;
        const { url } = await server.listen(0);
        const resident = createClient({ baseUrl: `${url}/api/v1`, outbox: false });
        const admin = createClient({ baseUrl: `${url}/api/v1`, outbox: false });
        await admin.auth.login({ username: 'xfl-admin', password: login.password });
        assert.equal(
          await dueOf(resident, admin),
          '2027-02-17',
          'the deadline counts the imported 春节',
        );
        await resident.close();
        await admin.close();
      } finally {
        await server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
