import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/volunteer-booking.js';
import type { SqVolunteerBooking } from '../../src/features/booking/elements/volunteer-booking/index.js';
import { seedDemoBookings } from '../../src/features/booking/demo.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  lang: string;
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
  html`<sq-provider .client=${client} community="xingfuli" lang=${args.lang}>
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

/** Opens the service card `n` (0: 义诊 … 3: 家电维修), then the first bookable day. */
const toDays =
  (n = 1, slot = false, details = false) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    let el = await found(canvasElement, '[part=service] button');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=service] button')[n]!.click();
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
  component: 'sq-volunteer-booking',
  args: { care: false, lang: 'zh-CN' },
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
export const Days: Story = { play: toDays(1, true) };
/** 上门 home visit: its details ask for the building and unit. */
export const HomeVisitDetails: Story = { play: toDays(3, true, true) };
/** The details of 法律咨询 (party of two, a required question). */
export const Details: Story = { play: toDays(2, true, true) };
/** 我的预约: look a booking up by its code. */
export const MyBooking: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement, '[part=tabs] button');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=tabs] button')[1]!.click();
  },
};
/** 关怀模式: one step per screen, 60px targets. */
export const CareMode: Story = { args: { care: true } };
/** 关怀模式, the day strip alone (times come on the next screen). */
export const CareModeDays: Story = { args: { care: true }, play: toDays(1) };
/** English. */
export const English: Story = { args: { lang: 'en' } };
