import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lunar, LunarYear, Solar } from 'lunar-typescript';
import {
  LUNAR_MAX,
  LUNAR_MIN,
  type FestivalId,
  festivalDates,
  festivalsOf,
  fromLunar,
  leapMonth,
  lunarMonths,
  lunarYearly,
  solarTermOf,
  solarTerms,
  toLunar,
} from '../../src/domain/lunar.js';
import { festivalNamesEn, solarTermNamesEn } from '../../src/domain/lunar-names-en.js';
import { festivalNames as festivalNamesZh, solarTermNames } from '../../src/domain/lunar-names.js';

const festivalNames = { 'zh-CN': festivalNamesZh, en: festivalNamesEn };

const DAY_MS = 86_400_000;
const SOLAR_TERMS = solarTermNames;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

describe('lunar dates against lunar-typescript, every day of 1901–2100', () => {
  it('agree on year, month, day and leap flag, and round-trip through fromLunar', () => {
    let solar = Solar.fromYmd(1901, 1, 1);
    let days = 0;
    for (let day = dayOf(LUNAR_MIN); day <= dayOf(LUNAR_MAX); day++, solar = solar.next(1)) {
      const date = iso(day);
      const expected = solar.getLunar();
      const got = toLunar(date);
      const month = expected.getMonth();
      if (
        got.year !== expected.getYear() ||
        got.month !== Math.abs(month) ||
        got.leap !== month < 0 ||
        got.day !== expected.getDay()
      ) {
        assert.fail(
          `${date}: ${JSON.stringify(got)} but lunar-typescript says ${expected.toString()}`,
        );
      }
      if (fromLunar(got.year, got.month, got.day, got.leap) !== date) {
        assert.fail(`${date}: fromLunar(${got.year}, ${got.month}, ${got.day}, ${got.leap})`);
      }
      days++;
    }
    assert.equal(days, 73_049);
  });
  it('agree on every month length and leap month of lunar years 1900–2100', () => {
    for (let y = 1900; y <= 2100; y++) {
      const year = LunarYear.fromYear(y);
      assert.equal(leapMonth(y), year.getLeapMonth(), `${y}`);
      const expected = year
        .getMonthsInYear()
        .map((m) => [Math.abs(m.getMonth()), m.getMonth() < 0, m.getDayCount()]);
      assert.deepEqual(
        lunarMonths(y).map((m) => [m.month, m.leap, m.days]),
        expected,
        `${y}`,
      );
    }
  });
  it('agree on the Chinese names, 干支 and 生肖 (sampled every 7th day)', () => {
    for (let day = dayOf(LUNAR_MIN); day <= dayOf(LUNAR_MAX); day += 7) {
      const date = iso(day);
      const expected = Solar.fromYmd(
        +date.slice(0, 4),
        +date.slice(5, 7),
        +date.slice(8),
      ).getLunar();
      const got = toLunar(date);
      assert.equal(got.monthName, `${expected.getMonthInChinese()}月`, date);
      assert.equal(got.dayName, expected.getDayInChinese(), date);
      assert.equal(got.ganzhi, expected.getYearInGanZhi(), date);
      assert.equal(got.zodiac, expected.getYearShengXiao(), date);
    }
  });
});

describe('solar terms against lunar-typescript, every term of 1901–2100', () => {
  it('fall on the same day', () => {
    let terms = 0;
    for (let y = 1901; y <= 2100; y++) {
      const table = Lunar.fromYmd(y, 1, 1).getJieQiTable();
      const got = solarTerms(y);
      assert.equal(got.length, 24);
      SOLAR_TERMS.forEach((name, k) => {
        // lunar-typescript keys the next 冬至 (in December of the same solar year) DONG_ZHI.
        const expected = (k === 23 ? table.DONG_ZHI : table[name])!.toYmd();
        if (got[k] !== expected) assert.fail(`${y} ${name}: ${got[k]}, expected ${expected}`);
        if (solarTermOf(expected) !== k) assert.fail(`solarTermOf(${expected}) is not ${name}`);
        terms++;
      });
    }
    assert.equal(terms, 4800);
  });
  it('mark only term days', () => {
    const termDays = new Set([2025, 2026].flatMap(solarTerms));
    for (let day = dayOf('2025-01-01'); day <= dayOf('2026-12-31'); day++) {
      assert.equal(solarTermOf(iso(day)) !== undefined, termDays.has(iso(day)), iso(day));
    }
  });
  it('give names in order and in English', () => {
    assert.equal(SOLAR_TERMS.length, 24);
    assert.equal(SOLAR_TERMS[2], '立春');
    assert.equal(SOLAR_TERMS[6], '清明');
    assert.equal(SOLAR_TERMS[23], '冬至');
    assert.equal(solarTermNamesEn.length, 24);
    assert.equal(solarTermNamesEn[2], 'Start of Spring');
  });
});

describe('toLunar and fromLunar', () => {
  it('take a date string or (y, m, d), in Beijing time', () => {
    assert.deepEqual(toLunar(2026, 2, 17), toLunar('2026-02-17'));
    assert.deepEqual(toLunar('2026-02-17'), {
      year: 2026,
      month: 1,
      day: 1,
      leap: false,
      monthDays: 30,
      monthName: '正月',
      dayName: '初一',
      ganzhi: '丙午',
      zodiac: '马',
    });
  });
  it('name leap months and days', () => {
    const leap = toLunar('2025-08-14'); // 2025 has a 闰六月
    assert.equal(`${leap.monthName}${leap.dayName}`, '闰六月廿一');
    assert.equal(leap.leap, true);
    assert.equal(toLunar('2025-01-28').monthName, '腊月');
    assert.equal(toLunar('2024-12-01').monthName, '冬月');
    const names = [1, 10, 11, 20, 21, 23, 30].map((d) => fromLunar(2025, 8, d));
    assert.deepEqual(
      names.map((d) => d && toLunar(d).dayName),
      ['初一', '初十', '十一', '二十', '廿一', '廿三', undefined],
    );
    assert.equal(fromLunar(2025, 8, 30), undefined, '八月 of 2025 has 29 days');
    assert.equal(toLunar(fromLunar(2025, 9, 30)!).dayName, '三十');
  });
  it('find leap months only where they are', () => {
    assert.equal(leapMonth(2025), 6);
    assert.equal(leapMonth(2026), 0);
    assert.equal(leapMonth(2033), 11);
    assert.equal(fromLunar(2025, 6, 1, true), '2025-07-25');
    assert.equal(fromLunar(2026, 6, 1, true), undefined);
    assert.equal(fromLunar(2033, 11, 1, true), '2033-12-22');
  });
  it('refuse dates outside 1901–2100 or that do not exist', () => {
    assert.throws(() => toLunar('1900-12-31'), RangeError);
    assert.throws(() => toLunar('2101-01-01'), RangeError);
    assert.throws(() => toLunar('2025-02-29'), RangeError);
    assert.throws(() => toLunar('2025-2-1'), RangeError);
    assert.equal(fromLunar(1899, 1, 1), undefined);
    assert.equal(fromLunar(1900, 1, 1), undefined, '1900-01-31 is before the range');
    assert.equal(fromLunar(2100, 12, 2), undefined, '2101-01-01 is after it');
    assert.equal(solarTermOf('1900-12-22'), undefined);
    assert.deepEqual(solarTerms(2101), []);
  });
});

describe('festivals', () => {
  const on = (id: FestivalId, year: number) => festivalDates(id, `${year}-01-01`, `${year}-12-31`);
  it('fall on their published dates in 2025 and 2026', () => {
    const expected: Record<string, string[]> = {
      'spring-festival': ['2025-01-29', '2026-02-17'],
      lantern: ['2025-02-12', '2026-03-03'],
      'dragon-head': ['2025-03-01', '2026-03-20'],
      qingming: ['2025-04-04', '2026-04-05'],
      'dragon-boat': ['2025-05-31', '2026-06-19'],
      qixi: ['2025-08-29', '2026-08-19'],
      zhongyuan: ['2025-09-06', '2026-08-27'],
      'mid-autumn': ['2025-10-06', '2026-09-25'],
      'double-ninth': ['2025-10-29', '2026-10-18'],
      laba: ['2025-01-07', '2026-01-26'],
      xiaonian: ['2025-01-22', '2026-02-10'],
      chuxi: ['2025-01-28', '2026-02-16'],
    };
    for (const [id, dates] of Object.entries(expected)) {
      assert.deepEqual(
        [2025, 2026].flatMap((y) => on(id as FestivalId, y)),
        dates,
        id,
      );
      for (const date of dates) assert.ok(festivalsOf(date).includes(id as FestivalId), date);
    }
  });
  it('agree with lunar-typescript on every day of 2025–2030', () => {
    // lunar-typescript's names for the festivals it lists (中元 and 小年 it does not).
    const theirs: Partial<Record<FestivalId, string>> = {
      'spring-festival': '春节',
      lantern: '元宵节',
      'dragon-head': '龙头节',
      'dragon-boat': '端午节',
      qixi: '七夕节',
      'mid-autumn': '中秋节',
      'double-ninth': '重阳节',
      laba: '腊八节',
      chuxi: '除夕',
    };
    const known = new Set(Object.values(theirs));
    let found = 0;
    for (let day = dayOf('2025-01-01'); day <= dayOf('2030-12-31'); day++) {
      const date = iso(day);
      const solar = Solar.fromYmd(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8));
      const lunar = solar.getLunar();
      const expected = lunar.getFestivals().filter((name) => known.has(name));
      if (lunar.getJieQi() === '清明') expected.push('清明');
      const got = festivalsOf(date).flatMap((id) =>
        id === 'qingming' ? ['清明'] : theirs[id] ? [theirs[id]] : [],
      );
      assert.deepEqual(got, expected, date);
      found += got.length;
    }
    assert.equal(found, 6 * 10, 'ten a year');
  });
  it('腊八 and 小年 can fall twice in a solar year, or once', () => {
    assert.deepEqual(on('laba', 2022), ['2022-01-10', '2022-12-30']);
    assert.deepEqual(on('laba', 2023), []);
    assert.deepEqual(on('xiaonian', 2026), ['2026-02-10']);
    assert.deepEqual(festivalDates('xiaonian', '2026-01-01', '2026-12-31', { xiaonian: 'south' }), [
      '2026-02-11',
    ]);
    assert.deepEqual(festivalsOf('2026-02-10'), ['xiaonian']);
    assert.deepEqual(festivalsOf('2026-02-11'), []);
    assert.deepEqual(festivalsOf('2026-02-11', { xiaonian: 'south' }), ['xiaonian']);
  });
  it('除夕 is the last day of 腊月, its 29th or its 30th', () => {
    // 2025-01-28 is 腊月廿九 (腊月 of lunar 2024 has 29 days), 2030-02-02 腊月三十.
    for (const date of on('chuxi', 2025).concat(on('chuxi', 2030))) {
      const l = toLunar(date);
      assert.equal(l.month, 12);
      assert.equal(l.day, l.monthDays);
    }
    assert.equal(toLunar('2025-01-28').day, 29);
    assert.equal(toLunar('2030-02-02').day, 30);
    assert.deepEqual(festivalsOf('2025-01-28'), ['chuxi']);
    assert.deepEqual(festivalsOf('2025-01-29'), ['spring-festival']);
    assert.deepEqual(festivalsOf('2030-02-01'), [], '腊月廿九 when 腊月 has 30 days');
    assert.deepEqual(festivalsOf('2030-02-02'), ['chuxi']);
    // Every 除夕 of 1901–2100 is the day before 春节.
    for (let y = 1902; y <= 2100; y++) {
      const [chuxi] = on('chuxi', y);
      const [spring] = on('spring-festival', y);
      assert.equal(dayOf(spring!) - dayOf(chuxi!), 1, `${y}`);
    }
  });
  it('never fall in a leap month: 闰五月初五 is not 端午', () => {
    // 2009 had a 闰五月, 2014 a 闰九月, 2025 a 闰六月.
    const leap = fromLunar(2009, 5, 5, true)!;
    assert.equal(leap, '2009-06-27');
    assert.deepEqual(festivalsOf(leap), []);
    assert.deepEqual(festivalsOf(fromLunar(2009, 5, 5)!), ['dragon-boat']);
    assert.deepEqual(festivalsOf(fromLunar(2014, 9, 9, true)!), []);
    assert.equal(fromLunar(2014, 9, 9, true), '2014-11-01');
    assert.deepEqual(on('double-ninth', 2014), ['2014-10-02']);
    assert.deepEqual(on('dragon-boat', 2009), ['2009-05-28']);
    assert.deepEqual(lunarYearly({ month: 6, day: 15 }, '2025-01-01', '2025-12-31'), [
      '2025-07-09',
    ]);
  });
  it('solar festivals and 清明', () => {
    assert.deepEqual(festivalsOf('2026-10-01'), ['national-day']);
    assert.deepEqual(festivalsOf('2025-10-01'), ['national-day']);
    assert.deepEqual(festivalsOf('2028-10-03'), ['mid-autumn']);
    assert.deepEqual(festivalsOf('2001-10-01'), ['mid-autumn', 'national-day']);
    assert.deepEqual(festivalsOf('2026-01-01'), ['new-year']);
    assert.deepEqual(festivalsOf('2026-03-05'), ['lei-feng']);
    assert.deepEqual(festivalsOf('2026-12-05'), ['volunteer-day']);
    assert.deepEqual(festivalsOf('2026-04-05'), ['qingming']);
    assert.deepEqual(festivalsOf('2026-04-04'), []);
    assert.deepEqual(festivalDates('teachers-day', '2025-06-01', '2027-06-01'), [
      '2025-09-10',
      '2026-09-10',
    ]);
  });
  it('have names in zh-CN and en for every key', () => {
    const ids = new Set<string>();
    for (let day = dayOf('2022-01-01'); day <= dayOf('2022-12-31'); day++) {
      for (const id of festivalsOf(iso(day))) ids.add(id);
    }
    assert.equal(ids.size, 24);
    for (const lang of ['zh-CN', 'en'] as const) {
      assert.deepEqual(Object.keys(festivalNames[lang]).sort(), [...ids].sort(), lang);
    }
    assert.equal(festivalNames['zh-CN']['mid-autumn'], '中秋节');
  });
});

describe('lunarYearly', () => {
  it('expands every 八月十五 and every 腊月最后一天', () => {
    assert.deepEqual(lunarYearly({ month: 8, day: 15 }, '2025-01-01', '2027-12-31'), [
      '2025-10-06',
      '2026-09-25',
      '2027-09-15',
    ]);
    assert.deepEqual(lunarYearly({ month: 12, day: 'last' }, '2025-01-01', '2028-12-31'), [
      '2025-01-28',
      '2026-02-16',
      '2027-02-05',
      '2028-01-25',
    ]);
  });
  it('skips a 30th in a 29-day month, or moves it to the 29th', () => {
    // 八月 of 2024 has 30 days, 八月 of 2025 29.
    assert.deepEqual(lunarYearly({ month: 8, day: 30 }, '2024-01-01', '2025-12-31'), [
      '2024-10-02',
    ]);
    assert.deepEqual(
      lunarYearly({ month: 8, day: 30, short: 'last' }, '2024-01-01', '2025-12-31'),
      ['2024-10-02', '2025-10-20'],
    );
  });
  it('includes both ends and clips to 1901–2100', () => {
    assert.deepEqual(lunarYearly({ month: 8, day: 15 }, '2025-10-06', '2025-10-06'), [
      '2025-10-06',
    ]);
    assert.deepEqual(lunarYearly({ month: 8, day: 15 }, '2025-10-07', '2026-09-24'), []);
    assert.equal(lunarYearly({ month: 1, day: 1 }, '1901-01-01', '2100-12-31').length, 200);
    assert.deepEqual(lunarYearly({ month: 11, day: 11 }, '1890-01-01', '1901-01-01'), [
      '1901-01-01',
    ]);
  });
});
