import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import {
  DomainError,
  decodeCursor,
  idSchema,
  encodeCursor,
  errorStatus,
  formatDateTime,
  isoWeekday,
  newId,
  newQueryCode,
  pageBy,
  pageQuerySchema,
  parse,
  shanghaiDate,
  shanghaiStartOfDay,
  toProblem,
} from '../../src/domain/index.js';

describe('ids', () => {
  it('are 26 Crockford characters, unique and time-ordered', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => newId(1_700_000_000_000 + i));
    assert.equal(new Set(ids).size, 1000);
    assert.ok(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)));
    assert.deepEqual([...ids].sort(), ids);
    assert.ok(idSchema.safeParse('g1-b3').success);
    assert.equal(idSchema.safeParse('a b').success, false);
  });
  it('count up within one millisecond, so items made together keep their order', () => {
    const at = 1_700_000_000_000;
    const ids = Array.from({ length: 1000 }, () => newId(at));
    assert.equal(new Set(ids).size, 1000);
    assert.deepEqual([...ids].sort(), ids);
    assert.ok(ids.every((id) => id.slice(0, 10) === ids[0]!.slice(0, 10)));
    assert.notEqual(newId(at + 1).slice(10), newId(at + 2).slice(10), 'a new ms starts anew');
  });
  it('and query codes draw random bytes in batches, not a getRandomValues (a system call in Node) each', (t) => {
    const draw = t.mock.method(globalThis.crypto, 'getRandomValues');
    const ids = Array.from({ length: 100 }, (_, i) => newId(1_800_000_000_000 + i));
    const codes = Array.from({ length: 100 }, () => newQueryCode());
    assert.ok(draw.mock.callCount() <= 15, `${draw.mock.callCount()} draws for 200 values`);
    assert.equal(new Set(ids.map((id) => id.slice(10))).size, 100);
    assert.ok(new Set(codes).size >= 99);
    assert.ok(codes.every((code) => /^[2-9A-HJ-NP-Z]{8}$/.test(code)));
  });
});

describe('time', () => {
  it('gives the Shanghai date of an instant', () => {
    assert.equal(shanghaiDate('2026-03-01T15:59:59Z'), '2026-03-01');
    assert.equal(shanghaiDate('2026-03-01T16:00:00Z'), '2026-03-02');
    assert.equal(shanghaiStartOfDay('2026-03-02').toISOString(), '2026-03-01T16:00:00.000Z');
  });
  it('gives the ISO weekday of a civil date, Monday 1 … Sunday 7', () => {
    const week = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
    assert.deepEqual(week.map(isoWeekday), [1, 2, 3, 4, 5]);
    assert.equal(isoWeekday('2026-12-12'), 6);
    assert.equal(isoWeekday('2026-12-13'), 7);
    assert.equal(isoWeekday('2000-02-29'), 2);
    assert.equal(isoWeekday('2100-12-31'), 5);
  });
  it('formats in Beijing time whatever the device zone', () => {
    const text = formatDateTime('2026-03-01T16:30:00Z', 'en', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    assert.equal(text, '00:30');
  });
});

describe('paging', () => {
  const items = Array.from({ length: 45 }, (_, i) => ({ id: String(i).padStart(3, '0') }));
  it('walks all pages with opaque cursors', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = pageBy(items, (item) => item.id, { limit: 20, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(
      seen,
      items.map((item) => item.id),
    );
  });
  it('reads a forged cursor as the first page', () => {
    assert.equal(decodeCursor('%%%not-base64'), undefined);
    assert.deepEqual(decodeCursor(encodeCursor({ at: '社区' })), { at: '社区' });
  });
  it('coerces and bounds the limit', () => {
    assert.equal(pageQuerySchema().parse({}).limit, 20);
    assert.equal(pageQuerySchema().parse({ limit: '5' }).limit, 5);
    assert.equal(pageQuerySchema().safeParse({ limit: 101 }).success, false);
  });
});

describe('errors', () => {
  it('map codes to statuses, i18n keys and problem+json', () => {
    const error = new DomainError('not_found', 'community x');
    assert.equal(error.status, 404);
    assert.equal(error.key, 'errors.not_found');
    assert.deepEqual(toProblem(error), {
      type: 'urn:shequ-kit:problem:not_found',
      title: 'not found',
      status: 404,
      code: 'not_found',
      detail: 'community x',
    });
    assert.equal(errorStatus.rate_limited, 429);
  });
  it('parse() throws validation_failed with field paths and i18n keys', () => {
    const schema = z.object({
      name: z.string().check(z.minLength(2, 'name.tooShort')),
      contact: z.object({ age: z.number() }),
    });
    try {
      parse(schema, { name: 'x', contact: { age: 'old' } });
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.fields, [
        { path: 'name', key: 'name.tooShort', params: { min: 2 } },
        { path: 'contact.age', key: 'validation.invalid_type' },
      ]);
    }
  });
});
