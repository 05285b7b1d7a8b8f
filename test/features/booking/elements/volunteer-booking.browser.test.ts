import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../../src/define/volunteer-booking.js';
import '../../../../src/define/provider.js';
import type {
  SqBookedEvent,
  SqCancelledEvent,
  SqVolunteerBooking,
} from '../../../../src/features/booking/elements/volunteer-booking/index.js';
import type { BookingServiceInput } from '../../../../src/features/booking/model.js';
import { createClient, type Client } from '../../../../src/sdk/index.js';
import { createMemoryStore } from '../../../../src/stores/memory.js';
import { axeViolations, smallTargets, XSS_PAYLOADS } from '../../../ui/a11y.js';

/** A service open every day, one seat per hour: easy to fill, never closed by the clock's hour. */
const SERVICE: Omit<BookingServiceInput, 'community'> = {
  name: '爱心理发',
  team: '夕阳红',
  category: 'haircut',
  description: '夕阳红志愿服务队的理发师傅为老人义务理发。',
  place: { kind: 'station', address: '幸福里社区党群服务中心一楼' },
  durationMinutes: 30,
  notice: '请提前五分钟到。',
  eligibility: '我（或代约的老人）是幸福里社区居民',
  limits: { partyMax: 2 },
  schedule: {
    rules: [
      { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00', slotMinutes: 60, seats: 1 },
    ],
    windowDays: 14,
    noticeMinutes: 0,
    cancelCutoffMinutes: 0,
  },
};

/** A resident and staff of 幸福里 on one in-memory store, with one service. */
async function street(service: Partial<BookingServiceInput> = {}) {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  const made = await staff.booking.createService({
    ...SERVICE,
    ...service,
    community: 'xingfuli',
  } as BookingServiceInput);
  return { store, resident, staff, service: made };
}

/** The first slot of the first day with free seats, as the element shows them. */
async function firstOpenSlot(client: Client, id: string) {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 8 * 3_600_000 + 13 * 864e5).toISOString().slice(0, 10);
  const { days } = await client.booking.availability(id, { from: today, to });
  const day = days.find((d) => d.state === 'open')!;
  return { day, slot: day.slots.find((s) => s.state === 'open')! };
}

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function mount(client: Client, opts: { lang?: string; care?: boolean } = {}) {
  const provider = await fixture<HTMLElement>(
    html`<sq-provider .client=${client} lang=${opts.lang ?? 'zh-CN'} community="xingfuli">
      <sq-volunteer-booking ?care=${opts.care ?? false}></sq-volunteer-booking>
    </sq-provider>`,
  );
  const el = provider.querySelector('sq-volunteer-booking')! as SqVolunteerBooking;
  await waitUntil(() => $(el, '[part=service] button'), 'services', { timeout: 8000 });
  await waitUntil(() => el.lazy, 'later chunk', { timeout: 8000 });
  return el;
}

function click(el: Element, selector: string) {
  const target = $(el, selector);
  if (!target) throw new Error(`no ${selector}`);
  target.click();
}

async function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as SqVolunteerBooking).updateComplete;
}

async function tick(el: Element, id: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.click();
  await (el as SqVolunteerBooking).updateComplete;
}

/** Service → the day → the time; returns at the details. */
async function pick(el: SqVolunteerBooking, start: string) {
  click(el, '[part=service] button');
  await waitUntil(() => $(el, '[part=day][data-date]'), 'days', { timeout: 5000 });
  const date = new Date(Date.parse(start) + 8 * 3_600_000).toISOString().slice(0, 10);
  click(el, `[part=day][data-date="${date}"]`);
  await el.updateComplete;
  await waitUntil(() => $(el, `[part=slot][data-start="${start}"]`), 'slot', { timeout: 5000 });
  click(el, `[part=slot][data-start="${start}"]`);
  await waitUntil(() => $(el, '#name'), 'details');
}

async function fillDetails(el: SqVolunteerBooking, name = '王秀英') {
  await type(el, 'name', name);
  await type(el, 'phone', '13800001234');
  await tick(el, 'eligible');
  await tick(el, 'consent');
}

async function book(el: SqVolunteerBooking, start: string) {
  await pick(el, start);
  await fillDetails(el);
  click(el, 'form button[type=submit]');
  await waitUntil(() => $(el, '[part=submit]'), 'confirm', { timeout: 5000 });
  const booked = oneEvent(el, 'sq-booked') as Promise<SqBookedEvent>;
  click(el, '[part=submit]');
  const event = await booked;
  await waitUntil(() => $(el, '[part=receipt]'), 'receipt', { timeout: 5000 });
  return event;
}

describe('<sq-volunteer-booking>', () => {
  afterEach(() => localStorage.clear());

  it('books a free slot: the receipt with the code, time, place, how to cancel and a calendar file', async () => {
    const { resident, service } = await street();
    const { slot } = await firstOpenSlot(resident, service.id);
    const el = await mount(resident);
    expect(text(el)).to.contain('爱心理发');
    expect(text(el)).to.contain('最近可约');
    // Dates read as the complaint form's: "12月9日（星期三）".
    expect(text(el)).to.match(/最近可约：\s*\d+月\d+日（星期[一二三四五六日]）/);
    const event = await book(el, slot.start);
    const receipt = event.detail.receipt;
    expect(receipt.status).to.equal('confirmed');
    expect($(el, '#code')!.textContent!.replace(' ', '')).to.equal(receipt.code);
    expect(text(el)).to.contain('预约成功');
    expect(text(el)).to.contain('幸福里社区党群服务中心一楼');
    expect(text(el)).to.contain('如需取消');
    expect($(el, 'button.calendar')).not.to.equal(null);
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
    // The code looks the booking up.
    const view = await resident.booking.status(receipt.code);
    expect(view.status).to.equal('confirmed');
    expect(view.name).to.equal('王*英');
  });

  it('a full slot waitlists at position 1; a cancellation promotes it, seen by code in 我的预约', async () => {
    const { resident, service } = await street();
    const { slot } = await firstOpenSlot(resident, service.id);
    const first = await resident.booking.book({
      service: service.id,
      start: slot.start,
      name: '李桂兰',
      phone: '13800005678',
      eligible: true,
      consent: true,
    });
    const el = await mount(resident);
    const event = await book(el, slot.start);
    expect(event.detail.receipt.status).to.equal('waitlisted');
    expect(event.detail.receipt.position).to.equal(1);
    expect(text(el)).to.contain('您排第 1 位');
    const code = event.detail.receipt.code;

    await resident.booking.cancel(first.code);
    click(el, '[part=tabs] button:last-child');
    await waitUntil(() => $(el, '#code'), 'mine');
    await type(el, 'code', code.toLowerCase());
    click(el, 'form .primary');
    await waitUntil(() => $(el, '[part=result]'), 'found', { timeout: 5000 });
    expect(text(el)).to.contain('候补成功');
    // Cancelled from the element: the event, and the booking's new status.
    const cancelled = oneEvent(el, 'sq-cancelled') as Promise<SqCancelledEvent>;
    click(el, '[part=result] button.button-secondary');
    expect((await cancelled).detail.view.status).to.equal('cancelled');
    await waitUntil(() => text(el).includes('已取消预约'), 'cancelled shown');
  });

  it('我的预约 checks the code before asking: none typed, or not eight letters and digits', async () => {
    const { resident } = await street();
    const el = await mount(resident);
    click(el, '[part=tabs] button:last-child');
    await waitUntil(() => $(el, '#code'), 'mine');
    const search = async (value: string) => {
      await type(el, 'code', value);
      click(el, 'form .primary');
      await el.updateComplete;
      return $(el, '#code-error')?.textContent;
    };
    expect(await search(' - ')).to.equal('请填写预约码。');
    expect(el.shadowRoot!.activeElement?.id).to.equal('code');
    expect(await search('abc-123')).to.equal('预约码是 8 位字母和数字。');
    expect($(el, '#code')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the errors at their fields, first focused, and the booking codes’ own messages', async () => {
    const { resident, service } = await street();
    const { slot } = await firstOpenSlot(resident, service.id);
    const el = await mount(resident);
    await pick(el, slot.start);
    // The service takes parties of two, but a one-seat slot never could: no party choice.
    expect($(el, '#party')).to.equal(null);
    click(el, 'form button[type=submit]');
    await waitUntil(() => $(el, '[part=error-summary]'), 'summary');
    expect(text(el)).to.contain('请填写预约人姓名');
    expect(text(el)).to.contain('请确认您（或代约的老人）符合服务对象要求');
    expect(text(el)).to.contain('请阅读并同意');
    expect(el.shadowRoot!.activeElement?.id).to.equal('name');
    // 代约 asks for the elder.
    await fillDetails(el);
    const elder = $<HTMLInputElement>(el, 'input[name=forWhom][value=elder]')!;
    elder.click();
    await el.updateComplete;
    click(el, 'form button[type=submit]');
    await waitUntil(() => $(el, '#elderName[aria-invalid=true]'), 'elder error');
    await type(el, 'elderName', '孙桂英');
    await type(el, 'elderRelation', '女儿');
    click(el, 'form button[type=submit]');
    await waitUntil(() => $(el, '[part=submit]'), 'confirm');
    expect(text(el)).to.contain('孙桂英（女儿）');
    // The time is gone by the time the resident confirms: slot_unavailable, in its own words.
    el.s.values = { ...el.s.values, start: '2020-01-01T01:00:00.000Z' };
    click(el, '[part=submit]');
    await waitUntil(() => $(el, '[part=status].alert, .alert[part=status]'), 'failed', {
      timeout: 5000,
    });
    expect(text(el)).to.contain('这个时段现在不能预约');
  });

  it('offers a party only as large as the chosen slot takes', async () => {
    const rule = { ...SERVICE.schedule.rules[0]!, seats: 2 };
    const { resident, service } = await street({
      limits: { partyMax: 3 },
      schedule: { ...SERVICE.schedule, rules: [rule] },
    });
    const { slot } = await firstOpenSlot(resident, service.id);
    const el = await mount(resident);
    await pick(el, slot.start);
    const party = $<HTMLSelectElement>(el, '#party')!;
    expect([...party.options].map((o) => o.value)).to.deep.equal(['1', '2']);
    // A party picked for a larger slot shows (and is sent) as the most this one takes.
    el.s.values = { ...el.s.values, party: '3' };
    el.requestUpdate();
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#party')!.value).to.equal('2');
  });

  it('offline: says a booking cannot wait, keeps the draft without the phone, sends once when back', async () => {
    const { resident, service } = await street();
    const { slot } = await firstOpenSlot(resident, service.id);
    const keys: string[] = [];
    let online = false;
    const client = createClient({
      baseUrl: 'https://example.test/api/v1',
      outbox: false,
      fetch: async (input, init) => {
        const url = new URL(String(input));
        const path = url.pathname.replace('/api/v1', '');
        const json = (body: unknown, status = 200) =>
          new Response(JSON.stringify(body), {
            status,
            headers: { 'Content-Type': 'application/json' },
          });
        if (path.endsWith('/booking-services'))
          return json(await resident.booking.services('xingfuli'));
        if (path.includes('/availability'))
          return json(
            await resident.booking.availability(service.id, {
              from: url.searchParams.get('from')!,
              to: url.searchParams.get('to')!,
            }),
          );
        if (path === '/bookings') {
          keys.push(new Headers(init?.headers).get('Idempotency-Key') ?? '');
          if (!online) throw new TypeError('Failed to fetch');
          const body = JSON.parse(String(init?.body)) as Parameters<Client['booking']['book']>[0];
          return json(await resident.booking.book(body, { idempotencyKey: keys.at(-1)! }), 201);
        }
        if (/\/communities\/xingfuli$/.test(path))
          return json(await resident.communities.get('xingfuli'));
        return json({ code: 'not_found', status: 404, title: 'not found' }, 404);
      },
      retry: { retries: 0 },
    } as Parameters<typeof createClient>[0]);
    const el = await mount(client);
    await pick(el, slot.start);
    await fillDetails(el);
    click(el, 'form button[type=submit]');
    await waitUntil(() => $(el, '[part=submit]'), 'confirm');
    click(el, '[part=submit]');
    await waitUntil(() => text(el).includes('不能离线排队'), 'offline said', { timeout: 8000 });
    const draft = localStorage.getItem('sq-booking-draft:xingfuli')!;
    expect(draft).to.contain(slot.start);
    expect(draft).not.to.contain('13800001234');
    expect(draft).not.to.contain('王秀英');
    online = true;
    const booked = oneEvent(el, 'sq-booked') as Promise<SqBookedEvent>;
    dispatchEvent(new Event('online'));
    await booked;
    expect(new Set(keys).size).to.equal(1);
    expect(keys.length).to.be.greaterThan(1);
  });

  it('books with the keyboard alone', async () => {
    const { resident, service } = await street();
    const { slot } = await firstOpenSlot(resident, service.id);
    const el = await mount(resident);
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await el.updateComplete;
    };
    /** Tabs until `selector` has focus (at most 40 presses). */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 40; i++) {
        if (el.shadowRoot!.activeElement?.matches(selector)) return;
        await press('Tab');
      }
      throw new Error(`never reached ${selector}`);
    };
    $(el, '[part=tabs] button')!.focus();
    await tabTo('[part=service] button');
    await press('Enter');
    await waitUntil(() => $(el, '[part=day][data-date]'));
    const date = new Date(Date.parse(slot.start) + 8 * 3_600_000).toISOString().slice(0, 10);
    await tabTo(`[part=day][data-date="${date}"]`);
    await press('Enter');
    await tabTo(`[part=slot][data-start="${slot.start}"]`);
    await press(' ');
    await waitUntil(() => $(el, '#name'));
    await tabTo('#name');
    await sendKeys({ type: '王秀英' });
    await tabTo('#phone');
    await sendKeys({ type: '13800001234' });
    await tabTo('#eligible');
    await press(' ');
    await tabTo('#consent');
    await press(' ');
    await press('Enter');
    await waitUntil(() => $(el, '[part=submit]'));
    expect(el.shadowRoot!.activeElement?.id).to.equal('step');
    await tabTo('[part=submit]');
    const booked = oneEvent(el, 'sq-booked');
    await press('Enter');
    await booked;
  });

  for (const care of [false, true]) {
    it(`is accessible with target-size ${care ? 'in care mode (60px)' : '(44px)'} at every step`, async () => {
      const { resident, service } = await street();
      const { slot } = await firstOpenSlot(resident, service.id);
      const el = await mount(resident, { care });
      const min = care ? 60 : 44;
      const check = async (what: string) => {
        expect(await axeViolations(el), what).to.deep.equal([]);
        expect(smallTargets(el, min), what).to.deep.equal([]);
      };
      await check('services');
      click(el, '[part=service] button');
      await waitUntil(() => $(el, '[part=day][data-date]'));
      await check('days');
      const date = new Date(Date.parse(slot.start) + 8 * 3_600_000).toISOString().slice(0, 10);
      click(el, `[part=day][data-date="${date}"]`);
      await waitUntil(() => $(el, '[part=slot]'));
      if (care) expect($(el, '[part=days]'), 'one step per screen').to.equal(null);
      await check('slots');
      click(el, `[part=slot][data-start="${slot.start}"]`);
      await waitUntil(() => $(el, '#name'));
      click(el, 'form button[type=submit]');
      await waitUntil(() => $(el, '[part=error-summary]'));
      await check('details with errors');
      await fillDetails(el);
      click(el, 'form button[type=submit]');
      await waitUntil(() => $(el, '[part=submit]'));
      await check('confirm');
      click(el, '[part=submit]');
      await waitUntil(() => $(el, '[part=receipt]'), 'receipt', { timeout: 5000 });
      await check('receipt');
      click(el, '[part=tabs] button:last-child');
      await waitUntil(() => $(el, '#code'));
      await check('我的预约');
    });
  }

  it('renders hostile text as text', async () => {
    const payload = XSS_PAYLOADS.join(' ');
    const { resident } = await street({
      name: XSS_PAYLOADS[0],
      team: XSS_PAYLOADS[1].slice(0, 20),
      description: payload,
      notice: XSS_PAYLOADS[2],
      place: { kind: 'station', address: XSS_PAYLOADS[3] },
    });
    const el = await mount(resident);
    expect(text(el)).to.contain('<script>');
    expect($(el, 'script, img, svg')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  for (const care of [false, true]) {
    it(`has no horizontal scroll at 320px with 200% text${care ? ' in care mode' : ''}`, async () => {
      const { resident, service } = await street();
      const { slot } = await firstOpenSlot(resident, service.id);
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      try {
        const el = await mount(resident, { care });
        const fits = (what: string) =>
          expect(
            document.documentElement.scrollWidth,
            `${what}: ${[...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
              .filter((e) => e.getBoundingClientRect().right > 330)
              .map((e) => `${e.localName}.${e.className}#${e.id}`)
              .join(' ')}`,
          ).to.be.at.most(320);
        fits('services');
        click(el, '[part=service] button');
        await waitUntil(() => $(el, '[part=day][data-date]'));
        fits('days');
        const date = new Date(Date.parse(slot.start) + 8 * 3_600_000).toISOString().slice(0, 10);
        click(el, `[part=day][data-date="${date}"]`);
        await waitUntil(() => $(el, '[part=slot]'));
        fits('slots');
        click(el, `[part=slot][data-start="${slot.start}"]`);
        await waitUntil(() => $(el, '#name'));
        fits('details');
        await fillDetails(el);
        click(el, 'form button[type=submit]');
        await waitUntil(() => $(el, '[part=submit]'));
        fits('confirm');
        click(el, '[part=submit]');
        await waitUntil(() => $(el, '[part=receipt]'), 'receipt', { timeout: 5000 });
        fits('receipt');
        click(el, '[part=tabs] button:last-child');
        await waitUntil(() => $(el, '#code'));
        fits('我的预约');
      } finally {
        document.documentElement.style.fontSize = '';
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('speaks English', async () => {
    const { resident } = await street();
    const el = await mount(resident, { lang: 'en' });
    await waitUntil(() => text(el).includes('Book a volunteer service'));
    expect(text(el)).to.contain('Choose a service');
  });

  it('shows slot times on the 24-hour clock in English too, each slot’s time on one line on a phone', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const { resident, service } = await street();
      const { slot } = await firstOpenSlot(resident, service.id);
      const el = await mount(resident, { lang: 'en' });
      click(el, '[part=service] button');
      await waitUntil(() => $(el, '[part=day][data-date]'), 'days', { timeout: 5000 });
      const date = new Date(Date.parse(slot.start) + 8 * 3_600_000).toISOString().slice(0, 10);
      click(el, `[part=day][data-date="${date}"]`);
      await waitUntil(() => $(el, `[part=slot][data-start="${slot.start}"]`), 'slot', {
        timeout: 5000,
      });
      const times = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=slot] .nowrap')];
      expect(times.length).to.be.greaterThan(0);
      for (const time of times) {
        // "08:30–08:45", never "08:30 AM–08:45" / "AM".
        expect(time.textContent!.trim()).to.match(/^\d{2}:\d{2}–\d{2}:\d{2}$/);
        const range = document.createRange();
        range.selectNodeContents(time);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        expect(lines.size, time.textContent!).to.equal(1);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
