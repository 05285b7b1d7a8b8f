import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import '../../src/define/complaint-metrics.js';
import '../../src/define/provider.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  from?: string;
  to?: string;
}

/**
 * A fresh street in memory: residents report five cases this month; staff answer, resolve and
 * the residents rate some of them. Seen by 李秀英 (xfl-admin).
 */
async function street(): Promise<Client> {
  const store = createMemoryStore();
  const staff = createClient({ embedded: { store, actor: 'xfl-admin' } });
  const resident = createClient({ embedded: { store } });
  const report = async (category: string) => {
    const d = await resident.complaints.submit({
      community: 'xingfuli',
      category,
      description: '楼道的灯坏了好几天，晚上很黑，老人上下楼不安全。',
      location: { community: 'xingfuli', text: '3号楼楼道' },
      anonymous: true,
      consent: true,
    });
    if (d.state !== 'delivered') throw new Error('not delivered');
    return d.value;
  };
  const done = async (category: string, rating?: 'satisfied' | 'unsatisfied') => {
    const r = await report(category);
    await staff.complaints.act(r.id, { action: 'assign', handler: 'demo-xfl-grid' });
    await staff.complaints.act(r.id, { action: 'start' });
    await staff.complaints.act(r.id, { action: 'resolve', text: '已修好。' });
    if (rating) {
      await resident.complaints.rate({ ticket: r.ticket, queryCode: r.queryCode, rating });
    }
  };
  await done('infrastructure', 'satisfied');
  await done('infrastructure');
  await done('environment', 'satisfied');
  await report('noise');
  await report('property');
  return staff;
}

const render = (args: Args, client: Client | Promise<Client> = street()): TemplateResult =>
  html`${until(
    Promise.resolve(client).then(
      (c) =>
        html`<sq-provider .client=${c} community="xingfuli" ?care=${args.care}>
          <sq-complaint-metrics
            from=${ifDefined(args.from)}
            to=${ifDefined(args.to)}
          ></sq-complaint-metrics>
        </sq-provider>`,
    ),
    html`<p>…</p>`,
  )}`;

const meta = {
  title: 'Elements/Complaint metrics',
  tags: ['autodocs'],
  component: 'sq-complaint-metrics',
  args: { care: false },
  render: (args) => render(args),
  parameters: {
    docs: {
      description: {
        component:
          '三率 of 居民说事 for a period (the 三率 tab of the complaint desk). Stories run on the embedded client as the demo staff member 李秀英 (xfl-admin).',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** This month: 响应率, 解决率, 满意率, overdue, and by category. */
export const ThisMonth: Story = {};

/** A period with no cases. */
export const EmptyPeriod: Story = { args: { from: '2026-03-01', to: '2026-03-31' } };

/** A period that ends before it starts. */
export const InvalidPeriod: Story = {
  play: async ({ canvasElement }) => {
    for (let i = 0; i < 100 && !canvasElement.querySelector('sq-complaint-metrics'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const root = canvasElement.querySelector('sq-complaint-metrics')!.shadowRoot!;
    root.querySelector<HTMLInputElement>('#from')!.value = '2026-03-10';
    root.querySelector<HTMLInputElement>('#to')!.value = '2026-03-01';
    root.querySelector<HTMLElement>('form button')!.click();
  },
};

/** No staff session: the load failure with a retry. */
export const LoadFailure: Story = {
  render: (args) => render(args, createClient({ embedded: { persistence: false } })),
};

/** 关怀模式: key figures 30px, targets 60px. */
export const CareMode: Story = { args: { care: true } };

export const English: Story = { render: (args) => html`<div lang="en">${render(args)}</div>` };
