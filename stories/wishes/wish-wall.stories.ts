import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/wish-wall.js';
import type { SqWishWall } from '../../src/features/wishes/elements/wish-wall/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { seedDemo } from '../../src/features/core/demo.js';
import { seedDemoWishes } from '../../src/features/wishes/demo.js';
import type { Store } from '../../src/services/store.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  category?: string;
  status?: string;
  grid?: string;
  care: boolean;
}

/** Each story gets its own in-memory street with the demo wishes (4 public on 幸福里). */
async function demo(wishes = true): Promise<{ store: Store; client: Client }> {
  const store = createMemoryStore();
  await seedDemo(store);
  if (wishes) await seedDemoWishes(store);
  return { store, client: createClient({ embedded: { store, persistence: false } }) };
}

const wall = (args: Args, client: Client) =>
  html`<sq-provider .client=${client} community="xingfuli">
    <sq-wish-wall
      category=${ifDefined(args.category)}
      status=${ifDefined(args.status)}
      grid=${ifDefined(args.grid)}
      ?care=${args.care}
    ></sq-wish-wall>
  </sq-provider>`;

const render = (args: Args, wishes = true) =>
  html`${until(
    demo(wishes).then(({ client }) => wall(args, client)),
    '',
  )}`;

const find = async (canvas: HTMLElement) => {
  for (
    let i = 0;
    i < 50 && !canvas.querySelector('sq-wish-wall')?.shadowRoot?.querySelector('li.card');
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return canvas.querySelector<SqWishWall>('sq-wish-wall')!;
};

/** Opens the dialog of the first open wish (待认领). */
async function openFirst(canvas: HTMLElement) {
  const el = await find(canvas);
  // An open card's button is the primary one ("查看并认领").
  const open = el.shadowRoot!.querySelector<HTMLButtonElement>('li.card button.open.primary');
  if (!open) throw new Error('no open wish on the wall');
  open.click();
  await el.updateComplete;
  return el;
}

const meta = {
  title: 'Elements/Wish wall',
  tags: ['autodocs'],
  component: 'sq-wish-wall',
  args: { care: false },
  argTypes: {
    status: { control: 'select', options: [undefined, 'open', 'claimed', 'fulfilled', 'thanked'] },
    category: {
      control: 'select',
      options: [undefined, 'study', 'daily', 'company', 'repair', 'other'],
    },
    grid: { control: 'select', options: [undefined, 'xfl-g1', 'xfl-g2'] },
  },
  render: (args) => render(args),
  parameters: {
    docs: {
      description: {
        component:
          '心愿墙 (微心愿): cards, filters, 加载更多, virtualized past 100 cards; a card opens a dialog with the story and the claim form. Stories run on the embedded client with the demo wishes.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The demo wall: one wish in each public status. */
export const List: Story = {};

/** Filtered to 待认领. */
export const Filtered: Story = { args: { status: 'open' } };

/** Filters that match nothing: the notice offers to clear them. */
export const FilteredEmpty: Story = { args: { status: 'open', category: 'repair' } };

/** A community with no published wishes yet. */
export const Empty: Story = { render: (args) => render(args, false) };

/** While the first page loads (a server that never answers). */
export const Loading: Story = {
  render: (args) =>
    wall(
      args,
      createClient({
        baseUrl: '/never',
        fetch: () => new Promise<Response>(() => undefined),
        outbox: false,
      }),
    ),
};

/** The server cannot be reached: an alert with the reason and a retry button. */
export const LoadFailure: Story = {
  render: (args) =>
    wall(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
};

/** Past 100 cards (here 120) the list is virtualized: only the cards near the screen are in the DOM. */
export const Virtualized: Story = {
  play: async ({ canvasElement }) => {
    const el = await find(canvasElement);
    const base = el.items;
    el.items = Array.from({ length: 120 }, (_, i) => ({
      ...base[i % base.length]!,
      id: `v${i}`,
      title: `${base[i % base.length]!.title} #${i + 1}`,
    }));
  },
};

/** A card's dialog: the story and the claim form. */
export const Dialog: Story = {
  play: async ({ canvasElement }) => void (await openFirst(canvasElement)),
};

/** The claim form sent empty: the summary and each field's message. */
export const ClaimErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await openFirst(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.claim button.primary')!.click();
  },
};

/** Claimed: the claim code, shown once, and the hold date. */
export const Claimed: Story = {
  play: async ({ canvasElement }) => {
    const el = await openFirst(canvasElement);
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value=volunteer]')!.click();
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('#name')!.value = '张三丰';
    root.querySelector<HTMLInputElement>('#phone')!.value = '13812345678';
    root.querySelector<HTMLInputElement>('input[name=consent]')!.click();
    root.querySelector<HTMLButtonElement>('form.claim button.primary')!.click();
  },
};

/** Someone else claimed it first: 已被认领, and the card shows its claimer. */
export const AlreadyClaimed: Story = {
  render: (args) =>
    html`${until(
      demo().then(async ({ store, client }) => {
        // A second visitor's client on the same street claims behind this page's back.
        (window as { sqOther?: Client }).sqOther = createClient({
          embedded: { store, persistence: false },
        });
        return wall(args, client);
      }),
      '',
    )}`,
  play: async ({ canvasElement }) => {
    const el = await openFirst(canvasElement);
    const root = el.shadowRoot!;
    const id = root.querySelector('.status-open')!.closest('li')!.dataset.id!;
    await (window as { sqOther?: Client }).sqOther!.wishes.claim(id, {
      claimerType: 'party_member',
      name: '赵六',
      phone: '13900001111',
      consent: true,
    });
    root.querySelector<HTMLInputElement>('#name')!.value = '春风志愿服务队';
    root.querySelector<HTMLInputElement>('#phone')!.value = '13800001111';
    root.querySelector<HTMLInputElement>('input[name=consent]')!.click();
    root.querySelector<HTMLButtonElement>('form.claim button.primary')!.click();
  },
};

/** 关怀模式: 18px text, 30px headings, 60px targets. */
export const CareMode: Story = { args: { care: true } };

export const English: Story = { render: (args) => html`<div lang="en">${render(args)}</div>` };
