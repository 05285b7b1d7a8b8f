/**
 * 志愿服务预约 end to end over HTTP on the real server (scripts/wtr-api-server.mjs, PGlite with
 * the demo street): a resident books in <sq-volunteer-booking>, the next booking of the full
 * slot waits at position 1, a cancellation promotes it and 我的预约 shows it by code; staff log
 * in to <sq-booking-desk>, export the day (UTF-8 BOM) and cancel it with a reason the resident
 * then reads by code; a resident booked for later today is checked in (核销) by code at the desk.
 * A no-show needs a slot that has started, which the real server's clock cannot reach: it runs
 * over HTTP in flow.test.ts (node, a controllable clock) and in the browser on the embedded
 * transport. (The same flows on the embedded transport: elements/*.browser.test.ts.)
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/define/booking-desk.js';
import '../../../src/define/volunteer-booking.js';
import type { SqBookingDesk } from '../../../src/features/booking/elements/booking-desk/index.js';
import type {
  SqBookedEvent,
  SqVolunteerBooking,
} from '../../../src/features/booking/elements/volunteer-booking/index.js';
import { createClient } from '../../../src/sdk/index.js';
import { demoLogin, serverReady } from '../../e2e/server.js';

const WAIT = { timeout: 15_000 };
const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot!.querySelector<E>(s);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const bj = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('志愿服务预约 end to end over HTTP', () => {
  before(serverReady);

  it('book → receipt; full → waitlisted at 1; cancel → promoted, seen by code; staff export and cancel the day', async function () {
    this.timeout(60_000);
    // Staff make a service of their own (one seat an hour, every day), so other runs on the
    // same database do not change what this one sees.
    const admin = createClient({ baseUrl: '/api/v1', outbox: false });
    const { password } = await demoLogin();
    await admin.auth.login({ username: 'xfl-admin', password });
    const name = `e2e 理发 ${Date.now().toString(36)}`;
    const service = await admin.booking.createService({
      community: 'xingfuli',
      name,
      team: '夕阳红',
      category: 'haircut',
      place: { kind: 'station', address: '幸福里社区党群服务中心一楼' },
      durationMinutes: 30,
      schedule: {
        rules: [
          {
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            start: '08:00',
            end: '20:00',
            slotMinutes: 60,
            seats: 1,
          },
        ],
        windowDays: 14,
        noticeMinutes: 0,
      },
    });
    await admin.auth.logout();
    const date = bj(Date.now() + 2 * 864e5);
    const resident = createClient({ baseUrl: '/api/v1', outbox: false });
    const { days } = await resident.booking.availability(service.id, { from: date, to: date });
    const start = days[0]!.slots.find((s) => s.state === 'open')!.start;

    const el = (await fixture(
      html`<sq-volunteer-booking api-base="/api/v1" community="xingfuli"></sq-volunteer-booking>`,
    )) as SqVolunteerBooking;
    /** Books `start` through the element as 王秀英 and returns the receipt. */
    const book = async () => {
      await waitUntil(() => text(el).includes(name) && el.lazy, 'cards', WAIT);
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=service]')]
        .find((card) => card.textContent!.includes(name))!
        .querySelector('button')!
        .click();
      await waitUntil(() => $(el, `[part=day][data-date="${date}"]`), 'days', WAIT);
      $(el, `[part=day][data-date="${date}"]`)!.click();
      await waitUntil(() => $(el, `[part=slot][data-start="${start}"]`), 'times', WAIT);
      $(el, `[part=slot][data-start="${start}"]`)!.click();
      await waitUntil(() => $(el, '#name'), 'details', WAIT);
      type(el, 'name', '王秀英');
      type(el, 'phone', '13800007777');
      $<HTMLInputElement>(el, '#consent')!.click();
      await el.updateComplete;
      $(el, 'form button[type=submit]')!.click();
      await waitUntil(() => $(el, '[part=submit]'), 'confirm', WAIT);
      const booked = oneEvent(el, 'sq-booked') as Promise<SqBookedEvent>;
      $(el, '[part=submit]')!.click();
      const receipt = (await booked).detail.receipt;
      await waitUntil(() => $(el, '[part=receipt]'), 'receipt', WAIT);
      return receipt;
    };
    const first = await book();
    expect(first.status).to.equal('confirmed');
    expect(text(el)).to.contain('预约成功');
    // Again, the same time: it is full now.
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=receipt] button')]
      .at(-1)!
      .click();
    const second = await book();
    expect(second.status).to.equal('waitlisted');
    expect(second.position).to.equal(1);
    expect(text(el)).to.contain('您排第 1 位');

    // The first resident cancels; the second looks it up by code in 我的预约.
    await resident.booking.cancel(first.code);
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=tabs] button')[1]!.click();
    await waitUntil(() => $(el, '#code'), 'mine', WAIT);
    type(el, 'code', second.code);
    $(el, 'form .primary')!.click();
    await waitUntil(() => text(el).includes('候补成功'), 'promoted', WAIT);

    // Staff: log in at the desk, export the day, cancel the day with a reason.
    const desk = (await fixture(
      html`<sq-booking-desk api-base="/api/v1" date=${date}></sq-booking-desk>`,
    )) as SqBookingDesk;
    await waitUntil(() => $(desk, '#f-username'), 'login', WAIT);
    $<HTMLInputElement>(desk, '#f-username')!.value = 'xfl-admin';
    $<HTMLInputElement>(desk, '#f-password')!.value = password;
    $(desk, '[part=login] .primary')!.click();
    await waitUntil(() => text(desk).includes(name) && $(desk, '[part=row]'), 'day', WAIT);
    expect(text(desk)).to.contain('王秀英');
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:x');
    try {
      [...desk.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=tools] button')]
        .find((b) => b.textContent!.includes('CSV'))!
        .click();
      await waitUntil(() => blobs.length, 'csv', WAIT);
    } finally {
      URL.createObjectURL = create;
    }
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(await blobs[0]!.text()).to.contain('王秀英');

    const section = [...desk.shadowRoot!.querySelectorAll('section')].find((s) =>
      s.textContent!.includes(name),
    )!;
    [...section.querySelectorAll<HTMLButtonElement>(':scope > button')]
      .find((b) => b.textContent!.includes('取消当天'))!
      .click();
    await waitUntil(() => $(desk, '#f-reason'), 'reason', WAIT);
    $<HTMLInputElement>(desk, '#f-reason')!.value = '理发师傅生病，改天再约';
    $(desk, 'form.box .primary')!.click();
    await waitUntil(() => text(desk).includes('已取消'), 'cancelled', WAIT);
    await admin.auth.logout().catch(() => undefined);
    const view = await createClient({ baseUrl: '/api/v1', outbox: false }).booking.status(
      second.code,
    );
    expect(view.status).to.equal('cancelled');
    expect(view.cancelReason).to.equal('理发师傅生病，改天再约');
  });

  it('staff check in by code (核销) a resident booked for later today; the resident sees 已到场', async function () {
    this.timeout(60_000);
    const admin = createClient({ baseUrl: '/api/v1', outbox: false });
    const { password } = await demoLogin();
    await admin.auth.login({ username: 'xfl-admin', password });
    // Open all day in 5-minute slots: the next slot is today unless it is past 23:50 in Beijing.
    const service = await admin.booking.createService({
      community: 'xingfuli',
      name: `e2e 核销 ${Date.now().toString(36)}`,
      team: '夕阳红',
      category: 'haircut',
      place: { kind: 'station', address: '幸福里社区党群服务中心一楼' },
      durationMinutes: 5,
      schedule: {
        rules: [
          {
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            start: '00:00',
            end: '23:59',
            slotMinutes: 5,
            seats: 1,
          },
        ],
        windowDays: 14,
        noticeMinutes: 0,
      },
    });
    await admin.auth.logout();
    const today = bj(Date.now());
    const resident = createClient({ baseUrl: '/api/v1', outbox: false });
    const { days } = await resident.booking.availability(service.id, { from: today, to: today });
    const slot = days[0]?.slots.find((s) => s.state === 'open');
    // No slot is left today after 23:50 Beijing time: nothing to check in until tomorrow.
    if (!slot) this.skip();
    const receipt = await resident.booking.book({
      service: service.id,
      start: slot!.start,
      name: '李桂兰',
      phone: '13800006666',
      forWhom: 'self',
      party: 1,
      answers: {},
      consent: true,
    });

    const desk = (await fixture(
      html`<sq-booking-desk api-base="/api/v1" date=${today}></sq-booking-desk>`,
    )) as SqBookingDesk;
    await waitUntil(() => $(desk, '#f-username') || $(desk, '#f-code'), 'desk', WAIT);
    if ($(desk, '#f-username')) {
      $<HTMLInputElement>(desk, '#f-username')!.value = 'xfl-admin';
      $<HTMLInputElement>(desk, '#f-password')!.value = password;
      $(desk, '[part=login] .primary')!.click();
    }
    await waitUntil(
      () => text(desk).includes('李*兰') || text(desk).includes('李桂兰'),
      'day',
      WAIT,
    );
    const code = $<HTMLInputElement>(desk, '#f-code')!;
    code.value = receipt.code.toLowerCase();
    $(desk, 'form[aria-label] button')!.click();
    await waitUntil(() => text(desk).includes('已核销：李桂兰'), 'checked in', WAIT);
    expect((await resident.booking.status(receipt.code)).status).to.equal('attended');
    await admin.auth.logout().catch(() => undefined);
  });
});
