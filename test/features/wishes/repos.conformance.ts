/** The wish repository's part of the store conformance suite (test/stores/conformance.ts). */
import { DomainError, type Wish } from '../../../src/domain/index.js';
import {
  check,
  rejection,
  same,
  U,
  type It,
  type WithStore,
} from '../../stores/conformance-kit.js';

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

export function wishConformance(withStore: WithStore, it: It) {
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
    'wishes: the wall as of now (a hold that ended reads as open), and counts (tally)',
    withStore(async (store) => {
      const claimedAt = (at: string) => ({
        at,
        action: 'claim' as const,
        from: 'open' as const,
        to: 'claimed' as const,
        actor: { kind: 'claimer' as const },
      });
      await store.wishes.put(
        wish('a', { status: 'claimed', claim: claimOf('ka', '2026-03-09T02:00:00.000Z') }),
      );
      await store.wishes.put(
        wish('b', { status: 'claimed', claim: claimOf('kb', '2026-03-12T02:00:00.000Z') }),
      );
      await store.wishes.put(wish('c', { status: 'open' }));
      const ids = async (statuses: Wish['status'][], now?: string) =>
        (await store.wishes.list({ community: 'xingfuli', statuses, now, limit: 10 })).items
          .map((w) => w.id)
          .sort();
      const now = '2026-03-10T00:00:00.000Z';
      same(await ids(['open'], now), ['a', 'c'], 'open as of now');
      same(await ids(['claimed'], now), ['b'], 'claimed as of now');
      same(await ids(['open', 'claimed'], now), ['a', 'b', 'c'], 'both');
      same(await ids(['claimed']), ['a', 'b'], 'as stored (the staff queue)');

      const f = wish('f', { createdAt: '2026-03-01T00:00:00.000Z', status: 'fulfilled' });
      f.history.push(claimedAt('2026-03-02T00:00:00.000Z'), {
        at: '2026-03-04T12:00:00.000Z',
        action: 'fulfil',
        from: 'claimed',
        to: 'fulfilled',
        actor: { kind: 'claimer' },
      });
      const g = wish('g', { createdAt: '2026-02-20T00:00:00.000Z', status: 'claimed' });
      g.history.push(claimedAt('2026-03-03T00:00:00.000Z'), claimedAt('2026-03-03T06:00:00.000Z'));
      await store.wishes.put(f);
      await store.wishes.put(g);
      same(
        await store.wishes.tally(
          'xingfuli',
          '2026-03-01T00:00:00.000Z',
          '2026-03-06T00:00:00.000Z',
        ),
        { posted: 4, claimed: 2, fulfilled: 1, medianDaysToFulfil: 3.5 },
        'posted, claimed once however often, fulfilled, median days',
      );
      same(
        await store.wishes.tally('chunhui', '2026-03-01T00:00:00.000Z', '2026-03-06T00:00:00.000Z'),
        { posted: 0, claimed: 0, fulfilled: 0, medianDaysToFulfil: null },
        'another community: nothing',
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
            const w = (await tx.wishes.get('race', { lock: true }))!;
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
