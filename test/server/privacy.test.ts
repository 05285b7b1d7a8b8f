/**
 * Public responses never carry a phone number, a staff member's name, a password hash or a
 * session token: checked over every public route of the contract (and uploads), in success
 * and in error, with the seeded staff names and a resident-like mobile number planted in data
 * that public routes could reach.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OperationDef } from '../../src/services/contract.js';
import { operations } from '../../src/server/operations.js';
import { demoCommunities } from '../../src/features/core/demo.js';
import { periodAt } from '../../src/features/redblack/rules.js';
import type { WishStaffView } from '../../src/features/wishes/model.js';
import { testDatabases } from './db.js';
import { bearer, json, startTestServer, type TestServer } from './harness.js';

const databases = testDatabases();
after(async () => {
  for (const db of databases) await db.dispose();
});

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

for (const db of databases) {
  describe(`privacy of public routes on ${db.name}`, () => {
    let t: TestServer;
    const secrets: string[] = [];
    let wish = { id: 'none', code: '' };
    let complaint = { id: 'none', ticket: 'SQ-2026-000000', queryCode: '' };
    let booking = { id: 'none', code: '', service: 'none', start: '', waiting: '' };
    let redblack = { black: 'none', red: 'none', code: '', decided: '', period: '2026-Q1' };
    let activity = { id: 'none', date: '2026-03-02', code: '', waiting: '' };
    const complaintBody = {
      community: 'xingfuli',
      category: 'noise',
      description: '楼下烧烤店每天营业到凌晨两点，油烟和吵闹。',
      location: { community: 'xingfuli', grid: 'xfl-g1' },
      contact: { name: '公孙大娘', phone: '136 0000 2222' },
      consent: true,
    };
    before(async () => {
      t = await startTestServer(db);
      const admin = await t.tokenFor('xfl-admin');
      // A staff member whose name and "phone-like" username must never surface publicly.
      const res = await t.fetch(
        '/api/v1/communities/xingfuli/staff',
        json(
          'POST',
          { username: 'wang.13812341234', name: '欧阳娜娜', password: 'a long enough password' },
          bearer(admin),
        ),
      );
      assert.equal(res.status, 201);
      for (const account of await t.server.store.staff.listByCommunity('xingfuli')) {
        secrets.push(account.name, account.passwordHash, account.id);
      }
      for (const account of await t.server.store.staff.listByCommunity('chunhui')) {
        secrets.push(account.name, account.passwordHash, account.id);
      }
      secrets.push(admin, '13812341234', 'scrypt$');
      // 微心愿: a wish on the wall with a claimer; full names and phones must stay private.
      const posted = await t.fetch(
        '/api/v1/wishes',
        json('POST', {
          community: 'xingfuli',
          category: 'daily',
          title: '司马光明想要一台收音机',
          // Free text that goes public: the wisher's own name, a phone and an ID number typed in.
          story:
            '我是司马光明，一个人在家，想听听戏曲和新闻。电话１３６ ０００ ０９９９９，身份证110105194912310021。',
          wisherName: '司马光明',
          phone: '13700001111',
          consent: true,
          publishConsent: true,
        }),
      );
      assert.equal(posted.status, 201);
      const receipt = (await posted.json()) as { id: string; code: string };
      wish = receipt;
      const approved = await t.fetch(
        `/api/v1/wishes/${receipt.id}/actions`,
        json('POST', { action: 'approve' }, bearer(admin)),
      );
      assert.equal(approved.status, 200);
      const claimed = await t.fetch(
        `/api/v1/wishes/${receipt.id}/claim`,
        json('POST', {
          claimerType: 'party_member',
          name: '诸葛孔明',
          phone: '13600002222',
          consent: true,
        }),
      );
      assert.equal(claimed.status, 200);
      const { claimCode } = (await claimed.json()) as { claimCode: string };
      secrets.push('司马光明', '诸葛孔明', receipt.code, claimCode);
      secrets.push('0000 9999', '00009999', '110105194912310021', '1949123100');
      const queue = await t.fetch('/api/v1/communities/xingfuli/wish-queue', {
        headers: bearer(admin),
      });
      const staffView = ((await queue.json()) as { items: WishStaffView[] }).items.find(
        (w) => w.id === receipt.id,
      )!;
      assert.match(
        staffView.story,
        /司马光明.*１３６ ０００ ０９９９９.*110105194912310021/,
        'staff see the original',
      );
      assert.equal(staffView.published.title, '司马*明想要一台收音机', 'and what the wall shows');
      assert.match(staffView.published.story, /^我是司马\*明.*136\*\*\*\*9999.*\*{18}。$/);
      const stored = (await t.server.store.wishes.get(receipt.id))!;
      secrets.push(stored.codeHash, stored.claim!.codeHash);
      // 居民说事: a case with a contact, handled by 欧阳娜娜, with an internal note.
      const filed = await t.fetch('/api/v1/complaints', json('POST', complaintBody));
      assert.equal(filed.status, 201);
      complaint = (await filed.json()) as typeof complaint;
      const ouyang = (await t.server.store.staff.listByCommunity('xingfuli')).find(
        (a) => a.name === '欧阳娜娜',
      )!;
      for (const action of [
        { action: 'assign', handler: ouyang.id },
        { action: 'start' },
        { action: 'note', text: '内部备注：店主和物业有矛盾' },
        { action: 'resolve', text: '已协调，晚上十点后停止营业。欧阳娜娜 13500003333' },
      ]) {
        const res = await t.fetch(
          `/api/v1/complaints/${complaint.id}/actions`,
          json('POST', action, bearer(admin)),
        );
        assert.equal(res.status, 200);
      }
      // 志愿服务预约: a booking on behalf of an elder and one in line behind it, then a staff
      // cancellation whose reason names the booker; names, phones and hashes stay private.
      const made = await t.fetch(
        '/api/v1/communities/xingfuli/booking-services',
        json(
          'POST',
          {
            community: 'xingfuli',
            name: '助浴服务',
            team: '夕阳红',
            category: 'haircut',
            place: { kind: 'home' },
            durationMinutes: 60,
            schedule: {
              rules: [
                {
                  weekdays: [1, 2, 3, 4, 5, 6, 7],
                  start: '09:00',
                  end: '10:00',
                  slotMinutes: 60,
                  seats: 1,
                },
              ],
              noticeMinutes: 0,
              windowDays: 30,
            },
          },
          bearer(admin),
        ),
      );
      assert.equal(made.status, 201);
      const svc = (await made.json()) as { id: string };
      const days = await t.fetch(
        `/api/v1/booking-services/${svc.id}/availability?from=${new Date().toISOString().slice(0, 10)}&to=${new Date(Date.now() + 20 * 864e5).toISOString().slice(0, 10)}`,
      );
      const open = (
        (await days.json()) as { days: { slots: { start: string; state: string }[] }[] }
      ).days
        .flatMap((d) => d.slots)
        .find((x) => x.state === 'open')!;
      const bookingBody = (name: string, phone: string) => ({
        service: svc.id,
        start: open.start,
        name,
        phone,
        forWhom: 'elder',
        elder: { name: '欧阳修文', relation: '儿子' },
        location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b1' },
        consent: true,
      });
      const booked = await t.fetch(
        '/api/v1/bookings',
        json('POST', bookingBody('上官婉儿', '13600004444')),
      );
      assert.equal(booked.status, 201);
      const first = (await booked.json()) as { id: string; code: string };
      const behind = await t.fetch(
        '/api/v1/bookings',
        json('POST', bookingBody('慕容复兴', '13600005555')),
      );
      const second = (await behind.json()) as { id: string; code: string; status: string };
      assert.equal(second.status, 'waitlisted');
      const cancelled = await t.fetch(
        `/api/v1/bookings/${first.id}/actions`,
        json('POST', { action: 'cancel', reason: '上官婉儿来电取消 13600004444' }, bearer(admin)),
      );
      assert.equal(cancelled.status, 200);
      booking = {
        id: first.id,
        code: first.code,
        service: svc.id,
        start: open.start,
        waiting: second.code,
      };
      const storedBooking = (await t.server.store.bookings.get(first.id))!;
      secrets.push('上官婉儿', '慕容复兴', '欧阳修文', '13600004444', '13600005555', '0000 4444');
      secrets.push(storedBooking.codeHash, storedBooking.phoneHash, first.code, second.code);
      // 活动报名: a registration for an elder and one in line behind it, then a staff
      // cancellation whose reason names the registrant; names, phones and hashes stay private.
      const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 864e5).toISOString().slice(0, 10);
      const act = await t.fetch(
        '/api/v1/communities/xingfuli/activities',
        json(
          'POST',
          {
            community: 'xingfuli',
            title: '重阳敬老宴',
            category: 'festival',
            place: '幸福里社区食堂',
            organiser: '夕阳红志愿服务队',
            date: tomorrow,
            startTime: '19:00',
            endTime: '21:00',
            recurrence: { rule: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] } },
            capacity: 1,
            partyMax: 2,
            publish: true,
          },
          bearer(admin),
        ),
      );
      assert.equal(act.status, 201, await act.clone().text());
      const activityId = ((await act.json()) as { id: string }).id;
      const registrationBody = (name: string, phone: string) => ({
        activity: activityId,
        date: tomorrow,
        name,
        phone,
        forWhom: 'elder',
        elder: { name: '令狐冲冲', relation: '儿子' },
        consent: true,
      });
      const reg = await t.fetch(
        '/api/v1/activity-registrations',
        json('POST', registrationBody('诸葛亮亮', '13600010001')),
      );
      assert.equal(reg.status, 201, await reg.clone().text());
      const firstReg = (await reg.json()) as { id: string; code: string };
      const behindReg = (await (
        await t.fetch(
          '/api/v1/activity-registrations',
          json('POST', registrationBody('皇甫嵩嵩', '13600010002')),
        )
      ).json()) as { id: string; code: string; status: string };
      assert.equal(behindReg.status, 'waitlisted');
      const regCancelled = await t.fetch(
        `/api/v1/activity-registrations/${firstReg.id}/actions`,
        json('POST', { action: 'cancel', reason: '诸葛亮亮来电取消 13600010001' }, bearer(admin)),
      );
      assert.equal(regCancelled.status, 200);
      activity = { id: activityId, date: tomorrow, code: firstReg.code, waiting: behindReg.code };
      const storedReg = (await t.server.store.activityRegistrations.get(firstReg.id))!;
      secrets.push('诸葛亮亮', '皇甫嵩嵩', '令狐冲冲', '13600010001', '13600010002', '0001 0001');
      secrets.push(storedReg.codeHash, storedReg.phoneHash, firstReg.code, behindReg.code);
      // 红黑榜: a red entry about a person (consent to be named masked only) and black entries
      // whose reasons carry a phone, an appeal with a contact pending and one dismissed.
      const grid = await t.tokenFor('xfl-grid');
      const period = periodAt('quarter', new Date());
      const entry = async (body: object) => {
        const made = await t.fetch(
          '/api/v1/communities/xingfuli/redblack-entries',
          json('POST', { community: 'xingfuli', period, ...body }, bearer(grid)),
        );
        assert.equal(made.status, 201, await made.clone().text());
        const { id } = (await made.json()) as { id: string };
        for (const [who, action] of [
          [grid, 'submit'],
          [admin, 'publish'],
        ] as const) {
          const res = await t.fetch(
            `/api/v1/redblack-entries/${id}/actions`,
            json('POST', { action }, bearer(who)),
          );
          assert.equal(res.status, 200);
        }
        return id;
      };
      const red = await entry({
        list: 'red',
        category: 'good-deeds',
        subject: { kind: 'person', name: '司徒雷登', consent: { obtainedOn: '2026-03-01' } },
        reason: '司徒雷登老人每天义务打扫楼道，联系电话 13600007777。',
      });
      const black = await entry({
        list: 'black',
        category: 'street-trading',
        subject: { kind: 'organisation', name: '东门早餐铺 13600008888' },
        reason: '早餐铺占道经营，店主电话13600008888，身份证110105194912310021。',
      });
      const other = await entry({
        list: 'black',
        category: 'hallway-clutter',
        subject: { kind: 'unit', grid: 'xfl-g1', building: 'xfl-g1-b1', unit: 'xfl-g1-b1-u1' },
        reason: '楼道堆放杂物。',
      });
      const appealOf = async (id: string, name: string, phone: string) => {
        const res = await t.fetch(
          `/api/v1/redblack-entries/${id}/appeals`,
          json('POST', { role: '店主', name, phone, reason: '已经整改完毕。', consent: true }),
        );
        assert.equal(res.status, 201);
        return (await res.json()) as { id: string; code: string };
      };
      const pending = await appealOf(black, '端木蓉蓉', '13600009999');
      const dismissed = await appealOf(other, '端木蓉蓉', '13600009999');
      const decision = await t.fetch(
        `/api/v1/redblack-appeals/${dismissed.id}/decision`,
        json(
          'POST',
          { outcome: 'dismissed', reason: '端木蓉蓉所述不实，电话 13600009999 已回访。' },
          bearer(admin),
        ),
      );
      assert.equal(decision.status, 200);
      // 和谐楼道: a building scored, then scored again by another staff member (the scorers are
      // never public).
      for (const who of [grid, admin]) {
        const scored = await t.fetch(
          `/api/v1/communities/xingfuli/redblack-scores/${period}/xfl-g1-b2`,
          json(
            'PUT',
            {
              scores: {
                sanitation: 9,
                'hallway-clutter': 8,
                dogs: 7.5,
                'waste-sorting': 9,
                'mutual-aid': 10,
              },
            },
            bearer(who),
          ),
        );
        assert.equal(scored.status, 200, await scored.clone().text());
      }
      const sheet = (await t.server.store.redblackScores.get('xingfuli', period, 'xfl-g1-b2'))!;
      secrets.push(sheet.scoredBy, sheet.history[0]!.scoredBy);
      redblack = { black, red, code: pending.code, decided: dismissed.code, period };
      const storedAppeal = (await t.server.store.redblackAppeals.get(pending.id))!;
      secrets.push('司徒雷登', '13600007777', '0000 7777', '13600008888', '0000 8888');
      secrets.push('端木蓉蓉', '13600009999', '0000 9999', storedAppeal.codeHash);
      const filedCase = (await t.server.store.complaints.get(complaint.id))!;
      secrets.push('公孙大娘', '13600002222', '内部备注', filedCase.queryCodeHash, ouyang.id);
      secrets.push('13500003333', '0000 3333');
    });
    after(() => t.close());

    const publicRoutes = Object.entries(operations).filter(([, def]) => def.access === 'public');

    it('has public routes to check, and checks every one of them', () => {
      assert.deepEqual(publicRoutes.map(([name]) => name).sort(), [
        'activityCalendar',
        'activityFeed',
        'activityIcs',
        'activityRegistrationStatus',
        'appealRedblackEntry',
        'bookSlot',
        'bookingAvailability',
        'bookingStatus',
        'buildingScores',
        'cancelActivityRegistration',
        'cancelBooking',
        'claimWish',
        'fulfilWish',
        'getActivity',
        'getCommunity',
        'getWish',
        'holidayCalendar',
        'listBookingServices',
        'listCommunities',
        'listWishes',
        'login',
        'postWish',
        'rateComplaint',
        'redblackAppealStatus',
        'redblackBoard',
        'registerForActivity',
        'submitComplaint',
        'thankWish',
        'trackComplaint',
        'wishStatus',
        'withdrawWish',
      ]);
    });

    const requests = (name: string, def: OperationDef): [string, RequestInit][] => {
      const paths = def.path.includes('{')
        ? [
            'xingfuli',
            'chunhui',
            'nowhere',
            'bad id!',
            wish.id,
            booking.service,
            redblack.black,
            redblack.red,
            activity.id,
          ].map((id) =>
            def.path.replace(/\{\w+\}/, encodeURIComponent(id)).replace('{building}', 'xfl-g1-b2'),
          )
        : [def.path];
      const day = booking.start.slice(0, 10);
      if (def.method === 'GET') {
        return paths.map((p): [string, RequestInit] => [
          name === 'bookingAvailability'
            ? `${p}?from=${day}&to=${day}`
            : name === 'redblackBoard' && p.includes('xingfuli')
              ? `${p}?period=${redblack.period}`
              : name === 'activityCalendar'
                ? `${p}?from=${activity.date}&to=${activity.date}&days=true`
                : name === 'activityIcs'
                  ? `${p}?date=${activity.date}`
                  : p,
          {},
        ]);
      }
      const bookingBodies: Record<string, object[]> = {
        bookingStatus: [
          {},
          { code: booking.code },
          { code: booking.waiting },
          { code: 'ZZZZZZZZ' },
        ],
        cancelBooking: [{ code: 'ZZZZZZZZ' }, { code: booking.waiting }, { code: booking.code }],
        bookSlot: [
          {},
          {
            service: booking.service,
            start: booking.start,
            name: '东方不败',
            phone: '13600006666',
            consent: true,
            location: { community: 'xingfuli', grid: 'xfl-g2' },
          },
        ],
      };
      const activityBodies: Record<string, object[]> = {
        activityRegistrationStatus: [
          {},
          { code: activity.code },
          { code: activity.waiting },
          { code: 'ZZZZZZZZ' },
        ],
        cancelActivityRegistration: [
          { code: 'ZZZZZZZZ' },
          { code: activity.waiting },
          { code: activity.code },
        ],
        registerForActivity: [
          {},
          {
            activity: activity.id,
            date: activity.date,
            name: '东方不败',
            phone: '13600006666',
            consent: true,
          },
        ],
      };
      const theirs = bookingBodies[name] ?? activityBodies[name];
      if (theirs) return theirs.map((b): [string, RequestInit] => [def.path, json(def.method, b)]);
      // 红黑榜: appeals of every entry (a pending one: 409), by every code.
      if (name === 'appealRedblackEntry') {
        const body = {
          role: '楼栋长',
          name: '端木蓉蓉',
          phone: '13600009999',
          reason: '已经整改完毕。',
          consent: true,
        };
        return paths.flatMap((p) => [
          [p, json('POST', {})] as [string, RequestInit],
          [p, json('POST', body)] as [string, RequestInit],
        ]);
      }
      if (name === 'redblackAppealStatus') {
        return [{}, { code: redblack.code }, { code: redblack.decided }, { code: 'ZZZZZZZZ' }].map(
          (b): [string, RequestInit] => [def.path, json('POST', b)],
        );
      }
      const complaintBodies: Record<string, object[]> = {
        submitComplaint: [{}, complaintBody],
        trackComplaint: [{}, complaint, { ...complaint, queryCode: 'ZZZZZZZZ' }],
        rateComplaint: [
          { ...complaint, queryCode: 'ZZZZZZZZ', rating: 'satisfied' },
          { ...complaint, rating: 'unsatisfied', comment: '还是很吵' },
          { ...complaint, rating: 'satisfied' },
        ],
      };
      const mine = complaintBodies[name];
      if (mine) return mine.map((b): [string, RequestInit] => [def.path, json(def.method, b)]);
      const bodies =
        name === 'login'
          ? [
              { username: 'xfl-admin', password: 'wrong password' },
              { username: 'wang.13812341234', password: 'wrong' },
              { username: 'nobody', password: 'x' },
              {},
            ]
          : name === 'wishStatus' || name === 'thankWish' || name === 'withdrawWish'
            ? [{}, { code: wish.code }, { code: 'ZZZZZZZZ' }]
            : name === 'claimWish'
              ? [{}, { claimerType: 'unit', name: '某单位', phone: '13500003333', consent: true }]
              : [{}];
      return paths.flatMap((p) =>
        bodies.map((b): [string, RequestInit] => [p, json(def.method, b)]),
      );
    };

    it('no phone number, staff name, hash, id or token in any public answer', async () => {
      let checked = 0;
      for (const [name, def] of publicRoutes) {
        for (const [path, init] of requests(name, def as OperationDef)) {
          const res = await t.fetch(`/api/v1${path}`, init);
          const text = await res.text();
          const all = text + [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
          assert.doesNotMatch(text, MOBILE, `${name} ${path}`);
          for (const secret of secrets)
            assert.equal(
              all.includes(secret),
              false,
              `${name} ${path} leaks ${secret.slice(0, 8)}…`,
            );
          checked++;
        }
      }
      const upload = await t.fetch('/api/v1/uploads', { method: 'POST', body: new FormData() });
      const uploadText = await upload.text();
      for (const secret of secrets) assert.equal(uploadText.includes(secret), false);
      assert.ok(checked >= 9);
    });

    it('login answers only the person who logged in, about themself', async () => {
      const res = await t.fetch(
        '/api/v1/auth/login',
        json('POST', { username: 'xfl-grid', password: t.login.password }),
      );
      const body = (await res.json()) as { staff: Record<string, unknown> };
      assert.deepEqual(Object.keys(body.staff).sort(), [
        'community',
        'id',
        'name',
        'role',
        'username',
      ]);
      assert.equal(body.staff.name, '王建国');
      const others = secrets.filter((s) => s !== body.staff.name && s !== body.staff.id);
      const text = JSON.stringify(body);
      for (const secret of others) assert.equal(text.includes(secret), false);
    });

    it('the demo street itself carries no personal phone numbers', () => {
      assert.doesNotMatch(JSON.stringify(demoCommunities), MOBILE);
    });
  });
}
