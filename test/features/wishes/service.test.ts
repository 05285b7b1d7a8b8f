/**
 * The wish services on a memory store, called as the transports call them (runOperation):
 * community settings, the median of counts, views that never leak, and every illegal step.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DomainError,
  wishStatuses,
  type Community,
  type Wish,
  type WishStatus,
} from '../../../src/domain/index.js';
import { createContext, type Actor } from '../../../src/services/context.js';
import type { Input, OperationName } from '../../../src/services/contract.js';
import { demoCommunities } from '../../../src/features/core/demo.js';
import { runOperation } from '../../../src/server/operations.js';
import { toWishCard, toWishStaffView, toWisherView } from '../../../src/features/wishes/service.js';
import { seedDemoWishes } from '../../../src/features/wishes/demo.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { manualClock } from '../../server/harness.js';

const DAY = 24 * 60 * 60 * 1000;
const staff: Actor = {
  kind: 'staff',
  id: 's1',
  name: '王建国',
  role: 'staff',
  community: 'xingfuli',
};

async function setup(settings?: Community['settings']) {
  const store = createMemoryStore();
  const clock = manualClock('2026-03-02T01:00:00.000Z');
  for (const c of demoCommunities) {
    await store.communities.put(c.id === 'xingfuli' && settings ? { ...c, settings } : c);
  }
  const run = <N extends OperationName>(name: N, input: Input<N>, actor?: Actor) =>
    runOperation(name, createContext(store, { clock, ...(actor ? { actor } : {}) }), input);
  const post = async (extra: object = {}) =>
    run('postWish', {
      community: 'xingfuli',
      category: 'daily',
      title: '想要一台收音机',
      story: '一个人在家，想听听戏曲和新闻。',
      wisherName: '欧阳娜娜',
      phone: '13812341234',
      consent: true,
      publishConsent: true,
      ...extra,
    });
  const claimer = {
    claimerType: 'resident' as const,
    name: '张三',
    phone: '13912345678',
    consent: true as const,
  };
  return { store, clock, run, post, claimer };
}

const rejects = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof DomainError, `DomainError ${code}, got ${String(error)}`);
  assert.equal(error.code, code);
  return error;
};

describe('wish services', () => {
  it('uses the community settings: hold days and value cap', async () => {
    const { run, post, claimer, clock } = await setup({ wish: { holdDays: 3, valueCap: 500 } });
    const { id } = await post({ value: 450 });
    await run('actOnWish', { id, action: 'approve' }, staff);
    const claim = await run('claimWish', { id, ...claimer });
    assert.equal(claim.holdUntil, new Date(clock.now().getTime() + 3 * DAY).toISOString());
    const error = await rejects(post({ value: 501 }), 'validation_failed');
    assert.deepEqual(error.fields, [{ path: 'value', key: 'value.tooHigh', params: { max: 500 } }]);
  });

  it('every action not in the transition table is a 409 invalid_transition', async () => {
    const { run, post, claimer, store } = await setup();
    const { id } = await post();
    // pending_review: no claim (not public), no fulfil, no release.
    await rejects(run('claimWish', { id, ...claimer }), 'not_found');
    await rejects(run('actOnWish', { id, action: 'release' }, staff), 'invalid_transition');
    await rejects(
      run('actOnWish', { id, action: 'fulfil', note: '完成' }, staff),
      'invalid_transition',
    );
    await run('actOnWish', { id, action: 'approve' }, staff);
    await rejects(run('actOnWish', { id, action: 'approve' }, staff), 'invalid_transition');
    await rejects(
      run('actOnWish', { id, action: 'reject', reason: '不合适' }, staff),
      'invalid_transition',
    );
    const stored = (await store.wishes.get(id))!;
    assert.deepEqual(
      stored.history.map((e) => [e.action, e.from ?? null, e.to]),
      [
        ['submit', null, 'pending_review'],
        ['approve', 'pending_review', 'open'],
      ],
      'failed steps leave no trace',
    );
  });

  it('median days to fulfil over a period, one decimal', async () => {
    const { run, post, claimer, clock } = await setup();
    const fulfilAfter = async (days: number) => {
      const { id } = await post();
      await run('actOnWish', { id, action: 'approve' }, staff);
      const claim = await run('claimWish', { id, ...claimer });
      clock.advance(days * DAY);
      await run('fulfilWish', { claimCode: claim.claimCode, note: '完成' });
      clock.set('2026-03-02T01:00:00.000Z');
    };
    await fulfilAfter(1);
    await fulfilAfter(2.5);
    await fulfilAfter(6);
    await post(); // posted, never claimed
    const counts = await run(
      'wishCounts',
      { community: 'xingfuli', from: '2026-03-01', to: '2026-03-31' },
      staff,
    );
    assert.deepEqual(counts, {
      community: 'xingfuli',
      from: '2026-03-01',
      to: '2026-03-31',
      posted: 4,
      claimed: 3,
      fulfilled: 3,
      medianDaysToFulfil: 2.5,
    });
    const before = await run(
      'wishCounts',
      { community: 'xingfuli', from: '2026-02-01', to: '2026-02-28' },
      staff,
    );
    assert.equal(before.posted, 0);
    // The boundary is a Shanghai day: 2026-03-02 01:00Z is 09:00 on 2 March in Beijing.
    const day = await run(
      'wishCounts',
      { community: 'xingfuli', from: '2026-03-02', to: '2026-03-02' },
      staff,
    );
    assert.equal(day.posted, 4);
  });

  it('views: the card and wisher view carry no phone, full name or hash; staff no hash', () => {
    const wish: Wish = {
      id: 'w1',
      community: 'xingfuli',
      category: 'daily',
      title: 't',
      story: 's',
      wisherName: '欧阳娜娜',
      phone: '13812341234',
      status: 'claimed',
      createdAt: '2026-03-02T01:00:00.000Z',
      codeHash: 'HASH-W',
      rejectReason: '理由',
      claim: {
        type: 'volunteer',
        name: '诸葛孔明',
        phone: '13912345678',
        at: '2026-03-02T02:00:00.000Z',
        holdUntil: '2026-03-09T02:00:00.000Z',
        codeHash: 'HASH-C',
      },
      history: [],
    };
    const card = JSON.stringify(toWishCard(wish));
    const wisher = JSON.stringify(toWisherView(wish));
    for (const text of [card, wisher]) {
      for (const secret of [
        '13812341234',
        '13912345678',
        '欧阳娜娜',
        '诸葛孔明',
        'HASH-W',
        'HASH-C',
      ]) {
        assert.ok(!text.includes(secret), `${secret} in ${text}`);
      }
    }
    assert.ok(card.includes('欧阳*娜') && card.includes('诸葛*明'));
    assert.ok(!card.includes('理由'), 'reject reason only for the wisher');
    assert.ok(wisher.includes('理由'));
    const staffView = JSON.stringify(toWishStaffView(wish));
    assert.ok(!staffView.includes('HASH-'));
    assert.ok(staffView.includes('13912345678'));
    for (const status of wishStatuses.filter(
      (s) => !['open', 'claimed', 'fulfilled', 'thanked'].includes(s),
    )) {
      assert.throws(() => toWishCard({ ...wish, status: status as WishStatus }), DomainError);
    }
  });

  it('codes are forgiving (case, spaces, dashes) and never found across kinds', async () => {
    const { run, post, claimer } = await setup();
    const { id, code } = await post();
    const spaced = `${code.slice(0, 4).toLowerCase()} - ${code.slice(4)}`;
    assert.equal((await run('wishStatus', { code: spaced })).id, id);
    await run('actOnWish', { id, action: 'approve' }, staff);
    const claim = await run('claimWish', { id, ...claimer });
    await rejects(run('wishStatus', { code: claim.claimCode }), 'not_found');
    await rejects(run('fulfilWish', { claimCode: code, note: '完成' }), 'not_found');
  });
});

describe('demo wishes', () => {
  it('seeds the demo wall once, in every public status', async () => {
    const store = createMemoryStore();
    for (const c of demoCommunities) await store.communities.put(c);
    const clock = manualClock();
    assert.equal(await seedDemoWishes(store, clock), true);
    assert.equal(await seedDemoWishes(store, clock), false, 'once');
    const wall = await runOperation('listWishes', createContext(store, { clock }), {
      community: 'xingfuli',
    });
    assert.deepEqual(wall.items.map((w) => w.status).sort(), [
      'claimed',
      'fulfilled',
      'open',
      'thanked',
    ]);
    assert.ok(!JSON.stringify(wall).includes('1380000'), 'no phone');
  });
});
