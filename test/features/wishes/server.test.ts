/**
 * 微心愿, end to end through the SDK client: the same suite on the embedded transport (services
 * in this process on a memory store) and over HTTP against a real server on PGlite (and on
 * PostgreSQL when DATABASE_URL is set). Time is a manual clock on both, so holds can expire.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashWishCode, type WishInput } from '../../../src/domain/index.js';
import { ApiError, createClient, type Client } from '../../../src/sdk/index.js';
import type { Input, OperationName, Output } from '../../../src/services/contract.js';
import { createContext, type Actor } from '../../../src/services/context.js';
import { seedDemo } from '../../../src/features/core/demo.js';
import { runOperation } from '../../../src/server/operations.js';
import { releaseExpiredHolds } from '../../../src/features/wishes/service.js';
import type { Store } from '../../../src/services/store.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { testDatabases } from '../../server/db.js';
import { manualClock, startTestServer } from '../../server/harness.js';
import { fails } from '../../sdk/fails.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const DAY = 24 * 60 * 60 * 1000;

/** Calls as a staff member of a community (`xingfuli` unless told). */
type StaffCall = <N extends OperationName>(name: N, input: Input<N>) => Promise<Output<N>>;

interface Env {
  client: Client;
  staff: StaffCall;
  /** A staff member of another community (chunhui). */
  otherStaff: StaffCall;
  clock: ReturnType<typeof manualClock>;
  /** The stored wish (for assertions on history and hashes). */
  stored(id: string): Promise<import('../../../src/domain/index.js').Wish | undefined>;
  /** The maintenance sweep (records the release of holds that ended). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

interface Target {
  name: string;
  start(): Promise<Env>;
}

const staffActor = (community: string): Actor => ({
  kind: 'staff',
  id: `${community}-staff`,
  name: '王建国',
  role: 'staff',
  community,
});

const targets: Target[] = [
  {
    name: 'embedded transport (memory store)',
    async start() {
      const store: Store = createMemoryStore();
      await seedDemo(store);
      const clock = manualClock();
      // The embedded transport has no staff login: staff calls run the same operation table.
      const as =
        (community: string): StaffCall =>
        async (name, input) => {
          try {
            return await runOperation(
              name,
              createContext(store, { clock, actor: staffActor(community) }),
              input,
            );
          } catch (error) {
            throw ApiError.from(error);
          }
        };
      return {
        client: createClient({ embedded: { store, clock, persistence: false } }),
        staff: as('xingfuli'),
        otherStaff: as('chunhui'),
        clock,
        stored: (id) => store.wishes.get(id),
        sweep: async () => void (await releaseExpiredHolds(store, clock.now())),
        stop: () => store.close(),
      };
    },
  },
  ...databases.map((db): Target => ({
    name: `http transport → server on ${db.name}`,
    async start() {
      const clock = manualClock();
      const t = await startTestServer(db, { listen: true, clock });
      const make = () =>
        createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
      // Sessions expire while the manual clock runs days ahead: log in again when they do.
      const as = async (username: string): Promise<[Client, StaffCall]> => {
        const c = make();
        const login = () => c.auth.login({ username, password: t.login.password });
        await login();
        const call: StaffCall = async (name, input) => {
          try {
            return await c.call(name, input);
          } catch (error) {
            if (!(error instanceof ApiError) || error.code !== 'unauthorized') throw error;
            await login();
            return c.call(name, input);
          }
        };
        return [c, call];
      };
      const [staffClient, staff] = await as('xfl-grid');
      const [otherClient, otherStaff] = await as('ch-admin');
      return {
        client: make(),
        staff,
        otherStaff,
        clock,
        stored: (id) => t.server.store.wishes.get(id),
        sweep: () => t.server.maintain(),
        async stop() {
          await staffClient.close();
          await otherClient.close();
          await t.close();
        },
      };
    },
  })),
];

const input = (extra: Partial<WishInput> = {}): WishInput => ({
  community: 'xingfuli',
  grid: 'xfl-g1',
  category: 'daily',
  title: '想要一台收音机',
  story: '老伴走后一个人在家，想听听戏曲和新闻。',
  wisherName: '王秀英',
  phone: '138-1234-1234',
  value: 80,
  consent: true,
  publishConsent: true,
  ...extra,
});

const claimer = {
  claimerType: 'party_member' as const,
  name: '李建国',
  phone: '13912345678',
  consent: true as const,
};

for (const target of targets) {
  describe(`wishes: ${target.name}`, () => {
    let env: Env;
    let client: Client;
    before(async () => {
      env = await target.start();
      client = env.client;
    });
    after(async () => {
      await client.close();
      await env.stop();
    });

    /** Posts a wish and returns its id and code. */
    const post = async (extra: Partial<WishInput> = {}) => {
      const delivery = await client.wishes.post(input(extra));
      assert.equal(delivery.state, 'delivered');
      if (delivery.state !== 'delivered') throw new Error('not delivered');
      return delivery.value;
    };
    const postApproved = async (extra: Partial<WishInput> = {}) => {
      const receipt = await post(extra);
      await env.staff('actOnWish', { id: receipt.id, action: 'approve' });
      return receipt;
    };

    it('post → approve → wall → claim → fulfil → thank', async () => {
      const receipt = await post();
      assert.equal(receipt.status, 'pending_review');
      assert.match(receipt.code, /^[2-9A-HJKMNP-Z]{8}$/);
      const stored = (await env.stored(receipt.id))!;
      assert.equal(stored.codeHash, hashWishCode('wish', receipt.code), 'only the hash is kept');
      assert.equal(stored.phone, '13812341234', 'phone normalised');

      // In review: not public, but the wisher sees it.
      await fails(client.wishes.get(receipt.id), 'not_found', 404);
      assert.ok(
        !(await client.wishes.list({ community: 'xingfuli' })).items.some(
          (w) => w.id === receipt.id,
        ),
      );
      const pending = await client.wishes.status(receipt.code.toLowerCase());
      assert.equal(pending.status, 'pending_review');
      assert.equal(pending.canWithdraw, true);
      assert.equal(pending.canThank, false);

      // Staff queue shows it with the phone, never a code hash.
      const queue = await env.staff('listWishQueue', {
        community: 'xingfuli',
        status: 'pending_review',
      });
      const row = queue.items.find((w) => w.id === receipt.id)!;
      assert.equal(row.phone, '13812341234');
      assert.ok(!('codeHash' in row));

      const approved = await env.staff('actOnWish', { id: receipt.id, action: 'approve' });
      assert.equal(approved.status, 'open');

      const wall = await client.wishes.list({ community: 'xingfuli' });
      const card = wall.items.find((w) => w.id === receipt.id)!;
      assert.deepEqual(card, {
        id: receipt.id,
        title: '想要一台收音机',
        story: '老伴走后一个人在家，想听听戏曲和新闻。',
        category: 'daily',
        grid: 'xfl-g1',
        wisherName: '王*英',
        value: 80,
        status: 'open',
        createdAt: stored.createdAt,
      });

      const claim = await client.wishes.claim(receipt.id, claimer);
      assert.equal(claim.card.status, 'claimed');
      assert.deepEqual(claim.card.claimer, { type: 'party_member', name: '李*国' });
      assert.equal(
        claim.holdUntil,
        new Date(env.clock.now().getTime() + 7 * DAY).toISOString(),
        'holds 7 days by default',
      );
      await fails(
        client.wishes.claim(receipt.id, { ...claimer, name: '赵六' }),
        'already_claimed',
        409,
      );
      await fails(client.wishes.withdraw(receipt.code), 'invalid_transition', 409);

      env.clock.advance(2 * DAY);
      const done = await client.wishes.fulfil({
        claimCode: claim.claimCode,
        note: '已送上门，老人很高兴',
      });
      assert.equal(done.status, 'fulfilled');
      assert.equal(done.fulfilledAt, env.clock.now().toISOString());
      await fails(
        client.wishes.fulfil({ claimCode: claim.claimCode, note: '再来一次' }),
        'invalid_transition',
        409,
      );

      const view = await client.wishes.status(receipt.code);
      assert.equal(view.status, 'fulfilled');
      assert.equal(view.canThank, true);
      assert.deepEqual(view.fulfilment, { at: done.fulfilledAt, note: '已送上门，老人很高兴' });
      const thanked = await client.wishes.thank({ code: receipt.code, message: '谢谢李书记！' });
      assert.equal(thanked.status, 'thanked');
      assert.equal(thanked.thanks, '谢谢李书记！');
      const final = await client.wishes.get(receipt.id);
      assert.equal(final.status, 'thanked');
      assert.equal(final.thanks, '谢谢李书记！');
      assert.deepEqual(final.claimer, { type: 'party_member', name: '李*国' });

      const history = (await env.stored(receipt.id))!.history;
      assert.deepEqual(
        history.map((e) => e.action),
        ['submit', 'approve', 'claim', 'fulfil', 'thank'],
      );
      assert.equal(history.filter((e) => e.action === 'claim').length, 1);
    });

    it('a unit claims in its own name; alias replaces the masked name', async () => {
      const { id } = await postApproved({ alias: '一位独居老人' });
      const claim = await client.wishes.claim(id, {
        ...claimer,
        claimerType: 'unit',
        name: '幸福里物业服务中心',
      });
      assert.deepEqual(claim.card.claimer, { type: 'unit', name: '幸福里物业服务中心' });
      assert.equal(claim.card.wisherName, '一位独居老人');
    });

    it('a rejection reason reaches the wisher only', async () => {
      const receipt = await post({ title: '想要一部新手机' });
      const rejected = await env.staff('actOnWish', {
        id: receipt.id,
        action: 'reject',
        reason: '超出微心愿范围，已转民政帮扶',
      });
      assert.equal(rejected.status, 'rejected');
      await fails(client.wishes.get(receipt.id), 'not_found', 404);
      const wall = await client.wishes.list({ community: 'xingfuli', limit: 100 });
      assert.ok(!JSON.stringify(wall).includes('超出微心愿范围'));
      const view = await client.wishes.status(receipt.code);
      assert.equal(view.status, 'rejected');
      assert.equal(view.rejectReason, '超出微心愿范围，已转民政帮扶');
      assert.equal(view.canWithdraw, false);
      await fails(
        env.staff('actOnWish', { id: receipt.id, action: 'approve' }),
        'invalid_transition',
        409,
      );
    });

    it('withdraw before a claim; wrong codes are 404', async () => {
      const receipt = await postApproved();
      const view = await client.wishes.withdraw(receipt.code);
      assert.equal(view.status, 'withdrawn');
      await fails(client.wishes.get(receipt.id), 'not_found', 404);
      await fails(client.wishes.claim(receipt.id, claimer), 'not_found', 404);
      await fails(client.wishes.status('ZZZZZZZZ'), 'not_found', 404);
      await fails(client.wishes.fulfil({ claimCode: 'ZZZZZZZZ', note: '完成' }), 'not_found', 404);
      await fails(client.wishes.status('short'), 'validation_failed', 400);
    });

    it('validates: value cap, category, grid, consents, field keys', async () => {
      const over = await fails(client.wishes.post(input({ value: 201 })), 'validation_failed', 400);
      assert.deepEqual((over as ApiError).fields, [
        { path: 'value', key: 'value.tooHigh', params: { max: 200 } },
      ]);
      const cat = await fails(
        client.wishes.post(input({ category: 'nope' })),
        'validation_failed',
        400,
      );
      assert.equal((cat as ApiError).fields[0]?.key, 'category.unknown');
      const grid = await fails(
        client.wishes.post(input({ grid: 'ch-g1' })),
        'validation_failed',
        400,
      );
      assert.equal((grid as ApiError).fields[0]?.key, 'grid.unknown');
      const bad = await fails(
        client.wishes.post({ ...input({ title: '长'.repeat(31) }), publishConsent: false as true }),
        'validation_failed',
        400,
      );
      const keys = (bad as ApiError).fields.map((f) => f.key).sort();
      assert.deepEqual(keys, ['publishConsent.required', 'title.tooLong']);
      await fails(client.wishes.post(input({ community: 'nowhere' })), 'not_found', 404);
      const claimBad = await fails(
        client.wishes.claim('x1', { ...claimer, phone: '12345678901' }),
        'validation_failed',
        400,
      );
      assert.equal((claimBad as ApiError).fields[0]?.key, 'phone.invalid');
    });

    it('an unfulfilled claim reads as released when its hold ends; the sweep records it (as system)', async () => {
      const { id } = await postApproved();
      const first = await client.wishes.claim(id, claimer);
      env.clock.advance(7 * DAY + 1000);
      // Past the hold: the claim code no longer fulfils.
      await fails(
        client.wishes.fulfil({ claimCode: first.claimCode, note: '晚了' }),
        'claim_expired',
        409,
      );
      const card = await client.wishes.get(id);
      assert.equal(card.status, 'open');
      assert.equal(card.claimer, undefined);
      assert.equal((await env.stored(id))!.status, 'claimed', 'reads never write');
      await env.sweep();
      const released = (await env.stored(id))!.history.at(-1)!;
      assert.deepEqual(
        { action: released.action, actor: released.actor, text: released.text },
        { action: 'release', actor: { kind: 'system' }, text: 'hold_expired' },
      );
      await fails(
        client.wishes.fulfil({ claimCode: first.claimCode, note: '晚了' }),
        'not_found',
        404,
      );
      const second = await client.wishes.claim(id, { ...claimer, name: '张三丰' });
      assert.deepEqual(second.card.claimer, { type: 'party_member', name: '张*丰' });
    });

    it('the wall releases expired holds it lists', async () => {
      const { id } = await postApproved();
      await client.wishes.claim(id, claimer);
      env.clock.advance(8 * DAY);
      const wall = await client.wishes.list({ community: 'xingfuli', status: 'open', limit: 100 });
      assert.ok(wall.items.some((w) => w.id === id));
    });

    it('staff release a claim and record a fulfilment', async () => {
      const { id, code } = await postApproved();
      await client.wishes.claim(id, claimer);
      const released = await env.staff('actOnWish', { id, action: 'release' });
      assert.equal(released.status, 'open');
      assert.equal(released.claim, undefined);
      await fails(
        env.staff('actOnWish', { id, action: 'fulfil', note: '电话确认' }),
        'invalid_transition',
        409,
      );
      const again = await client.wishes.claim(id, claimer);
      const staffView = await env.staff('actOnWish', {
        id,
        action: 'fulfil',
        note: '电话确认已完成',
      });
      assert.equal(staffView.status, 'fulfilled');
      assert.equal(staffView.claim?.phone, '13912345678');
      assert.ok(!('codeHash' in (staffView.claim ?? {})));
      await fails(
        client.wishes.fulfil({ claimCode: again.claimCode, note: 'x' }),
        'invalid_transition',
        409,
      );
      assert.equal((await client.wishes.status(code)).canThank, true);
    });

    it('wall: filters and cursor pages, public statuses only', async () => {
      const first = await postApproved({ category: 'study', grid: 'xfl-g2' });
      const inReview = await post({ category: 'study', grid: 'xfl-g2' }); // never on the wall
      // The demo street comes with wishes of its own (seedDemoWishes).
      const studies = await client.wishes.list({ community: 'xingfuli', category: 'study' });
      const ids = studies.items.map((w) => w.id);
      assert.ok(ids.includes(first.id));
      assert.ok(!ids.includes(inReview.id));
      assert.ok(studies.items.every((w) => w.category === 'study'));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.wishes.list({ community: 'xingfuli', limit: 2, cursor });
        seen.push(...page.items.map((w) => w.id));
        cursor = page.nextCursor;
      } while (cursor);
      const all = await client.wishes.list({ community: 'xingfuli', limit: 100 });
      assert.deepEqual(
        seen,
        all.items.map((w) => w.id),
      );
      assert.equal(new Set(seen).size, seen.length);
      for (const card of all.items) {
        assert.ok(['open', 'claimed', 'fulfilled', 'thanked'].includes(card.status));
        assert.ok(!JSON.stringify(card).includes('1381234'), 'no phone on the wall');
        assert.ok(!JSON.stringify(card).includes('王秀英'), 'no full name on the wall');
      }
      await fails(client.wishes.list({ community: 'nowhere' }), 'not_found', 404);
    });

    it('wall: 待认领 first, then 已认领, then 已完成, each newest first, at every page size', async () => {
      // A claimable wish posted before one that is already claimed and one fulfilled.
      const older = await postApproved({ title: '想要一台旧收音机' });
      env.clock.advance(1000); // a later createdAt (within one instant ids order at random)
      // A claim whose hold ended reads as open, and so lists with the claimable ones.
      const lapsed = await postApproved();
      await client.wishes.claim(lapsed.id, claimer);
      env.clock.advance(8 * DAY);
      const claimed = await postApproved();
      await client.wishes.claim(claimed.id, claimer);
      const done = await postApproved();
      const claim = await client.wishes.claim(done.id, claimer);
      await client.wishes.fulfil({ claimCode: claim.claimCode, note: '送到了' });

      const rank = { open: 0, claimed: 1, fulfilled: 2, thanked: 2 } as const;
      const all = (await client.wishes.list({ community: 'xingfuli', limit: 100 })).items;
      assert.ok(all.length < 100, 'one page holds the whole wall');
      assert.ok(new Set(all.map((w) => w.status)).size >= 3, 'the wall has every group');
      for (let i = 1; i < all.length; i++) {
        const [a, b] = [all[i - 1]!, all[i]!];
        assert.ok(rank[a.status] <= rank[b.status], `${a.status} before ${b.status}`);
        if (rank[a.status] === rank[b.status])
          assert.ok(a.createdAt >= b.createdAt, 'newest first');
      }
      const at = (id: string) => all.findIndex((w) => w.id === id);
      assert.equal(all[at(lapsed.id)]!.status, 'open');
      assert.ok(at(lapsed.id) < at(older.id), 'newest first among the claimable');
      assert.ok(at(older.id) < at(claimed.id) && at(claimed.id) < at(done.id));

      // Paging gives the same order, whatever the size (pages ending at a group's end too).
      for (const limit of [1, 2, 3, 5]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await client.wishes.list({ community: 'xingfuli', limit, cursor });
          assert.ok(page.items.length, `limit ${limit}: no empty page`);
          seen.push(...page.items.map((w) => w.id));
          cursor = page.nextCursor;
        } while (cursor);
        assert.deepEqual(
          seen,
          all.map((w) => w.id),
          `limit ${limit}`,
        );
      }
      // One status: that group only, paged.
      const one = await client.wishes.list({ community: 'xingfuli', status: 'claimed', limit: 1 });
      assert.deepEqual(
        one.items.map((w) => w.status),
        ['claimed'],
      );
    });

    it('counts for a period', async () => {
      const from = new Date(env.clock.now().getTime()).toISOString().slice(0, 10);
      const { id } = await postApproved();
      env.clock.advance(DAY);
      const claim = await client.wishes.claim(id, claimer);
      env.clock.advance(2 * DAY);
      await client.wishes.fulfil({ claimCode: claim.claimCode, note: '完成' });
      const to = new Date(env.clock.now().getTime() + DAY).toISOString().slice(0, 10);
      const counts = await env.staff('wishCounts', { community: 'xingfuli', from, to });
      assert.ok(counts.posted >= 1);
      assert.ok(counts.claimed >= 1);
      assert.ok(counts.fulfilled >= 1);
      assert.equal(typeof counts.medianDaysToFulfil, 'number');
      const empty = await env.staff('wishCounts', {
        community: 'xingfuli',
        from: '2020-01-01',
        to: '2020-01-31',
      });
      assert.deepEqual(
        { ...empty },
        {
          community: 'xingfuli',
          from: '2020-01-01',
          to: '2020-01-31',
          posted: 0,
          claimed: 0,
          fulfilled: 0,
          medianDaysToFulfil: null,
        },
      );
      const reversed = await fails(
        env.staff('wishCounts', { community: 'xingfuli', from: '2026-03-02', to: '2026-03-01' }),
        'validation_failed',
        400,
      );
      assert.equal((reversed as ApiError).fields[0]?.key, 'date.range');
    });

    it('staff routes: 401 without a session, 403 across communities', async () => {
      const { id } = await post();
      await fails(client.wishes.queue({ community: 'xingfuli' }), 'unauthorized', 401);
      await fails(client.wishes.act(id, { action: 'approve' }), 'unauthorized', 401);
      await fails(
        client.wishes.counts({ community: 'xingfuli', from: '2026-03-01', to: '2026-03-31' }),
        'unauthorized',
        401,
      );
      await fails(env.otherStaff('listWishQueue', { community: 'xingfuli' }), 'forbidden', 403);
      await fails(env.otherStaff('actOnWish', { id, action: 'approve' }), 'forbidden', 403);
      await fails(
        env.otherStaff('wishCounts', {
          community: 'xingfuli',
          from: '2026-03-01',
          to: '2026-03-31',
        }),
        'forbidden',
        403,
      );
      assert.equal((await env.stored(id))!.status, 'pending_review', 'nothing changed');
    });
  });
}
