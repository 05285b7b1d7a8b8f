import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../../src/define/booking-desk.js';
import '../../../../src/define/provider.js';
import type { SqBookingDesk } from '../../../../src/features/booking/elements/booking-desk/index.js';
import type { BookingServiceInput } from '../../../../src/features/booking/model.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

const SERVICE: BookingServiceInput = {
  community: 'xingfuli',
  name: '爱心理发',
  team: '夕阳红',
  category: 'haircut',
  place: { kind: 'station', address: '幸福里社区党群服务中心一楼' },
  durationMinutes: 30,
  limits: { partyMax: 1 },
  schedule: {
    rules: [
      { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00', slotMinutes: 60, seats: 1 },
    ],
    windowDays: 14,
    noticeMinutes: 0,
    cancelCutoffMinutes: 0,
  },
};

const bj = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Staff and residents on one store; `days` back, a resident booked a slot now past. */
async function street() {
  const store = createMemoryStore();
  const daysAgo = (n: number) => ({ now: () => new Date(Date.now() - n * 864e5) });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  const service = await staff.booking.createService(SERVICE);
  const past = createClient({ embedded: { store, persistence: false, clock: daysAgo(3) } });
  const resident = createClient({ embedded: { store, persistence: false } });
  const date = bj(Date.now() - 2 * 864e5);
  const { days } = await past.booking.availability(service.id, { from: date, to: date });
  const slot = days[0]!.slots.find((s) => s.state === 'open')!;
  const person = (name: string, phone: string) => ({
    service: service.id,
    start: slot.start,
    name,
    phone,
    consent: true as const,
  });
  const a = await past.booking.book(person('王秀英', '13800000001'));
  const b = await past.booking.book(person('李桂兰', '13800000002'));
  return { staff, resident, service, date, slot, a, b };
}

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot!.querySelector<E>(s);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function mount(client: Client, date: string, care = false) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang="zh-CN">
      <sq-booking-desk ?care=${care}></sq-booking-desk>
    </sq-provider>`,
  );
  const desk = provider.querySelector('sq-booking-desk')! as SqBookingDesk;
  await waitUntil(() => $(desk, '#f-date'), 'desk', { timeout: 8000 });
  const input = $<HTMLInputElement>(desk, '#f-date')!;
  input.value = date;
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => $(desk, '[part=row]'), 'day', { timeout: 8000 });
  return desk;
}

describe('<sq-booking-desk>', () => {
  it('shows the day with bookings and the waitlist; checks in by code, marks a no-show', async () => {
    const { staff, resident, date, a, b } = await street();
    const desk = await mount(staff, date);
    expect(text(desk)).to.contain('王秀英');
    // The team beside a service's name is a label at body size, not at the heading's.
    const team = $(desk, 'h3 .badge')!;
    expect(getComputedStyle(team).fontSize).to.equal(getComputedStyle(desk).fontSize);
    // The one still in line when the slot started reads as 候补未成功.
    expect(text(desk)).to.contain('候补未成功');
    expect(text(desk)).to.contain('已约 1 / 1');
    // The day's other eleven hours hold no one: one line, not eleven cards of "no bookings".
    expect(desk.shadowRoot!.querySelectorAll('section > article.slot').length).to.equal(1);
    expect($(desk, 'details.idle summary')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      '11 个时段还没有人预约：09:00 10:00',
    );
    // 核销 by the code the resident shows.
    const code = $<HTMLInputElement>(desk, '#f-code')!;
    code.value = a.code.toLowerCase();
    $(desk, 'form[aria-label] button')!.click();
    await waitUntil(() => text(desk).includes('已核销：王秀英'), 'checked in', { timeout: 5000 });
    expect((await resident.booking.status(a.code)).status).to.equal('attended');
    // The expired waitlist entry, from the list: nothing to check in.
    $(desk, `[data-id="${b.id}"]`)!.click();
    await waitUntil(() => $(desk, '[part=detail]'));
    expect($(desk, '[part=detail] .primary')).to.equal(null);
    expect(await axeViolations(desk)).to.deep.equal([]);
  });

  it('marks a no-show from the list', async () => {
    const { staff, resident, date, a } = await street();
    const desk = await mount(staff, date);
    $(desk, `[data-id="${a.id}"]`)!.click();
    await waitUntil(() => $(desk, '[part=detail]'));
    expect($(desk, '[part=detail] h3')!.textContent).to.equal('预约详情：王秀英');
    // The phone is a tel: link to call from the desk, as on the complaint desk.
    expect($<HTMLAnchorElement>(desk, '[part=detail] a.tel')!.getAttribute('href')).to.equal(
      'tel:13800000001',
    );
    expect(await axeViolations(desk)).to.deep.equal([]);
    [...desk.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=detail] button')]
      .find((x) => x.textContent!.includes('未到场'))!
      .click();
    await waitUntil(
      async () => (await resident.booking.status(a.code)).status === 'no_show',
      'no-show',
      {
        timeout: 5000,
      },
    );
    await waitUntil(() => text(desk).includes('未到场'));
  });

  it('cancels a day with a reason residents see by code; exports the day as CSV with a BOM', async () => {
    const { staff, resident, service } = await street();
    // Two bookings of one seat tomorrow: one holds it, one waits in line.
    const date = bj(Date.now() + 864e5);
    const { days } = await resident.booking.availability(service.id, { from: date, to: date });
    const start = days[0]!.slots.find((s) => s.state === 'open')!.start;
    const person = (name: string, phone: string) =>
      resident.booking.book({ service: service.id, start, name, phone, consent: true });
    await person('王秀英', '13800000011');
    const b = await person('李桂兰', '13800000012');
    const desk = await mount(staff, date);
    expect(text(desk)).to.contain('候补（按顺序）');
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:x');
    try {
      [...desk.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=tools] button')]
        .find((x) => x.textContent!.includes('CSV'))!
        .click();
      await waitUntil(() => blobs.length, 'csv', { timeout: 5000 });
    } finally {
      URL.createObjectURL = create;
    }
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(await blobs[0]!.text()).to.contain('王秀英');

    [...desk.shadowRoot!.querySelectorAll<HTMLButtonElement>('section > button')]
      .find((x) => x.textContent!.includes('取消当天'))!
      .click();
    await waitUntil(() => $(desk, '#f-reason'));
    $<HTMLInputElement>(desk, '#f-reason')!.value = '理发师傅生病，改期再约';
    $(desk, 'form.box .primary')!.click();
    await waitUntil(() => text(desk).includes('已取消 2 个预约'), 'cancelled', { timeout: 5000 });
    const view = await resident.booking.status(b.code);
    expect(view.status).to.equal('cancelled');
    expect(view.cancelReason).to.equal('理发师傅生病，改期再约');
  });

  it('books by phone, records volunteer hours, counts the period; an empty reason says what to do', async () => {
    const { staff, resident, service, date, slot } = await street();
    const desk = await mount(staff, date);
    const button = (label: string) =>
      [...desk.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((x) =>
        x.textContent!.includes(label),
      )!;
    // Volunteers of the past slot.
    const form = [...desk.shadowRoot!.querySelectorAll<HTMLFormElement>('details form')][0]!;
    form.closest('details')!.open = true;
    form.querySelector<HTMLInputElement>('[name=name]')!.value = '周师傅';
    form.querySelector<HTMLInputElement>('[name=hours]')!.value = '1.5';
    form.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => text(desk).includes('周师傅 1.5h'), 'volunteers', { timeout: 5000 });
    // Counts of the period.
    button('统计').click();
    await waitUntil(() => $(desk, '[part=counts] form'));
    $(desk, '[part=counts] form button')!.click();
    await waitUntil(() => text(desk).includes('夕阳红：1.5 小时'), 'counts', { timeout: 5000 });
    // A day cancelled without a reason: the field's message.
    button('取消当天').click();
    await waitUntil(() => $(desk, '#f-reason'));
    $(desk, 'form.box .primary')!.click();
    await waitUntil(() => text(desk).includes('请填写原因'), 'reason required', { timeout: 5000 });
    // By phone, tomorrow.
    const tomorrow = bj(Date.now() + 864e5);
    const input = $<HTMLInputElement>(desk, '#f-date')!;
    input.value = tomorrow;
    input.dispatchEvent(new Event('change'));
    // Tomorrow is in once the past day's bookings are gone ("已约 0 / 1" shows on both days: the
    // by-phone form offered the past day's slots when it opened before the reload).
    await waitUntil(
      () => !text(desk).includes('王秀英') && text(desk).includes('已约 0 / 1'),
      'tomorrow',
      {
        timeout: 5000,
      },
    );
    button('电话预约').click();
    await waitUntil(() => $(desk, '#f-slot'));
    $<HTMLInputElement>(desk, '#f-name')!.value = '赵玉梅';
    $<HTMLInputElement>(desk, '#f-phone')!.value = '13800000099';
    // The kit's one choice look (as the forms, the wall and the complaint desk): drawn, 44px.
    const consent = $<HTMLInputElement>(desk, '[name=consent]')!;
    expect(consent.closest('label')!.classList.contains('choice')).to.equal(true);
    expect(getComputedStyle(consent).appearance).to.equal('none');
    expect(consent.getBoundingClientRect().height).to.equal(44);
    consent.click();
    $(desk, '#f-slot')!.closest('form')!.querySelector<HTMLButtonElement>('.primary')!.click();
    await waitUntil(() => text(desk).includes('已登记：已预约'), 'booked by phone', {
      timeout: 5000,
    });
    const code = /预约码 (\w+)/.exec(text(desk))![1]!;
    expect((await resident.booking.status(code)).status).to.equal('confirmed');
    void service;
    void slot;
  });

  it('renders hostile names and answers as text; no horizontal scroll at 320px with 200% text', async () => {
    const { staff, resident, service } = await street();
    const date = bj(Date.now() + 864e5);
    const { days } = await resident.booking.availability(service.id, { from: date, to: date });
    const start = days[0]!.slots.find((s) => s.state === 'open')!.start;
    await resident.booking.book({
      service: service.id,
      start,
      name: XSS_PAYLOADS[1].slice(0, 30),
      phone: '13800000021',
      forWhom: 'elder',
      elder: { name: XSS_PAYLOADS[0].slice(0, 30), relation: XSS_PAYLOADS[3].slice(0, 20) },
      consent: true,
    });
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const desk = await mount(staff, date);
      $(desk, '[part=row]')!.click();
      await waitUntil(() => $(desk, '[part=detail]'));
      expect(text(desk)).to.contain('<img src=x');
      expect(text(desk)).to.contain('<script>');
      expect(desk.shadowRoot!.querySelector('img, script, svg')).to.equal(null);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
      const wide = [...desk.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .filter((e) => e.getBoundingClientRect().right > 330 && !e.closest('details:not([open])'))
        .map((e) => `${e.localName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
      expect(document.documentElement.scrollWidth, wide.join(' | ')).to.be.at.most(320);
    } finally {
      document.documentElement.style.fontSize = '';
      await setViewport({ width: 800, height: 600 });
    }
  });

  for (const care of [false, true]) {
    it(`targets are at least ${care ? 60 : 44}px`, async () => {
      const { staff, date } = await street();
      const desk = await mount(staff, date, care);
      expect(await axeViolations(desk)).to.deep.equal([]);
      expect(smallTargets(desk, care ? 60 : 44)).to.deep.equal([]);
    });
  }
});
