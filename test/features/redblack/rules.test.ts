/** 红黑榜 pure rules: periods and labels, time on the board, subjects per list, status as of now. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  boardUntil,
  mayName,
  nextPeriod,
  parsePeriod,
  periodAt,
  periodEnd,
  periodLabel,
  periodStart,
  publicPersonName,
  rectifiedUntil,
  rubricList,
  subjectKinds,
} from '../../../src/features/redblack/rules.js';
import { defaultRubric } from '../../../src/features/redblack/rubric.js';
import {
  appealMachine,
  redblackMachine,
  redblackStatusAsOf,
} from '../../../src/features/redblack/machine.js';

/** Beijing midnight at the start of a date, as an instant. */
const bj = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

describe('redblack rules', () => {
  it('parses periods and refuses what is not one', () => {
    assert.deepEqual(parsePeriod('2026-11'), { kind: 'month', year: 2026, index: 11 });
    assert.deepEqual(parsePeriod('2026-Q4'), { kind: 'quarter', year: 2026, index: 4 });
    assert.deepEqual(parsePeriod('2026'), { kind: 'year', year: 2026, index: 1 });
    for (const bad of ['2026-13', '2026-Q5', '2026-00', '1999', '2026-q4', '26', '2026-1', ''])
      assert.equal(parsePeriod(bad), undefined, bad);
  });

  it('labels periods in Chinese and English', () => {
    assert.equal(periodLabel('2026-Q4'), '2026年第四季度');
    assert.equal(periodLabel('2026-11'), '2026年11月');
    assert.equal(periodLabel('2026'), '2026年度');
    assert.equal(periodLabel('2026-Q1', 'en'), 'Q1 2026');
    assert.equal(periodLabel('2026-02', 'en'), 'February 2026');
  });

  it('finds starts, ends and the next period in Beijing time', () => {
    assert.equal(periodStart('2026-Q3'), '2026-07-01');
    assert.equal(nextPeriod('2026-Q4'), '2027-Q1');
    assert.equal(nextPeriod('2026-12'), '2027-01');
    assert.equal(nextPeriod('2026-09'), '2026-10');
    assert.equal(nextPeriod('2026'), '2027');
    assert.equal(periodEnd('2026-Q1'), '2026-03-31T16:00:00.000Z');
    // 2026-03-31 23:30 Beijing is still March and Q1; 00:30 on April 1st is not.
    assert.equal(periodAt('month', '2026-03-31T15:30:00.000Z'), '2026-03');
    assert.equal(periodAt('quarter', '2026-03-31T16:30:00.000Z'), '2026-Q2');
    assert.equal(periodAt('year', '2026-12-31T16:00:00.000Z'), '2027');
  });

  it('keeps red to its period end, black to the end of the following period, renewals one more', () => {
    assert.equal(boardUntil('red', '2026-Q1'), bj('2026-04-01'));
    assert.equal(boardUntil('black', '2026-Q1'), bj('2026-07-01'));
    assert.equal(boardUntil('black', '2026-Q1', 2), bj('2027-01-01'));
    assert.equal(boardUntil('black', '2026-12'), bj('2027-02-01'));
    // 已整改 leaves at the end of the period it was put right in, not before its own.
    const until = boardUntil('black', '2026-Q1');
    assert.equal(rectifiedUntil('2026-Q1', '2026-03-02T01:00:00.000Z', until), bj('2026-04-01'));
    assert.equal(rectifiedUntil('2026-Q1', '2026-05-02T01:00:00.000Z', until), bj('2026-07-01'));
  });

  it('puts each category of the default rubric on one list', () => {
    const rubric = defaultRubric.map((c) => [c.id, rubricList(c.id)]);
    assert.ok(
      rubric.every(([, list]) => list !== undefined),
      JSON.stringify(rubric),
    );
    assert.equal(rubricList('tidy-hallway'), 'red');
    assert.equal(rubricList('hallway-clutter'), 'black');
    assert.equal(rubricList('a-community-own'), undefined);
  });

  it('lets the black list name places only', () => {
    assert.deepEqual(
      subjectKinds.filter((k) => mayName('black', k)),
      ['building', 'unit', 'area', 'organisation'],
    );
    assert.ok(subjectKinds.every((k) => mayName('red', k)));
    assert.equal(publicPersonName('欧阳娜娜', false), '欧阳*娜');
    assert.equal(publicPersonName(' 李四光 ', true), '李四光');
  });

  it('reads an entry past its time as archived, a black one still 待整改 as expired', () => {
    const at = (iso: string) => Date.parse(iso);
    const until = bj('2026-07-01');
    const black = { list: 'black', status: 'published', until } as const;
    assert.equal(redblackStatusAsOf(black, at(bj('2026-06-30'))), 'published');
    assert.equal(redblackStatusAsOf(black, at(until)), 'expired');
    assert.equal(redblackStatusAsOf({ ...black, status: 'rectified' }, at(until)), 'archived');
    assert.equal(redblackStatusAsOf({ ...black, list: 'red' }, at(until)), 'archived');
    assert.equal(redblackStatusAsOf({ ...black, status: 'withdrawn' }, at(until)), 'withdrawn');
    assert.equal(redblackStatusAsOf({ list: 'red', status: 'draft' }, at(until)), 'draft');
  });

  it('has the workflow in its machines', () => {
    assert.deepEqual(redblackMachine.from('publish'), ['submitted']);
    assert.deepEqual(redblackMachine.from('rectify'), ['published']);
    assert.deepEqual(redblackMachine.from('expire'), ['published']);
    assert.ok(!redblackMachine.can('withdrawn', 'withdraw'));
    assert.ok(redblackMachine.can('archived', 'withdraw'), 'an upheld appeal reaches the archive');
    assert.deepEqual(appealMachine.from('uphold'), ['pending']);
    assert.deepEqual(appealMachine.sets.ended, ['upheld', 'dismissed']);
  });
});
