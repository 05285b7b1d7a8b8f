import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/booking-desk.js';
import { seedDemoBookings } from '../../src/features/booking/demo.js';
import { createClient } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  lang: string;
}

/** The demo street's services and bookings, with staff acting as 幸福里's admin. */
async function desk(args: Args) {
  const store = createMemoryStore();
  const client = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  await client.communities.get('xingfuli');
  await seedDemoBookings(store);
  return html`<sq-provider .client=${client} lang=${args.lang}>
    <sq-booking-desk ?care=${args.care}></sq-booking-desk>
  </sq-provider>`;
}

const meta = {
  title: 'Elements/Booking desk',
  component: 'sq-booking-desk',
  args: { care: false, lang: 'zh-CN' },
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
      lang=${args.lang}
    >
      <sq-booking-desk></sq-booking-desk>
    </sq-provider>`,
};
