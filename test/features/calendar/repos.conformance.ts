/** The calendar repositories' part of the store conformance suite (test/stores/conformance.ts). */
import { DomainError } from '../../../src/domain/index.js';
import type {
  Activity,
  Registration,
  StoredHolidaySchedule,
} from '../../../src/features/calendar/model.js';
import { check, rejection, same, type It, type WithStore } from '../../stores/conformance-kit.js';

const year = (y: number, extra: Partial<StoredHolidaySchedule> = {}): StoredHolidaySchedule => ({
  year: y,
  off: [[`${y}-01-01`, `${y}-01-01`]],
  work: [],
  updatedAt: '2026-11-20T02:00:00.000Z',
  updatedBy: 'cli',
  ...extra,
});

export function calendarConformance(withStore: WithStore, it: It) {
  it(
    'calendar: holiday schedules by year, a year replaced whole, copies out',
    withStore(async (store) => {
      same(await store.holidaySchedules.list(), [], 'none loaded');
      await store.holidaySchedules.put(year(2028));
      await store.holidaySchedules.put(year(2027));
      await store.holidaySchedules.put(year(2027, { work: ['2027-02-20'], updatedBy: 'staff:a' }));
      const listed = await store.holidaySchedules.list();
      same(
        listed.map((s) => s.year),
        [2027, 2028],
        'by year, one row a year',
      );
      same(listed[0], year(2027, { work: ['2027-02-20'], updatedBy: 'staff:a' }), 'replaced whole');
      listed[0]!.work.push('2027-03-06');
      same((await store.holidaySchedules.list())[0]!.work, ['2027-02-20'], 'copy');
    }),
  );
}

export const storedActivity = (id: string, extra: Partial<Activity> = {}): Activity => ({
  id,
  community: 'xingfuli',
  title: '中秋邻里节',
  description: '',
  category: 'festival',
  place: '幸福里社区广场',
  date: '2026-09-25',
  startTime: '19:00',
  endTime: '21:00',
  recurrence: { rule: { kind: 'lunar-yearly', month: 8, day: 15 } },
  capacity: 2,
  registration: true,
  partyMax: 3,
  opensDaysBefore: 0,
  closesMinutesBefore: 60,
  cancelCutoffMinutes: 120,
  status: 'published',
  cancelled: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...extra,
});

export const storedRegistration = (
  id: string,
  extra: Partial<Registration> = {},
): Registration => ({
  id,
  community: 'xingfuli',
  activity: 'act',
  date: '2026-09-25',
  slot: 'act@2026-09-25',
  start: '2026-09-25T11:00:00.000Z',
  end: '2026-09-25T13:00:00.000Z',
  name: '王秀英',
  phone: '13812341234',
  phoneHash: 'phone-1',
  forWhom: 'elder',
  elder: { name: '张三丰', relation: '父亲' },
  party: 2,
  status: 'confirmed',
  createdAt: '2026-03-01T01:00:00.000Z',
  codeHash: `code-${id}`,
  history: [
    {
      at: '2026-03-01T01:00:00.000Z',
      action: 'register',
      to: 'confirmed',
      actor: { kind: 'resident' },
      text: '王秀英 13812341234',
    },
  ],
  ...extra,
});

export function activityConformance(withStore: WithStore, it: It) {
  it(
    'calendar: activities by id and by community (by first date), copies out',
    withStore(async (store) => {
      await store.activities.put(storedActivity('b', { date: '2026-03-04' }));
      await store.activities.put(storedActivity('a'));
      await store.activities.put(storedActivity('c', { community: 'chunhui' }));
      same(await store.activities.get('a'), storedActivity('a'), 'round trip');
      check((await store.activities.get('a\u0000')) === undefined, 'NUL id');
      same(
        (await store.activities.listByCommunity('xingfuli')).map((a) => a.id),
        ['b', 'a'],
        'one community, by first date',
      );
      await store.activities.put(storedActivity('a', { date: '2026-01-01', title: '元宵灯谜会' }));
      same(
        (await store.activities.listByCommunity('xingfuli')).map((a) => a.id),
        ['a', 'b'],
        'replaced, moved',
      );
      const got = (await store.activities.get('a'))!;
      got.title = 'changed';
      same((await store.activities.get('a'))!.title, '元宵灯谜会', 'copy');
    }),
  );

  it(
    'calendar: registrations by id and code, unique codes, by slot, active ones per phone',
    withStore(async (store) => {
      const one = storedRegistration('r1');
      await store.activityRegistrations.put(one);
      same(await store.activityRegistrations.get('r1'), one, 'by id');
      same(await store.activityRegistrations.getByCode('code-r1'), one, 'by code');
      check((await store.activityRegistrations.getByCode('nope')) === undefined, 'unknown code');
      const clash = await rejection(
        store.activityRegistrations.put(storedRegistration('r2', { codeHash: 'code-r1' })),
      );
      check(clash instanceof DomainError && clash.code === 'conflict', 'code taken');
      await store.activityRegistrations.put(
        storedRegistration('r2', { createdAt: '2026-03-01T02:00:00.000Z', status: 'waitlisted' }),
      );
      await store.activityRegistrations.put(
        storedRegistration('r0', { createdAt: '2026-03-01T00:00:00.000Z', status: 'cancelled' }),
      );
      await store.activityRegistrations.put(
        storedRegistration('r3', { slot: 'act@2027-09-15', phoneHash: 'phone-2' }),
      );
      same(
        (await store.activityRegistrations.listBySlot('act@2026-09-25')).map((r) => r.id),
        ['r0', 'r1', 'r2'],
        'by creation',
      );
      same(await store.activityRegistrations.countActive('act@2026-09-25', 'phone-1'), 2, 'active');
      same(await store.activityRegistrations.countActive('act@2026-09-25', 'phone-2'), 0, 'other');
      await store.activityRegistrations.put({ ...one, status: 'cancelled' });
      same(await store.activityRegistrations.countActive('act@2026-09-25', 'phone-1'), 1, 'after');
    }),
  );

  it(
    'calendar: seats are their own pool (activity), apart from booking',
    withStore(async (store) => {
      await store.activitySeats.take('same-key', 1, { id: 'a', party: 1 });
      same(
        (await store.bookingSeats.take('same-key', 1, { id: 'a', party: 1 })).placement,
        { held: true },
        'booking pool untouched',
      );
      same(
        (await store.activitySeats.take('same-key', 1, { id: 'b', party: 1 })).placement,
        { held: false, position: 1 },
        'activity pool full',
      );
      same(await store.activitySeats.release('same-key', 'a'), ['b'], 'promoted in its pool');
    }),
  );

  it(
    'calendar: retention anonymises ended registrations, keeps what counts need',
    withStore(async (store) => {
      await store.activityRegistrations.put(storedRegistration('old'));
      await store.activityRegistrations.put(
        storedRegistration('new', {
          start: '2027-09-15T11:00:00.000Z',
          end: '2027-09-15T13:00:00.000Z',
        }),
      );
      const batch = {
        community: 'xingfuli',
        endedBefore: '2027-01-01T00:00:00.000Z',
        at: '2027-01-01T00:00:00.000Z',
        limit: 10,
      };
      const result = await store.transaction((tx) =>
        tx.activityRegistrations.anonymiseEnded(batch),
      );
      same(result.anonymised, ['old'], 'the ended one');
      const old = (await store.activityRegistrations.get('old'))!;
      same(
        [old.name, old.phone, old.elder, old.history[0]!.text],
        ['', '', undefined, undefined],
        'gone',
      );
      same([old.party, old.status, old.date], [2, 'confirmed', '2026-09-25'], 'kept');
      check(old.anonymisedAt === batch.at, 'marked');
      check((await store.activityRegistrations.getByCode('code-old')) === undefined, 'code gone');
      same(
        await store.activityRegistrations.get('new'),
        storedRegistration('new', {
          start: '2027-09-15T11:00:00.000Z',
          end: '2027-09-15T13:00:00.000Z',
        }),
        'kept whole',
      );
      same(
        (await store.transaction((tx) => tx.activityRegistrations.anonymiseEnded(batch)))
          .anonymised,
        [],
        'idempotent',
      );
    }),
  );
}
