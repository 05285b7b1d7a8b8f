/** The booking repositories' part of the store conformance suite (test/stores/conformance.ts). */
import { DomainError } from '../../../src/domain/index.js';
import type { Booking, BookingService } from '../../../src/features/booking/model.js';
import { check, rejection, same, type It, type WithStore } from '../../stores/conformance-kit.js';

export const demoService = (id: string, extra: Partial<BookingService> = {}): BookingService => ({
  id,
  community: 'xingfuli',
  name: '爱心理发',
  team: '夕阳红',
  category: 'haircut',
  description: '',
  place: { kind: 'station', address: '幸福里社区服务站一楼' },
  durationMinutes: 15,
  notice: '',
  questions: [],
  limits: { partyMax: 1 },
  schedule: {
    rules: [{ weekdays: [2, 4], start: '09:00', end: '11:00', slotMinutes: 15, seats: 2 }],
    overrides: [],
    windowDays: 14,
    noticeMinutes: 120,
    cancelCutoffMinutes: 120,
    followsWorkdays: false,
  },
  active: true,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...extra,
});

export const storedBooking = (id: string, extra: Partial<Booking> = {}): Booking => ({
  id,
  community: 'xingfuli',
  service: 'svc',
  slot: 'svc@2026-03-03T01:00:00.000Z',
  start: '2026-03-03T01:00:00.000Z',
  end: '2026-03-03T01:15:00.000Z',
  name: '王秀英',
  phone: '13812341234',
  phoneHash: 'phone-1',
  forWhom: 'self',
  party: 1,
  answers: {},
  bookedBy: 'resident',
  status: 'confirmed',
  createdAt: '2026-03-01T01:00:00.000Z',
  codeHash: `code-${id}`,
  history: [
    {
      at: '2026-03-01T01:00:00.000Z',
      action: 'book',
      to: 'confirmed',
      actor: { kind: 'resident' },
    },
  ],
  ...extra,
});

export function bookingConformance(withStore: WithStore, it: It) {
  it(
    'booking: services by id and by community (by name), copies out',
    withStore(async (store) => {
      await store.bookingServices.put(demoService('b', { name: '义诊' }));
      await store.bookingServices.put(demoService('a'));
      await store.bookingServices.put(demoService('c', { community: 'chunhui' }));
      same(await store.bookingServices.get('a'), demoService('a'), 'round trip');
      check((await store.bookingServices.get('a\u0000')) === undefined, 'NUL id');
      same(
        (await store.bookingServices.listByCommunity('xingfuli')).map((s) => s.id).sort(),
        ['a', 'b'],
        'one community',
      );
      const got = (await store.bookingServices.get('a'))!;
      got.name = 'changed';
      same((await store.bookingServices.get('a'))!.name, '爱心理发', 'copy');
    }),
  );

  it(
    'booking: bookings by id and code, unique codes, listed by start, counted per resident',
    withStore(async (store) => {
      const one = storedBooking('b1');
      await store.bookings.put(one);
      same(await store.bookings.get('b1'), one, 'by id');
      same(await store.bookings.getByCode('code-b1'), one, 'by code');
      check((await store.bookings.getByCode('nope')) === undefined, 'unknown code');
      const clash = await rejection(
        store.bookings.put(storedBooking('b2', { codeHash: 'code-b1' })),
      );
      check(clash instanceof DomainError && clash.code === 'conflict', 'code taken');
      await store.bookings.put(
        storedBooking('b2', {
          start: '2026-03-05T01:00:00.000Z',
          slot: 'svc@2026-03-05T01:00:00.000Z',
          status: 'waitlisted',
        }),
      );
      await store.bookings.put(
        storedBooking('b3', {
          start: '2026-04-02T01:00:00.000Z',
          status: 'cancelled',
          promotedAt: '2026-03-02T00:00:00.000Z',
        }),
      );
      await store.bookings.put(storedBooking('b4', { service: 'other', phoneHash: 'phone-2' }));
      same(
        (
          await store.bookings.listByStart(
            'xingfuli',
            '2026-03-01T00:00:00.000Z',
            '2026-04-01T00:00:00.000Z',
          )
        ).map((b) => b.id),
        ['b1', 'b4', 'b2'],
        'by start, then id',
      );
      same(
        (
          await store.bookings.listByStart(
            'xingfuli',
            '2026-03-01T00:00:00.000Z',
            '2026-05-01T00:00:00.000Z',
            'svc',
          )
        ).map((b) => b.id),
        ['b1', 'b2', 'b3'],
        'one service',
      );
      await store.transaction(async (tx) => {
        await tx.bookings.lockResident('phone-1');
        same(
          await tx.bookings.countForResident('svc', 'phone-1', {
            now: '2026-03-02T00:00:00.000Z',
            monthFrom: '2026-02-28T16:00:00.000Z',
            monthTo: '2026-03-31T16:00:00.000Z',
          }),
          { active: 2, inMonth: 2 },
          'active and this month',
        );
      });
      const tally = await store.bookings.tally(
        'xingfuli',
        '2026-03-01T00:00:00.000Z',
        '2026-05-01T00:00:00.000Z',
        '2026-03-04T00:00:00.000Z',
      );
      same(
        [Object.entries(tally.byStatus).sort(), tally.promotions],
        [
          [
            ['cancelled', 1],
            ['confirmed', 2],
            ['waitlisted', 1],
          ],
          1,
        ],
        'tally',
      );
      const later = await store.bookings.tally(
        'xingfuli',
        '2026-03-01T00:00:00.000Z',
        '2026-05-01T00:00:00.000Z',
        '2026-03-06T00:00:00.000Z',
      );
      same(later.byStatus.expired, 1, 'a waitlisted booking past its start counts as expired');
    }),
  );

  it(
    'booking: slot records by key and by start',
    withStore(async (store) => {
      const slot = {
        key: 'svc@2026-03-03T01:00:00.000Z',
        community: 'xingfuli',
        service: 'svc',
        start: '2026-03-03T01:00:00.000Z',
        volunteers: [{ name: '李建国', hours: 2 }],
      };
      await store.bookingSlots.put(slot);
      same(await store.bookingSlots.get(slot.key), slot, 'round trip');
      await store.bookingSlots.put({
        ...slot,
        cancelled: { at: '2026-03-02T00:00:00.000Z', reason: '下雨', by: 's1' },
      });
      same((await store.bookingSlots.get(slot.key))!.cancelled?.reason, '下雨', 'replaced');
      same(
        (
          await store.bookingSlots.listByStart(
            'xingfuli',
            '2026-03-03T00:00:00.000Z',
            '2026-03-04T00:00:00.000Z',
          )
        ).length,
        1,
        'by start',
      );
      same(
        (
          await store.bookingSlots.listByStart(
            'chunhui',
            '2026-03-03T00:00:00.000Z',
            '2026-03-04T00:00:00.000Z',
          )
        ).length,
        0,
        'community',
      );
    }),
  );

  it(
    'booking: retention anonymises bookings whose slot ended before the cutoff, keeps the rest',
    withStore(async (store) => {
      const old = storedBooking('r1', {
        elder: { name: '孙桂英', relation: '女儿' },
        answers: { note: '剪短一点' },
        location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b1' },
        cancel: { by: 'staff', at: '2026-03-02T00:00:00.000Z', reason: '王秀英来电取消' },
        status: 'cancelled',
      });
      const recent = storedBooking('r2', {
        start: '2026-06-01T01:00:00.000Z',
        end: '2026-06-01T01:15:00.000Z',
        slot: 'svc@2026-06-01T01:00:00.000Z',
      });
      await store.bookings.put(old);
      await store.bookings.put(recent);
      const batch = {
        community: 'xingfuli',
        endedBefore: '2026-05-01T00:00:00.000Z',
        at: '2026-05-01T00:00:00.000Z',
        limit: 10,
      };
      const dry = await store.transaction((tx) =>
        tx.bookings.anonymiseEnded({ ...batch, dryRun: true }),
      );
      same(dry.anonymised, ['r1'], 'dry run finds the old one');
      same((await store.bookings.get('r1'))!.name, '王秀英', 'and changes nothing');
      const done = await store.transaction((tx) => tx.bookings.anonymiseEnded(batch));
      same(done.anonymised, ['r1'], 'the old one');
      const gone = (await store.bookings.get('r1'))!;
      const text = JSON.stringify(gone);
      for (const personal of [
        '王秀英',
        '13812341234',
        '孙桂英',
        '剪短一点',
        'xfl-g1-b1',
        'code-r1',
        'phone-1',
      ]) {
        check(!text.includes(personal), `${personal} is gone`);
      }
      same(
        [gone.status, gone.party, gone.start, gone.anonymisedAt],
        ['cancelled', 1, old.start, batch.at],
        'counts kept',
      );
      check((await store.bookings.getByCode('code-r1')) === undefined, 'the code opens nothing');
      same((await store.bookings.get('r2'))!, recent, 'a booking of a later slot is kept');
      same(
        (await store.transaction((tx) => tx.bookings.anonymiseEnded(batch))).anonymised,
        [],
        'idempotent',
      );
    }),
  );
}
