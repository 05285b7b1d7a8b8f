/**
 * Slot generation (pure, with the clock a parameter): weekly rules, the nth weekday of a
 * month, dated overrides, 法定节假日 and 调休 of 2025 and 2026 from the shipped calendar, and
 * the booking window, minimum notice and cancellation cutoff at their boundaries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  beforeCutoff,
  bookingClosedReason,
  cancelUntil,
  dayPlan,
  nthOfMonth,
  plannedSlot,
  plans,
} from '../../../src/features/booking/rules.js';
import { scheduleSchema, type Schedule } from '../../../src/features/booking/model.js';
import { createWorkdayCalendar } from '../../../src/domain/workdays.js';
import { isoWeekday } from '../../../src/domain/time.js';

const schedule = (extra: Partial<Schedule> = {}): Schedule => ({
  ...scheduleSchema.parse({
    rules: [{ weekdays: [2, 4], start: '08:30', end: '11:30', slotMinutes: 15, seats: 2 }],
  }),
  ...extra,
});

const opened = (s: Schedule, date: string) => {
  const plan = dayPlan(s, date);
  return plan.open ? plan.slots : [];
};

describe('booking slots: weekly rules', () => {
  it('cuts a range into whole slots in Beijing time', () => {
    const slots = opened(schedule(), '2026-03-03'); // a Tuesday
    assert.equal(slots.length, 12);
    assert.deepEqual(slots[0], {
      start: '2026-03-03T00:30:00.000Z', // 08:30 Beijing
      end: '2026-03-03T00:45:00.000Z',
      seats: 2,
    });
    assert.equal(slots.at(-1)!.end, '2026-03-03T03:30:00.000Z', 'the last ends at 11:30');
    // 40-minute slots in 3 hours: four whole ones, the rest is no slot.
    const long = schedule({
      rules: [{ weekdays: [2], start: '08:30', end: '11:30', slotMinutes: 40, seats: 1 }],
    });
    assert.equal(opened(long, '2026-03-03').length, 4);
    assert.deepEqual(dayPlan(schedule(), '2026-03-02'), {
      date: '2026-03-02',
      open: false,
      reason: 'no_service',
    });
  });

  it('the nth weekday of a month: 每月第二个周三', () => {
    const clinic = schedule({
      rules: [{ weekdays: [3], nth: 2, start: '08:30', end: '11:30', slotMinutes: 180, seats: 30 }],
    });
    const open = plans(clinic, '2026-01-01', '2026-12-31')
      .filter((p) => p.open)
      .map((p) => p.date);
    assert.deepEqual(open, [
      '2026-01-14',
      '2026-02-11',
      '2026-03-11',
      '2026-04-08',
      '2026-05-13',
      '2026-06-10',
      '2026-07-08',
      '2026-08-12',
      '2026-09-09',
      // 2026-10-14 is the second Wednesday; 10-07 (the first) is 国庆, not that rule's day.
      '2026-10-14',
      '2026-11-11',
      '2026-12-09',
    ]);
    for (const date of open) {
      assert.equal(isoWeekday(date), 3);
      assert.equal(nthOfMonth(date), 2);
    }
  });
});

describe('booking slots: 法定节假日 and 调休 (2025, 2026)', () => {
  const everyDay = schedule({
    rules: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '10:00', slotMinutes: 30, seats: 1 }],
  });
  it('no slots on any official holiday of 2025 and 2026', () => {
    const calendar = createWorkdayCalendar();
    for (const holiday of calendar.holidays) {
      const plan = dayPlan(everyDay, holiday);
      assert.equal(plan.open, false, holiday);
      // A holiday on a weekday says so; a weekend one is no service day anyway, or a holiday.
      if (!plan.open && isoWeekday(holiday) <= 5) assert.equal(plan.reason, 'holiday', holiday);
    }
    assert.equal(dayPlan(everyDay, '2025-10-08').open, false, '2025 国庆 ran to 10-08');
    assert.deepEqual(dayPlan(everyDay, '2026-02-16'), {
      date: '2026-02-16',
      open: false,
      reason: 'holiday',
    });
    assert.equal(dayPlan(everyDay, '2026-02-24').open, true, 'the first workday after 春节');
  });

  it('调休 weekend days open only services that follow working days', () => {
    const makeUps = [
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ];
    const follows = { ...everyDay, followsWorkdays: true };
    for (const date of makeUps) {
      assert.ok(isoWeekday(date) >= 6, `${date} is a weekend day`);
      assert.equal(dayPlan(everyDay, date).open, false, `${date}: weekly rules only`);
      const plan = dayPlan(follows, date);
      assert.ok(plan.open, `${date}: follows working days`);
      assert.equal(plan.slots.length, 2);
      assert.equal(plan.slots[0]!.start, `${date}T01:00:00.000Z`, '09:00 Beijing that day');
    }
    // A Tue/Thu service that follows working days opens on 调休 with its Tuesday hours.
    const haircut = { ...schedule(), followsWorkdays: true };
    assert.equal(opened(haircut, '2026-02-28').length, 12);
    // An ordinary weekend stays closed.
    assert.equal(dayPlan(follows, '2026-03-07').open, false);
  });

  it('dated overrides: a closure with its reason wins; an extra day opens even on a holiday', () => {
    const s = schedule({
      overrides: [
        { kind: 'closed', date: '2026-03-03', reason: '社区停电检修' },
        {
          kind: 'open',
          date: '2026-04-05',
          start: '14:00',
          end: '15:00',
          slotMinutes: 30,
          seats: 5,
        },
      ],
    });
    assert.deepEqual(dayPlan(s, '2026-03-03'), {
      date: '2026-03-03',
      open: false,
      reason: 'closed',
      note: '社区停电检修',
    });
    const extra = dayPlan(s, '2026-04-05'); // 清明, a Sunday
    assert.ok(extra.open);
    assert.deepEqual(
      extra.slots.map((x) => [x.start, x.seats]),
      [
        ['2026-04-05T06:00:00.000Z', 5],
        ['2026-04-05T06:30:00.000Z', 5],
      ],
    );
    assert.equal(plannedSlot(s, '2026-04-05T06:30:00.000Z')?.seats, 5);
    assert.equal(plannedSlot(s, '2026-04-05T06:15:00.000Z'), undefined, 'not a slot start');
  });
});

describe('booking slots: window, notice and cutoff with a clock', () => {
  const s = schedule({ windowDays: 7, noticeMinutes: 120, cancelCutoffMinutes: 120 });
  const start = '2026-03-03T01:00:00.000Z'; // Tuesday 09:00 Beijing
  const at = (iso: string) => new Date(iso);
  it('minimum notice: bookable until exactly 2 h before, not a millisecond later', () => {
    assert.equal(bookingClosedReason(s, start, at('2026-03-02T23:00:00.000Z')), undefined);
    assert.equal(bookingClosedReason(s, start, at('2026-03-02T23:00:00.001Z')), 'past');
    assert.equal(bookingClosedReason(s, start, at('2026-03-03T02:00:00.000Z')), 'past');
  });
  it('window: today + 7 days (Beijing dates), the 8th not yet', () => {
    // 2026-03-02 23:59 Beijing = 15:59Z: the window runs to 03-09.
    assert.equal(
      bookingClosedReason(s, '2026-03-09T01:00:00.000Z', at('2026-03-02T15:59:00.000Z')),
      undefined,
    );
    assert.equal(
      bookingClosedReason(s, '2026-03-10T01:00:00.000Z', at('2026-03-02T15:59:00.000Z')),
      'not_yet',
    );
    // A minute later it is 03-03 in Beijing (still 03-02 in UTC): 03-10 opens.
    assert.equal(
      bookingClosedReason(s, '2026-03-10T01:00:00.000Z', at('2026-03-02T16:00:00.000Z')),
      undefined,
    );
  });
  it('cancellation cutoff: before 2 h ahead only', () => {
    assert.equal(cancelUntil(s, start), '2026-03-02T23:00:00.000Z');
    assert.equal(beforeCutoff(s, start, at('2026-03-02T22:59:59.999Z')), true);
    assert.equal(beforeCutoff(s, start, at('2026-03-02T23:00:00.000Z')), false);
  });
});
