/** 和谐楼道 scores: the item score rule, totals, the ranking (ties share a rank), suggestions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import {
  isItemScore,
  rankByTotal,
  scoreSuggestion,
  scoreTotal,
} from '../../../src/features/redblack/rules.js';
import {
  DEFAULT_BLACK_BELOW,
  DEFAULT_RED_TOP,
  defaultScoreItems,
  scoreSettingsOf,
} from '../../../src/features/redblack/rubric.js';
import { buildingScoresInputSchema } from '../../../src/features/redblack/model.js';

const keys = (input: unknown) => {
  const r = z.safeParse(buildingScoresInputSchema, input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('redblack scores rules', () => {
  it('takes 0–10 in halves and nothing else', () => {
    for (const n of [0, 0.5, 7, 7.5, 10]) assert.equal(isItemScore(n), true, String(n));
    for (const n of [-0.5, 10.5, 7.3, 11, Number.NaN, Infinity]) {
      assert.equal(isItemScore(n), false, String(n));
    }
  });

  it('parses scores with the field keys of each mistake', () => {
    const base = { community: 'xingfuli', period: '2026-Q4', building: 'xfl-g1-b2' };
    assert.deepEqual(keys({ ...base, scores: { sanitation: 9.5, dogs: 0 } }), []);
    assert.deepEqual(keys({ ...base, scores: { sanitation: 11 } }), [
      'scores.sanitation: score.range',
    ]);
    assert.deepEqual(keys({ ...base, scores: { sanitation: -1 } }), [
      'scores.sanitation: score.range',
    ]);
    assert.deepEqual(keys({ ...base, scores: { sanitation: 7.3 } }), [
      'scores.sanitation: score.step',
    ]);
    assert.deepEqual(keys({ ...base, scores: { sanitation: '8' } }), [
      'scores.sanitation: score.invalid',
    ]);
    assert.deepEqual(keys({ ...base, scores: 'all tens' }), ['scores: scores.invalid']);
    assert.deepEqual(keys({ ...base, period: '2026-Q5', scores: {} }), ['period: period.invalid']);
  });

  it('adds the items up exactly', () => {
    assert.equal(scoreTotal({ a: 7.5, b: 8.5, c: 0.5 }), 16.5);
    assert.equal(scoreTotal({}), 0);
  });

  it('ranks highest first and lets ties share a rank (1, 1, 3)', () => {
    const ranked = rankByTotal(
      [
        { id: 'b', total: 40 },
        { id: 'a', total: 45 },
        { id: 'c', total: 45 },
        { id: 'd', total: 30 },
        { id: 'e', total: 40 },
      ],
      (x, y) => (x.id < y.id ? -1 : 1),
    );
    assert.deepEqual(
      ranked.map((r) => `${r.id}${r.rank}`),
      ['a1', 'c1', 'b3', 'e3', 'd5'],
    );
    assert.deepEqual(rankByTotal([]), []);
  });

  it('suggests the top N as red, those under the threshold as black, and neither for the rest', () => {
    const settings = { redTop: 2, blackBelow: 6 };
    assert.equal(scoreSuggestion({ rank: 1, total: 45, items: 5 }, settings), 'red');
    // A tie at the edge is a candidate too.
    assert.equal(scoreSuggestion({ rank: 2, total: 40, items: 5 }, settings), 'red');
    assert.equal(scoreSuggestion({ rank: 3, total: 35, items: 5 }, settings), undefined);
    // Exactly at the threshold (average 6) is not below it.
    assert.equal(scoreSuggestion({ rank: 4, total: 30, items: 5 }, settings), undefined);
    assert.equal(scoreSuggestion({ rank: 5, total: 29.5, items: 5 }, settings), 'black');
    // Under the threshold is never red, even at the top of a poor period.
    assert.equal(scoreSuggestion({ rank: 1, total: 20, items: 5 }, settings), 'black');
  });

  it('has a default rubric of five items and per-community settings with defaults', () => {
    assert.deepEqual(
      defaultScoreItems.map((c) => c.name),
      ['环境卫生', '楼道堆物', '文明养犬', '垃圾分类', '邻里互助'],
    );
    assert.deepEqual(scoreSettingsOf({}), {
      items: defaultScoreItems,
      redTop: DEFAULT_RED_TOP,
      blackBelow: DEFAULT_BLACK_BELOW,
    });
    const items = [{ id: 'stairs', name: '楼梯扶手' }];
    assert.deepEqual(
      scoreSettingsOf({ settings: { redblack: { scoreItems: items, redTop: 5 } } }),
      {
        items,
        redTop: 5,
        blackBelow: DEFAULT_BLACK_BELOW,
      },
    );
  });
});
