/** The calendar repositories' part of the store conformance suite (test/stores/conformance.ts). */
import type { StoredHolidaySchedule } from '../../../src/features/calendar/model.js';
import { same, type It, type WithStore } from '../../stores/conformance-kit.js';

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
