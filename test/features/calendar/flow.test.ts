/**
 * The activity calendar end to end through the SDK (`client.calendar`): the same suite on the
 * embedded transport (memory store) and over HTTP against a real server on PGlite (and
 * PostgreSQL when DATABASE_URL is set). A manual clock moves time on both.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { ApiError, createClient, type Client } from '../../../src/sdk/index.js';
import type { Actor } from '../../../src/services/context.js';
import { festivalDates } from '../../../src/domain/lunar.js';
import type { ActivityInput } from '../../../src/features/calendar/model.js';
import { seedDemo } from '../../../src/features/core/demo.js';
import type { Store } from '../../../src/services/store.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { testDatabases } from '../../server/db.js';
import { manualClock, startTestServer } from '../../server/harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

interface Env {
  resident: Client;
  staff: Client;
  other: Client;
  clock: ReturnType<typeof manualClock>;
  /** A raw GET of the server's .ics file routes (HTTP only). */
  file?: (path: string) => Promise<Response>;
  signInAgain(): Promise<void>;
  stop(): Promise<void>;
}

const actor = (community: string): Actor => ({
  kind: 'staff',
  id: `${community}-staff`,
  name: '王建国',
  role: 'staff',
  community,
});

export const targets: { name: string; start(): Promise<Env> }[] = [
  {
    name: 'embedded transport (memory store)',
    async start() {
      const store: Store = createMemoryStore();
      await seedDemo(store);
      const clock = manualClock();
      const embedded = (a?: Actor) =>
        createClient({
          embedded: { store, clock, persistence: false, seed: false, ...(a ? { actor: a } : {}) },
        });
      return {
        resident: embedded(),
        staff: embedded(actor('xingfuli')),
        other: embedded(actor('chunhui')),
        clock,
        signInAgain: async () => undefined,
        stop: () => store.close(),
      };
    },
  },
  ...databases.map((db) => ({
    name: `http transport → server on ${db.name}`,
    async start(): Promise<Env> {
      const clock = manualClock();
      const t = await startTestServer(db, { listen: true, clock });
      const make = () =>
        createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
      const signIn = (c: Client, username: string) =>
        c.auth.login({ username, password: t.login.password });
      const resident = make();
      const staff = make();
      const other = make();
      await signIn(staff, 'xfl-grid');
      await signIn(other, 'ch-admin');
      return {
        resident,
        staff,
        other,
        clock,
        file: (path) => t.fetch(`/api/v1${path}`),
        async signInAgain() {
          await signIn(staff, 'xfl-grid');
          await signIn(other, 'ch-admin');
        },
        async stop() {
          await Promise.all([resident.close(), staff.close(), other.close()]);
          await t.close();
        },
      };
    },
  })),
];

/** 中秋 2026 (八月十五) and 2027. */
const [MID_AUTUMN, MID_AUTUMN_2027] = festivalDates('mid-autumn', '2026-01-01', '2027-12-31');

export const midAutumn = (extra: Partial<ActivityInput> = {}): ActivityInput => ({
  community: 'xingfuli',
  title: '中秋邻里节',
  description: '赏月、猜灯谜、做月饼。',
  category: 'festival',
  place: '幸福里社区广场',
  organiser: '幸福里社区居委会',
  date: MID_AUTUMN!,
  startTime: '19:00',
  endTime: '21:00',
  recurrence: { rule: { kind: 'lunar-yearly', month: 8, day: 15 } },
  capacity: 2,
  partyMax: 3,
  publish: true,
  ...extra,
});

const resident = (n: number, extra: object = {}) => ({
  name: `居民${'甲乙丙丁戊己庚辛'[n]}某`,
  phone: `1391234100${n}`,
  consent: true as const,
  ...extra,
});

const code = (e: unknown) => (e instanceof ApiError ? e.code : String(e));

for (const target of targets) {
  describe(`activity calendar through the SDK: ${target.name}`, () => {
    it('lunar activity → calendar → register → full → waitlist → cancel → promoted → check in', async () => {
      const env = await target.start();
      try {
        const a = await env.staff.calendar.create(midAutumn());
        assert.equal(a.status, 'published');
        // On the right days: 中秋 2026 and 2027, nothing between.
        const sept = await env.resident.calendar.month({
          community: 'xingfuli',
          from: `${MID_AUTUMN!.slice(0, 7)}-01`,
          to: addDaysIso(`${MID_AUTUMN!.slice(0, 7)}-01`, 40),
          days: true,
        });
        const occ = sept.occurrences.filter((o) => o.activity === a.id);
        assert.deepEqual(
          occ.map((o) => o.date),
          [MID_AUTUMN],
        );
        assert.equal(occ[0]!.state, 'open');
        assert.equal(occ[0]!.left, 2);
        const day = sept.days!.find((d) => d.date === MID_AUTUMN)!;
        assert.ok(day.festivals.includes('mid-autumn'));
        assert.equal(day.lunar.month, 8);
        assert.equal(day.lunar.day, 15);
        const next = await env.resident.calendar.activity(a.id);
        assert.deepEqual(next.next.slice(0, 2), [MID_AUTUMN, MID_AUTUMN_2027]);

        const r1 = await env.resident.calendar.register({
          activity: a.id,
          date: MID_AUTUMN!,
          ...resident(1),
        });
        assert.equal(r1.status, 'confirmed');
        await assert.rejects(
          env.resident.calendar.register({ activity: a.id, date: MID_AUTUMN!, ...resident(1) }),
          (e) => code(e) === 'conflict',
        );
        const r2 = await env.resident.calendar.register({
          activity: a.id,
          date: MID_AUTUMN!,
          ...resident(2, { forWhom: 'elder', elder: { name: '张三丰', relation: '父亲' } }),
        });
        assert.equal(r2.status, 'confirmed');
        const r3 = await env.resident.calendar.register({
          activity: a.id,
          date: MID_AUTUMN!,
          ...resident(3),
        });
        assert.equal(r3.status, 'waitlisted');
        assert.equal(r3.position, 1);
        await assert.rejects(
          env.resident.calendar.register({ activity: a.id, date: '2026-09-26', ...resident(4) }),
          (e) => code(e) === 'invalid_transition',
        );
        const full = await env.resident.calendar.month({
          community: 'xingfuli',
          from: MID_AUTUMN!,
          to: MID_AUTUMN!,
        });
        assert.equal(full.occurrences.find((o) => o.activity === a.id)!.state, 'full');

        const seen = await env.resident.calendar.registration(r2.code);
        assert.equal(seen.name, '居*某');
        assert.equal(seen.elderName, '张*丰');
        assert.doesNotMatch(JSON.stringify(seen), MOBILE);

        const cancelled = await env.resident.calendar.cancelRegistration(r1.code);
        assert.equal(cancelled.status, 'cancelled');
        assert.equal((await env.resident.calendar.registration(r3.code)).status, 'promoted');

        const list = await env.staff.calendar.registrations(a.id, MID_AUTUMN!);
        assert.equal(list.taken, 2);
        assert.deepEqual(
          list.registrations.map((r) => r.status),
          ['confirmed', 'promoted', 'cancelled'],
        );
        assert.equal(list.registrations[0]!.phone, '13912341002');
        const csv = await env.staff.calendar.exportRegistrations(a.id, MID_AUTUMN!);
        assert.ok(csv.csv.startsWith('\uFEFF'));
        assert.match(csv.csv, /中秋邻里节/);
        await assert.rejects(
          env.other.calendar.registrations(a.id, MID_AUTUMN!),
          (e) => code(e) === 'forbidden',
        );

        await assert.rejects(
          env.staff.calendar.checkIn('xingfuli', r2.code),
          (e) => code(e) === 'invalid_transition',
        );
        env.clock.set(`${MID_AUTUMN}T10:00:00.000Z`);
        await env.signInAgain();
        await assert.rejects(
          env.resident.calendar.cancelRegistration(r2.code),
          (e) => code(e) === 'cutoff_passed',
        );
        await assert.rejects(
          env.other.calendar.checkIn('chunhui', r2.code),
          (e) => code(e) === 'not_found',
        );
        const checked = await env.staff.calendar.checkIn('xingfuli', r2.code);
        assert.equal(checked.status, 'attended');
      } finally {
        await env.stop();
      }
    });

    it('a party larger than min(partyMax, capacity) gets a 400 with party.tooMany and its max', async () => {
      const env = await target.start();
      try {
        const tooMany = (max: number) => (e: unknown) => {
          assert.ok(e instanceof ApiError);
          assert.equal(e.status, 400);
          assert.equal(e.code, 'validation_failed');
          assert.deepEqual(
            e.fields.map((f) => [f.path, f.key, f.params?.['max']]),
            [['party', 'party.tooMany', max]],
          );
          return true;
        };
        // Two seats, parties of up to 3: the seats are the limit.
        const seats = await env.staff.calendar.create(midAutumn());
        await assert.rejects(
          env.resident.calendar.register({
            activity: seats.id,
            date: MID_AUTUMN!,
            ...resident(1, { party: 3 }),
          }),
          tooMany(2),
        );
        // No seat limit: partyMax is.
        const open = await env.staff.calendar.create(midAutumn({ capacity: 0, title: '赏月' }));
        await assert.rejects(
          env.resident.calendar.register({
            activity: open.id,
            date: MID_AUTUMN!,
            ...resident(1, { party: 4 }),
          }),
          tooMany(3),
        );
        // At the limit it is taken.
        const fits = await env.resident.calendar.register({
          activity: seats.id,
          date: MID_AUTUMN!,
          ...resident(1, { party: 2 }),
        });
        assert.equal(fits.status, 'confirmed');
      } finally {
        await env.stop();
      }
    });

    it('drafts stay private; withdrawing an occurrence cancels its registrations with the reason', async () => {
      const env = await target.start();
      try {
        const draft = await env.staff.calendar.create(
          midAutumn({
            title: '每周三 太极拳',
            category: 'culture',
            date: '2026-03-04',
            startTime: '08:00',
            endTime: '09:00',
            recurrence: { rule: { kind: 'weekly', weekdays: [3] }, count: 10 },
            capacity: 0,
            publish: false,
          }),
        );
        await assert.rejects(
          env.resident.calendar.activity(draft.id),
          (e) => code(e) === 'not_found',
        );
        assert.ok((await env.staff.calendar.manage('xingfuli')).some((x) => x.id === draft.id));
        const a = await env.staff.calendar.act(draft.id, { action: 'publish' });
        assert.equal(a.status, 'published');
        const march = await env.resident.calendar.month({
          community: 'xingfuli',
          from: '2026-03-01',
          to: '2026-03-31',
        });
        assert.deepEqual(
          march.occurrences.filter((o) => o.activity === a.id).map((o) => o.date),
          ['2026-03-04', '2026-03-11', '2026-03-18', '2026-03-25'],
        );
        const r = await env.resident.calendar.register({
          activity: a.id,
          date: '2026-03-11',
          ...resident(5, { party: 3 }),
        });
        assert.equal(r.status, 'confirmed');
        await env.staff.calendar.act(a.id, {
          action: 'cancel_occurrence',
          date: '2026-03-11',
          reason: '场地维修，暂停一次。联系 13800001111',
        });
        const seen = await env.resident.calendar.registration(r.code);
        assert.equal(seen.status, 'cancelled');
        assert.equal(seen.cancelledBy, 'staff');
        assert.doesNotMatch(seen.cancelReason ?? '', MOBILE);
        const again = await env.resident.calendar.month({
          community: 'xingfuli',
          from: '2026-03-11',
          to: '2026-03-11',
        });
        const o = again.occurrences.find((x) => x.activity === a.id)!;
        assert.equal(o.state, 'cancelled');
        assert.ok(o.reason?.startsWith('场地维修'));

        const file = await env.resident.calendar.ics(a.id);
        const vevent = new ICAL.Component(ICAL.parse(file.content)).getFirstSubcomponent('vevent')!;
        const event = new ICAL.Event(vevent);
        const it = event.iterator();
        const dates: string[] = [];
        for (let next = it.next(); next; next = it.next()) {
          if (!event.isRecurrenceException() && !exdate(vevent, next)) {
            dates.push(next.toString().slice(0, 10));
          }
        }
        assert.equal(dates.length, 9);
        assert.ok(!dates.includes('2026-03-11'));
        if (env.file) {
          const res = await env.file(`/communities/xingfuli/activity-feed.ics`);
          assert.equal(res.status, 200);
          assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
          const text = await res.text();
          assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
          assert.ok(text.includes(`UID:${a.id}@activity.shequ-kit`));
          const one = await env.file(`/activities/${a.id}/calendar.ics?date=2026-03-18`);
          assert.equal(one.status, 200);
          assert.match(await one.text(), /DTSTART;TZID=Asia\/Shanghai:20260318T080000/);
        }
      } finally {
        await env.stop();
      }
    });
  });
}

function addDaysIso(date: string, n: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whether ical.js's iterator gave an EXDATE'd start (its iterator applies EXDATE itself). */
function exdate(vevent: ICAL.Component, time: ICAL.Time) {
  return vevent
    .getAllProperties('exdate')
    .some((p) => p.getValues().some((v) => (v as ICAL.Time).compare(time) === 0));
}
