/**
 * 居民说事 through the SDK, the same suite on the embedded transport (memory store) and on the
 * http transport against a real server (PGlite; PostgreSQL when DATABASE_URL is set): the whole
 * life of a case, illegal transitions, staff scope, validation, lists, 三率, and deadlines over
 * 春节 2026 with a clock the test moves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ComplaintInput } from '../../../src/domain/index.js';
import { ApiError, createClient, type Client } from '../../../src/sdk/index.js';
import { demoStaffActor } from '../../../src/features/complaints/demo.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { testDatabases } from '../../server/db.js';
import { manualClock, startTestServer } from '../../server/harness.js';
import { fails } from '../../sdk/fails.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

type Clock = ReturnType<typeof manualClock>;

interface Env {
  clock: Clock;
  resident(): Client;
  staff(username: 'xfl-admin' | 'xfl-grid' | 'ch-admin'): Promise<Client>;
  stop(): Promise<void>;
}

interface Target {
  name: string;
  start(): Promise<Env>;
}

const targets: Target[] = [
  {
    name: 'embedded transport (memory store)',
    async start() {
      const clock = manualClock();
      const store = createMemoryStore();
      const clients: Client[] = [];
      const make = (extra = {}) => {
        const client = createClient({
          embedded: { persistence: false, store, clock, ...extra },
        });
        clients.push(client);
        return client;
      };
      return {
        clock,
        resident: () => make(),
        staff: async (username) => make({ actor: demoStaffActor(username) }),
        async stop() {
          for (const client of clients) await client.close().catch(() => undefined);
        },
      };
    },
  },
  ...databases.map((db): Target => ({
    name: `http transport → server on ${db.name}`,
    async start() {
      const clock = manualClock();
      // Sessions outlive the weeks this suite moves the clock through.
      const t = await startTestServer(db, {
        listen: true,
        clock,
        sessionTtlMs: 400 * 24 * 3_600_000,
      });
      const clients: Client[] = [];
      const make = () => {
        const client = createClient({ baseUrl: t.baseUrl, outbox: false, retry: { attempts: 1 } });
        clients.push(client);
        return client;
      };
      return {
        clock,
        resident: make,
        async staff(username) {
          const client = make();
          await client.auth.login({ username, password: t.login.password });
          return client;
        },
        async stop() {
          for (const client of clients) await client.close();
          await t.close();
        },
      };
    },
  })),
];

const concern = (extra: Partial<ComplaintInput> = {}): ComplaintInput => ({
  community: 'xingfuli',
  category: 'noise',
  description: '楼上每天晚上十二点以后还在装修，电钻声吵得老人睡不着。',
  location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2', unit: 'xfl-g1-b2-u1' },
  contact: { name: '张三丰', phone: '138-1234-1234' },
  consent: true,
  ...extra,
});

for (const target of targets) {
  describe(`complaints: ${target.name}`, () => {
    let env: Env;
    let resident: Client;
    let admin: Client;
    let other: Client;
    before(async () => {
      env = await target.start();
      resident = env.resident();
      admin = await env.staff('xfl-admin');
      other = await env.staff('ch-admin');
    });
    after(() => env.stop());

    const submit = async (input: ComplaintInput = concern()) => {
      const delivery = await resident.complaints.submit(input);
      assert.equal(delivery.state, 'delivered');
      if (delivery.state !== 'delivered') throw new Error('not delivered');
      return delivery.value;
    };
    const handlerNamed = async (name: string) => {
      const handler = (await admin.complaints.handlers('xingfuli')).find((h) => h.name === name);
      assert.ok(handler, `handler ${name}`);
      return handler.id;
    };

    it('lives a whole life: submit → assign → start → reply → resolve → 不满意 reopens → resolve → 满意', async () => {
      env.clock.set('2026-03-02T01:00:00.000Z'); // Monday 09:00 in Beijing
      const receipt = await submit();
      assert.match(receipt.ticket, /^SQ-2026-\d{6}$/);
      assert.match(receipt.queryCode, /^[2-9A-HJKMNP-Z]{8}$/);
      assert.equal(receipt.status, 'received');
      assert.equal(receipt.dueDate, '2026-03-05', 'noise: 3 working days');

      const listed = await admin.complaints.list({ community: 'xingfuli' });
      const row = listed.items.find((c) => c.id === receipt.id);
      assert.ok(row, 'staff see it');
      assert.equal(row.grid, 'xfl-g1');
      assert.equal(row.overdue, false);
      assert.ok(row.excerpt.startsWith('楼上每天'));
      const full = await admin.complaints.get(receipt.id);
      assert.deepEqual(full.contact, { name: '张三丰', phone: '13812341234' });
      assert.equal('queryCodeHash' in full, false, 'never the hash');

      const wang = await handlerNamed('王建国');
      env.clock.advance(10 * 60_000);
      await admin.complaints.act(receipt.id, { action: 'assign', handler: wang });
      const grid = await env.staff('xfl-grid');
      await grid.complaints.act(receipt.id, { action: 'start' });
      await grid.complaints.act(receipt.id, { action: 'note', text: '内部：施工队没有办装修许可' });
      env.clock.advance(60 * 60_000);
      const replied = await grid.complaints.act(receipt.id, {
        action: 'reply',
        text: '已联系物业，今晚上门劝停。',
      });
      assert.equal(replied.status, 'in_progress');
      assert.equal(replied.firstResponseAt, '2026-03-02T02:10:00.000Z');

      const seen = await resident.complaints.track(receipt.ticket, receipt.queryCode);
      assert.equal(seen.status, 'in_progress');
      assert.equal(seen.handlerName, '王*国', 'masked');
      assert.equal(seen.canRate, false);
      assert.deepEqual(
        seen.timeline.map((e) => e.action),
        ['submit', 'assign', 'start', 'reply'],
        'no internal note',
      );
      assert.equal(seen.timeline[3]!.text, '已联系物业，今晚上门劝停。');
      const text = JSON.stringify(seen);
      for (const secret of ['张三丰', '13812341234', '王建国', '施工队', '李秀英']) {
        assert.equal(text.includes(secret), false, `public view leaks ${secret}`);
      }
      // Codes are forgiving when typed: case, spaces and dashes.
      const typed = `${receipt.queryCode.slice(0, 4).toLowerCase()} ${receipt.queryCode.slice(4)}`;
      assert.equal((await resident.complaints.track(receipt.ticket, typed)).ticket, receipt.ticket);

      await grid.complaints.act(receipt.id, {
        action: 'resolve',
        text: '已协调，晚上十点后停工。',
      });
      assert.equal(
        (await resident.complaints.track(receipt.ticket, receipt.queryCode)).canRate,
        true,
      );

      env.clock.set('2026-03-03T02:00:00.000Z');
      const reopened = await resident.complaints.rate({
        ticket: receipt.ticket,
        queryCode: receipt.queryCode,
        rating: 'unsatisfied',
        comment: '昨晚还在响',
      });
      assert.equal(reopened.state, 'delivered');
      if (reopened.state !== 'delivered') return;
      assert.equal(reopened.value.status, 'in_progress', '重办');
      assert.equal(reopened.value.reopened, 1);
      assert.equal(reopened.value.dueDate, '2026-03-06', 'a new deadline from today');
      assert.equal(reopened.value.canRate, false);
      await fails(
        resident.complaints.rate({
          ticket: receipt.ticket,
          queryCode: receipt.queryCode,
          rating: 'satisfied',
        }),
        'invalid_transition',
        409,
      );

      await grid.complaints.act(receipt.id, { action: 'resolve', text: '已没收电钻。' });
      const rated = await resident.complaints.rate({
        ticket: receipt.ticket,
        queryCode: receipt.queryCode,
        rating: 'satisfied',
      });
      assert.ok(rated.state === 'delivered');
      assert.equal(rated.value.status, 'rated');
      assert.deepEqual(rated.value.rating, { value: 'satisfied' });
      assert.equal(rated.value.canRate, false);

      const history = (await admin.complaints.get(receipt.id)).history;
      assert.deepEqual(
        history.map((e) => e.action),
        ['submit', 'assign', 'start', 'note', 'reply', 'resolve', 'reopen', 'resolve', 'rate'],
      );
      assert.deepEqual(history[1]!.actor, {
        kind: 'staff',
        id: history[1]!.actor.id,
        name: '李秀英',
      });
      assert.equal(history[3]!.public, false);
      assert.equal(history[6]!.rating, 'unsatisfied');

      const metrics = await admin.complaints.metrics({
        community: 'xingfuli',
        from: '2026-03-02',
        to: '2026-03-02',
      });
      assert.equal(metrics.total, 1);
      assert.equal(metrics.respondedInTime, 1);
      assert.equal(metrics.resolved, 1);
      assert.equal(metrics.rated, 1);
      assert.equal(metrics.satisfied, 1);
      assert.equal(metrics.satisfactionRate, 1);
      assert.deepEqual(
        metrics.byCategory.map((c) => [c.category, c.total]),
        [['noise', 1]],
      );
    });

    it('refuses illegal transitions with invalid_transition (409), never a silent no-op', async () => {
      env.clock.set('2026-03-04T01:00:00.000Z');
      const { id, ticket, queryCode } = await submit();
      await fails(admin.complaints.act(id, { action: 'start' }), 'invalid_transition', 409);
      await fails(
        admin.complaints.act(id, { action: 'resolve', text: '好了' }),
        'invalid_transition',
        409,
      );
      await fails(
        resident.complaints.rate({ ticket, queryCode, rating: 'satisfied' }),
        'invalid_transition',
        409,
      );
      const returned = await admin.complaints.act(id, {
        action: 'return',
        reason: 'not_our_jurisdiction',
        text: '请拨打 12345 反映。',
      });
      assert.equal(returned.status, 'returned');
      await fails(
        admin.complaints.act(id, { action: 'reply', text: '再说一句' }),
        'invalid_transition',
        409,
      );
      // An internal note is always possible, and changes nothing the resident sees.
      await admin.complaints.act(id, { action: 'note', text: '已电话告知' });
      const seen = await resident.complaints.track(ticket, queryCode);
      assert.equal(seen.status, 'returned');
      assert.deepEqual(seen.timeline.at(-1), {
        at: '2026-03-04T01:00:00.000Z',
        action: 'return',
        status: 'returned',
        text: '请拨打 12345 反映。',
        reason: 'not_our_jurisdiction',
      });
      assert.equal((await admin.complaints.get(id)).history.length, 3);
    });

    it('needs a session (401) and keeps staff to their own community (403)', async () => {
      const { id } = await submit();
      await fails(resident.complaints.list({ community: 'xingfuli' }), 'unauthorized', 401);
      await fails(resident.complaints.get(id), 'unauthorized', 401);
      await fails(resident.complaints.act(id, { action: 'start' }), 'unauthorized', 401);
      await fails(resident.complaints.handlers('xingfuli'), 'unauthorized', 401);
      await fails(
        resident.complaints.metrics({
          community: 'xingfuli',
          from: '2026-03-01',
          to: '2026-03-31',
        }),
        'unauthorized',
        401,
      );
      await fails(other.complaints.list({ community: 'xingfuli' }), 'forbidden', 403);
      await fails(other.complaints.get(id), 'forbidden', 403);
      await fails(other.complaints.act(id, { action: 'note', text: '看看' }), 'forbidden', 403);
      await fails(other.complaints.handlers('xingfuli'), 'forbidden', 403);
      await fails(
        other.complaints.metrics({ community: 'xingfuli', from: '2026-03-01', to: '2026-03-31' }),
        'forbidden',
        403,
      );
      // A handler must be staff of the case's community.
      const chen = (await other.complaints.handlers('chunhui'))[0]!;
      const error = await fails(
        admin.complaints.act(id, { action: 'assign', handler: chen.id }),
        'validation_failed',
        400,
      );
      assert.deepEqual(error.fields, [{ path: 'handler', key: 'handler.unknown' }]);
      await fails(admin.complaints.get('NOSUCHCASE'), 'not_found', 404);
    });

    it('validates with field errors as i18n keys (problem+json over http)', async () => {
      const empty = await fails(
        resident.complaints.submit({} as ComplaintInput),
        'validation_failed',
        400,
      );
      const paths = empty.fields.map((f) => f.path);
      for (const path of ['community', 'category', 'description', 'location', 'consent']) {
        assert.ok(paths.includes(path), `${path} in ${paths.join(',')}`);
      }
      const short = await fails(
        resident.complaints.submit(concern({ description: '太吵' })),
        'validation_failed',
        400,
      );
      assert.deepEqual(
        short.fields.map((f) => f.key),
        ['description.tooShort'],
      );
      const unknown = await fails(
        resident.complaints.submit(
          concern({
            category: 'parking-wars',
            location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g9-b99' },
            photos: ['NOSUCHUPLOAD'],
          }),
        ),
        'validation_failed',
        400,
      );
      assert.deepEqual(unknown.fields, [
        { path: 'category', key: 'category.unknown' },
        { path: 'location.building', key: 'location.unknown' },
        { path: 'photos.0', key: 'photos.unknown' },
      ]);
      await fails(
        resident.complaints.submit(
          concern({ community: 'nowhere', location: { community: 'nowhere' } }),
        ),
        'not_found',
        404,
      );
      const anonymous = await fails(
        resident.complaints.submit(concern({ contact: undefined })),
        'validation_failed',
        400,
      );
      assert.deepEqual(anonymous.fields, [{ path: 'contact', key: 'contact.required' }]);

      // Tracking: a wrong ticket and a wrong code give the same answer.
      const { ticket } = await submit();
      await fails(resident.complaints.track(ticket, 'ZZZZZZZZ'), 'not_found', 404);
      await fails(resident.complaints.track('SQ-2026-999999', 'ZZZZZZZZ'), 'not_found', 404);
      const malformed = await fails(
        resident.complaints.track('12345', 'short'),
        'validation_failed',
        400,
      );
      assert.deepEqual(
        malformed.fields.map((f) => f.key),
        ['ticket.invalid', 'queryCode.invalid'],
      );
      const range = await fails(
        admin.complaints.metrics({ community: 'xingfuli', from: '2026-03-31', to: '2026-03-01' }),
        'validation_failed',
        400,
      );
      assert.deepEqual(range.fields, [{ path: 'to', key: 'date.range' }]);
    });

    it("asks the category's questions: required ones answered, none it lacks", async () => {
      const xingfuli = await admin.communities.get('xingfuli');
      const parking = {
        id: 'parking',
        name: '停车管理',
        slaDays: 3,
        questions: [{ id: 'plate', label: '占道车辆的车牌号？', required: true }],
      };
      await admin.call('putCommunity', {
        ...xingfuli,
        categories: { ...xingfuli.categories, complaint: [parking] },
      });
      try {
        const missing = await fails(
          resident.complaints.submit(concern({ category: 'parking' })),
          'validation_failed',
          400,
        );
        assert.deepEqual(missing.fields, [{ path: 'answers.plate', key: 'answers.required' }]);
        const stray = await fails(
          resident.complaints.submit(
            concern({ category: 'parking', answers: { plate: '京A12345', colour: '红色' } }),
          ),
          'validation_failed',
          400,
        );
        assert.deepEqual(stray.fields, [{ path: 'answers.colour', key: 'answers.unknown' }]);
        const ok = await resident.complaints.submit(
          concern({ category: 'parking', answers: { plate: '京A12345' } }),
        );
        assert.equal(ok.state, 'delivered');
        if (ok.state === 'delivered') {
          assert.deepEqual((await admin.complaints.get(ok.value.id)).answers, {
            plate: '京A12345',
          });
        }
      } finally {
        await admin.call('putCommunity', xingfuli);
      }
    });
    it('anonymous concerns keep no contact, even one sent along', async () => {
      const { id } = await submit(
        concern({ anonymous: true, location: { community: 'xingfuli', text: '小区东门垃圾站' } }),
      );
      const full = await admin.complaints.get(id);
      assert.equal(full.anonymous, true);
      assert.equal(full.contact, undefined);
    });

    it('lists newest first with filters and cursor paging', async () => {
      env.clock.set('2026-03-09T01:00:00.000Z');
      const made: string[] = [];
      for (const [i, category] of [
        'environment',
        'property',
        'environment',
        'property',
        'environment',
      ].entries()) {
        env.clock.advance(60_000);
        const grid = i < 2 ? 'xfl-g1' : 'xfl-g2';
        made.push(
          (await submit(concern({ category, location: { community: 'xingfuli', grid } }))).id,
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const got = await admin.complaints.list({ community: 'xingfuli', limit: 2, cursor });
        seen.push(...got.items.map((c) => c.id));
        assert.ok(got.items.length <= 2);
        cursor = got.nextCursor;
        if (!cursor) break;
      }
      assert.deepEqual(
        seen.filter((id) => made.includes(id)),
        [...made].reverse(),
        'newest first, each once',
      );
      assert.equal(new Set(seen).size, seen.length, 'no duplicates across pages');
      const environment = await admin.complaints.list({
        community: 'xingfuli',
        category: 'environment',
        grid: 'xfl-g2',
      });
      assert.deepEqual(
        environment.items.map((c) => c.id),
        [made[4], made[2]],
      );
      await admin.complaints.act(made[0]!, { action: 'return', reason: 'duplicate' });
      const returned = await admin.complaints.list({ community: 'xingfuli', status: 'returned' });
      assert.ok(returned.items.some((c) => c.id === made[0]));
      assert.ok(returned.items.every((c) => c.status === 'returned'));
    });

    it('counts deadlines in working days over 春节 2026 (holidays and 调休), with overdue and 三率', async () => {
      // Friday 13 February 2026, 10:00 in Beijing. 春节: off 15–23 Feb; Sat 14 and Sat 28 are working days.
      env.clock.set('2026-02-13T02:00:00.000Z');
      const noise = await submit(concern({ category: 'noise' })); // 3 days
      const fire = await submit(concern({ category: 'fire-safety' })); // 1 day
      const works = await submit(concern({ category: 'infrastructure' })); // 7 days
      assert.equal(noise.dueDate, '2026-02-25', 'Sat 14 (调休), then Tue 24 and Wed 25');
      assert.equal(fire.dueDate, '2026-02-14', 'the 调休 Saturday');
      assert.equal(works.dueDate, '2026-03-02', 'Feb 14, 24–28 (Sat 28 is 调休), then Mon 2 Mar');

      // On 调休 Saturday the fire case gets its answer in time.
      env.clock.set('2026-02-14T03:00:00.000Z');
      await admin.complaints.act(fire.id, { action: 'reply', text: '消防通道已清理。' });

      // After the holiday: the fire case is still open and overdue; the noise case is not yet.
      env.clock.set('2026-02-24T02:00:00.000Z');
      const overdue = await admin.complaints.list({ community: 'xingfuli', overdue: true });
      const overdueIds = overdue.items.map((c) => c.id);
      assert.ok(overdueIds.includes(fire.id));
      assert.ok(!overdueIds.includes(noise.id));
      assert.ok(overdue.items.every((c) => c.overdue));
      const notOverdue = await admin.complaints.list({
        community: 'xingfuli',
        overdue: false,
        limit: 100,
      });
      assert.ok(notOverdue.items.some((c) => c.id === noise.id));
      assert.ok(notOverdue.items.every((c) => !c.overdue));
      assert.equal((await resident.complaints.track(fire.ticket, fire.queryCode)).overdue, true);
      await admin.complaints.act(noise.id, { action: 'reply', text: '节后第一天处理。' });

      // 延期 by two working days, with a reason the resident sees.
      const extended = await admin.complaints.act(noise.id, {
        action: 'extend',
        days: 2,
        reason: '需要物业公司配合',
      });
      assert.equal(extended.dueDate, '2026-02-27');
      const seen = await resident.complaints.track(noise.ticket, noise.queryCode);
      assert.equal(seen.dueDate, '2026-02-27');
      assert.deepEqual(
        { action: seen.timeline.at(-1)!.action, dueDate: seen.timeline.at(-1)!.dueDate },
        { action: 'extend', dueDate: '2026-02-27' },
      );

      const metrics = await admin.complaints.metrics({
        community: 'xingfuli',
        from: '2026-02-13',
        to: '2026-02-13',
      });
      assert.equal(metrics.total, 3);
      assert.equal(
        metrics.respondedInTime,
        1,
        'fire answered on the 调休 Saturday; noise too late',
      );
      assert.equal(metrics.overdue, 1);
      assert.equal(metrics.resolved, 0);
      assert.equal(metrics.rated, 0);
      assert.equal(metrics.responseRate, 1 / 3);
      assert.equal(metrics.resolutionRate, 0);
      assert.equal(metrics.satisfactionRate, null, 'nothing rated: no rate');
      assert.deepEqual(
        metrics.byCategory.map((c) => c.category),
        ['noise', 'infrastructure', 'fire-safety'],
        'in catalogue order',
      );
      const empty = await admin.complaints.metrics({
        community: 'xingfuli',
        from: '2025-01-01',
        to: '2025-01-31',
      });
      assert.equal(empty.total, 0);
      assert.equal(empty.responseRate, null);
      assert.deepEqual(empty.byCategory, []);
    });

    it('two staff acting on one case at once: one wins, the other gets 409, no event lost', async () => {
      const { id } = await submit();
      const grid = await env.staff('xfl-grid');
      await admin.complaints.act(id, { action: 'assign', handler: await handlerNamed('王建国') });
      await admin.complaints.act(id, { action: 'start' });
      const results = await Promise.allSettled([
        admin.complaints.act(id, { action: 'resolve', text: '李秀英办结' }),
        grid.complaints.act(id, { action: 'resolve', text: '王建国办结' }),
        grid.complaints.act(id, { action: 'note', text: '同时记一笔' }),
      ]);
      const resolved = results.slice(0, 2).filter((r) => r.status === 'fulfilled');
      const refused = results.slice(0, 2).filter((r) => r.status === 'rejected');
      assert.equal(resolved.length, 1, 'exactly one 办结');
      assert.equal(refused.length, 1);
      const reason = (refused[0] as PromiseRejectedResult).reason as ApiError;
      assert.equal(reason.code, 'invalid_transition');
      assert.equal(results[2]!.status, 'fulfilled');
      const history = (await admin.complaints.get(id)).history.map((e) => e.action);
      assert.deepEqual(history.filter((a) => a === 'resolve').length, 1);
      assert.ok(history.includes('note'));
      assert.equal(history.length, 5, 'submit, assign, start, resolve, note');
    });

    it('numbers tickets per year without gaps or repeats, also when submitted at once', async () => {
      env.clock.set('2027-01-05T02:00:00.000Z');
      const receipts = await Promise.all(Array.from({ length: 8 }, () => submit()));
      const numbers = receipts.map((r) => r.ticket).sort();
      assert.deepEqual(
        numbers,
        Array.from({ length: 8 }, (_, i) => `SQ-2027-${String(i + 1).padStart(6, '0')}`),
      );
    });
  });
}
