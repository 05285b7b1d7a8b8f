import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/booking-desk.js';
import { seedDemoBookings } from '../../src/features/booking/demo.js';
import { createClient } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  /** Absent: the page's language. */
  lang?: string;
}

/** The demo street's services and bookings, with staff acting as 幸福里's admin. */
async function desk(args: Args) {
  const store = createMemoryStore();
  const client = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  await client.communities.get('xingfuli');
  await seedDemoBookings(store);
  return html`<sq-provider .client=${client} lang=${args.lang ?? nothing}>
    <sq-booking-desk ?care=${args.care}></sq-booking-desk>
  </sq-provider>`;
}

const meta = {
  title: 'Elements/Booking desk',
  tags: ['autodocs'],
  component: 'sq-booking-desk',
  args: { care: false },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: (args) => html`${until(desk(args), html`<p>…</p>`)}` as TemplateResult,
  parameters: {
    docs: {
      description: {
        component:
          'Staff: the day’s slots with bookings and waitlists, 核销 by code or from the list, no-shows, cancelling a slot or a day with a reason, booking by phone, volunteers’ hours, CSV and counts. The embedded client acts as 幸福里’s admin.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Today’s slots (pick the date of a demo booking to see bookings and the waitlist). */
export const Today: Story = {};
/** 关怀模式. */
export const CareMode: Story = { args: { care: true } };
/** English. */
export const English: Story = { args: { lang: 'en' } };
/** Without an actor the embedded client cannot sign in: the desk says so. */
export const NoSignIn: Story = {
  render: (args) =>
    html`<sq-provider
      .client=${createClient({ embedded: { persistence: false } })}
      lang=${args.lang ?? nothing}
    >
      <sq-booking-desk></sq-booking-desk>
    </sq-provider>`,
};

/** The day of the demo’s full 爱心理发 slot: its bookings and its waitlist. */
export const DayWithWaitlist: Story = {
  render: (args) =>
    html`${until(
      (async () => {
        const store = createMemoryStore();
        const client = createClient({
          embedded: { store, persistence: false, actor: 'xfl-admin' },
        });
        await client.communities.get('xingfuli');
        await seedDemoBookings(store);
        let date = '';
        for (let n = 0; n < 14 && !date; n++) {
          const d = new Date(Date.now() + (8 * 3600 + n * 86400) * 1000).toISOString().slice(0, 10);
          const day = await client.booking.day({ community: 'xingfuli', date: d });
          if (day.services.some((s) => s.slots.some((x) => x.waitlist.length))) date = d;
        }
        // Never date="" (the desk would say 日期格式不正确): the demo always makes a waitlist.
        if (!date) throw new Error('the demo bookings have no waitlist in the next 14 days');
        return html`<sq-provider .client=${client} lang=${args.lang ?? nothing}>
          <sq-booking-desk ?care=${args.care} date=${date}></sq-booking-desk>
        </sq-provider>`;
      })(),
      html`<p>…</p>`,
    )}` as TemplateResult,
};
