// 红黑榜 pure rules: periods and their labels, how long an entry stays on the board, which
// subjects a list may name, and what the public sees of a subject (masked, no room numbers).
import { maskName } from '../../domain/mask.js';
import { shanghaiDate, shanghaiStartOfDay, type CivilDate } from '../../domain/time.js';

export type PeriodKind = 'month' | 'quarter' | 'year';
export type RedblackList = 'red' | 'black';

/** `2026-11` (month), `2026-Q4` (quarter), `2026` (year). */
export const PERIOD_PATTERN = /^(20\d{2}|2100)(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4; 1 for a year. */
  index: number;
}

export function parsePeriod(key: string): Period | undefined {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  return { kind: 'year', year, index: 1 };
}

const must = (key: string): Period => {
  const p = parsePeriod(key);
  if (!p) throw new RangeError(`not a period: ${key}`);
  return p;
};

const keyOf = ({ kind, year, index }: Period): string =>
  kind === 'year'
    ? String(year)
    : kind === 'quarter'
      ? `${year}-Q${index}`
      : `${year}-${String(index).padStart(2, '0')}`;

export const periodKind = (key: string): PeriodKind => must(key).kind;

/** The first day of the period (a Beijing civil date). */
export function periodStart(key: string): CivilDate {
  const { kind, year, index } = must(key);
  const month = kind === 'month' ? index : kind === 'quarter' ? (index - 1) * 3 + 1 : 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** The period after `key`, of the same kind. */
export function nextPeriod(key: string): string {
  const p = must(key);
  const per = p.kind === 'month' ? 12 : p.kind === 'quarter' ? 4 : 1;
  return p.index < per
    ? keyOf({ ...p, index: p.index + 1 })
    : keyOf({ kind: p.kind, year: p.year + 1, index: 1 });
}

/** When the period ends: the instant its next period starts (Beijing midnight). */
export const periodEnd = (key: string): string =>
  shanghaiStartOfDay(periodStart(nextPeriod(key))).toISOString();

/** The period of `kind` holding the instant `at` (Beijing time). */
export function periodAt(kind: PeriodKind, at: Date | string): string {
  const date = shanghaiDate(at);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index = kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : 1;
  return keyOf({ kind, year, index });
}

const QUARTERS_ZH = ['一', '二', '三', '四'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2026年第四季度`, `2026年11月`, `2026年度`; for an English reader (`lang` en, en-GB…) `Q4 2026`,
 * `November 2026`, `2026`.
 */
export function periodLabel(key: string, lang = 'zh-CN'): string {
  const { kind, year, index } = must(key);
  if (lang.startsWith('en')) {
    return kind === 'year'
      ? String(year)
      : kind === 'quarter'
        ? `Q${index} ${year}`
        : `${MONTHS_EN[index - 1]} ${year}`;
  }
  return kind === 'year'
    ? `${year}年度`
    : kind === 'quarter'
      ? `${year}年第${QUARTERS_ZH[index - 1]}季度`
      : `${year}年${index}月`;
}

/**
 * Until when a published entry stays on the board: a red one to the end of its period; a
 * black one to the end of the following period (it expires then unless renewed), each renewal
 * one period more.
 */
export function boardUntil(list: RedblackList, period: string, renewals = 0): string {
  let last = period;
  const extra = list === 'black' ? 1 + renewals : 0;
  for (let i = 0; i < extra; i++) last = nextPeriod(last);
  return periodEnd(last);
}

/**
 * A rectified black entry (已整改) leaves at the end of the period (of its own kind) in which it
 * was rectified — never before its own period ends, never later than it would have.
 */
export function rectifiedUntil(period: string, at: Date | string, until: string): string {
  const own = periodEnd(period);
  const then = periodEnd(periodAt(periodKind(period), at));
  const leaves = Date.parse(then) > Date.parse(own) ? then : own;
  return Date.parse(leaves) < Date.parse(until) ? leaves : until;
}

/**
 * The list each category of the default rubric (src/features/core/catalogues.ts) belongs to: a
 * 楼道堆物 entry is never praise. A community's own categories may go on either list.
 */
const RED_RUBRIC = 'tidy-hallway civil-family good-deeds mutual-aid filial volunteering bravery';
const BLACK_RUBRIC = 'hallway-clutter sanitation waste-sorting dogs falling-objects street-trading';
export const rubricList = (category: string): RedblackList | undefined =>
  RED_RUBRIC.split(' ').includes(category)
    ? 'red'
    : BLACK_RUBRIC.split(' ').includes(category)
      ? 'black'
      : undefined;

// ---- Subjects ----

/** What an entry may name. The black list names places and organisations only. */
export const subjectKinds = [
  'building', // 楼栋 / 楼道
  'unit', // 单元
  'area', // 小区的一处 (东门广场, 3号楼前绿地)
  'organisation', // 单位, 商户
  'household', // 一户 (shown as 楼栋/单元, never a room number)
  'person', // 个人 (red only, with recorded separate consent)
] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/** Subjects a black entry may name: a place or an organisation, never a person or a household. */
export const placeSubjectKinds = ['building', 'unit', 'area', 'organisation'] as const;

export const mayName = (list: RedblackList, kind: SubjectKind): boolean =>
  list === 'red' || (placeSubjectKinds as readonly string[]).includes(kind);

/** A subject's person, if any, as the public may see them: masked unless consent covers it. */
export const publicPersonName = (name: string, fullNameConsented: boolean): string =>
  fullNameConsented ? name.trim() : maskName(name);

// ---- 和谐楼道 scores ----

/** Highest score of one rubric item; scores go in steps of 0.5 from 0. */
export const SCORE_MAX = 10;
export const SCORE_STEP = 0.5;

/** 0–10 in steps of 0.5 (7, 7.5 — never 7.3, never 11). */
export const isItemScore = (n: number): boolean =>
  Number.isFinite(n) && n >= 0 && n <= SCORE_MAX && Number.isInteger(n / SCORE_STEP);

/** A building's total for a period: the sum of its items (halves add up exactly). */
export const scoreTotal = (scores: Readonly<Record<string, number>>): number =>
  Object.values(scores).reduce((sum, n) => sum + n, 0);

/**
 * Ranks by total, highest first; ties share a rank and the next rank skips (1, 1, 3 — the
 * standard competition ranking). `order` only orders equal totals for display.
 */
export function rankByTotal<T extends { total: number }>(
  rows: readonly T[],
  order: (a: T, b: T) => number = () => 0,
): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total || order(a, b));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.total !== sorted[i - 1]!.total) rank = i + 1;
    return { ...row, rank };
  });
}

export type ScoreSuggestion = RedblackList;

/**
 * What the ranking suggests to the editor (never published by itself): a building whose
 * average item score is below `blackBelow` is a black candidate; among the rest, those ranked
 * `redTop` or better (ties at the edge included) are red candidates.
 */
export function scoreSuggestion(
  row: { rank: number; total: number; items: number },
  settings: { redTop: number; blackBelow: number },
): ScoreSuggestion | undefined {
  if (row.items > 0 && row.total < settings.blackBelow * row.items) return 'black';
  return row.rank <= settings.redTop ? 'red' : undefined;
}
