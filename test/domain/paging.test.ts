import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cursorSchema,
  decodeNewestCursor,
  encodeCursor,
  encodeNewestCursor,
  pageNewestFirst,
} from '../../src/domain/paging.js';
import {
  decodeGroupedCursor,
  encodeGroupedCursor,
  groupedCursorSchema,
  pageGroups,
} from '../../src/domain/grouped-paging.js';
import { isCanonicalInstant } from '../../src/domain/time.js';
import { periodChecks, periodFields } from '../../src/domain/schemas.js';
import { newId } from '../../src/domain/ids.js';
import * as z from 'zod/mini';

describe('newest-first cursors', () => {
  it('round-trip the (instant, id) we hand out', () => {
    const key = [
      '2026-03-02T01:00:00.000Z',
      newId(Date.parse('2026-03-02T01:00:00.000Z')),
    ] as const;
    assert.deepEqual(decodeNewestCursor(encodeNewestCursor(key)), key);
    assert.equal(cursorSchema().safeParse(encodeNewestCursor(key)).success, true);
  });
  it('refuse anything else, with the key cursor.invalid', () => {
    const id = newId();
    for (const bad of [
      encodeCursor(['1', 'x']),
      encodeCursor(['2026', id]),
      encodeCursor(['+275760-09-13T00:00:00.000Z', id]),
      encodeCursor(['2026-03-02T01:00:00.000Z', 'a\u0000']),
      encodeCursor(['2014-70-22T11:23:34.278Z', id]),
      encodeCursor(['2026-03-02T01:00:00.000Z', id.toLowerCase()]),
      encodeCursor(['2026-03-02T01:00:00.000Z', id, 1]),
      `${encodeCursor(['2026-03-02T01:00:00.000Z', id])}=`,
      '',
    ]) {
      assert.equal(decodeNewestCursor(bad), undefined, bad);
      const result = cursorSchema().safeParse(bad);
      assert.equal(result.success, false, bad);
      assert.equal(result.error?.issues[0]?.message, 'cursor.invalid', bad);
    }
  });
  it('take instants exactly as toISOString() writes them, 2000–2100', () => {
    assert.equal(isCanonicalInstant('2000-01-01T00:00:00.000Z'), true);
    assert.equal(isCanonicalInstant('2100-12-31T23:59:59.999Z'), true);
    assert.equal(isCanonicalInstant('1999-12-31T23:59:59.999Z'), false);
    assert.equal(isCanonicalInstant('2026-02-29T00:00:00.000Z'), false, 'not a leap year');
    assert.equal(isCanonicalInstant('2026-03-02T01:00:00Z'), false);
  });
});

describe('grouped cursors and pages (the wish wall: one group after another)', () => {
  const at = '2026-03-02T01:00:00.000Z';
  const id = newId(Date.parse(at));
  it('round-trip a group start and a place inside a group', () => {
    for (const key of [{ group: 1 }, { group: 0, after: [at, id] as const }]) {
      assert.deepEqual(decodeGroupedCursor(encodeGroupedCursor(key), 3), key);
      assert.equal(groupedCursorSchema(3).safeParse(encodeGroupedCursor(key)).success, true);
    }
  });
  it('refuse anything else, with the key cursor.invalid', () => {
    for (const bad of [
      encodeCursor([0]), // the first group's start is no cursor at all
      encodeCursor([3]), // no such group
      encodeCursor([-1, at, id]),
      encodeCursor([1.5]),
      encodeCursor(['1']),
      encodeCursor([1, at]),
      encodeCursor([1, '1', 'x']),
      encodeCursor([at, id]),
      encodeCursor([1, at, id, 'extra']),
      encodeCursor({ group: 1 }),
      'not base64!',
      '',
    ]) {
      assert.equal(decodeGroupedCursor(bad, 3), undefined, bad);
      const result = groupedCursorSchema(3).safeParse(bad);
      assert.equal(result.success, false, bad);
      assert.equal(result.error?.issues[0]?.message, 'cursor.invalid', bad);
    }
  });
  it('page group after group, each newest first, at every page size, never an empty page', async () => {
    const base = Date.parse(at);
    const item = (group: number, n: number) => {
      const when = new Date(base + n * 60_000).toISOString();
      return { id: newId(base + n * 60_000), group, at: when };
    };
    // Group 1 empty; items of each group made at interleaved times.
    const items = [0, 2, 0, 2, 2, 0, 3, 3].map((group, n) => item(group, n));
    const groups = 4;
    const read = async (group: number, cursor: string | undefined, limit: number) =>
      pageNewestFirst(
        items.filter((i) => i.group === group),
        (i) => i.at,
        { limit, cursor },
      );
    const expected = [0, 1, 2, 3].flatMap((g) =>
      items
        .filter((i) => i.group === g)
        .reverse()
        .map((i) => i.id),
    );
    for (let limit = 1; limit <= 9; limit++) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await pageGroups(groups, { limit, cursor }, read);
        assert.ok(page.items.length > 0 && page.items.length <= limit, `limit ${limit}`);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, expected, `limit ${limit}`);
    }
    assert.deepEqual(await pageGroups(2, { limit: 5 }, async () => ({ items: [] })), { items: [] });
  });
});

describe('report periods', () => {
  const period = z.object(periodFields()).check(...periodChecks());
  const keys = (input: unknown) =>
    period.safeParse(input).error?.issues.map((i) => `${i.path.join('.')} ${i.message}`) ?? [];
  it('are two dates in 2000–2100, to not before from, shorter than five years', () => {
    assert.deepEqual(keys({ from: '2026-01-01', to: '2030-12-31' }), []);
    assert.deepEqual(keys({ from: '2026-01-01', to: '2031-01-01' }), ['to date.tooLong']);
    assert.deepEqual(keys({ from: '2026-01-02', to: '2026-01-01' }), ['to date.range']);
    assert.deepEqual(keys({ from: '0001-01-01', to: '9999-12-31' }), [
      'from date.invalid',
      'to date.invalid',
    ]);
    assert.equal(keys({ from: 1, to: null }).length, 2, 'wrong types: one issue per field');
  });
});
