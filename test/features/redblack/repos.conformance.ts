/** The 红黑榜 repositories' part of the store conformance suite (test/stores/conformance.ts). */
import { DomainError } from '../../../src/domain/index.js';
import type {
  Appeal,
  BuildingScoreSheet,
  RedblackChange,
  RedblackEntry,
} from '../../../src/features/redblack/model.js';
import {
  check,
  rejection,
  same,
  U,
  type It,
  type WithStore,
} from '../../stores/conformance-kit.js';

export const storedEntry = (id: string, extra: Partial<RedblackEntry> = {}): RedblackEntry => ({
  id,
  community: 'xingfuli',
  list: 'black',
  period: '2026-Q1',
  category: 'hallway-clutter',
  subject: { kind: 'unit', grid: 'xfl-g2', building: 'xfl-g2-b5', unit: 'xfl-g2-b5-u1' },
  reason: '楼道堆放纸箱和旧家具。',
  photos: [{ id: U('P9'), cleared: false }],
  status: 'published',
  author: 'xingfuli-grid',
  publishedBy: 'xingfuli-admin',
  publishedAt: '2026-03-02T01:00:00.000Z',
  until: '2026-06-30T16:00:00.000Z',
  renewals: 0,
  createdAt: '2026-03-02T01:00:00.000Z',
  updatedAt: '2026-03-02T01:00:00.000Z',
  history: [
    {
      at: '2026-03-02T01:00:00.000Z',
      action: 'create',
      to: 'draft',
      actor: { kind: 'staff', id: 'xingfuli-grid' },
    },
  ],
  ...extra,
});

export const storedAppeal = (id: string, extra: Partial<Appeal> = {}): Appeal => ({
  id,
  community: 'xingfuli',
  entry: 'e1',
  role: '楼栋长',
  name: '赵老板',
  phone: '13700001111',
  reason: '堆物已经清理，赵老板 13700001111。',
  codeHash: `code-${id}`,
  status: 'pending',
  createdAt: '2026-03-02T01:00:00.000Z',
  dueBy: '2026-03-09',
  history: [
    {
      at: '2026-03-02T01:00:00.000Z',
      action: 'file',
      to: 'pending',
      actor: { kind: 'resident' },
      text: '赵老板来电',
    },
  ],
  ...extra,
});

const change = (id: string, at: string, extra: Partial<RedblackChange> = {}): RedblackChange => ({
  id,
  community: 'xingfuli',
  entry: 'e1',
  at,
  kind: 'withdrawn',
  list: 'black',
  period: '2026-Q1',
  subject: '5号楼1单元',
  note: '经复核撤销',
  ...extra,
});

const sheet = (
  building: string,
  period: string,
  total: number,
  extra: Partial<BuildingScoreSheet> = {},
): BuildingScoreSheet => ({
  community: 'xingfuli',
  period,
  building,
  scores: { sanitation: total / 2, dogs: total / 2 },
  total,
  scoredBy: 'xingfuli-grid',
  scoredAt: '2026-03-02T01:00:00.000Z',
  history: [],
  ...extra,
});

export function redblackConformance(withStore: WithStore, it: It) {
  it(
    'redblack: score sheets by community, period and building; a period, a building, periods',
    withStore(async (store) => {
      const one = sheet('xfl-g1-b2', '2026-Q1', 15.5);
      await store.redblackScores.put(one);
      same(await store.redblackScores.get('xingfuli', '2026-Q1', 'xfl-g1-b2'), one, 'round trip');
      check(
        (await store.redblackScores.get('xingfuli', '2026-Q1', 'xfl-g1-b2\u0000')) === undefined,
        'NUL key',
      );
      check(
        (await store.redblackScores.get('xingfuli', '2026-Q2', 'xfl-g1-b2')) === undefined,
        'other period',
      );
      // Replaced by (community, period, building), with the old version in its history.
      const again = sheet('xfl-g1-b2', '2026-Q1', 18, {
        scoredBy: 'xingfuli-admin',
        scoredAt: '2026-03-03T01:00:00.000Z',
        history: [
          {
            scores: one.scores,
            total: one.total,
            scoredBy: one.scoredBy,
            scoredAt: one.scoredAt,
          },
        ],
      });
      await store.redblackScores.put(again);
      same(await store.redblackScores.get('xingfuli', '2026-Q1', 'xfl-g1-b2'), again, 'replaced');
      await store.redblackScores.put(sheet('xfl-g1-b1', '2026-Q1', 12));
      await store.redblackScores.put(sheet('xfl-g1-b2', '2025-Q4', 10));
      await store.redblackScores.put(sheet('xfl-g1-b2', '2026-03', 9));
      await store.redblackScores.put(sheet('xfl-g1-b2', '2026-Q1', 5, { community: 'chunhui' }));
      same(
        (await store.redblackScores.listPeriod('xingfuli', '2026-Q1')).map((s) => [
          s.building,
          s.total,
        ]),
        [
          ['xfl-g1-b1', 12],
          ['xfl-g1-b2', 18],
        ],
        'a period, by building',
      );
      same(
        (await store.redblackScores.listBuilding('xingfuli', 'xfl-g1-b2')).map((s) => s.period),
        ['2026-Q1', '2026-03', '2025-Q4'],
        "a building's periods, newest key first",
      );
      same(
        await store.redblackScores.periods('xingfuli'),
        ['2026-Q1', '2026-03', '2025-Q4'],
        'periods, newest key first',
      );
      same(await store.redblackScores.periods('nowhere'), [], 'no periods');
      same(await store.redblackScores.listPeriod('xingfuli\u0000', '2026-Q1'), [], 'NUL community');
      // A locked read inside a transaction, and a rollback leaves the sheet as it was.
      await store
        .transaction(async (tx) => {
          const locked = await tx.redblackScores.get('xingfuli', '2026-Q1', 'xfl-g1-b1', {
            lock: true,
          });
          check(locked?.total === 12, 'locked read');
          await tx.redblackScores.put(sheet('xfl-g1-b1', '2026-Q1', 1));
          throw new Error('rollback');
        })
        .catch(() => undefined);
      same(
        (await store.redblackScores.get('xingfuli', '2026-Q1', 'xfl-g1-b1'))?.total,
        12,
        'rolled back',
      );
    }),
  );

  it(
    'redblack: entries by id, listed newest first by status, period and board time; periods',
    withStore(async (store) => {
      const one = storedEntry('e1');
      await store.redblackEntries.put(one);
      same(await store.redblackEntries.get('e1'), one, 'round trip');
      check((await store.redblackEntries.get('e1\u0000')) === undefined, 'NUL id');
      await store.redblackEntries.put(
        storedEntry('e2', { createdAt: '2026-03-03T01:00:00.000Z', status: 'draft' }),
      );
      await store.redblackEntries.put(
        storedEntry('e3', {
          createdAt: '2026-03-03T01:00:00.000Z',
          list: 'red',
          period: '2026-03',
          until: '2026-03-31T16:00:00.000Z',
          subject: { kind: 'building', grid: 'xfl-g1', building: 'xfl-g1-b2' },
        }),
      );
      await store.redblackEntries.put(storedEntry('e4', { community: 'chunhui' }));
      same(
        (await store.redblackEntries.list('xingfuli')).map((e) => e.id),
        ['e3', 'e2', 'e1'],
        'newest first, then id',
      );
      same(
        (await store.redblackEntries.list('xingfuli', { statuses: ['published'] })).map(
          (e) => e.id,
        ),
        ['e3', 'e1'],
        'by status',
      );
      same(
        (await store.redblackEntries.list('xingfuli', { period: '2026-Q1' })).map((e) => e.id),
        ['e2', 'e1'],
        'by period',
      );
      same(
        (
          await store.redblackEntries.list('xingfuli', {
            statuses: ['published'],
            onBoardAt: '2026-04-01T00:00:00.000Z',
          })
        ).map((e) => e.id),
        ['e1'],
        'still on the board then',
      );
      same(
        await store.redblackEntries.list('xingfuli', { statuses: [] }),
        [],
        'no status, nothing',
      );
      same(
        await store.redblackEntries.periods('xingfuli', ['published']),
        ['2026-Q1', '2026-03'],
        'periods, newest key first',
      );
      const got = (await store.redblackEntries.get('e1'))!;
      got.reason = 'changed';
      same((await store.redblackEntries.get('e1'))!.reason, one.reason, 'copy');
      // Locked reads inside a transaction, and a replace.
      await store.transaction(async (tx) => {
        const e = (await tx.redblackEntries.get('e1', { lock: true }))!;
        e.status = 'withdrawn';
        await tx.redblackEntries.put(e);
      });
      same((await store.redblackEntries.get('e1'))!.status, 'withdrawn', 'replaced');
    }),
  );

  it(
    'redblack: evidence photos of an entry are never orphans',
    withStore(async (store) => {
      await store.uploads.put({
        id: U('P9'),
        type: 'image/png',
        size: 1,
        createdAt: '2026-03-01T00:00:00.000Z',
      });
      await store.uploads.put({
        id: U('P8'),
        type: 'image/png',
        size: 1,
        createdAt: '2026-03-01T00:00:00.000Z',
      });
      await store.redblackEntries.put(storedEntry('e1'));
      same(
        await store.uploads.deleteOrphans('2026-04-01T00:00:00.000Z', 10),
        [U('P8')],
        'only the photo nobody refers to',
      );
      check(await store.uploads.get(U('P9')), 'the evidence stays');
    }),
  );

  it(
    'redblack: appeals by id, code (unique), community and entry; the change log newest first',
    withStore(async (store) => {
      const a = storedAppeal('a1');
      await store.redblackAppeals.put(a);
      same(await store.redblackAppeals.get('a1'), a, 'by id');
      same(await store.redblackAppeals.getByCode('code-a1'), a, 'by code');
      check((await store.redblackAppeals.getByCode('nope')) === undefined, 'unknown code');
      const clash = await rejection(
        store.redblackAppeals.put(storedAppeal('a2', { codeHash: 'code-a1' })),
      );
      check(clash instanceof DomainError && clash.code === 'conflict', 'code taken');
      await store.redblackAppeals.put(
        storedAppeal('a2', { createdAt: '2026-03-03T01:00:00.000Z', status: 'dismissed' }),
      );
      await store.redblackAppeals.put(storedAppeal('a3', { entry: 'e2' }));
      await store.redblackAppeals.put(storedAppeal('a4', { community: 'chunhui', entry: 'e9' }));
      same(
        (await store.redblackAppeals.list('xingfuli')).map((x) => x.id),
        ['a1', 'a3', 'a2'],
        'oldest first, then id',
      );
      same(
        (await store.redblackAppeals.list('xingfuli', 'pending')).map((x) => x.id),
        ['a1', 'a3'],
        'by status',
      );
      same(
        (await store.redblackAppeals.listByEntry('e1')).map((x) => x.id),
        ['a1', 'a2'],
        'by entry',
      );
      await store.redblackChanges.add(change('c1', '2026-03-02T01:00:00.000Z'));
      await store.redblackChanges.add(change('c2', '2026-03-05T01:00:00.000Z'));
      await store.redblackChanges.add(change('c3', '2026-03-04T01:00:00.000Z'));
      await store.redblackChanges.add(
        change('c4', '2026-03-09T01:00:00.000Z', { community: 'chunhui' }),
      );
      same(
        (await store.redblackChanges.latest('xingfuli', 2)).map((c) => c.id),
        ['c2', 'c3'],
        'newest first, limited',
      );
    }),
  );

  it(
    'redblack: retention anonymises appeals decided before the cutoff, keeps the rest',
    withStore(async (store) => {
      const decided = storedAppeal('r1', {
        status: 'dismissed',
        decision: {
          at: '2026-03-05T01:00:00.000Z',
          by: 'xingfuli-admin',
          outcome: 'dismissed',
          text: '赵老板所述与现场不符',
        },
      });
      const late = storedAppeal('r2', {
        status: 'upheld',
        decision: {
          at: '2026-06-05T01:00:00.000Z',
          by: 'xingfuli-admin',
          outcome: 'upheld',
          text: '经复核撤销',
        },
      });
      const open = storedAppeal('r3');
      for (const a of [decided, late, open]) await store.redblackAppeals.put(a);
      const batch = {
        community: 'xingfuli',
        endedBefore: '2026-05-01T00:00:00.000Z',
        at: '2026-05-01T00:00:00.000Z',
        limit: 10,
      };
      const dry = await store.transaction((tx) =>
        tx.redblackAppeals.anonymiseEnded({ ...batch, dryRun: true }),
      );
      same(dry.anonymised, ['r1'], 'dry run finds the decided one');
      same((await store.redblackAppeals.get('r1'))!.phone, '13700001111', 'and changes nothing');
      const done = await store.transaction((tx) => tx.redblackAppeals.anonymiseEnded(batch));
      same(done.anonymised, ['r1'], 'the one decided before the cutoff');
      const gone = (await store.redblackAppeals.get('r1'))!;
      const text = JSON.stringify(gone);
      for (const personal of ['赵老板', '13700001111', '楼栋长', '堆物已经清理', 'code-r1']) {
        check(!text.includes(personal), `${personal} is gone`);
      }
      same(
        [gone.status, gone.entry, gone.decision?.outcome, gone.anonymisedAt],
        ['dismissed', 'e1', 'dismissed', batch.at],
        'counts kept',
      );
      check(
        (await store.redblackAppeals.getByCode('code-r1')) === undefined,
        'the code opens nothing',
      );
      same(await store.redblackAppeals.get('r2'), late, 'decided after the cutoff: kept');
      same(await store.redblackAppeals.get('r3'), open, 'pending: kept');
      same(
        (await store.transaction((tx) => tx.redblackAppeals.anonymiseEnded(batch))).anonymised,
        [],
        'idempotent',
      );
    }),
  );
}
