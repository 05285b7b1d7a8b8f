/**
 * 志愿服务预约 end to end through the SDK (`client.booking`): the same suite on the embedded
 * transport (services in this process on a memory store) and over HTTP against a real server
 * on PGlite (and PostgreSQL when DATABASE_URL is set). A manual clock moves time on both.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ApiError, createClient, type Client } from '../../../src/sdk/index.js';
import type { Actor } from '../../../src/services/context.js';
import type { Booking, BookingServiceInput } from '../../../src/features/booking/model.js';
import { seedDemo } from '../../../src/features/core/demo.js';
import type { Store } from '../../../src/services/store.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { testDatabases } from '../../server/db.js';
import { manualClock, startTestServer } from '../../server/harness.js';
import { fails } from '../../sdk/fails.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

interface Env {
  resident: Client;
  staff: Client;
  /** Staff of another community (春晖). */
  other: Client;
  clock: ReturnType<typeof manualClock>;
  stored(id: string): Promise<Booking | undefined>;
  /** Staff sign in again (sessions expire while the clock runs hours ahead). */
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

const targets: { name: string; start(): Promise<Env> }[] = [
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
        stored: (id) => store.bookings.get(id),
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
      const login = async (username: string) => {
        const c = make();
        await signIn(c, username);
        return c;
      };
      const resident = make();
      const staff = await login('xfl-grid');
      const other = await login('ch-admin');
      return {
        resident,
        staff,
        other,
        clock,
        stored: (id) => t.server.store.bookings.get(id),
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

/** Tuesdays 09:00–10:00 Beijing, two 30-minute slots of two seats. */
const service = (extra: Partial<BookingServiceInput> = {}): BookingServiceInput => ({
  community: 'xingfuli',
  name: '爱心理发',
  team: '夕阳红',
  category: 'haircut',
  place: { kind: 'station', address: '幸福里社区服务站' },
  durationMinutes: 15,
  questions: [{ id: 'note', label: '有什么特别要求？' }],
  schedule: {
    rules: [{ weekdays: [2], start: '09:00', end: '10:00', slotMinutes: 30, seats: 2 }],
    windowDays: 14,
    noticeMinutes: 120,
    cancelCutoffMinutes: 120,
  },
  ...extra,
});

const TUE_0900 = '2026-03-03T01:00:00.000Z';
const TUE_0930 = '2026-03-03T01:30:00.000Z';
const resident = (n: number, extra: object = {}) => ({
  name: `居民${'甲乙丙丁戊己庚辛'[n]}某`,
  phone: `1391234000${n}`,
  consent: true as const,
  ...extra,
});

for (const target of targets) {
  describe(`booking through the SDK: ${target.name}`, () => {
    it('book → code → status → cancel → the waitlist is promoted; check-in, no-show, counts', async () => {
      const env = await target.start();
      try {
        const svc = await env.staff.booking.createService(service());
        assert.ok((await env.resident.booking.services('xingfuli')).some((s) => s.id === svc.id));
        const week = await env.resident.booking.availability(svc.id, {
          from: '2026-03-02',
          to: '2026-03-08',
        });
        assert.deepEqual(
          week.days.map((d) => [d.date, d.state, d.reason ?? null, d.left]),
          [
            ['2026-03-02', 'closed', 'no_service', 0],
            ['2026-03-03', 'open', null, 4],
            ['2026-03-04', 'closed', 'no_service', 0],
            ['2026-03-05', 'closed', 'no_service', 0],
            ['2026-03-06', 'closed', 'no_service', 0],
            ['2026-03-07', 'closed', 'no_service', 0],
            ['2026-03-08', 'closed', 'no_service', 0],
          ],
        );
        const book = (n: number, extra: object = {}) =>
          env.resident.booking.book({ service: svc.id, start: TUE_0900, ...resident(n), ...extra });
        const a = await book(0, { answers: { note: '剪短一点' } });
        const b = await book(1, { forWhom: 'elder', elder: { name: '赵奶奶', relation: '孙女' } });
        const c = await book(2);
        assert.equal(a.status, 'confirmed');
        assert.equal(b.status, 'confirmed');
        assert.equal(c.status, 'waitlisted');
        assert.equal(c.position, 1);
        assert.match(a.code, /^[2-9A-Z]{8}$/);
        const slot = (
          await env.resident.booking.availability(svc.id, { from: '2026-03-03', to: '2026-03-03' })
        ).days[0]!;
        assert.deepEqual(
          slot.slots.map((s) => [s.state, s.left, s.waiting]),
          [
            ['full', 0, 1],
            ['open', 2, 0],
          ],
        );
        // By code: masked names, never a phone.
        const seen = await env.resident.booking.status(c.code);
        assert.equal(seen.status, 'waitlisted');
        assert.equal(seen.position, 1);
        assert.equal(seen.name, '居*某');
        const elder = await env.resident.booking.status(b.code);
        assert.equal(elder.elderName, '赵*奶');
        assert.doesNotMatch(JSON.stringify([seen, elder]), MOBILE);
        assert.ok(!JSON.stringify([seen, elder]).includes('赵奶奶'));

        // A cancels: C gets the seat in the same transaction, visible by C's code.
        const cancelled = await env.resident.booking.cancel(a.code);
        assert.equal(cancelled.status, 'cancelled');
        assert.equal(cancelled.canCancel, false);
        const promoted = await env.resident.booking.status(c.code);
        assert.equal(promoted.status, 'promoted');
        assert.equal(promoted.position, undefined);
        await fails(env.resident.booking.cancel(a.code), 'invalid_transition', 409);
        await fails(env.resident.booking.status('ZZZZZZZZ'), 'not_found', 404);

        // Limits and rules.
        await fails(book(3, { party: 2 }), 'validation_failed', 400);
        await fails(book(3, { answers: { nope: 'x' } }), 'validation_failed', 400);
        await fails(book(3, { forWhom: 'elder' }), 'validation_failed', 400);
        await fails(
          env.resident.booking.book({
            service: svc.id,
            start: '2026-03-03T01:10:00.000Z',
            ...resident(3),
          }),
          'validation_failed',
          400,
        );
        await fails(
          env.resident.booking.book({
            service: svc.id,
            start: '2026-03-24T01:00:00.000Z',
            ...resident(3),
          }),
          'slot_unavailable',
          409,
        );

        // Staff: the day at the desk.
        const day = await env.staff.booking.day({
          community: 'xingfuli',
          date: '2026-03-03',
          service: svc.id,
        });
        const desk = day.services[0]!.slots[0]!;
        assert.equal(desk.taken, 2);
        assert.deepEqual(
          desk.bookings.map((x) => [x.id, x.status]).sort(),
          [
            [a.id, 'cancelled'],
            [b.id, 'confirmed'],
            [c.id, 'promoted'],
          ].sort(),
        );
        assert.equal(desk.bookings.find((x) => x.id === b.id)!.phone, '13912340001');
        await fails(
          env.other.booking.day({ community: 'xingfuli', date: '2026-03-03' }),
          'forbidden',
          403,
        );
        await fails(
          env.resident.booking.day({ community: 'xingfuli', date: '2026-03-03' }),
          'unauthorized',
          401,
        );

        // The cutoff: 2 h before, the resident can no longer cancel online.
        env.clock.set('2026-03-02T23:30:00.000Z');
        await env.signInAgain();
        await fails(env.resident.booking.cancel(b.code), 'cutoff_passed', 409);
        assert.equal((await env.resident.booking.status(b.code)).canCancel, false);
        // 核销 on the day, by code; a no-show only once the slot started.
        const checked = await env.staff.booking.checkIn('xingfuli', b.code);
        assert.equal(checked.status, 'attended');
        await fails(env.staff.booking.act(c.id, { action: 'no_show' }), 'invalid_transition', 409);
        env.clock.set('2026-03-03T01:05:00.000Z');
        assert.equal((await env.staff.booking.act(c.id, { action: 'no_show' })).status, 'no_show');
        await fails(env.other.booking.checkIn('chunhui', b.code), 'not_found', 404);

        await env.staff.booking.recordVolunteers(svc.id, {
          start: TUE_0900,
          volunteers: [
            { name: '周师傅', hours: 1.5 },
            { name: '吴阿姨', hours: 1 },
          ],
        });
        const counts = await env.staff.booking.counts({
          community: 'xingfuli',
          from: '2026-03-01',
          to: '2026-03-31',
        });
        assert.equal(counts.byStatus.attended, 1);
        assert.equal(counts.byStatus.no_show, 1);
        assert.equal(counts.byStatus.cancelled, 1);
        assert.equal(counts.promotions, 1);
        assert.equal(counts.attendanceRate, 0.5);
        assert.equal(counts.noShowRate, 0.5);
        assert.deepEqual(
          counts.volunteerHours.filter((h) => h.team === '夕阳红'),
          [{ team: '夕阳红', hours: 2.5 }],
        );
        const stored = (await env.stored(c.id))!;
        assert.deepEqual(
          stored.history.map((e) => e.action),
          ['waitlist', 'promote', 'no_show'],
        );
      } finally {
        await env.stop();
      }
    });

    it('staff cancel a whole day with a reason: every booking cancelled, the reason visible by code', async () => {
      const env = await target.start();
      try {
        const svc = await env.staff.booking.createService(service());
        const one = await env.resident.booking.book({
          service: svc.id,
          start: TUE_0900,
          ...resident(0),
        });
        const two = await env.resident.booking.book({
          service: svc.id,
          start: TUE_0930,
          ...resident(1),
        });
        // Booked by staff over the phone.
        const phoned = await env.staff.booking.bookFor({
          service: svc.id,
          start: TUE_0930,
          ...resident(2, { name: '=HYPERLINK("http://x")' }),
        });
        assert.equal(phoned.status, 'confirmed');
        assert.equal((await env.stored(phoned.id))!.bookedBy, 'staff');
        // CSV of the day: BOM, header, phones for staff, a formula neutralised.
        const csv = await env.staff.booking.exportDay({
          community: 'xingfuli',
          date: '2026-03-03',
        });
        assert.equal(csv.filename, 'bookings-xingfuli-2026-03-03.csv');
        assert.ok(csv.csv.startsWith('\ufeff服务,时段,状态'));
        assert.ok(csv.csv.includes('13912340001'));
        assert.ok(csv.csv.includes(`"'=HYPERLINK(""http://x"")"`), csv.csv);
        assert.ok(csv.csv.includes('电话代约'));
        assert.equal(csv.csv.split('\r\n').length, 5, 'header, three bookings, the final CRLF');

        const result = await env.staff.booking.cancelSlots(svc.id, {
          date: '2026-03-03',
          reason: '服务站停电检修',
        });
        assert.deepEqual(result, { service: svc.id, date: '2026-03-03', slots: 2, cancelled: 3 });
        for (const code of [one.code, two.code]) {
          const view = await env.resident.booking.status(code);
          assert.equal(view.status, 'cancelled');
          assert.equal(view.cancelledBy, 'staff');
          assert.equal(view.cancelReason, '服务站停电检修');
        }
        const day = (
          await env.resident.booking.availability(svc.id, { from: '2026-03-03', to: '2026-03-03' })
        ).days[0]!;
        assert.deepEqual([day.state, day.reason, day.note], ['closed', 'closed', '服务站停电检修']);
        await fails(
          env.resident.booking.book({ service: svc.id, start: TUE_0900, ...resident(3) }),
          'slot_unavailable',
          409,
        );
        // One slot of the next Tuesday, cancelled alone: the other slot still takes bookings.
        const next = '2026-03-10T01:00:00.000Z';
        const kept = await env.resident.booking.book({
          service: svc.id,
          start: next,
          ...resident(4),
        });
        const single = await env.staff.booking.cancelSlots(svc.id, {
          date: '2026-03-10',
          start: next,
          reason: '理发师请假',
        });
        assert.equal(single.cancelled, 1);
        assert.equal((await env.resident.booking.status(kept.code)).cancelReason, '理发师请假');
        const slots = (
          await env.resident.booking.availability(svc.id, { from: '2026-03-10', to: '2026-03-10' })
        ).days[0]!.slots;
        assert.deepEqual(
          slots.map((s) => [s.state, s.note ?? null]),
          [
            ['closed', '理发师请假'],
            ['open', null],
          ],
        );
        await fails(
          env.resident.booking.book({ service: svc.id, start: next, ...resident(5) }),
          'slot_unavailable',
          409,
        );
      } finally {
        await env.stop();
      }
    });

    it('per-resident limits by phone, a smaller party promotes, holidays are closed', async () => {
      const env = await target.start();
      try {
        const svc = await env.staff.booking.createService(
          service({ limits: { activePerService: 1, partyMax: 3 } }),
        );
        const first = await env.resident.booking.book({
          service: svc.id,
          start: TUE_0900,
          ...resident(0),
          party: 2,
        });
        // A party the slot's seats can never hold is refused (it would wait in line for ever),
        // even within the service's own limit of 3.
        const tooBig = await fails(
          env.resident.booking.book({ service: svc.id, start: TUE_0930, ...resident(4), party: 3 }),
          'validation_failed',
          400,
        );
        assert.deepEqual(tooBig.fields, [
          { path: 'party', key: 'party.tooMany', params: { max: 2 } },
        ]);
        // The same phone written differently is the same resident.
        await fails(
          env.resident.booking.book({
            service: svc.id,
            start: TUE_0930,
            ...resident(1),
            phone: '+86 139-1234-0000',
          }),
          'booking_limit',
          409,
        );
        const waiting = await env.resident.booking.book({
          service: svc.id,
          start: TUE_0900,
          ...resident(2),
        });
        assert.equal(waiting.position, 1);
        const smaller = await env.staff.booking.act(first.id, { action: 'resize', party: 1 });
        assert.equal(smaller.party, 1);
        assert.equal((await env.resident.booking.status(waiting.code)).status, 'promoted');
        await fails(
          env.staff.booking.act(first.id, { action: 'resize', party: 1 }),
          'validation_failed',
          400,
        );

        // 清明 2026 (04-04–04-06): a Monday service is closed on 04-06 as a holiday.
        const monday = await env.staff.booking.createService(
          service({
            name: '法律咨询',
            team: '法治蓝',
            category: 'legal-advice',
            schedule: {
              rules: [{ weekdays: [1], start: '14:00', end: '15:00', slotMinutes: 30, seats: 1 }],
              windowDays: 60,
            },
          }),
        );
        const april = await env.resident.booking.availability(monday.id, {
          from: '2026-03-30',
          to: '2026-04-13',
        });
        assert.deepEqual(
          april.days
            .filter((d) => d.state !== 'closed' || d.reason === 'holiday')
            .map((d) => [d.date, d.state, d.reason ?? null]),
          [
            ['2026-03-30', 'open', null],
            ['2026-04-04', 'closed', 'holiday'],
            ['2026-04-05', 'closed', 'holiday'],
            ['2026-04-06', 'closed', 'holiday'],
            ['2026-04-13', 'open', null],
          ],
        );
        await fails(
          env.resident.booking.book({
            service: monday.id,
            start: '2026-04-06T06:00:00.000Z',
            ...resident(3),
          }),
          'slot_unavailable',
          409,
        );
        await fails(
          env.resident.booking.availability(monday.id, { from: '2026-03-01', to: '2026-06-01' }),
          'validation_failed',
          400,
        );
        await fails(
          env.resident.booking.availability('nope', { from: '2026-03-01', to: '2026-03-02' }),
          'not_found',
          404,
        );
        // A switched-off service is gone for residents, kept for staff.
        await env.staff.booking.updateService(monday.id, {
          ...service({ name: '法律咨询', team: '法治蓝', category: 'legal-advice' }),
          active: false,
        });
        assert.ok(
          !(await env.resident.booking.services('xingfuli')).some((s) => s.id === monday.id),
        );
        assert.ok((await env.staff.booking.manage('xingfuli')).some((s) => s.id === monday.id));
        await fails(env.other.booking.updateService(svc.id, service()), 'forbidden', 403);
      } finally {
        await env.stop();
      }
    });

    // Over HTTP only: the embedded transport has no idempotency store (a call is one call).
    if (!target.name.startsWith('http')) return;
    it('one booking per Idempotency-Key (a retry replays the receipt)', async () => {
      const env = await target.start();
      try {
        const svc = await env.staff.booking.createService(service());
        const input = { service: svc.id, start: TUE_0900, ...resident(0) };
        const first = await env.resident.booking.book(input, { idempotencyKey: 'book-once-1' });
        const again = await env.resident.booking.book(input, { idempotencyKey: 'book-once-1' });
        assert.deepEqual(again, first);
        const other = await env.resident.booking.book(
          { ...input, ...resident(1) },
          { idempotencyKey: 'book-once-2' },
        );
        assert.notEqual(other.id, first.id);
        const e = await fails(
          env.resident.booking.book(
            { ...input, party: 1, name: '另一个人' },
            { idempotencyKey: 'book-once-1' },
          ),
          'idempotency_mismatch',
          422,
        );
        assert.ok(e instanceof ApiError);
        const day = await env.staff.booking.day({
          community: 'xingfuli',
          date: '2026-03-03',
          service: svc.id,
        });
        assert.equal(day.services[0]!.slots[0]!.bookings.length, 2, 'two bookings, not three');
      } finally {
        await env.stop();
      }
    });
  });
}
