/** The demo street's 红黑榜: made through the services, every state, nothing private on the board. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedDemo } from '../../../src/features/core/demo.js';
import { seedDemoRedblack } from '../../../src/features/redblack/demo.js';
import { redblackBoard, scoreSheet } from '../../../src/features/redblack/service.js';
import { createContext } from '../../../src/services/context.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { manualClock } from '../../server/harness.js';

describe('redblack demo', () => {
  it('seeds this quarter: red building and masked person, black unit 已整改, a shop under appeal', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-11-03T02:00:00.000Z');
    assert.equal(await seedDemoRedblack(store, clock), false, 'no street, no board');
    await seedDemo(store);
    assert.equal(await seedDemoRedblack(store, clock), true);
    assert.equal(await seedDemoRedblack(store, clock), false, 'once');
    const board = await redblackBoard(createContext(store, { clock }), { community: 'xingfuli' });
    assert.deepEqual(
      board.red.map((e) => [e.subject.kind, e.subject.label, e.categoryName]).sort(),
      [
        ['building', '2号楼', '最美楼道'],
        ['person', '张*兰', '好人好事'],
      ],
    );
    assert.deepEqual(board.black.map((e) => [e.subject.label, e.status, e.appealable]).sort(), [
      ['5号楼1单元', 'rectified', true],
      ['幸福里东门早餐铺', 'published', true],
    ]);
    assert.ok(board.red.every((e) => e.periodLabel === '2026年第四季度'));
    const text = JSON.stringify(board);
    assert.ok(!text.includes('张桂兰'));
    assert.doesNotMatch(text, /(?<!\d)1[3-9]\d{9}(?!\d)|12345678/);
    const appeals = await store.redblackAppeals.list('xingfuli');
    assert.deepEqual(
      appeals.map((a) => a.status),
      ['pending'],
    );
    const waiting = await store.redblackEntries.list('xingfuli', { statuses: ['submitted'] });
    assert.equal(waiting.length, 1);
    const person = (await store.redblackEntries.list('xingfuli')).find(
      (e) => e.subject.kind === 'person',
    )!;
    assert.ok(person.subject.kind === 'person' && person.subject.consent.recordedBy);
    assert.notEqual(person.publishedBy, person.author);
    // 和谐楼道: six buildings scored this quarter, ranked with a tie, candidates suggested.
    const sheet = await scoreSheet(
      createContext(store, {
        clock,
        actor: { kind: 'staff', id: 'x', name: 'x', role: 'staff', community: 'xingfuli' },
      }),
      { community: 'xingfuli', period: '2026-Q4' },
    );
    assert.deepEqual(
      sheet.rows.map((r) => [r.name, r.total ?? null, r.rank ?? null, r.suggestion ?? null]),
      [
        ['1号楼', 40.5, 2, 'red'],
        ['2号楼', 47, 1, 'red'],
        ['3号楼', 39.5, 4, null],
        ['4号楼', 36, 5, null],
        ['5号楼', 26.5, 6, 'black'],
        ['6号楼', 40.5, 2, 'red'],
        ['7号楼', null, null, null],
      ],
    );
  });
});

describe('redblack demo in the embedded transport', () => {
  it('a bare board with no server shows the demo street (seeded on the feature’s first call, once)', async () => {
    await import('../../../src/features/redblack/sdk.js');
    const { createClient } = await import('../../../src/sdk/index.js');
    const store = createMemoryStore();
    const client = createClient({ embedded: { store, persistence: false } });
    const board = await client.redblack.board('xingfuli');
    assert.equal(board.red.length, 2);
    assert.equal(board.black.length, 2);
    const again = createClient({ embedded: { store, persistence: false } });
    assert.equal((await again.redblack.board('xingfuli')).red.length, 2, 'not seeded twice');
    const bare = createClient({ embedded: { store: createMemoryStore(), seed: false } });
    await assert.rejects(bare.redblack.board('xingfuli'), /not_found|community/i);
  });
});
