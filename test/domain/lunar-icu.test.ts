import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LUNAR_MAX, LUNAR_MIN, toLunar } from '../../src/domain/lunar.js';

// Why src/domain/lunar-table.ts exists: the browser's (and Node's) ICU Chinese calendar computes
// new moons approximately and disagrees with the official calendar (our table, checked against
// lunar-typescript in lunar.test.ts) on some months of 1901–2100. This test lists those days,
// grouped into runs, so the reason stays visible; docs/lunar.md quotes the list.

const DAY_MS = 86_400_000;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** ICU's lunar month, day and leap flag of a civil date (noon, Beijing time). */
function icu(format: Intl.DateTimeFormat, date: string) {
  const parts = format.formatToParts(new Date(`${date}T04:00:00Z`));
  const month = parts.find((p) => p.type === 'month')!.value; // '6' or '6bis' (leap)
  return {
    month: parseInt(month, 10),
    leap: month.endsWith('bis'),
    day: Number(parts.find((p) => p.type === 'day')!.value),
  };
}

const name = (month: number, day: number, leap: boolean) => `${leap ? '闰' : ''}${month}-${day}`;

describe('ICU (Intl zh-u-ca-chinese) against the table', () => {
  it('differs on some days of 1901–2100: listed here', () => {
    const format = new Intl.DateTimeFormat('en-u-ca-chinese', {
      timeZone: 'Asia/Shanghai',
      month: 'numeric',
      day: 'numeric',
    });
    const runs: { from: string; to: string; days: number; ours: string; icu: string }[] = [];
    let previous = -2;
    for (let day = dayOf(LUNAR_MIN); day <= dayOf(LUNAR_MAX); day++) {
      const date = iso(day);
      const ours = toLunar(date);
      const theirs = icu(format, date);
      if (ours.month === theirs.month && ours.day === theirs.day && ours.leap === theirs.leap) {
        continue;
      }
      const last = runs[runs.length - 1];
      if (last && previous === day - 1) {
        last.to = date;
        last.days++;
      } else {
        runs.push({
          from: date,
          to: date,
          days: 1,
          ours: name(ours.month, ours.day, ours.leap),
          icu: name(theirs.month, theirs.day, theirs.leap),
        });
      }
      previous = day;
    }
    const total = runs.reduce((n, r) => n + r.days, 0);
    console.log(
      `ICU ${process.versions.icu} differs from the table on ${total} days in ${runs.length} runs:\n` +
        runs
          .map((r) => `  ${r.from}…${r.to} (${r.days} d): table ${r.ours}…, ICU ${r.icu}…`)
          .join('\n'),
    );
    assert.ok(runs.length > 0, 'ICU now agrees everywhere: docs/lunar.md should say so');
  });
});
