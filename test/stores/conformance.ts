/**
 * The store conformance suite: every Store implementation (memory, memory + IndexedDB, SQL on
 * PGlite and on PostgreSQL) must pass it. Runner-agnostic: pass node:test's or mocha's
 * describe/it, so the same cases run in Node and in the browser.
 */
import { demoCommunities } from '../../src/features/core/demo.js';
import type { Store } from '../../src/services/store.js';
import { DomainError, type Community, type Complaint, type Wish } from '../../src/domain/index.js';
import type { Session, StaffAccount } from '../../src/features/core/auth-model.js';

export interface StoreHarness {
  /** A store over empty data. */
  open(): Promise<Store>;
  /** Opens the same data again after `close()`, for stores that persist. */
  reopen?(): Promise<Store>;
}

type Describe = (name: string, fn: () => void) => void;
type It = (name: string, fn: () => Promise<void>) => void;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const same = (a: unknown, b: unknown, message: string) =>
  check(
    JSON.stringify(a) === JSON.stringify(b),
    `${message}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`,
  );

const community = (id: string, extra: Partial<Community> = {}): Community => ({
  ...structuredClone(demoCommunities[0]!),
  id,
  ...extra,
});

const account = (id: string, extra: Partial<StaffAccount> = {}): StaffAccount => ({
  id,
  username: `user-${id}`.toLowerCase(),
  name: '王芳',
  role: 'staff',
  community: 'xingfuli',
  passwordHash: 'scrypt$test',
  createdAt: '2026-03-01T08:00:00.000Z',
  ...extra,
});

const session = (id: string, expiresAt: string, staffId = 's1'): Session => ({
  id,
  staffId,
  createdAt: '2026-03-01T08:00:00.000Z',
  expiresAt,
});

/** A ULID-shaped id from a short one (`'a'` → `'0…0A'`): cursors carry ULIDs only. */
const U = (short: string) => short.toUpperCase().padStart(26, '0');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

export function storeConformance(name: string, harness: StoreHarness, describe: Describe, it: It) {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await harness.open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  describe(`Store conformance: ${name}`, () => {
    it(
      'puts, gets and lists communities sorted by id',
      withStore(async (store) => {
        check((await store.communities.get('nope')) === undefined, 'unknown id is undefined');
        await store.communities.put(community('b'));
        await store.communities.put(community('a', { name: '甲社区' }));
        same(
          (await store.communities.list()).map((c) => c.id),
          ['a', 'b'],
          'sorted list',
        );
        same(await store.communities.get('a'), community('a', { name: '甲社区' }), 'round trip');
      }),
    );

    it(
      'replaces on put and returns copies, not live objects',
      withStore(async (store) => {
        await store.communities.put(community('a'));
        const got = (await store.communities.get('a'))!;
        got.name = 'changed outside';
        got.grids.length = 0;
        same((await store.communities.get('a'))!.name, demoCommunities[0]!.name, 'copy');
        await store.communities.put(community('a', { name: '新名字' }));
        same((await store.communities.get('a'))!.name, '新名字', 'replaced');
        same((await store.communities.list()).length, 1, 'still one');
      }),
    );

    it(
      'keeps nothing of a transaction that throws',
      withStore(async (store) => {
        await store.communities.put(community('a'));
        let thrown: unknown;
        try {
          await store.transaction(async (tx) => {
            await tx.communities.put(community('a', { name: '改了' }));
            await tx.communities.put(community('b'));
            throw new Error('boom');
          });
        } catch (error) {
          thrown = error;
        }
        check(thrown instanceof Error && thrown.message === 'boom', 'the error reaches the caller');
        same((await store.communities.get('a'))!.name, demoCommunities[0]!.name, 'a unchanged');
        check((await store.communities.get('b')) === undefined, 'b not created');
      }),
    );

    it(
      'sees its own writes inside a transaction, and joins nested ones',
      withStore(async (store) => {
        await store.transaction(async (tx) => {
          await tx.communities.put(community('a'));
          check((await tx.communities.get('a')) !== undefined, 'own write visible');
          await tx.transaction(async (inner) => inner.communities.put(community('b')));
        });
        same(
          (await store.communities.list()).map((c) => c.id),
          ['a', 'b'],
          'both committed',
        );
      }),
    );

    it(
      'loses no update when 20 transactions read-modify-write the same row at once',
      withStore(async (store) => {
        await store.communities.put(community('a', { grids: [] }));
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transaction(async (tx) => {
              const current = (await tx.communities.get('a'))!;
              // Yield between read and write, where another transaction could sneak in.
              await new Promise((resolve) => setTimeout(resolve, 1));
              current.grids.push({ id: `g${i}`, name: `网格${i}`, buildings: [] });
              await tx.communities.put(current);
            }),
          ),
        );
        same((await store.communities.get('a'))!.grids.length, 20, 'all 20 grids kept');
      }),
    );

    it(
      'stores staff accounts, finds them by username, lists a community sorted by username',
      withStore(async (store) => {
        check((await store.staff.get('nope')) === undefined, 'unknown staff is undefined');
        await store.staff.put(account('s2', { username: 'zhao' }));
        await store.staff.put(account('s1', { username: 'li', role: 'admin' }));
        await store.staff.put(account('s3', { username: 'qian', community: 'chunhui' }));
        same(
          await store.staff.get('s1'),
          account('s1', { username: 'li', role: 'admin' }),
          'round trip',
        );
        same((await store.staff.getByUsername('zhao'))?.id, 's2', 'by username');
        check((await store.staff.getByUsername('nobody')) === undefined, 'unknown username');
        same(
          (await store.staff.listByCommunity('xingfuli')).map((a) => a.username),
          ['li', 'zhao'],
          'one community, by username',
        );
        await store.staff.put(account('s2', { username: 'zhou', disabled: true }));
        same((await store.staff.get('s2'))?.username, 'zhou', 'renamed by put');
        check((await store.staff.getByUsername('zhao')) === undefined, 'old username freed');
        same((await store.staff.get('s2'))?.disabled, true, 'disabled kept');
      }),
    );

    it(
      'refuses a username another account has, even when two are created at once',
      withStore(async (store) => {
        await store.staff.put(account('s1', { username: 'wang' }));
        const error = await rejection(store.staff.put(account('s2', { username: 'wang' })));
        check(
          error instanceof DomainError && error.code === 'conflict',
          `conflict, got ${String(error)}`,
        );
        same(error.fields, [{ path: 'username', key: 'username.taken' }], 'field error');
        const results = await Promise.allSettled(
          ['a', 'b', 'c', 'd'].map((id) =>
            store.transaction(async (tx) => {
              await tx.staff.put(account(id, { username: 'same' }));
              await new Promise((resolve) => setTimeout(resolve, 1));
            }),
          ),
        );
        same(results.filter((r) => r.status === 'fulfilled').length, 1, 'exactly one wins');
        for (const result of results) {
          if (result.status === 'rejected') {
            check(
              result.reason instanceof DomainError && result.reason.code === 'conflict',
              `losers get conflict, got ${String(result.reason)}`,
            );
          }
        }
      }),
    );

    it(
      'stores, deletes and expires sessions',
      withStore(async (store) => {
        await store.sessions.put(session('t1', '2026-03-01T09:00:00.000Z'));
        await store.sessions.put(session('t2', '2026-03-01T10:00:00.000Z'));
        await store.sessions.put(session('t3', '2026-03-02T10:00:00.000Z'));
        same(
          await store.sessions.get('t1'),
          session('t1', '2026-03-01T09:00:00.000Z'),
          'round trip',
        );
        await store.sessions.delete('t1');
        await store.sessions.delete('never-existed');
        check((await store.sessions.get('t1')) === undefined, 'deleted');
        same(await store.sessions.deleteExpired('2026-03-01T10:00:00.000Z'), 1, 'one expired');
        check((await store.sessions.get('t2')) === undefined, 'expired gone');
        check((await store.sessions.get('t3')) !== undefined, 'live kept');
      }),
    );

    it(
      'finds nothing, without failing, for keys no store can hold (NUL, lone surrogates)',
      withStore(async (store) => {
        for (const key of ['a\u0000b', '\u0000', '\ud800', 'x\udfffy'.repeat(20)]) {
          check(
            (await store.communities.get(key)) === undefined,
            `community ${JSON.stringify(key)}`,
          );
          check((await store.staff.get(key)) === undefined, `staff ${JSON.stringify(key)}`);
          check(
            (await store.staff.getByUsername(key)) === undefined,
            `username ${JSON.stringify(key)}`,
          );
          check((await store.sessions.get(key)) === undefined, `session ${JSON.stringify(key)}`);
        }
      }),
    );

    wishConformance(withStore, it);
    complaintConformance(withStore, it);

    if (harness.reopen) {
      const reopen = harness.reopen;
      it('keeps committed data across close and reopen', async () => {
        const store = await harness.open();
        await store.communities.put(community('kept'));
        await store
          .transaction(async (tx) => {
            await tx.communities.put(community('dropped'));
            throw new Error('rollback');
          })
          .catch(() => undefined);
        await store.close();
        const again = await reopen();
        try {
          same(
            (await again.communities.list()).map((c) => c.id),
            ['kept'],
            'after reopen',
          );
        } finally {
          await again.close();
        }
      });
    }
  });
}

// ---- 微心愿: the wish repository ----

const wish = (id: string, extra: Partial<Wish> = {}): Wish => ({
  id,
  community: 'xingfuli',
  category: 'daily',
  title: `心愿 ${id}`,
  story: '想要一台收音机，听听戏曲。',
  wisherName: '王秀英',
  phone: '13812341234',
  status: 'open',
  createdAt: '2026-03-02T01:00:00.000Z',
  codeHash: `code-${id}`,
  history: [
    {
      at: extra.createdAt ?? '2026-03-02T01:00:00.000Z',
      action: 'submit',
      to: 'pending_review',
      actor: { kind: 'wisher' },
    },
  ],
  ...extra,
});

const claimOf = (code: string, holdUntil: string): NonNullable<Wish['claim']> => ({
  type: 'party_member',
  name: '李建国',
  phone: '13912345678',
  at: '2026-03-02T02:00:00.000Z',
  holdUntil,
  codeHash: code,
});

function wishConformance(
  withStore: (fn: (store: Store) => Promise<void>) => () => Promise<void>,
  it: It,
) {
  it(
    'wishes: round trip by id, wisher code and claim code; copies out',
    withStore(async (store) => {
      const w = wish('w1', {
        grid: 'xfl-g1',
        claim: claimOf('claim-1', '2026-03-09T02:00:00.000Z'),
        status: 'claimed',
      });
      await store.wishes.put(w);
      same(await store.wishes.get('w1'), w, 'by id');
      same(await store.wishes.getByCode('code-w1'), w, 'by code');
      same(await store.wishes.getByClaimCode('claim-1'), w, 'by claim code');
      check((await store.wishes.get('nope')) === undefined, 'unknown id');
      check((await store.wishes.getByCode('nope')) === undefined, 'unknown code');
      check((await store.wishes.getByClaimCode('a\u0000b')) === undefined, 'NUL code');
      const got = (await store.wishes.get('w1'))!;
      got.title = 'changed outside';
      same((await store.wishes.get('w1'))!.title, w.title, 'copy');
      // Released: the claim code no longer finds it.
      await store.wishes.put({ ...w, status: 'open', claim: undefined });
      check((await store.wishes.getByClaimCode('claim-1')) === undefined, 'claim code gone');
    }),
  );

  it(
    'wishes: a code hash another wish has is a conflict',
    withStore(async (store) => {
      await store.wishes.put(wish('w1', { claim: claimOf('c', '2026-03-09T00:00:00.000Z') }));
      const error = await rejection(store.wishes.put(wish('w2', { codeHash: 'code-w1' })));
      check(error instanceof DomainError && error.code === 'conflict', 'same wisher code');
      const again = await rejection(
        store.wishes.put(wish('w3', { claim: claimOf('c', '2026-03-09T00:00:00.000Z') })),
      );
      check(again instanceof DomainError && again.code === 'conflict', 'same claim code');
      check((await store.wishes.get('w2')) === undefined, 'w2 not stored');
    }),
  );

  it(
    'wishes: lists newest first with filters and cursor pages (ties broken by id)',
    withStore(async (store) => {
      const at = (n: number) => `2026-03-0${n}T01:00:00.000Z`;
      await store.wishes.put(wish(U('a'), { createdAt: at(1) }));
      await store.wishes.put(wish(U('b'), { createdAt: at(2), grid: 'xfl-g1' }));
      await store.wishes.put(wish(U('c'), { createdAt: at(2), category: 'study' }));
      await store.wishes.put(wish(U('d'), { createdAt: at(3), status: 'pending_review' }));
      await store.wishes.put(wish(U('e'), { createdAt: at(4), community: 'chunhui' }));
      const all = await store.wishes.list({ community: 'xingfuli', limit: 10 });
      same(
        all.items.map((w) => w.id),
        ['d', 'c', 'b', 'a'].map(U),
        'newest first',
      );
      check(all.nextCursor === undefined, 'one page');
      const pub = await store.wishes.list({
        community: 'xingfuli',
        statuses: ['open', 'claimed'],
        limit: 10,
      });
      same(
        pub.items.map((w) => w.id),
        ['c', 'b', 'a'].map(U),
        'statuses',
      );
      same(
        (await store.wishes.list({ community: 'xingfuli', grid: 'xfl-g1', limit: 10 })).items.map(
          (w) => w.id,
        ),
        [U('b')],
        'grid',
      );
      same(
        (
          await store.wishes.list({ community: 'xingfuli', category: 'study', limit: 10 })
        ).items.map((w) => w.id),
        [U('c')],
        'category',
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.wishes.list({ community: 'xingfuli', limit: 1, cursor });
        seen.push(...page.items.map((w) => w.id));
        cursor = page.nextCursor;
      } while (cursor);
      same(seen, ['d', 'c', 'b', 'a'].map(U), 'pages of one');
      same(
        (await store.wishes.list({ community: 'xingfuli', limit: 2, cursor: 'not-a-cursor' })).items
          .length,
        2,
        'a forged cursor reads as the first page',
      );
    }),
  );

  it(
    'wishes: expired holds and activity in a period',
    withStore(async (store) => {
      await store.wishes.put(
        wish('x1', { status: 'claimed', claim: claimOf('k1', '2026-03-09T02:00:00.000Z') }),
      );
      await store.wishes.put(
        wish('x2', { status: 'claimed', claim: claimOf('k2', '2026-03-10T02:00:00.000Z') }),
      );
      await store.wishes.put(
        wish('x3', { status: 'fulfilled', claim: claimOf('k3', '2026-03-01T00:00:00.000Z') }),
      );
      await store.wishes.put(
        wish('x4', {
          community: 'chunhui',
          status: 'claimed',
          claim: claimOf('k4', '2026-03-01T00:00:00.000Z'),
        }),
      );
      same(
        (await store.wishes.listExpiredClaims('xingfuli', '2026-03-09T02:00:00.000Z')).map(
          (w) => w.id,
        ),
        ['x1'],
        'hold ended at or before now',
      );
      same(
        (await store.wishes.listExpiredClaims('xingfuli', '2026-03-08T00:00:00.000Z')).length,
        0,
        'none yet',
      );
      const late = wish('y', { createdAt: '2026-02-01T00:00:00.000Z' });
      late.history.push({
        at: '2026-03-05T00:00:00.000Z',
        action: 'approve',
        from: 'pending_review',
        to: 'open',
        actor: { kind: 'staff', id: 's1' },
      });
      await store.wishes.put(late);
      await store.wishes.put(wish('z', { createdAt: '2026-01-01T00:00:00.000Z' }));
      const active = await store.wishes.listActive(
        'xingfuli',
        '2026-03-03T00:00:00.000Z',
        '2026-03-06T00:00:00.000Z',
      );
      same(
        active.map((w) => w.id),
        ['y'],
        'an event in [from, to)',
      );
    }),
  );

  it(
    'wishes: of concurrent claiming transactions exactly one wins',
    withStore(async (store) => {
      await store.wishes.put(wish('race'));
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.transaction(async (tx) => {
            const w = (await tx.wishes.get('race'))!;
            if (w.status !== 'open') throw new Error('taken');
            await new Promise((r) => setTimeout(r, 5));
            w.status = 'claimed';
            w.claim = claimOf(`k${i}`, '2026-03-09T00:00:00.000Z');
            await tx.wishes.put(w);
            return i;
          }),
        ),
      );
      same(results.filter((r) => r.status === 'fulfilled').length, 1, 'one winner');
      same((await store.wishes.get('race'))!.status, 'claimed', 'claimed');
    }),
  );
}

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

function complaintConformance(
  withStore: (fn: (store: Store) => Promise<void>) => () => Promise<void>,
  it: It,
) {
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
    'counters: count from 1 per name, never hand out a number twice, roll back with their transaction',
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
      same(
        [...got].sort((a, b) => a - b),
        Array.from({ length: 20 }, (_, i) => i + 3),
        'distinct, gapless after the rollback',
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
            const c = (await tx.complaints.get('1'))!;
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
}
