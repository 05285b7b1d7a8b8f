// Recurrence rules of activities (src/features/calendar/recurrence.ts): solar and lunar rules,
// leap months, exceptions, skipped 法定节假日, until and count. Lunar dates checked against
// lunar-typescript (the independent oracle the lunar table is generated from).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lunar } from 'lunar-typescript';
import {
  occurrenceDates,
  toRrule,
  type Recurrence,
} from '../../../src/features/calendar/recurrence.js';
import { defaultCalendar } from '../../../src/domain/workdays.js';

const dates = (first: string, r: Recurrence | undefined, from: string, to: string) =>
  occurrenceDates(first, r, from, to, defaultCalendar);
const oracle = (y: number, m: number, d: number) => Lunar.fromYmd(y, m, d).getSolar().toYmd();

describe('activity recurrence', () => {
  it('lunar yearly: every 八月十五 (中秋) for five years from the first date', () => {
    assert.deepEqual(
      dates(
        '2026-09-25',
        { rule: { kind: 'lunar-yearly', month: 8, day: 15 } },
        '2026-01-01',
        '2035-12-31',
      ),
      [2026, 2027, 2028, 2029, 2030].map((y) => oracle(y, 8, 15)),
    );
  });

  it('the five festivals of a year, each on its lunar date', () => {
    for (const [month, day] of [
      [1, 15], // 元宵
      [5, 5], // 端午
      [9, 9], // 重阳
      [8, 15], // 中秋
      [12, 8], // 腊八
    ] as const) {
      const first = oracle(2026, month, day);
      assert.deepEqual(
        dates(
          first,
          { rule: { kind: 'lunar-yearly', month, day }, count: 3 },
          '2026-01-01',
          '2031-12-31',
        ),
        [2026, 2027, 2028].map((y) => oracle(y, month, day)),
        `${month}-${day}`,
      );
    }
  });

  it('lunar yearly never repeats in a leap month: 六月十五 of 2025 (闰六月) once', () => {
    assert.deepEqual(
      dates(
        '2025-07-09',
        { rule: { kind: 'lunar-yearly', month: 6, day: 15 } },
        '2025-01-01',
        '2026-12-31',
      ),
      [oracle(2025, 6, 15), oracle(2026, 6, 15)],
    );
  });

  it('lunar monthly: every 初一 and 十五, leap months included', () => {
    const got = dates(
      '2025-06-25',
      { rule: { kind: 'lunar-monthly', days: [1, 15] } },
      '2025-06-25',
      '2025-08-31',
    );
    assert.deepEqual(got, [
      oracle(2025, 6, 1),
      oracle(2025, 6, 15),
      oracle(2025, -6, 1),
      oracle(2025, -6, 15),
      oracle(2025, 7, 1),
    ]);
  });

  it('a 30th in a 29-day lunar month: skipped, or moved to the 29th', () => {
    const years = [2026, 2027, 2028, 2029, 2030];
    const first = oracle(2026, 12, monthDays(2026, 12));
    const rule = (short: 'skip' | 'last') =>
      dates(
        first,
        { rule: { kind: 'lunar-yearly', month: 12, day: 30, short } },
        '2026-01-01',
        '2031-06-30',
      );
    const thirties = years.filter((y) => monthDays(y, 12) === 30);
    assert.ok(thirties.length > 0 && thirties.length < years.length);
    assert.deepEqual(
      rule('skip').filter((d) => d !== first),
      thirties.filter((y) => y !== 2026).map((y) => oracle(y, 12, 30)),
    );
    assert.deepEqual(
      rule('last'),
      years.map((y) => oracle(y, 12, monthDays(y, 12))),
    );
  });

  it('weekly every other week, with an exception and 法定节假日 skipped (国庆 2026)', () => {
    assert.deepEqual(
      dates(
        '2026-09-30',
        {
          rule: { kind: 'weekly', weekdays: [1, 3, 5], interval: 2 },
          until: '2026-10-31',
          skipHolidays: true,
          except: ['2026-10-12'],
        },
        '2026-01-01',
        '2026-12-31',
      ),
      ['2026-09-30', '2026-10-14', '2026-10-16', '2026-10-26', '2026-10-28', '2026-10-30'],
    );
  });

  it('monthly by date skips short months; by nth and last weekday; count and until', () => {
    assert.deepEqual(
      dates(
        '2026-01-31',
        { rule: { kind: 'monthly', day: 31 }, until: '2026-08-31' },
        '2026-01-01',
        '2026-12-31',
      ),
      ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31'],
    );
    assert.deepEqual(
      dates(
        '2026-01-14',
        { rule: { kind: 'monthly-weekday', nth: 2, weekday: 3 }, count: 4 },
        '2026-01-01',
        '2026-12-31',
      ),
      ['2026-01-14', '2026-02-11', '2026-03-11', '2026-04-08'],
    );
    assert.deepEqual(
      dates(
        '2026-01-30',
        { rule: { kind: 'monthly-weekday', nth: -1, weekday: 5 }, until: '2026-05-31' },
        '2026-01-01',
        '2026-12-31',
      ),
      ['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29'],
    );
    // Count counts the rule's dates before exceptions (as RFC 5545's COUNT with EXDATE).
    assert.deepEqual(
      dates(
        '2026-03-04',
        { rule: { kind: 'weekly', weekdays: [3] }, count: 3, except: ['2026-03-11'] },
        '2026-01-01',
        '2026-12-31',
      ),
      ['2026-03-04', '2026-03-18'],
    );
  });

  it('yearly on 29 February only in leap years; a range is clipped', () => {
    assert.deepEqual(
      dates('2024-02-29', { rule: { kind: 'yearly' } }, '2024-01-01', '2030-12-31'),
      ['2024-02-29', '2028-02-29'],
    );
    assert.deepEqual(dates('2026-03-04', undefined, '2026-03-05', '2026-03-31'), []);
    assert.deepEqual(dates('2026-03-04', undefined, '2026-03-01', '2026-03-31'), ['2026-03-04']);
  });

  it('writes solar rules as RRULE values and no RRULE for lunar ones', () => {
    assert.equal(
      toRrule({ rule: { kind: 'monthly-weekday', nth: -1, weekday: 5 }, count: 6 }),
      'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6',
    );
    assert.equal(
      toRrule({ rule: { kind: 'weekly', weekdays: [2, 4] } }, '20261231T110000Z'),
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;WKST=MO;UNTIL=20261231T110000Z',
    );
    assert.equal(toRrule({ rule: { kind: 'lunar-yearly', month: 8, day: 15 } }), undefined);
  });
});

/** Days of a lunar month per lunar-typescript. */
function monthDays(year: number, month: number): number {
  const start = Date.parse(oracle(year, month, 1));
  const next = month === 12 ? oracle(year + 1, 1, 1) : oracle(year, month + 1, 1);
  return (Date.parse(next) - start) / 86_400_000;
}
