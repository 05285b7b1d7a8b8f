/**
 * 红黑榜 end to end through the SDK (`client.redblack`): the same suite on the embedded
 * transport (services in this process on a memory store) and over HTTP against a real server
 * on PGlite (and PostgreSQL when DATABASE_URL is set). A manual clock moves time on both.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ApiError, createClient, type Client } from '../../../src/sdk/index.js';
import type { Actor } from '../../../src/services/context.js';
import type { RedblackEntryInput } from '../../../src/features/redblack/model.js';
import { seedDemo } from '../../../src/features/core/demo.js';
import type { Store } from '../../../src/services/store.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { testDatabases } from '../../server/db.js';
import { manualClock, startTestServer } from '../../server/harness.js';
import { fails } from '../../sdk/fails.js';
import { PNG } from '../../fixtures/images.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

interface Env {
  resident: Client;
  /** Writes entries (王建国). */
  author: Client;
  /** A second staff member of 幸福里 (李秀英): reviews and publishes. */
  reviewer: Client;
  /** Staff of another community (春晖). */
  other: Client;
  clock: ReturnType<typeof manualClock>;
  /** Staff sign in again (sessions expire while the clock runs months ahead). */
  signInAgain(): Promise<void>;
  stop(): Promise<void>;
}

const actor = (id: string, community: string): Actor => ({
  kind: 'staff',
  id,
  name: '王建国',
  role: 'staff',
  community,
});

const targets: { name: string; start(): Promise<Env> }[] = [
  {
    name: 'embedded transport (memory store)',
    async start() {
      const store: Store = createMemoryStore();
      await seedDemo(store);
      const clock = manualClock();
      const embedded = (a?: Actor) =>
        createClient({
          embedded: { store, clock, persistence: false, seed: false, ...(a ? { actor: a } : {}) },
        });
      return {
        resident: embedded(),
        author: embedded(actor('xingfuli-grid', 'xingfuli')),
        reviewer: embedded(actor('xingfuli-admin', 'xingfuli')),
        other: embedded(actor('chunhui-admin', 'chunhui')),
        clock,
        signInAgain: async () => undefined,
        stop: () => store.close(),
      };
    },
  },
  ...databases.map((db) => ({
    name: `http transport → server on ${db.name}`,
    async start(): Promise<Env> {
      const clock = manualClock();
      const t = await startTestServer(db, { listen: true, clock });
      const make = () =>
        createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
      const signIn = (c: Client, username: string) =>
        c.auth.login({ username, password: t.login.password });
      const login = async (username: string) => {
        const c = make();
        await signIn(c, username);
        return c;
      };
      const resident = make();
      const author = await login('xfl-grid');
      const reviewer = await login('xfl-admin');
      const other = await login('ch-admin');
      return {
        resident,
        author,
        reviewer,
        other,
        clock,
        async signInAgain() {
          await signIn(author, 'xfl-grid');
          await signIn(reviewer, 'xfl-admin');
          await signIn(other, 'ch-admin');
        },
        async stop() {
          await Promise.all([resident.close(), author.close(), reviewer.close(), other.close()]);
          await t.close();
        },
      };
    },
  })),
];

const unit5 = {
  kind: 'unit',
  grid: 'xfl-g2',
  building: 'xfl-g2-b5',
  unit: 'xfl-g2-b5-u1',
} as const;
const building2 = { kind: 'building', grid: 'xfl-g1', building: 'xfl-g1-b2' } as const;

const red = (extra: Partial<RedblackEntryInput> = {}): RedblackEntryInput => ({
  community: 'xingfuli',
  list: 'red',
  period: '2026-Q1',
  category: 'tidy-hallway',
  subject: building2,
  reason: '2号楼居民自发清理楼道，摆上绿植，楼道整洁明亮。',
  ...extra,
});
const black = (extra: Partial<RedblackEntryInput> = {}): RedblackEntryInput => ({
  community: 'xingfuli',
  list: 'black',
  period: '2026-Q1',
  category: 'hallway-clutter',
  subject: unit5,
  reason: '5号楼1单元楼道堆放纸箱和旧家具，堵塞消防通道。',
  ...extra,
});

/** Entries these tests made (the server's demo street has a board of its own). */
const ours = new Set<string>();

/** Written by the author, submitted, published by the reviewer. */
async function published(env: Env, input: RedblackEntryInput) {
  const entry = await env.author.redblack.create(input);
  ours.add(entry.id);
  await env.author.redblack.act(entry.id, { action: 'submit' });
  return env.reviewer.redblack.act(entry.id, { action: 'publish' });
}

/** The board (now, or a period) with only the entries and change-log lines these tests made. */
async function boardOf(env: Env, period?: string) {
  const board = await env.resident.redblack.board('xingfuli', period);
  return {
    ...board,
    red: board.red.filter((e) => ours.has(e.id)),
    black: board.black.filter((e) => ours.has(e.id)),
    changes: board.changes.filter((c) => ours.has(c.entry)),
  };
}

/** Beijing midnight at the start of a date, as an instant. */
const bj = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

for (const target of targets) {
  describe(`redblack through the SDK: ${target.name}`, () => {
    it('draft → submitted → the author cannot publish → a second staff member publishes; audited; masked and scrubbed', async () => {
      const env = await target.start();
      try {
        const draft = await env.author.redblack.create(
          red({
            category: 'good-deeds',
            subject: {
              kind: 'person',
              name: '张三丰',
              consent: { obtainedOn: '2026-03-01', note: '本人签署书面同意书' },
            },
            reason: '张三丰师傅义务修好了楼里的路灯，电话13912345678，身份证110105194912310021。',
          }),
        );
        ours.add(draft.id);
        assert.equal(draft.status, 'draft');
        assert.equal(draft.subject.kind, 'person');
        if (draft.subject.kind === 'person') {
          assert.equal(draft.subject.consent.fullName, false);
          assert.ok(draft.subject.consent.recordedBy, 'who recorded the consent');
          assert.equal(draft.subject.consent.recordedAt, '2026-03-02T01:00:00.000Z');
        }
        // Another staff member cannot submit it, nor anyone publish a draft.
        await fails(env.reviewer.redblack.act(draft.id, { action: 'submit' }), 'forbidden', 403);
        await fails(
          env.reviewer.redblack.act(draft.id, { action: 'publish' }),
          'invalid_transition',
          409,
        );
        await env.author.redblack.act(draft.id, { action: 'submit' });
        // The author cannot publish their own entry.
        const own = await fails(
          env.author.redblack.act(draft.id, { action: 'publish' }),
          'forbidden',
          403,
        );
        assert.deepEqual(
          own.fields.map((f) => [f.path, f.key]),
          [['action', 'review.ownEntry']],
        );
        const live = await env.reviewer.redblack.act(draft.id, { action: 'publish' });
        assert.equal(live.status, 'published');
        assert.notEqual(live.publishedBy, live.author);
        assert.equal(live.until, bj('2026-04-01'), 'a red entry stays to its period end');
        assert.deepEqual(
          live.history.map((e) => [e.action, e.from ?? null, e.to, e.actor.kind]),
          [
            ['create', null, 'draft', 'staff'],
            ['submit', 'draft', 'submitted', 'staff'],
            ['publish', 'submitted', 'published', 'staff'],
          ],
        );
        assert.notEqual(live.history[0]!.actor.id, live.history[2]!.actor.id);

        const board = await boardOf(env);
        assert.equal(board.red.length, 1);
        const card = board.red[0]!;
        assert.equal(card.subject.label, '张*丰');
        assert.equal(card.periodLabel, '2026年第一季度');
        assert.equal(card.categoryName, '好人好事');
        assert.match(card.reason, /^张\*丰师傅.*139\*\*\*\*5678.*\*{18}。$/);
        const text = JSON.stringify(board);
        assert.doesNotMatch(text, MOBILE);
        assert.ok(!text.includes('张三丰'), 'no full name');
        assert.ok(!text.includes('recordedBy') && !text.includes('author'), 'nothing of staff');
        // Staff of another community see nothing of it.
        await fails(env.other.redblack.entry(draft.id), 'forbidden', 403);
        await fails(env.resident.redblack.entry(draft.id), 'unauthorized', 401);

        // A person whose consent covers the full name is shown in full.
        const full = await published(
          env,
          red({
            category: 'good-deeds',
            subject: {
              kind: 'person',
              name: '李四光',
              consent: { obtainedOn: '2026-03-01', fullName: true },
            },
          }),
        );
        const again = await boardOf(env);
        assert.equal(again.red.find((e) => e.id === full.id)!.subject.label, '李四光');
        // A household shows as its 楼栋/单元.
        const home = await published(
          env,
          red({
            category: 'civil-family',
            subject: {
              kind: 'household',
              grid: 'xfl-g1',
              building: 'xfl-g1-b1',
              unit: 'xfl-g1-b1-u2',
            },
          }),
        );
        const third = await boardOf(env);
        assert.equal(third.red.find((e) => e.id === home.id)!.subject.label, '1号楼2单元住户');
      } finally {
        await env.stop();
      }
    });

    it("staff of the entry's community read its evidence photos (the reviewer's check); no one else", async () => {
      const env = await target.start();
      try {
        const photo = await env.author.uploads.create(new Blob([PNG], { type: 'image/png' }));
        // Not yet part of an entry: nobody reads it.
        await fails(env.reviewer.uploads.get(photo.id), 'not_found', 404);
        const entry = await env.author.redblack.create(red({ photos: [photo.id] }));
        ours.add(entry.id);
        await env.author.redblack.act(entry.id, { action: 'submit' });
        const blob = await env.reviewer.uploads.get(photo.id);
        assert.deepEqual(new Uint8Array(await blob.arrayBuffer()), PNG);
        await fails(env.other.uploads.get(photo.id), 'not_found', 404);
        await fails(env.resident.uploads.get(photo.id), 'unauthorized', 401);
      } finally {
        await env.stop();
      }
    });

    it('a black entry naming a person or a household is refused by the server with a field error', async () => {
      const env = await target.start();
      try {
        const refused = async (input: unknown) => {
          const error = await fails(
            env.author.redblack.create(input as RedblackEntryInput),
            'validation_failed',
            400,
          );
          return error.fields;
        };
        const person = {
          kind: 'person',
          name: '王五',
          consent: { obtainedOn: '2026-03-01', fullName: true },
        } as const;
        const household = { kind: 'household', grid: 'xfl-g1', building: 'xfl-g1-b1' } as const;
        for (const subject of [person, household]) {
          assert.deepEqual(
            (await refused(black({ subject }))).map((f) => [f.path, f.key]),
            [['subject.kind', 'subject.notAPlace']],
            subject.kind,
          );
        }
        // Not through an edit either.
        const draft = await env.author.redblack.create(black());
        const edit = { ...black(), subject: person };
        const { community: _c, ...body } = edit;
        const error = await fails(
          env.author.redblack.update(draft.id, body),
          'validation_failed',
          400,
        );
        assert.deepEqual(
          error.fields.map((f) => [f.path, f.key]),
          [['subject.kind', 'subject.notAPlace']],
        );
        // A household never carries a room number; a person never goes without consent.
        await refused(red({ subject: { ...household, room: '302' } as never }));
        const noConsent = await refused(
          red({ subject: { kind: 'person', name: '王五' } as never }),
        );
        assert.ok(
          noConsent.some((f) => f.path === 'subject.consent'),
          JSON.stringify(noConsent),
        );
        // A category of the other list, a place that is not in the community.
        const wrong = await refused(black({ category: 'tidy-hallway' }));
        assert.deepEqual(
          wrong.map((f) => [f.path, f.key]),
          [['category', 'rubric.otherList']],
        );
        const nowhere = await refused(black({ subject: { ...unit5, building: 'xfl-g2-b99' } }));
        assert.deepEqual(
          nowhere.map((f) => f.path),
          ['subject.building'],
        );
        // Over plain HTTP-like input too: an unknown subject kind.
        await refused(black({ subject: { kind: 'resident', name: '王五' } as never }));
        assert.ok(error instanceof ApiError);
      } finally {
        await env.stop();
      }
    });

    it('archive and expiry at period end by the clock; 已整改 leaves at period end; renewal', async () => {
      const env = await target.start();
      try {
        const praise = await published(env, red());
        const pending = await published(env, black());
        const shop = await published(
          env,
          black({
            category: 'street-trading',
            subject: { kind: 'organisation', name: '东门早餐铺' },
            reason: '早餐铺在人行道上摆桌经营，行人只能走机动车道。',
          }),
        );
        const renewed = await published(
          env,
          black({ category: 'sanitation', reason: '单元门口长期堆放垃圾袋，气味很大。' }),
        );
        assert.equal(pending.until, bj('2026-07-01'), 'black: to the end of the following period');
        // 已整改 (black only), with a date and a note.
        await fails(
          env.author.redblack.act(praise.id, { action: 'rectify', date: '2026-03-02', note: '好' }),
          'invalid_transition',
          409,
        );
        await fails(
          env.author.redblack.act(shop.id, { action: 'rectify', date: '2026-03-09', note: '已收' }),
          'validation_failed',
          400,
        );
        const fixed = await env.author.redblack.act(shop.id, {
          action: 'rectify',
          date: '2026-03-02',
          note: '店主已把桌椅收回店内。',
        });
        assert.equal(fixed.status, 'rectified');
        assert.equal(fixed.until, bj('2026-04-01'));
        const renewal = await env.reviewer.redblack.act(renewed.id, { action: 'renew' });
        assert.equal(renewal.until, bj('2026-10-01'));
        const now = await boardOf(env);
        assert.deepEqual(
          now.red.map((e) => e.id),
          [praise.id],
        );
        assert.equal(now.black.find((e) => e.id === shop.id)!.status, 'rectified');
        assert.deepEqual(now.black.find((e) => e.id === shop.id)!.rectification, {
          date: '2026-03-02',
          note: '店主已把桌椅收回店内。',
        });

        // The quarter ends: red and 已整改 go to the archive; 待整改 stays for the next quarter.
        env.clock.set(bj('2026-04-01'));
        await env.signInAgain();
        const q2 = await boardOf(env);
        assert.deepEqual(q2.red, []);
        assert.deepEqual(q2.black.map((e) => e.id).sort(), [pending.id, renewed.id].sort());
        const archive = await boardOf(env, '2026-Q1');
        assert.equal(archive.periodLabel, '2026年第一季度');
        assert.deepEqual(
          [...archive.red, ...archive.black].map((e) => [e.id, e.status]).sort(),
          [
            [praise.id, 'archived'],
            [pending.id, 'published'],
            [shop.id, 'archived'],
            [renewed.id, 'published'],
          ].sort(),
        );
        assert.ok(archive.periods.some((p) => p.key === '2026-Q1' && p.label === '2026年第一季度'));
        const listed = await env.author.redblack.entries({
          community: 'xingfuli',
          status: 'archived',
        });
        assert.deepEqual(listed.map((e) => e.id).sort(), [praise.id, shop.id].sort());
        assert.equal(listed[0]!.history.at(-1)!.actor.kind, 'system');
        // An archived entry takes no more actions but withdrawal.
        await fails(
          env.author.redblack.act(praise.id, { action: 'renew' }),
          'invalid_transition',
          409,
        );

        // The following quarter ends: 待整改 expires unless renewed.
        env.clock.set(bj('2026-07-01'));
        await env.signInAgain();
        const q3 = await boardOf(env);
        assert.deepEqual(
          q3.black.map((e) => e.id),
          [renewed.id],
        );
        const expired = await env.author.redblack.entry(pending.id);
        assert.equal(expired.status, 'expired');
        await fails(
          env.author.redblack.act(pending.id, { action: 'renew' }),
          'invalid_transition',
          409,
        );
        env.clock.set(bj('2026-10-01'));
        await env.signInAgain();
        assert.deepEqual((await boardOf(env)).black, []);
      } finally {
        await env.stop();
      }
    });

    it('appeal → upheld → withdrawn with a change-log line; dismissed by code; corrections logged', async () => {
      const env = await target.start();
      try {
        const shop = await published(
          env,
          black({
            category: 'street-trading',
            subject: { kind: 'organisation', name: '东门早餐铺' },
            reason: '早餐铺在人行道上摆桌经营，行人只能走机动车道。',
          }),
        );
        const appeal = {
          role: '店主',
          name: '赵老板',
          phone: '13700001111',
          reason: '桌椅八点前全部收回，已按城管要求划线经营。',
          consent: true as const,
        };
        const receipt = await env.resident.redblack.appeal(shop.id, appeal);
        assert.equal(receipt.status, 'pending');
        assert.match(receipt.code, /^[2-9A-Z]{8}$/);
        // Filed Monday 2026-03-02: five working days → Monday 2026-03-09.
        assert.equal(receipt.dueBy, '2026-03-09');
        await fails(env.resident.redblack.appeal(shop.id, appeal), 'conflict', 409);
        const seen = await env.resident.redblack.appealStatus(receipt.code);
        assert.equal(seen.status, 'pending');
        assert.equal(seen.entry.subject, '东门早餐铺');
        assert.doesNotMatch(JSON.stringify(seen), MOBILE);
        assert.ok(!JSON.stringify(seen).includes('赵老板'));
        await fails(env.resident.redblack.appealStatus('ZZZZZZZZ'), 'not_found', 404);
        // Staff see the contact, due date and whether it is overdue.
        const queue = (
          await env.author.redblack.appeals({ community: 'xingfuli', status: 'pending' })
        ).filter((a) => a.id === receipt.id);
        assert.equal(queue.length, 1);
        assert.equal(queue[0]!.phone, '13700001111');
        assert.equal(queue[0]!.overdue, false);
        await fails(env.other.redblack.appeals({ community: 'xingfuli' }), 'forbidden', 403);
        await fails(
          env.other.redblack.decide(receipt.id, { outcome: 'dismissed', reason: '不' }),
          'forbidden',
          403,
        );

        const decided = await env.reviewer.redblack.decide(receipt.id, { outcome: 'upheld' });
        assert.equal(decided.status, 'upheld');
        const board = await boardOf(env);
        assert.deepEqual(board.black, []);
        assert.deepEqual(
          board.changes.map((c) => [c.entry, c.kind, c.subject, c.note]),
          [[shop.id, 'withdrawn', '东门早餐铺', '经复核撤销']],
        );
        const outcome = await env.resident.redblack.appealStatus(receipt.code);
        assert.equal(outcome.status, 'upheld');
        assert.equal(outcome.outcome!.text, '经复核撤销');
        assert.equal((await env.author.redblack.entry(shop.id)).status, 'withdrawn');
        await fails(
          env.reviewer.redblack.decide(receipt.id, { outcome: 'upheld' }),
          'invalid_transition',
          409,
        );

        // Dismissed: the reason, by code (phones in it masked).
        const unit = await published(env, black());
        const second = await env.resident.redblack.appeal(unit.id, { ...appeal, role: '楼栋长' });
        await env.reviewer.redblack.decide(second.id, {
          outcome: 'dismissed',
          reason: '经现场核查堆物仍在，请联系网格员 13600002222 协助清理。',
        });
        const dismissed = await env.resident.redblack.appealStatus(second.code);
        assert.equal(dismissed.status, 'dismissed');
        assert.match(dismissed.outcome!.text, /136\*\*\*\*2222/);
        assert.equal((await boardOf(env)).black.length, 1);

        // Upheld with a corrected reason: the entry stays, corrected, with a change-log line.
        const third = await env.resident.redblack.appeal(unit.id, appeal);
        await env.reviewer.redblack.decide(third.id, {
          outcome: 'upheld',
          note: '更正：堆物为临时搬家物品',
          correctedReason: '5号楼1单元楼道临时堆放搬家物品，请尽快清理。',
        });
        const after = await boardOf(env);
        assert.equal(after.black[0]!.reason, '5号楼1单元楼道临时堆放搬家物品，请尽快清理。');
        assert.deepEqual(
          after.changes.filter((c) => c.entry === unit.id).map((c) => c.kind),
          ['corrected'],
        );

        // Only black entries on the board can be appealed.
        const praise = await published(env, red());
        await fails(env.resident.redblack.appeal(praise.id, appeal), 'invalid_transition', 409);
        const draft = await env.author.redblack.create(black());
        await fails(env.resident.redblack.appeal(draft.id, appeal), 'not_found', 404);

        // A correction after publishing needs a public note and lands in the change log.
        const { community: _c, ...body } = red({ reason: '2号楼居民清理楼道，种上绿植。' });
        await fails(env.author.redblack.update(praise.id, body), 'validation_failed', 400);
        await env.author.redblack.update(praise.id, { ...body, note: '更正上榜理由的措辞' });
        const line = (await boardOf(env)).changes.find((c) => c.entry === praise.id)!;
        assert.deepEqual(
          [line.kind, line.subject, line.note],
          ['corrected', '2号楼', '更正上榜理由的措辞'],
        );
        // Withdrawn after publishing: a line too.
        env.clock.advance(60_000);
        await env.author.redblack.act(praise.id, { action: 'withdraw', note: '重复上榜，撤销' });
        const last = await boardOf(env);
        assert.deepEqual(
          last.changes.filter((c) => c.entry === praise.id).map((c) => c.kind),
          ['withdrawn', 'corrected'],
        );
        assert.deepEqual(last.red, []);
      } finally {
        await env.stop();
      }
    });

    it('和谐楼道: staff score buildings, re-scoring is audited, the sheet ranks and suggests, anyone looks up a building', async () => {
      const env = await target.start();
      try {
        const items = ['sanitation', 'hallway-clutter', 'dogs', 'waste-sorting', 'mutual-aid'];
        const all = (n: number) => Object.fromEntries(items.map((i) => [i, n]));
        const score = (building: string, scores: Record<string, unknown>, period = '2026-Q1') =>
          env.author.redblack.putBuildingScores({
            community: 'xingfuli',
            period,
            building,
            scores: scores as Record<string, number>,
          });
        const first = await score('xfl-g1-b1', all(9));
        assert.equal(first.total, 45);
        assert.equal(first.scoredAt, '2026-03-02T01:00:00.000Z');
        await score('xfl-g1-b2', all(7));
        await score('xfl-g1-b3', { ...all(8), dogs: 7.5, 'mutual-aid': 8.5 });
        await score('xfl-g2-b4', { ...all(5), sanitation: 4.5 });

        // Bad input is a 400 with field keys, never a 5xx.
        const keysOf = async (p: Promise<unknown>) =>
          (await fails(p, 'validation_failed', 400)).fields.map((f) => `${f.path} ${f.key}`);
        assert.deepEqual(await keysOf(score('xfl-g1-b1', { ...all(9), dogs: 11 })), [
          'scores.dogs score.range',
        ]);
        assert.deepEqual(await keysOf(score('xfl-g1-b1', { ...all(9), dogs: 7.3 })), [
          'scores.dogs score.step',
        ]);
        assert.deepEqual(await keysOf(score('xfl-g1-b1', { ...all(9), dogs: '9' })), [
          'scores.dogs score.invalid',
        ]);
        const { dogs: _d, ...four } = all(9);
        assert.deepEqual(await keysOf(score('xfl-g1-b1', { ...four, parking: 9 })), [
          'scores.dogs score.required',
          'scores.parking score.unknownItem',
        ]);
        assert.deepEqual(await keysOf(score('nowhere', all(9))), ['building location.unknown']);
        assert.deepEqual(await keysOf(score('xfl-g1-b1', all(9), '2026-Q3')), [
          'period period.notStarted',
        ]);
        assert.deepEqual(await keysOf(score('xfl-g1-b1', all(9), '2026-Q9')), [
          'period period.invalid',
        ]);
        // Staff of another community, and residents, cannot score.
        await fails(
          env.other.redblack.putBuildingScores({
            community: 'xingfuli',
            period: '2026-Q1',
            building: 'xfl-g1-b1',
            scores: all(1),
          }),
          'forbidden',
          403,
        );
        await fails(env.resident.redblack.scoreSheet('xingfuli', '2026-Q1'), 'unauthorized', 401);

        // Scoring again replaces the sheet and keeps the replaced version.
        env.clock.advance(60_000);
        const again = await env.reviewer.redblack.putBuildingScores({
          community: 'xingfuli',
          period: '2026-Q1',
          building: 'xfl-g1-b2',
          scores: all(8),
        });
        assert.equal(again.total, 40);
        assert.deepEqual(
          again.history.map((h) => [h.total, h.scoredAt]),
          [[35, '2026-03-02T01:00:00.000Z']],
        );
        assert.notEqual(again.scoredBy, again.history[0]!.scoredBy);

        const sheet = await env.reviewer.redblack.scoreSheet('xingfuli', '2026-Q1');
        assert.equal(sheet.periodLabel, '2026年第一季度');
        assert.deepEqual(
          sheet.items.map((i) => i.name),
          ['环境卫生', '楼道堆物', '文明养犬', '垃圾分类', '邻里互助'],
        );
        assert.deepEqual([sheet.max, sheet.redTop, sheet.blackBelow], [50, 3, 6]);
        assert.equal(sheet.rows.length, 7, 'every building of 幸福里');
        assert.equal(sheet.scored, 4);
        assert.deepEqual(
          sheet.rows.map((r) => [r.name, r.total ?? null, r.rank ?? null, r.suggestion ?? null]),
          [
            ['1号楼', 45, 1, 'red'],
            ['2号楼', 40, 2, 'red'],
            ['3号楼', 40, 2, 'red'],
            ['4号楼', 24.5, 4, 'black'],
            ['5号楼', null, null, null],
            ['6号楼', null, null, null],
            ['7号楼', null, null, null],
          ],
        );
        assert.equal(sheet.rows[1]!.rescored, 1);
        assert.ok(sheet.periods.some((p) => p.key === '2026-Q1'));

        // Anyone: one building's items, total and rank — never who scored.
        const mine = await env.resident.redblack.buildingScores('xingfuli', 'xfl-g1-b3', '2026-Q1');
        assert.deepEqual(
          mine.items.map((i) => [i.name, i.score]),
          [
            ['环境卫生', 8],
            ['楼道堆物', 8],
            ['文明养犬', 7.5],
            ['垃圾分类', 8],
            ['邻里互助', 8.5],
          ],
        );
        assert.deepEqual(
          [mine.name, mine.periodLabel, mine.total, mine.max, mine.rank, mine.of],
          ['3号楼', '2026年第一季度', 40, 50, 2, 4],
        );
        assert.deepEqual(
          mine.periods.find((p) => p.key === '2026-Q1'),
          { key: '2026-Q1', label: '2026年第一季度', total: 40 },
        );
        const text = JSON.stringify(mine);
        for (const secret of [
          'scoredBy',
          'scoredAt',
          'history',
          'xingfuli-',
          'xfl-grid',
          '王建国',
        ]) {
          assert.ok(!text.includes(secret), `no ${secret} in public output`);
        }
        // Without a period: the building's latest.
        const latest = await env.resident.redblack.buildingScores('xingfuli', 'xfl-g1-b3');
        assert.equal(latest.period, latest.periods[0]!.key);
        // Unknown building, a period it was not scored in: 404; a bad period: 400.
        await fails(env.resident.redblack.buildingScores('xingfuli', 'nowhere'), 'not_found', 404);
        await fails(
          env.resident.redblack.buildingScores('xingfuli', 'xfl-g1-b3', '2025-Q4'),
          'not_found',
          404,
        );
        await fails(
          env.resident.redblack.buildingScores('xingfuli', 'xfl-g1-b3', 'soon'),
          'validation_failed',
          400,
        );
        await fails(env.resident.redblack.buildingScores('nowhere', 'xfl-g1-b3'), 'not_found', 404);
      } finally {
        await env.stop();
      }
    });
  });
}
