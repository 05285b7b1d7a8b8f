import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canTake,
  complaintActions,
  complaintInputSchema,
  complaintStatuses,
  dueDate,
  formatTicket,
  isOverdue,
  newQueryCode,
  nextStatus,
  queryCodeSchema,
  ratingAction,
  respondedInTime,
  toFieldErrors,
} from '../../../src/domain/index.js';

describe('complaint status machine', () => {
  it('walks the main path 已受理 → 已分派 → 处理中 → 已办结 → 已评价', () => {
    let status = nextStatus(undefined, 'submit')!;
    assert.equal(status, 'received');
    for (const [action, expected] of [
      ['assign', 'assigned'],
      ['start', 'in_progress'],
      ['reply', 'in_progress'],
      ['resolve', 'resolved'],
      ['rate', 'rated'],
    ] as const) {
      status = nextStatus(status, action)!;
      assert.equal(status, expected, action);
    }
  });
  it('reassigning keeps a case in progress', () => {
    assert.equal(nextStatus('in_progress', 'assign'), 'in_progress');
    assert.equal(nextStatus('assigned', 'assign'), 'assigned');
  });
  it('refuses illegal transitions instead of ignoring them', () => {
    assert.equal(nextStatus('received', 'resolve'), undefined);
    assert.equal(nextStatus('rated', 'reopen'), undefined);
    assert.equal(nextStatus('returned', 'assign'), undefined);
    assert.equal(nextStatus('in_progress', 'return'), undefined);
    assert.equal(nextStatus('received', 'submit'), undefined);
  });
  it('leaves terminal statuses only by internal notes', () => {
    for (const terminal of ['rated', 'returned', 'transferred'] as const) {
      const allowed = complaintActions.filter((a) => canTake(terminal, a));
      assert.deepEqual(allowed, ['note'], terminal);
    }
  });
  it('every status is reachable from submission', () => {
    const seen = new Set(['received']);
    let frontier = ['received'] as (typeof complaintStatuses)[number][];
    while (frontier.length) {
      const next = frontier
        .flatMap((s) => complaintActions.map((a) => nextStatus(s, a)))
        .filter((s) => s && !seen.has(s));
      for (const s of next) seen.add(s!);
      frontier = next as typeof frontier;
    }
    assert.deepEqual([...seen].sort(), [...complaintStatuses].sort());
  });
  it('不满意 reopens once, then closes as rated', () => {
    assert.equal(ratingAction('unsatisfied', 0), 'reopen');
    assert.equal(ratingAction('unsatisfied', 1), 'rate');
    assert.equal(ratingAction('satisfied', 0), 'rate');
    assert.equal(nextStatus('resolved', 'reopen'), 'in_progress');
  });
});

describe('complaint deadlines', () => {
  it('count working days from the Shanghai date of receipt, over holidays', () => {
    // Received Friday 2026-02-13 22:00 Beijing time; 3 working days: 14 (调休 Sat), 24, 25.
    assert.equal(dueDate('2026-02-13T14:00:00Z', 3), '2026-02-25');
    // 23:30 Beijing on Monday is still Monday.
    assert.equal(dueDate('2026-03-02T15:30:00Z', 1), '2026-03-03');
  });
  it('flag open cases past their due date, never closed ones', () => {
    const now = new Date('2026-03-04T02:00:00Z');
    assert.equal(isOverdue('in_progress', '2026-03-03', now), true);
    assert.equal(isOverdue('in_progress', '2026-03-04', now), false);
    assert.equal(isOverdue('resolved', '2026-03-03', now), false);
  });
  it('track the first response within one working day', () => {
    assert.equal(respondedInTime('2026-03-06T02:00:00Z', '2026-03-09T03:00:00Z'), true); // Fri → Mon
    assert.equal(respondedInTime('2026-03-06T02:00:00Z', '2026-03-10T03:00:00Z'), false);
    assert.equal(respondedInTime('2026-03-06T02:00:00Z', undefined), false);
  });
});

describe('tickets and query codes', () => {
  it('format tickets per year', () => {
    assert.equal(formatTicket(2026, 123), 'SQ-2026-000123');
  });
  it('make readable codes and accept them typed loosely', () => {
    const code = newQueryCode();
    assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
    assert.equal(
      queryCodeSchema.parse(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `),
      code,
    );
    assert.equal(queryCodeSchema.safeParse('ABC').success, false);
  });
});

describe('complaint input', () => {
  const valid = {
    community: 'xingfuli',
    category: 'noise',
    description: '楼上每天夜里装修，影响休息。',
    location: { community: 'xingfuli', grid: 'xfl-g1' },
    contact: { name: '张三', phone: '+86 138-1234-5678' },
    consent: true,
  } as const;
  it('normalises the phone and fills defaults', () => {
    const parsed = complaintInputSchema.parse(valid);
    assert.equal(parsed.contact?.phone, '13812345678');
    assert.deepEqual(parsed.photos, []);
    assert.equal(parsed.anonymous, false);
    assert.equal(parsed.publishConsent, false);
  });
  it('refuses a place in words that is too short instead of dropping the words', () => {
    const result = complaintInputSchema.safeParse({
      ...valid,
      location: { community: 'xingfuli', text: 'x' },
    });
    assert.equal(result.success, false);
    assert.deepEqual(
      toFieldErrors(result.error!.issues).map((f) => f.key),
      ['location.textTooShort'],
    );
  });
  it('accepts free-text places and anonymous reports without contact', () => {
    const parsed = complaintInputSchema.parse({
      ...valid,
      anonymous: true,
      contact: undefined,
      location: { community: 'xingfuli', text: '小区东门垃圾站' },
    });
    assert.equal(parsed.contact, undefined);
  });
  it('names each invalid field with an i18n key', () => {
    const result = complaintInputSchema.safeParse({
      ...valid,
      description: '太吵',
      contact: { name: '', phone: '12345678901' },
      consent: false,
      photos: Array.from({ length: 7 }, (_, i) => `p${i}`),
    });
    assert.equal(result.success, false);
    const keys = Object.fromEntries(
      toFieldErrors(result.error!.issues).map((f) => [f.path, f.key]),
    );
    assert.deepEqual(keys, {
      description: 'description.tooShort',
      photos: 'photos.tooMany',
      'contact.name': 'contact.nameRequired',
      'contact.phone': 'phone.invalid',
      consent: 'consent.required',
    });
  });
  it('requires contact unless anonymous, and a location in the same community', () => {
    const noContact = complaintInputSchema.safeParse({ ...valid, contact: undefined });
    assert.deepEqual(toFieldErrors(noContact.error!.issues), [
      { path: 'contact', key: 'contact.required' },
    ]);
    const elsewhere = complaintInputSchema.safeParse({
      ...valid,
      location: { community: 'chunhui' },
    });
    assert.deepEqual(toFieldErrors(elsewhere.error!.issues), [
      { path: 'location.community', key: 'location.otherCommunity' },
    ]);
  });
});
