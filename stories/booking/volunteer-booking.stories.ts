import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/volunteer-booking.js';
import type { SqVolunteerBooking } from '../../src/features/booking/elements/volunteer-booking/index.js';
import { seedDemoBookings } from '../../src/features/booking/demo.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  /** Absent: the page's language. */
  lang?: string;
}

/** The demo street's services (义诊, 爱心理发, 法律咨询, 家电维修 上门) in memory. */
async function street(): Promise<Client> {
  const store = createMemoryStore();
  const client = createClient({ embedded: { store, persistence: false } });
  await client.communities.get('xingfuli'); // Opens (and seeds) the embedded store.
  await seedDemoBookings(store);
  return client;
}

const booking = (args: Args, client: Client) =>
  html`<sq-provider .client=${client} community="xingfuli" lang=${args.lang ?? nothing}>
    <sq-volunteer-booking ?care=${args.care}></sq-volunteer-booking>
  </sq-provider>`;

const render = (args: Args) =>
  html`${until(
    street().then((client) => booking(args, client)),
    html`<p>…</p>`,
  )}` as TemplateResult;

async function found(canvas: HTMLElement, selector: string): Promise<SqVolunteerBooking> {
  for (let i = 0; i < 300; i++) {
    const el = canvas.querySelector('sq-volunteer-booking');
    if (el?.shadowRoot?.querySelector(selector) && el.lazy) return el;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${selector}`);
}

const names: Record<string, string[]> = {
  爱心理发: ['爱心理发', 'Free haircuts'],
  家电维修: ['家电维修', 'Appliance repair'],
  法律咨询: ['法律咨询', 'Legal advice'],
};

/** Opens the card of the service named `name`, then its first bookable day and time. */
const toDays =
  (name: string, slot = false, details = false) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    let el = await found(canvasElement, '[part=service] button');
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=service]')]
      .find((card) => names[name]!.some((n) => card.querySelector('h4')!.textContent!.includes(n)))!
      .querySelector('button')!
      .click();
    el = await found(canvasElement, '[part=day][data-date]');
    if (!slot) return;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=day][data-date]')!.click();
    el = await found(canvasElement, '[part=slot]');
    if (!details) return;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=slot]')!.click();
    await found(canvasElement, '#name');
  };

const meta = {
  title: 'Elements/Volunteer booking',
  tags: ['autodocs'],
  component: 'sq-volunteer-booking',
  args: { care: false },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render,
  parameters: {
    docs: {
      description: {
        component:
          '志愿服务预约: service → day (余 N / 约满·可候补 / 不开放) → time → details (本人 or 代约) → confirm → receipt with the code and an .ics; 我的预约 by code. Stories run on the embedded client with the demo street’s services in memory.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The service cards: team, place, next free day. */
export const Services: Story = {};
/** The day strip and the times of the chosen day. */
export const Days: Story = { play: toDays('爱心理发', true) };
/** 上门 home visit: its details ask for the building and unit. */
export const HomeVisitDetails: Story = { play: toDays('家电维修', true, true) };
/** The details of 法律咨询 (a required question). */
export const Details: Story = { play: toDays('法律咨询', true, true) };
/** 我的预约: look a booking up by its code. */
export const MyBooking: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement, '[part=tabs] button');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=tabs] button')[1]!.click();
  },
};
/** 我的预约, found: 爱心理发 booked, then looked up by its code (with 取消预约). */
export const MyBookingFound: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement, '[part=tabs] button');
    const client = el.client;
    const service = (await client.booking.services('xingfuli')).find((s) => s.name === '爱心理发')!;
    const from = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 8 * 3_600_000 + 13 * 864e5).toISOString().slice(0, 10);
    const { days } = await client.booking.availability(service.id, { from, to });
    const slot = days.find((d) => d.state === 'open')!.slots.find((t) => t.state === 'open')!;
    const { code } = await client.booking.book({
      service: service.id,
      start: slot.start,
      name: '王秀英',
      phone: '13800001234',
      ...(service.eligibility ? { eligible: true } : {}),
      consent: true,
    });
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=tabs] button')[1]!.click();
    const input = await found(canvasElement, '#code');
    const field = input.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    field.value = code;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('form .primary')!.click();
    await found(canvasElement, '[part=result]');
  },
};
/** 关怀模式: one step per screen, 60px targets. */
export const CareMode: Story = { args: { care: true } };
/** 关怀模式, the day strip alone (times come on the next screen). */
export const CareModeDays: Story = { args: { care: true }, play: toDays('爱心理发') };
/** English. */
export const English: Story = { args: { lang: 'en' } };

/** Types into a field of the details as a resident would. */
function fill(el: SqVolunteerBooking, id: string, value: string | boolean) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  if (typeof value === 'boolean') input.click();
  else {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** Books 爱心理发's first time through the element; stops at the confirmation or the receipt. */
const throughDetails =
  (confirm: boolean) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await toDays('爱心理发', true, true)({ canvasElement });
    let el = await found(canvasElement, '#name');
    fill(el, 'name', '王秀英');
    fill(el, 'phone', '13800001234');
    fill(el, 'consent', true);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    el = await found(canvasElement, '[part=submit]');
    if (!confirm) return;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await found(canvasElement, '[part=receipt]');
  };

/** The details checked: confirm what will be booked. */
export const Confirm: Story = { play: throughDetails(false) };
/** Booked: the code shown once, time, place, how to cancel, add to calendar. */
export const Receipt: Story = { play: throughDetails(true) };
/** Details with every error shown (pressed “next” with nothing filled in). */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    await toDays('法律咨询', true, true)({ canvasElement });
    const el = await found(canvasElement, '#name');
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await found(canvasElement, '[part=error-summary]');
  },
};
