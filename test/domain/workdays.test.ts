import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addWorkingDays,
  createWorkdayCalendar,
  hasSchedule,
  isWorkingDay,
  officialSchedules,
  workingDaysBetween,
} from '../../src/domain/index.js';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('official schedules', () => {
  it('list 调休 workdays only on weekends, and holidays only once', () => {
    for (const [year, schedule] of Object.entries(officialSchedules)) {
      for (const date of schedule.work) {
        assert.ok([0, 6].includes(weekday(date)), `${year}: ${date} is a weekend day`);
        assert.ok(date.startsWith(year), date);
      }
    }
  });
  it('know 2026: 春节 9 days off from 2/15, Saturday 2/14 and 2/28 are workdays', () => {
    assert.equal(isWorkingDay('2026-02-14'), true);
    for (let d = 15; d <= 23; d++) assert.equal(isWorkingDay(`2026-02-${d}`), false);
    assert.equal(isWorkingDay('2026-02-24'), true);
    assert.equal(isWorkingDay('2026-02-28'), true);
    assert.equal(isWorkingDay('2026-01-04'), true, 'Sunday after 元旦');
    assert.equal(isWorkingDay('2026-10-08'), true, 'after a 7-day 国庆');
    assert.equal(isWorkingDay('2026-10-10'), true);
  });
  it('know 2025: 国庆 + 中秋 8 days, Sunday 9/28 and Saturday 10/11 are workdays', () => {
    assert.equal(isWorkingDay('2025-09-28'), true);
    assert.equal(isWorkingDay('2025-10-08'), false);
    assert.equal(isWorkingDay('2025-10-11'), true);
    assert.equal(isWorkingDay('2025-01-26'), true);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    assert.equal(addWorkingDays('2026-03-06', 1), '2026-03-09'); // Fri → Mon
    assert.equal(addWorkingDays('2026-03-02', 5), '2026-03-09');
  });
  it('skips holidays and counts 调休 Saturdays', () => {
    assert.equal(addWorkingDays('2026-02-13', 1), '2026-02-14'); // Fri → 调休 Sat
    assert.equal(addWorkingDays('2026-02-14', 1), '2026-02-24'); // over 春节
    assert.equal(addWorkingDays('2026-09-30', 1), '2026-10-08');
  });
  it('with n = 0 gives the first working day on or after the date', () => {
    assert.equal(addWorkingDays('2026-10-03', 0), '2026-10-08');
    assert.equal(addWorkingDays('2026-03-02', 0), '2026-03-02');
  });
  it('falls back to Mon–Fri for a year without data, without crashing', () => {
    assert.equal(hasSchedule('2031-05-01'), false);
    assert.equal(isWorkingDay('2031-05-01'), true); // a Thursday; no data says otherwise
    assert.equal(addWorkingDays('2031-05-02', 1), '2031-05-05');
  });
  it('takes an injected calendar', () => {
    const calendar = createWorkdayCalendar({
      2031: { off: [['2031-05-01', '2031-05-05']], work: ['2031-04-27'] },
    });
    assert.equal(isWorkingDay('2031-05-01', calendar), false);
    assert.equal(isWorkingDay('2031-04-27', calendar), true);
    assert.equal(addWorkingDays('2031-04-30', 1, calendar), '2031-05-06');
  });
  it('rejects negative or fractional n', () => {
    assert.throws(() => addWorkingDays('2026-03-02', -1), RangeError);
    assert.throws(() => addWorkingDays('2026-03-02', 1.5), RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the start up to and including the end', () => {
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-09'), 5);
    assert.equal(workingDaysBetween('2026-02-13', '2026-02-24'), 2);
    assert.equal(workingDaysBetween('2026-03-09', '2026-03-02'), -5);
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-02'), 0);
  });
  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2026-01-30', '2026-02-12', '2026-09-18', '2025-09-26']) {
      for (let n = 1; n <= 12; n++) {
        assert.equal(workingDaysBetween(start, addWorkingDays(start, n)), n, `${start} + ${n}`);
      }
    }
  });
});
