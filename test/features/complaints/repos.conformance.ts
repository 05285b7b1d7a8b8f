/**
 * The complaint, counter and upload repositories' part of the store conformance suite
 * (test/stores/conformance.ts).
 */
import { DomainError, type Complaint, type Wish } from '../../../src/domain/index.js';
import type { Store } from '../../../src/services/store.js';
import {
  check,
  rejection,
  same,
  U,
  type It,
  type WithStore,
} from '../../stores/conformance-kit.js';

// ---- 居民说事: the complaint, counter and upload repositories ----

const complaint = (id: string, extra: Partial<Complaint> = {}): Complaint => ({
  id,
  ticket: `SQ-2026-${id.padStart(6, '0')}`,
  community: 'xingfuli',
  category: 'noise',
  description: '楼上每天半夜装修，吵得睡不着觉。',
  location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b1' },
  answers: {},
  photos: [],
  anonymous: false,
  contact: { name: '张三丰', phone: '13812341234' },
  publishConsent: false,
  status: 'received',
  receivedAt: '2026-03-02T01:00:00.000Z',
  dueDate: '2026-03-05',
  reopened: 0,
  queryCodeHash: `hash-${id}`,
  history: [
    {
      at: extra.receivedAt ?? '2026-03-02T01:00:00.000Z',
      action: 'submit',
      to: 'received',
      actor: { kind: 'resident' },
      public: true,
    },
  ],
  ...extra,
});

export function complaintConformance(withStore: WithStore, it: It) {
  it(
    'complaints: put, get by id and by ticket, replace, copies out',
    withStore(async (store) => {
      check((await store.complaints.get('nope')) === undefined, 'unknown id');
      check((await store.complaints.getByTicket('SQ-2026-999999')) === undefined, 'unknown ticket');
      const a = complaint('1', { photos: ['P1'], answers: { floor: '6' } });
      await store.complaints.put(a);
      same(await store.complaints.get('1'), a, 'round trip by id');
      same(await store.complaints.getByTicket(a.ticket), a, 'round trip by ticket');
      const got = (await store.complaints.get('1'))!;
      got.history.push({ ...got.history[0]!, action: 'note' });
      same((await store.complaints.get('1'))!.history.length, 1, 'a copy');
      await store.complaints.put({
        ...a,
        status: 'assigned',
        handler: { id: 's1', name: '王建国' },
      });
      same((await store.complaints.get('1'))!.status, 'assigned', 'replaced');
      for (const key of ['a\u0000b', '\ud800']) {
        check((await store.complaints.get(key)) === undefined, `id ${JSON.stringify(key)}`);
        check((await store.complaints.getByTicket(key)) === undefined, 'ticket NUL');
        check(!(await store.complaints.hasPhoto('xingfuli', key)), 'photo NUL');
        check((await store.uploads.get(key)) === undefined, 'upload NUL');
      }
    }),
  );

  it(
    'complaints: a ticket belongs to one case (conflict)',
    withStore(async (store) => {
      await store.complaints.put(complaint('1'));
      const error = await rejection(
        store.complaints.put(complaint('2', { ticket: complaint('1').ticket })),
      );
      check(
        error instanceof DomainError && error.code === 'conflict',
        `conflict: ${String(error)}`,
      );
      check((await store.complaints.get('2')) === undefined, 'not stored');
    }),
  );

  it(
    'complaints: lists one community newest first, filtered, paged by cursor without gaps',
    withStore(async (store) => {
      const at = (minute: number) => `2026-03-02T01:${String(minute).padStart(2, '0')}:00.000Z`;
      // 12 cases; pairs share a receipt time, so the id breaks ties.
      for (let i = 1; i <= 12; i++) {
        await store.complaints.put(
          complaint(U(String(i).padStart(2, '0')), {
            receivedAt: at(Math.ceil(i / 2)),
            status: i % 3 === 0 ? 'resolved' : 'received',
            category: i % 2 ? 'noise' : 'property',
            location: { community: 'xingfuli', grid: i <= 6 ? 'xfl-g1' : 'xfl-g2' },
            dueDate: i <= 4 ? '2026-03-03' : '2026-03-10',
          }),
        );
      }
      await store.complaints.put(complaint(U('99'), { community: 'chunhui', receivedAt: at(30) }));
      await store.complaints.put(
        complaint(U('98'), { location: { community: 'xingfuli', text: '小区东门' } }),
      );
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.complaints.list({ community: 'xingfuli', limit: 5, cursor });
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      same(
        ids,
        ['12', '11', '10', '09', '08', '07', '06', '05', '04', '03', '02', '01', '98'].map(U),
        'newest first, ties by id descending, every case once',
      );
      same(pages, 3, 'three pages');
      const only = async (filter: Partial<Parameters<Store['complaints']['list']>[0]>) =>
        (await store.complaints.list({ community: 'xingfuli', limit: 100, ...filter })).items.map(
          (c) => c.id,
        );
      same(await only({ status: 'resolved' }), ['12', '09', '06', '03'].map(U), 'by status');
      same(
        await only({ category: 'property', grid: 'xfl-g2' }),
        ['12', '10', '08'].map(U),
        'by grid',
      );
      same(
        await only({ overdue: { value: true, today: '2026-03-04' } }),
        ['04', '02', '01'].map(U),
        'open and past due',
      );
      same((await only({ overdue: { value: false, today: '2026-03-04' } })).length, 10, 'the rest');
      same(
        (await store.complaints.list({ community: 'xingfuli', limit: 5, cursor: 'forged!' })).items
          .length,
        5,
        'a forged cursor reads as the first page',
      );
    }),
  );

  it(
    'complaints: received in a period (metrics), and photos by community',
    withStore(async (store) => {
      await store.complaints.put(complaint('1', { receivedAt: '2026-02-28T15:59:59.999Z' }));
      await store.complaints.put(
        complaint('2', { receivedAt: '2026-02-28T16:00:00.000Z', photos: ['UP1', 'UP2'] }),
      );
      await store.complaints.put(complaint('3', { receivedAt: '2026-03-31T15:59:59.000Z' }));
      await store.complaints.put(complaint('4', { receivedAt: '2026-03-31T16:00:00.000Z' }));
      await store.complaints.put(
        complaint('5', {
          community: 'chunhui',
          receivedAt: '2026-03-05T00:00:00.000Z',
          photos: ['UP3'],
        }),
      );
      same(
        (
          await store.complaints.listReceived(
            'xingfuli',
            '2026-02-28T16:00:00.000Z',
            '2026-03-31T16:00:00.000Z',
          )
        ).map((c) => c.id),
        ['2', '3'],
        '[from, to), oldest first, one community',
      );
      check(await store.complaints.hasPhoto('xingfuli', 'UP2'), 'own photo');
      check(!(await store.complaints.hasPhoto('xingfuli', 'UP3')), 'another community’s');
      check(!(await store.complaints.hasPhoto('xingfuli', 'UP9')), 'nobody’s');
    }),
  );

  it(
    'complaints: the 三率 counted per category where the cases are (tally)',
    withStore(async (store) => {
      // Received Mon 2 March (Shanghai); a first response is late from Wed 4 March.
      const rated = (value: 'satisfied' | 'unsatisfied') => ({
        value,
        at: '2026-03-06T00:00:00.000Z',
      });
      await store.complaints.put(
        complaint('1', {
          status: 'rated',
          firstResponseAt: '2026-03-03T15:59:59.000Z',
          rating: rated('satisfied'),
        }),
      );
      await store.complaints.put(
        complaint('2', {
          status: 'rated',
          firstResponseAt: '2026-03-03T16:00:00.000Z',
          rating: rated('unsatisfied'),
        }),
      );
      await store.complaints.put(
        complaint('3', { status: 'resolved', firstResponseAt: '2026-03-02T02:00:00.000Z' }),
      );
      await store.complaints.put(complaint('4', { status: 'in_progress', dueDate: '2026-03-04' }));
      await store.complaints.put(
        complaint('5', { category: 'repair', status: 'received', dueDate: '2026-03-05' }),
      );
      await store.complaints.put(complaint('6', { receivedAt: '2026-03-03T16:00:00.000Z' }));
      await store.complaints.put(complaint('7', { community: 'chunhui' }));
      const tallies = await store.complaints.tally({
        community: 'xingfuli',
        from: '2026-03-01T16:00:00.000Z',
        to: '2026-03-02T16:00:00.000Z',
        today: '2026-03-05',
        firstDay: '2026-03-02',
        responseLateFrom: ['2026-03-04'],
      });
      same(
        [...tallies].sort((a, b) => (a.category < b.category ? -1 : 1)),
        [
          {
            category: 'noise',
            total: 4,
            respondedInTime: 2,
            resolved: 3,
            rated: 2,
            satisfied: 1,
            overdue: 1,
          },
          {
            category: 'repair',
            total: 1,
            respondedInTime: 0,
            resolved: 0,
            rated: 0,
            satisfied: 0,
            overdue: 0,
          },
        ],
        'one community, received in [from, to), each rule of tallyCase',
      );
    }),
  );

  it(
    'counters: count from 1 per name, never hand out a number twice, never wait on a transaction',
    withStore(async (store) => {
      same(await store.counters.next('complaint-ticket:2026'), 1, 'first');
      same(await store.counters.next('complaint-ticket:2026'), 2, 'second');
      same(await store.counters.next('complaint-ticket:2027'), 1, 'another name');
      await store
        .transaction(async (tx) => {
          await tx.counters.next('complaint-ticket:2026');
          throw new Error('rollback');
        })
        .catch(() => undefined);
      const got = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction((tx) => tx.counters.next('complaint-ticket:2026')),
        ),
      );
      check(new Set(got).size === 20, 'distinct');
      check(
        got.every((n) => n > 2),
        'after the earlier ones (a number rolled back, or left in a block, may be skipped)',
      );
    }),
  );

  it(
    'complaints: loses no event when 10 transactions append to one case at once',
    withStore(async (store) => {
      await store.complaints.put(complaint('1'));
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.transaction(async (tx) => {
            const c = (await tx.complaints.get('1', { lock: true }))!;
            c.history.push({ ...c.history[0]!, action: 'note', text: `n${i}`, public: false });
            await tx.complaints.put(c);
          }),
        ),
      );
      same((await store.complaints.get('1'))!.history.length, 11, 'all appended');
    }),
  );

  it(
    'uploads: records by id',
    withStore(async (store) => {
      check((await store.uploads.get('nope')) === undefined, 'unknown');
      const record = {
        id: 'UPLOAD1',
        type: 'image/png',
        size: 42,
        createdAt: '2026-03-02T01:00:00.000Z',
      };
      await store.uploads.put(record);
      const got = await store.uploads.get('UPLOAD1');
      same(
        got && { id: got.id, type: got.type, size: got.size, createdAt: got.createdAt },
        record,
        'round trip',
      );
    }),
  );

  it(
    'uploads: deletes old ones no complaint or wish refers to, and nothing else',
    withStore(async (store) => {
      const upload = (id: string, createdAt: string) =>
        store.uploads.put({ id, type: 'image/png', size: 1, createdAt });
      const old = '2026-03-01T00:00:00.000Z';
      await upload('ORPHAN', old);
      await upload('ONCASE', old);
      await upload('ONWISH', old);
      await upload('FRESH', '2026-03-02T12:00:00.000Z');
      await store.complaints.put(complaint('71', { photos: ['ONCASE'] }));
      await store.wishes.put({
        id: 'W1',
        community: 'xingfuli',
        category: 'daily',
        title: '心愿',
        story: '想要一台收音机，听听戏曲。',
        wisherName: '王秀英',
        phone: '13812341234',
        status: 'fulfilled',
        createdAt: old,
        codeHash: 'code-orphan-test',
        fulfilment: { at: old, note: '已送到', photo: 'ONWISH' },
        history: [{ at: old, action: 'submit', to: 'pending_review', actor: { kind: 'wisher' } }],
      } as Wish);
      const before = '2026-03-02T00:00:00.000Z';
      same(await store.uploads.deleteOrphans(before, 10), ['ORPHAN'], 'only the orphan');
      check((await store.uploads.get('ORPHAN')) === undefined, 'its record is gone');
      for (const id of ['ONCASE', 'ONWISH', 'FRESH']) {
        check((await store.uploads.get(id)) !== undefined, `${id} stays`);
      }
      same(await store.uploads.deleteOrphans(before, 10), [], 'nothing left to delete');
    }),
  );
}
