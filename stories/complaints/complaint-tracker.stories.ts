import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { until } from 'lit/directives/until.js';
import '../../src/define/complaint-tracker.js';
import '../../src/define/provider.js';
import type { ComplaintActionInput } from '../../src/features/complaints/views.js';
import type { SqComplaintTracker } from '../../src/features/complaints/elements/complaint-tracker/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  ticket?: string;
}

/** Staff steps that bring a fresh case to the state a story shows. */
const steps: Record<string, ComplaintActionInput[]> = {
  received: [],
  inProgress: [
    { action: 'assign', handler: 'demo-xfl-grid' },
    { action: 'start' },
    { action: 'reply', text: '您好，已联系楼上住户和装修队，今天下午上门核实。' },
  ],
  resolved: [
    { action: 'assign', handler: 'demo-xfl-grid' },
    { action: 'start' },
    { action: 'reply', text: '您好，已联系楼上住户和装修队，今天下午上门核实。' },
    { action: 'resolve', text: '装修队已承诺每天 20:00 后停止施工，社区将持续跟进。' },
  ],
  returned: [
    {
      action: 'return',
      reason: 'not_our_jurisdiction',
      text: '工地噪音请拨打 12345 或联系区城管执法局。',
    },
  ],
  transferred: [{ action: 'transfer', to: '区住房和城乡建设局', text: '已转相关部门处理。' }],
  extended: [
    { action: 'assign', handler: 'demo-xfl-grid' },
    { action: 'extend', days: 3, reason: '需要与物业公司协调，延期 3 个工作日。' },
  ],
};

/** Which code opens which story's case: kept in memory, as the element keeps it. */
const codes = new WeakMap<Element, string>();

/**
 * A fresh street in memory: a resident reports a noise problem, staff take the steps, and the
 * tracker is shown with the ticket prefilled; `play` types the code the resident was given.
 */
async function scenario(
  name: keyof typeof steps,
  options: { rate?: 'unsatisfied' | 'satisfied'; overdue?: boolean } = {},
) {
  const store = createMemoryStore();
  const clock = options.overdue ? { now: () => new Date('2026-03-02T02:00:00Z') } : undefined;
  const reporter = createClient({
    embedded: { store, persistence: false, ...(clock && { clock }) },
  });
  const delivery = await reporter.complaints.submit({
    community: 'xingfuli',
    category: 'noise',
    description: '楼上每天晚上十一点以后还在装修，电钻声很大，老人和孩子都睡不好。',
    location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2' },
    contact: { name: '张秀兰', phone: '13812341234' },
    consent: true,
  });
  if (delivery.state !== 'delivered') throw new Error('not delivered');
  const receipt = delivery.value;
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  for (const step of steps[name]!) await staff.complaints.act(receipt.id, step);
  const resident = createClient({ embedded: { store, persistence: false } });
  if (options.rate) {
    await resident.complaints.rate({
      ticket: receipt.ticket,
      queryCode: receipt.queryCode,
      rating: options.rate,
      ...(options.rate === 'satisfied' && { comment: '处理得很及时，谢谢社区！' }),
    });
  }
  return { resident, receipt };
}

const tracker = (args: Args, client: Client, ticket?: string, code?: string) =>
  html`<sq-provider
    .client=${client}
    ${ref((el) => {
      if (el && code) codes.set(el, code);
    })}
  >
    <sq-complaint-tracker
      ticket=${ticket ?? args.ticket ?? ''}
      ?care=${args.care}
    ></sq-complaint-tracker>
  </sq-provider>`;

const withCase =
  (...a: Parameters<typeof scenario>) =>
  (args: Args) =>
    html`${until(
      scenario(...a).then(({ resident, receipt }) =>
        tracker(args, resident, receipt.ticket, receipt.queryCode),
      ),
      html`<p>…</p>`,
    )}` as TemplateResult;

async function found(canvas: HTMLElement): Promise<SqComplaintTracker> {
  for (let i = 0; i < 200; i++) {
    const el = canvas.querySelector('sq-complaint-tracker');
    if (el?.shadowRoot?.querySelector('form')) return el;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no tracker');
}

/** Types the ticket (unless prefilled) and `code`, and presses 查询. */
async function lookUp(canvas: HTMLElement, code?: string, ticket?: string) {
  const el = await found(canvas);
  const root = el.shadowRoot!;
  const provider = el.closest('sq-provider');
  if (ticket) root.querySelector<HTMLInputElement>('#ticket')!.value = ticket;
  root.querySelector<HTMLInputElement>('#code')!.value =
    code ?? (provider && codes.get(provider)) ?? '';
  root.querySelector<HTMLButtonElement>('form button')!.click();
  await el.updateComplete;
  for (let i = 0; i < 200 && el.matches(':state(loading)'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await el.updateComplete;
  return el;
}

const play =
  (extra?: (el: SqComplaintTracker) => Promise<void> | void) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = await lookUp(canvasElement);
    await extra?.(el);
  };

const demoClient = () => createClient({ embedded: { persistence: false } });

const meta = {
  title: 'Elements/Complaint tracker',
  tags: ['autodocs'],
  component: 'sq-complaint-tracker',
  args: { care: false },
  render: (args) => tracker(args, demoClient()),
  parameters: {
    docs: {
      description: {
        component:
          '居民查询: ticket + query code → status, deadline, public history with staff replies, then 满意/基本满意/不满意. Stories run on the embedded client: each makes its own case in memory.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Nothing typed yet. */
export const Empty: Story = {};

/** Opened from the success screen: the ticket is prefilled, never the query code. */
export const TicketPrefilled: Story = { args: { ticket: 'SQ-2026-000123' } };

/** 查询 with nothing typed: an error summary, a message under each field, focus on the first. */
export const MissingFields: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
  },
};

/** A code of the wrong shape: checked before anything is sent. */
export const BadFormat: Story = {
  play: async ({ canvasElement }) => {
    await lookUp(canvasElement, 'AB1', 'SQ-26-1');
  },
};

/** Ticket or code wrong: one message that does not say which, and focus back on the ticket. */
export const NotFound: Story = {
  render: withCase('received'),
  play: async ({ canvasElement }) => {
    await lookUp(canvasElement, 'WRONG234');
  },
};

/** While the server answers (one that never does). */
export const Loading: Story = {
  render: (args) =>
    tracker(
      args,
      createClient({
        baseUrl: '/never',
        fetch: () => new Promise<Response>(() => undefined),
        outbox: false,
      }),
    ),
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement);
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#ticket')!.value = 'SQ-2026-000123';
    root.querySelector<HTMLInputElement>('#code')!.value = 'K7MW-3QXP';
    root.querySelector<HTMLButtonElement>('form button')!.click();
  },
};

/** No network: the reason and a retry button; what was typed stays. */
export const NetworkFailure: Story = {
  render: (args) =>
    tracker(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
  play: async ({ canvasElement }) => {
    await lookUp(canvasElement, 'K7MW-3QXP', 'SQ-2026-000123');
  },
};

/** 已受理: just reported. */
export const Received: Story = { render: withCase('received'), play: play() };

/** 处理中, with the handler (masked) and a public reply. */
export const InProgress: Story = { render: withCase('inProgress'), play: play() };

/** 延期: the new deadline and its reason. */
export const Extended: Story = { render: withCase('extended'), play: play() };

/** Past its deadline and still open: flagged 已超期. */
export const Overdue: Story = {
  render: withCase('inProgress', { overdue: true }),
  play: play(),
};

/** 已办结: the resolution, and the rating form. */
export const Resolved: Story = { render: withCase('resolved'), play: play() };

/** 不满意 chosen: the form says plainly that the case will be handled again. */
export const UnsatisfiedChosen: Story = {
  render: withCase('resolved'),
  play: play(async (el) => {
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=unsatisfied]')!.click();
    await el.updateComplete;
  }),
};

/** Rating not chosen: the message, in the same root as the radios. */
export const RatingMissing: Story = {
  render: withCase('resolved'),
  play: play(async (el) => {
    el.shadowRoot!.querySelector<HTMLButtonElement>('.rate button')!.click();
    await el.updateComplete;
  }),
};

/** Just rated 不满意 the first time: reopened (重办), with the new deadline. */
export const Reopened: Story = {
  render: withCase('resolved'),
  play: play(async (el) => {
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=unsatisfied]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.rate button')!.click();
  }),
};

/** Just rated 满意. */
export const RatedNow: Story = {
  render: withCase('resolved'),
  play: play(async (el) => {
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=satisfied]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.rate button')!.click();
  }),
};

/** 已评价, seen later: the rating given and its comment. */
export const Rated: Story = {
  render: withCase('resolved', { rate: 'satisfied' }),
  play: play(),
};

/** 已退回 with its reason. */
export const Returned: Story = { render: withCase('returned'), play: play() };

/** 已转办 to another body. */
export const Transferred: Story = { render: withCase('transferred'), play: play() };

/** 关怀模式: 18px text, 30px key figures, 60px targets. */
export const CareMode: Story = {
  args: { care: true },
  render: withCase('resolved'),
  play: play(),
};

export const English: Story = {
  render: (args) => html`<div lang="en">${withCase('resolved')(args)}</div>`,
  play: play(),
};
