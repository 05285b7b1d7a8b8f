/**
 * The retention job's part of the store conformance suite (test/stores/conformance.ts): on
 * memory, memory + IndexedDB, PGlite and PostgreSQL alike, with a clock the test moves. Cases
 * and wishes are made through the services, so their documents are the real thing.
 */
import { DomainError, type Complaint, type Wish } from '../../src/domain/index.js';
import type { Clock } from '../../src/domain/time.js';
import type { Store } from '../../src/services/store.js';
import { createContext, type Actor } from '../../src/services/context.js';
import { seedDemo } from '../../src/features/core/demo.js';
import { demoStaffActor, seedDemoStaff } from '../../src/features/complaints/demo.js';
import {
  actOnComplaint,
  complaintMetrics,
  getComplaint,
  rateComplaint,
  submitComplaint,
  trackComplaint,
} from '../../src/features/complaints/service.js';
import {
  actOnWish,
  claimWish,
  fulfilWish,
  getWish,
  listWishes,
  postWish,
  thankWish,
  wishCounts,
  wishStatus,
} from '../../src/features/wishes/service.js';
import { hashWishCode } from '../../src/features/wishes/model.js';
import { storeFeatures } from '../../src/stores/features.js';
import { deleteOrphanPhotos, runRetention } from '../../src/services/retention.js';
import { check, rejection, same, U, type It, type WithStore } from './conformance-kit.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
/** The demo communities keep personal data 730 days after an item ended. */
const RETENTION_DAYS = 730;

function clockAt(ms: number): Clock & { set(ms: number): void } {
  let now = ms;
  return { now: () => new Date(now), set: (to) => (now = to) };
}

const staff = demoStaffActor('xfl-admin');
const at = (store: Store, clock: Clock, actor: Actor = { kind: 'public' }) =>
  createContext(store, { clock, actor });

/** Words of residents and staff that must not outlive retention anywhere in a document. */
const PERSONAL = [
  '张三丰',
  '13812341234',
  '3号楼',
  '垃圾站',
  '李秀英说',
  '已联系',
  '谢谢',
  '王奶奶',
  '王秀英',
  '13912345678',
  '李建国',
  '收音机',
  '已送到',
  '不符合',
];

const photo = (store: Store, id: string, createdAt: string) =>
  store.uploads.put({ id, type: 'image/png', size: 1, createdAt });

/**
 * The street as the test leaves it: cases and wishes ended early (A, B, W1, W2), one ended
 * late after a reopening (D), and ones never ended (C, W3).
 */
async function street(store: Store) {
  await seedDemo(store);
  await seedDemoStaff(store);
  const clock = clockAt(T0);
  const ctx = (actor?: Actor) => at(store, clock, actor);
  await photo(store, U('P1'), new Date(T0).toISOString());
  await photo(store, U('P2'), new Date(T0).toISOString());
  await photo(store, U('P4'), new Date(T0).toISOString());
  const base = {
    community: 'xingfuli',
    category: 'environment',
    answers: {},
    anonymous: false,
    consent: true as const,
    publishConsent: false,
  };
  // A: contact, photo, a building; answered, noted, resolved on day 1, rated with a comment.
  const a = await submitComplaint(ctx(), {
    ...base,
    description: '3号楼后面的垃圾站三天没清运，我是张三丰，电话13812341234。',
    location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b3' },
    photos: [U('P1')],
    contact: { name: '张三丰', phone: '13812341234' },
  });
  clock.set(T0 + DAY / 2);
  await actOnComplaint(ctx(staff), { id: a.id, action: 'assign', handler: 'demo-xfl-grid' });
  await actOnComplaint(ctx(staff), { id: a.id, action: 'start' });
  await actOnComplaint(ctx(staff), { id: a.id, action: 'reply', text: '已联系张三丰 13812341234' });
  await actOnComplaint(ctx(staff), { id: a.id, action: 'note', text: '李秀英说3号楼常有此事' });
  clock.set(T0 + DAY);
  await actOnComplaint(ctx(staff), { id: a.id, action: 'resolve', text: '垃圾站已清运' });
  await rateComplaint(ctx(), {
    ticket: a.ticket,
    queryCode: a.queryCode,
    rating: 'satisfied',
    comment: '谢谢，张三丰',
  });
  // B: anonymous, returned within the hour.
  clock.set(T0);
  const b = await submitComplaint(ctx(), {
    ...base,
    anonymous: true,
    description: '垃圾站旁边有人乱扔装修垃圾。',
    location: { community: 'xingfuli', text: '3号楼北侧垃圾站' },
    photos: [],
  });
  clock.set(T0 + DAY / 24);
  await actOnComplaint(ctx(staff), {
    id: b.id,
    action: 'return',
    reason: 'duplicate',
    text: '不符合受理条件',
  });
  // C: still open, with a photo.
  const c = await submitComplaint(ctx(), {
    ...base,
    anonymous: true,
    description: '小区东门路灯不亮，晚上很黑。',
    location: { community: 'xingfuli', grid: 'xfl-g1' },
    photos: [U('P4')],
  });
  // D: resolved on day 1, reopened by 不满意 on day 400, resolved again on day 410.
  clock.set(T0);
  const d = await submitComplaint(ctx(), {
    ...base,
    description: '楼道里堆满杂物，影响通行。',
    location: { community: 'xingfuli', grid: 'xfl-g2' },
    photos: [],
    contact: { name: '赵敏', phone: '13700001111' },
  });
  await actOnComplaint(ctx(staff), { id: d.id, action: 'assign', handler: 'demo-xfl-grid' });
  await actOnComplaint(ctx(staff), { id: d.id, action: 'start' });
  clock.set(T0 + DAY);
  await actOnComplaint(ctx(staff), { id: d.id, action: 'resolve', text: '已清理' });
  clock.set(T0 + 400 * DAY);
  await rateComplaint(ctx(), { ticket: d.ticket, queryCode: d.queryCode, rating: 'unsatisfied' });
  clock.set(T0 + 410 * DAY);
  await actOnComplaint(ctx(staff), { id: d.id, action: 'resolve', text: '再次清理' });

  // W1: alias, claimed, fulfilled with a photo on day 3, thanked.
  clock.set(T0);
  const wish = {
    community: 'xingfuli',
    category: 'daily',
    wisherName: '王秀英',
    phone: '13812341234',
    consent: true as const,
    publishConsent: true as const,
  };
  const w1 = await postWish(ctx(), {
    ...wish,
    title: '王奶奶想要一台收音机',
    story: '王奶奶独居，想要一台收音机听戏曲，电话13812341234。',
    alias: '王奶奶',
  });
  await actOnWish(ctx(staff), { id: w1.id, action: 'approve' });
  const claim = await claimWish(ctx(), {
    id: w1.id,
    claimerType: 'party_member',
    name: '李建国',
    phone: '13912345678',
    consent: true,
  });
  clock.set(T0 + 3 * DAY);
  await fulfilWish(ctx(), { claimCode: claim.claimCode, note: '收音机已送到', photo: U('P2') });
  await thankWish(ctx(), { code: w1.code, message: '谢谢李建国' });
  // W2: rejected on day 1.
  clock.set(T0);
  const w2 = await postWish(ctx(), {
    ...wish,
    title: '想要一台收音机',
    story: '家里的收音机坏了，想要一台新的听新闻。',
  });
  clock.set(T0 + DAY);
  await actOnWish(ctx(staff), { id: w2.id, action: 'reject', reason: '不符合心愿标准' });
  // W3: on the wall, never claimed.
  const w3 = await postWish(ctx(), {
    ...wish,
    title: '想学用智能手机',
    story: '想请志愿者教我用智能手机视频通话。',
  });
  await actOnWish(ctx(staff), { id: w3.id, action: 'approve' });

  return { clock, ctx, a, b, c, d, w1, w2, w3, claimCode: claim.claimCode };
}

const retain = (store: Store, now: number, extra: { dryRun?: boolean; batchSize?: number } = {}) =>
  runRetention(store, { now: new Date(now), features: storeFeatures, ...extra });

/** Everything the counts and the metrics say of March 2026, as of `clock`. */
async function counts(store: Store, clock: Clock) {
  const ctx = at(store, clock, staff);
  const period = { community: 'xingfuli', from: '2026-03-01', to: '2026-03-31' };
  return {
    metrics: await complaintMetrics(ctx, period),
    wishes: await wishCounts(ctx, period),
  };
}

export function retentionConformance(withStore: WithStore, it: It) {
  it(
    'retention: keeps everything before the period has passed, and items never ended always',
    withStore(async (store) => {
      const s = await street(store);
      const docs = async () => ({
        complaints: await Promise.all([s.a, s.b, s.c, s.d].map((r) => store.complaints.get(r.id))),
        wishes: await Promise.all([s.w1, s.w2, s.w3].map((r) => store.wishes.get(r.id))),
      });
      const before = await docs();
      // B, the first to end (returned an hour in): 730 days later less a millisecond.
      const bDue = T0 + DAY / 24 + RETENTION_DAYS * DAY;
      const report = await retain(store, bDue - 1);
      same(report.anonymised, 0, 'nothing is due yet');
      same(await docs(), before, 'every document as it was');
      same(
        report.counts.map((c) => [c.community, c.repository]),
        [
          ['chunhui', 'complaints'],
          ['chunhui', 'wishes'],
          ['chunhui', 'bookings'],
          ['chunhui', 'activityRegistrations'],
          ['chunhui', 'redblackAppeals'],
          ['xingfuli', 'complaints'],
          ['xingfuli', 'wishes'],
          ['xingfuli', 'bookings'],
          ['xingfuli', 'activityRegistrations'],
          ['xingfuli', 'redblackAppeals'],
        ],
        'every community, every retained repository',
      );
      same((await retain(store, bDue + 1)).anonymised, 1, 'a millisecond later, B');
      check((await store.complaints.get(s.b.id))!.anonymisedAt, 'B anonymised');
      same((await store.complaints.get(s.a.id))!, before.complaints[0], 'A (ended on day 1) kept');
      // Twenty years on, what never ended is still whole.
      await retain(store, T0 + 20 * 365 * DAY);
      const later = await docs();
      same(later.complaints[2], before.complaints[2], 'the open case (C) is kept');
      same(later.wishes[2], before.wishes[2], 'the wish on the wall (W3) is kept');
    }),
  );

  it(
    'retention: past the period, names, phones, words, photos and codes are gone; counts stay',
    withStore(async (store) => {
      const s = await street(store);
      const now = T0 + (3 + RETENTION_DAYS) * DAY + 1;
      s.clock.set(now);
      const before = await counts(store, s.clock);
      const keptD = await store.complaints.get(s.d.id);
      const dry = await retain(store, now, { dryRun: true });
      same([dry.anonymised, dry.photos], [4, 2], 'a dry run counts A, B, W1, W2 and two photos');
      same((await store.complaints.get(s.a.id))!.contact?.name, '张三丰', 'and changes nothing');

      const report = await retain(store, now);
      same([report.anonymised, report.photos], [4, 2], 'A, B, W1 and W2; two photos let go');
      const iso = new Date(now).toISOString();
      const a = (await store.complaints.get(s.a.id))!;
      const b = (await store.complaints.get(s.b.id))!;
      const w1 = (await store.wishes.get(s.w1.id))!;
      const w2 = (await store.wishes.get(s.w2.id))!;
      for (const [name, doc] of Object.entries({ a, b, w1, w2 })) {
        same(doc.anonymisedAt, iso, `${name} marked`);
        const text = JSON.stringify(doc);
        for (const word of PERSONAL) check(!text.includes(word), `${name} still holds ${word}`);
      }
      // What stays of a case: all the 三率 and reports read.
      same(
        {
          ticket: a.ticket,
          category: a.category,
          status: a.status,
          grid: 'grid' in a.location ? a.location.grid : undefined,
          building: 'building' in a.location ? a.location.building : undefined,
          handler: a.handler?.id,
          rating: a.rating,
          firstResponseAt: a.firstResponseAt !== undefined,
          resolvedAt: a.resolvedAt !== undefined,
          steps: a.history.map((e) => e.action),
        },
        {
          ticket: s.a.ticket,
          category: 'environment',
          status: 'rated',
          grid: 'xfl-g1',
          building: undefined,
          handler: 'demo-xfl-grid',
          rating: { value: 'satisfied', at: new Date(T0 + DAY).toISOString() },
          firstResponseAt: true,
          resolvedAt: true,
          steps: ['submit', 'assign', 'start', 'reply', 'note', 'resolve', 'rate'],
        },
        'case A',
      );
      same([a.contact, a.photos, a.answers, a.description], [undefined, [], {}, ''], 'A: gone');
      same(b.location, { community: 'xingfuli' }, 'B: a place in words leaves the community');
      same(
        [w1.status, w1.claim, w1.fulfilment, w1.thanks?.message, w1.history.length],
        [
          'thanked',
          undefined,
          { at: new Date(T0 + 3 * DAY).toISOString(), note: '' },
          undefined,
          5,
        ],
        'W1: claim, note, photo and thanks gone; its steps kept',
      );
      same([w2.status, w2.rejectReason], ['rejected', undefined], 'W2');
      same(await store.complaints.get(s.d.id), keptD, 'D ended again on day 410: kept');

      // Codes find nothing; the wall and the staff see what is left.
      const ctx = at(store, s.clock);
      const gone = [
        await rejection(trackComplaint(ctx, { ticket: s.a.ticket, queryCode: s.a.queryCode })),
        await rejection(wishStatus(ctx, { code: s.w1.code })),
        await rejection(getWish(ctx, { id: s.w1.id })),
      ];
      for (const error of gone) {
        check(error instanceof DomainError && error.code === 'not_found', `${String(error)}`);
      }
      check(
        (await store.wishes.getByClaimCode(hashWishCode('claim', s.claimCode))) === undefined,
        'the claim code finds nothing',
      );
      same(
        (await listWishes(ctx, { community: 'xingfuli', limit: 20 })).items.map((w) => w.id),
        [s.w3.id],
        'W1 has left the wall',
      );
      const staffCtx = at(store, s.clock, staff);
      same((await getComplaint(staffCtx, { id: s.a.id })).anonymisedAt, iso, 'staff see the mark');
      const refused = await rejection(
        actOnComplaint(staffCtx, { id: s.a.id, action: 'note', text: '张三丰' }),
      );
      check(
        refused instanceof DomainError && refused.code === 'invalid_transition',
        'nothing more is written to an anonymised case',
      );

      // Photos: the orphan pass deletes the two let go; the open case's stays.
      await photo(store, U('P3'), new Date(now - 3_600_000).toISOString());
      same(await deleteOrphanPhotos(store, new Date(now - DAY).toISOString()), 2, 'two deleted');
      check((await store.uploads.get(U('P1'))) === undefined, 'A’s photo deleted');
      check((await store.uploads.get(U('P2'))) === undefined, 'W1’s photo deleted');
      check((await store.uploads.get(U('P4'))) !== undefined, 'C’s photo kept');
      check((await store.uploads.get(U('P3'))) !== undefined, 'a fresh upload kept');

      same(await counts(store, s.clock), before, '三率 and wish counts unchanged');

      const again = await retain(store, now + DAY);
      same(again.anonymised, 0, 'a second run finds nothing');
      same((await store.complaints.get(s.a.id))!, a, 'and changes nothing');
      same((await store.wishes.get(s.w1.id))!, w1, 'nor a wish');
    }),
  );

  it(
    'retention: two runs at once anonymise each item once, in small batches',
    withStore(async (store) => {
      await seedDemo(store);
      const old = new Date(T0).toISOString();
      const resolved = new Date(T0 + DAY).toISOString();
      for (let i = 1; i <= 14; i++) {
        const id = U(`C${String(i).padStart(2, '0')}`);
        const complaint: Complaint = {
          id,
          ticket: `SQ-2026-${String(900 + i).padStart(6, '0')}`,
          community: 'xingfuli',
          category: 'environment',
          description: '垃圾站三天没清运。',
          location: { community: 'xingfuli', grid: 'xfl-g1' },
          answers: {},
          photos: [],
          anonymous: false,
          contact: { name: '张三丰', phone: '13812341234' },
          publishConsent: false,
          status: 'resolved',
          receivedAt: old,
          dueDate: '2026-03-05',
          resolvedAt: resolved,
          reopened: 0,
          queryCodeHash: `hash-${i}`,
          history: [
            {
              at: old,
              action: 'submit',
              to: 'received',
              actor: { kind: 'resident' },
              public: true,
            },
            {
              at: resolved,
              action: 'resolve',
              from: 'in_progress',
              to: 'resolved',
              actor: { kind: 'staff', id: 's1', name: '王芳' },
              text: '已处理，张三丰',
              public: true,
            },
          ],
        };
        await store.complaints.put(complaint);
        const wish: Wish = {
          id: U(`W${String(i).padStart(2, '0')}`),
          community: 'xingfuli',
          category: 'daily',
          title: '收音机',
          story: '想要一台收音机。',
          wisherName: '王秀英',
          phone: '13812341234',
          status: 'withdrawn',
          createdAt: old,
          codeHash: `code-${i}`,
          history: [
            { at: old, action: 'submit', to: 'pending_review', actor: { kind: 'wisher' } },
            {
              at: resolved,
              action: 'withdraw',
              from: 'pending_review',
              to: 'withdrawn',
              actor: { kind: 'wisher' },
            },
          ],
        };
        await store.wishes.put(wish);
      }
      const now = T0 + (2 + RETENTION_DAYS) * DAY;
      const runs = await Promise.all([
        retain(store, now, { batchSize: 3 }),
        retain(store, now, { batchSize: 3 }),
      ]);
      same(runs[0]!.anonymised + runs[1]!.anonymised, 28, 'each of the 28 items once');
      for (let i = 1; i <= 14; i++) {
        const c = (await store.complaints.get(U(`C${String(i).padStart(2, '0')}`)))!;
        const w = (await store.wishes.get(U(`W${String(i).padStart(2, '0')}`)))!;
        check(c.anonymisedAt && !c.contact && c.history[1]!.text === undefined, `case ${i}`);
        check(w.anonymisedAt && w.phone === '' && w.codeHash !== `code-${i}`, `wish ${i}`);
      }
      same((await retain(store, now)).anonymised, 0, 'nothing left');
    }),
  );

  it(
    'retention: a document stored already anonymised (moved from another database) stays as it is',
    withStore(async (store) => {
      await seedDemo(store);
      const old = new Date(T0).toISOString();
      const moved: Wish = {
        id: U('MOVED'),
        community: 'xingfuli',
        category: 'daily',
        title: '',
        story: '',
        wisherName: '',
        phone: '',
        status: 'rejected',
        createdAt: old,
        codeHash: `anonymised:${U('MOVED')}`,
        history: [
          { at: old, action: 'submit', to: 'pending_review', actor: { kind: 'wisher' } },
          {
            at: old,
            action: 'reject',
            from: 'pending_review',
            to: 'rejected',
            actor: { kind: 'staff' },
          },
        ],
        anonymisedAt: '2028-03-05T00:00:00.000Z',
      };
      await store.wishes.put(moved);
      const now = T0 + 5 * RETENTION_DAYS * DAY;
      same((await retain(store, now)).anonymised, 0, 'not counted again');
      same(await store.wishes.get(moved.id), moved, 'its first anonymisedAt kept');
      same((await retain(store, now)).anonymised, 0, 'nor later');
    }),
  );
}
