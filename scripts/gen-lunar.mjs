// `npm run gen:lunar`: writes src/domain/lunar-table.ts, the lunar months (lengths, leap month)
// and the 24 solar terms (节气) of 1901–2100, from lunar-typescript (a dev dependency: this
// script and the tests' oracle; pages never load it). The table is committed; run this again
// only to change the encoding or the source. test/domain/lunar.test.ts checks every day and
// every term of the range against lunar-typescript.
//
// Encoding (decoded by src/domain/lunar.ts):
//   MONTHS     lunar years 1900–2100, 4 base-36 digits each: value = leap | lengths << 4, where
//              `leap` is the leap month (0: none) and bit i of `lengths` says whether the year's
//              i-th month *in order* (a leap month right after its namesake) has 30 days.
//              Lunar year 1900 starts on 1900-01-31 (NEW_YEAR_1900, days since 1970-01-01);
//              each year starts where the previous one ends.
//   TERMS      per term k (0 = 小寒 … 23 = 冬至) 4 base-36 digits: its moment in solar year
//              2000 as minutes after TERM_BASE, Beijing time, then 1 base-36 digit: its drift
//              per year in 0.1 min, + 18. A term's day in year y is
//              floor((TERM_BASE + a_k + (y − 2000) × (365.2422 days + b_k)) / 1 day), in exact
//              integer arithmetic (units of 0.001 min). Fitted by least squares per term.
//   TERM_FIX   where that day is off by one (a term within minutes of midnight): 3 base-36
//              digits each, ((y − 1901) × 24 + k) × 2 + (1 if a day later, 0 if a day earlier).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LunarYear, Lunar } from 'lunar-typescript';
import { format, resolveConfig } from 'prettier';

const out = fileURLToPath(new URL('../src/domain/lunar-table.ts', import.meta.url));
const version = JSON.parse(
  readFileSync(new URL('../node_modules/lunar-typescript/package.json', import.meta.url), 'utf8'),
).version;

const FIRST = 1900;
const LAST = 2100;
const DAY = 86_400_000;
/** Julian day (of a Beijing civil time, as lunar-typescript gives it) → days since 1970-01-01. */
const unixDays = (jd) => jd - 2440587.5;

const fixed = (n, width) => {
  const s = n.toString(36);
  if (n < 0 || s.length > width) throw new Error(`${n} does not fit ${width} base-36 digits`);
  return s.padStart(width, '0');
};

// Lunar months.
let months = '';
let expectedStart;
for (let y = FIRST; y <= LAST; y++) {
  const year = LunarYear.fromYear(y);
  const list = year.getMonthsInYear();
  const leap = year.getLeapMonth();
  let lengths = 0;
  list.forEach((m, i) => {
    if (m.getDayCount() === 30) lengths |= 1 << i;
    else if (m.getDayCount() !== 29) throw new Error(`${y}/${m.getMonth()}: ${m.getDayCount()}`);
  });
  const start = Math.floor(unixDays(list[0].getFirstJulianDay()));
  if (y === FIRST && start !== Date.UTC(1900, 0, 31) / DAY)
    throw new Error('1900 starts elsewhere');
  if (expectedStart !== undefined && start !== expectedStart) throw new Error(`${y}: gap`);
  expectedStart = start + list.reduce((n, m) => n + m.getDayCount(), 0);
  if (list.length !== (leap ? 13 : 12)) throw new Error(`${y}: ${list.length} months`);
  months += fixed(leap | (lengths << 4), 4);
}

// Solar terms: exact moments (Beijing time) from lunar-typescript's table of each lunar year,
// which runs from the previous 大雪 to the next 惊蛰 (Chinese keys for the lunar year's own).
const NAMES =
  '小寒 大寒 立春 雨水 惊蛰 春分 清明 谷雨 立夏 小满 芒种 夏至 小暑 大暑 立秋 处暑 白露 秋分 寒露 霜降 立冬 小雪 大雪'.split(
    ' ',
  );
const moments = []; // [year - 1901][k] in days since 1970-01-01 (fractional, Beijing time)
for (let y = 1901; y <= LAST; y++) {
  const table = Lunar.fromYmd(y, 1, 1).getJieQiTable();
  const solars = [...NAMES.map((n) => table[n]), table.DONG_ZHI];
  for (const s of solars) if (s.getYear() !== y) throw new Error(`${y}: ${s.toYmd()}`);
  moments.push(solars.map((s) => unixDays(s.getJulianDay())));
}
const YEAR_MIN = 365.2422 * 1440; // minutes in a tropical year
const a = [];
const b = [];
for (let k = 0; k < 24; k++) {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const n = moments.length;
  moments.forEach((row, i) => {
    const x = 1901 + i - 2000;
    const v = row[k] * 1440 - YEAR_MIN * x;
    sx += x;
    sy += v;
    sxx += x * x;
    sxy += x * v;
  });
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  a.push((sy - slope * sx) / n);
  b.push(Math.round(slope * 10));
}
const TERM_BASE = Math.floor(a[0]);
const aq = a.map((v) => Math.round(v) - TERM_BASE);
const terms = aq.map((v, k) => fixed(v, 4) + fixed(b[k] + 18, 1)).join('');
/** The runtime's formula, in integer units of 0.001 minute. */
const predicted = (y, k) =>
  Math.floor(((TERM_BASE + aq[k]) * 1000 + (y - 2000) * (525_948_768 + b[k] * 100)) / 1_440_000);
let fixes = '';
let fixCount = 0;
moments.forEach((row, i) => {
  row.forEach((moment, k) => {
    const delta = Math.floor(moment) - predicted(1901 + i, k);
    if (delta === 0) return;
    if (Math.abs(delta) !== 1)
      throw new Error(`${1901 + i}/${NAMES[k] ?? '冬至'}: off by ${delta}`);
    fixes += fixed((i * 24 + k) * 2 + (delta > 0 ? 1 : 0), 3);
    fixCount++;
  });
});

const source = `// Generated by scripts/gen-lunar.mjs from lunar-typescript ${version}: do not edit, run
// \`npm run gen:lunar\`. The encoding is described in that script; src/domain/lunar.ts reads it.

/** Days from 1970-01-01 to 1900-01-31, 正月初一 of lunar year 1900. */
export const NEW_YEAR_1900 = ${Date.UTC(1900, 0, 31) / DAY};
/** Lunar years 1900–2100: 4 base-36 digits each, \`leap | lengths << 4\`. */
export const MONTHS =
  '${months}';
/** Minutes from 1970-01-01 (Beijing time) to about 小寒 of 2000. */
export const TERM_BASE = ${TERM_BASE};
/** Per term (小寒 … 冬至): its offset in 2000 (4 digits) and yearly drift (1 digit). */
export const TERMS = '${terms}';
/** The ${fixCount} term days the formula misses by one. */
export const TERM_FIX = '${fixes}';
`;
const options = await resolveConfig(out);
writeFileSync(out, await format(source, { ...options, filepath: out }));
console.log(
  `gen:lunar: wrote ${out} (${months.length + terms.length + fixes.length} table characters, ${fixCount} term fixes)`,
);
