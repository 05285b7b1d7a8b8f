/**
 * 社区活动 end to end (issue #16), over HTTP on the real server (scripts/wtr-api-server.mjs,
 * PGlite with the demo street) and on the embedded transport: staff publish a lunar-recurring
 * activity (each month on today's lunar day and the one half a month away) with the staff SDK;
 * <sq-activity-calendar> shows it on exactly those days; a resident registers in the element
 * (confirmed), the next finds it full and is waitlisted at 1, the first cancels by code in
 * 我的报名 and the second is promoted; staff check the second in by code (签到, today).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/activity-calendar.js';
import '../../../src/define/provider.js';
import { toLunar } from '../../../src/domain/lunar.js';
import { shanghaiDate } from '../../../src/domain/time.js';
import type {
  SqActivityCalendar,
  SqRegisteredEvent,
} from '../../../src/features/calendar/elements/activity-calendar/index.js';
import { monthWeeks } from '../../../src/features/calendar/elements/activity-calendar/days.js';
import { createClient, type Client } from '../../../src/sdk/index.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { demoLogin, serverReady } from '../../e2e/server.js';

const WAIT = { timeout: 20_000 };
const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot!.querySelector<E>(s);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The seats on the chip of `title` on `date`. */
const seatsOf = (el: Element, date: string, title: string) =>
  text(
    [...el.shadowRoot!.querySelectorAll(`[data-date="${date}"] [part=chip]`)]
      .find((c) => c.textContent!.includes(title))
      ?.querySelector('.seats') ?? null,
  );

interface Target {
  staff: Client;
  resident: Client;
  mount(date: string): Promise<SqActivityCalendar>;
}

/** The calendar over HTTP: `api-base`, as a page embeds it. */
async function overHttp(): Promise<Target> {
  const staff = createClient({ baseUrl: '/api/v1', outbox: false });
  const { password } = await demoLogin();
  await staff.auth.login({ username: 'xfl-admin', password });
  return {
    staff,
    resident: createClient({ baseUrl: '/api/v1', outbox: false }),
    mount: (date) =>
      fixture<SqActivityCalendar>(
        html`<sq-activity-calendar
          api-base="/api/v1"
          community="xingfuli"
          view="month"
          date=${date}
        ></sq-activity-calendar>`,
      ),
  };
}

/** The same on the embedded transport (one in-memory street). */
async function embedded(): Promise<Target> {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  return {
    staff: createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } }),
    resident,
    mount: async (date) => {
      const provider = await fixture<HTMLElement>(
        html`<sq-provider .client=${resident} community="xingfuli">
          <sq-activity-calendar view="month" date=${date}></sq-activity-calendar>
        </sq-provider>`,
      );
      return provider.querySelector('sq-activity-calendar')!;
    },
  };
}

/** Registers through the element's dialog; returns the event and the code shown once. */
async function registerIn(el: SqActivityCalendar, date: string, title: string, n: number) {
  $(el, `[part~=day][data-date="${date}"]`)!.click();
  await el.updateComplete;
  const button = () =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=detail] [part~=activity]')].find((b) =>
      b.textContent!.includes(title),
    );
  await waitUntil(button, 'activity button', WAIT);
  button()!.click();
  await waitUntil(() => el.dialog.open && el.activity && $(el, '#name'), 'form', WAIT);
  type(el, 'name', `王秀英${n}`);
  type(el, 'phone', `1380000123${n}`);
  $<HTMLInputElement>(el, '#consent')!.click();
  await el.updateComplete;
  const event = oneEvent(el, 'sq-registered') as Promise<SqRegisteredEvent>;
  $(el, '[part=submit]')!.click();
  const e = await event;
  await waitUntil(() => $(el, '#code'), 'receipt', WAIT);
  const code = $(el, '#code')!.textContent!.replace(/\s/g, '');
  el.dialog.close();
  return { detail: e.detail, code };
}

async function flow(target: Target) {
  const today = shanghaiDate(new Date());
  // Registration closes at the start: late tonight (Beijing) leaves the day to run it.
  if (new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 16) >= '23:20') return false;
  const lunarDay = toLunar(today).day;
  const other = lunarDay > 15 ? lunarDay - 15 : lunarDay + 15;
  const days = [lunarDay, Math.min(other, 29)];
  const title = `e2e 茶话会 ${Date.now().toString(36)}`;
  const a = await target.staff.calendar.create({
    community: 'xingfuli',
    title,
    category: 'elderly',
    place: '幸福里社区党群服务中心',
    date: today,
    startTime: '23:30',
    endTime: '23:59',
    recurrence: { rule: { kind: 'lunar-monthly', days } },
    capacity: 1,
    closesMinutesBefore: 0,
    cancelCutoffMinutes: 0,
    publish: true,
  });
  const el = await target.mount(today);
  const weeks = monthWeeks(today).flat();
  const expected = weeks.filter((d) => d >= today && days.includes(toLunar(d).day));
  await waitUntil(
    () =>
      [...el.shadowRoot!.querySelectorAll('[part=chip]')].some((c) =>
        c.textContent!.includes(title),
      ),
    'chips',
    WAIT,
  );
  const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=chip]')]
    .filter((c) => c.textContent!.includes(title))
    .map((c) => c.closest<HTMLElement>('td')!.dataset['date']);
  expect(shown).to.deep.equal(expected);
  expect(shown).to.include(today);
  expect(seatsOf(el, today, title)).to.equal('余1位');

  const first = await registerIn(el, today, title, 1);
  expect(first.detail).to.deep.equal({ activity: a.id, date: today, status: 'confirmed' });
  await waitUntil(() => seatsOf(el, today, title) === '已满 可候补', 'full', WAIT);
  const second = await registerIn(el, today, title, 2);
  expect(second.detail).to.deep.equal({
    activity: a.id,
    date: today,
    status: 'waitlisted',
    position: 1,
  });

  // 我的报名: the first cancels by code; the second moves up.
  $(el, '[part=mine]')!.click();
  await waitUntil(() => el.dialog.open && $(el, '#code'), 'mine', WAIT);
  $<HTMLInputElement>(el, '#code')!.value = first.code.toLowerCase();
  $(el, 'dialog form button')!.click();
  await waitUntil(() => el.mine?.view, 'found', WAIT);
  await el.updateComplete;
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=result] button')]
    .find((b) => text(b) === '取消报名')!
    .click();
  await waitUntil(() => el.mine?.view?.status === 'cancelled', 'cancelled', WAIT);
  el.dialog.close();
  expect((await target.resident.calendar.registration(second.code)).status).to.equal('promoted');

  // 签到 by code, today.
  const checked = await target.staff.calendar.checkIn('xingfuli', second.code);
  expect(checked.status).to.equal('attended');
  expect(checked.date).to.equal(today);
  return true;
}

describe('社区活动 end to end: publish → calendar → register → full → waitlist → cancel → promoted → check in', () => {
  it('on the embedded transport', async function () {
    this.timeout(60_000);
    if (!(await flow(await embedded()))) this.skip();
  });

  describe('over HTTP on the real server', () => {
    before(serverReady);
    it('through api-base', async function () {
      this.timeout(90_000);
      const target = await overHttp();
      try {
        if (!(await flow(target))) this.skip();
      } finally {
        // The session cookie is the browser's: left behind, the next file's desk opens signed in.
        await target.staff.auth.logout().catch(() => undefined);
      }
    });
  });
});
