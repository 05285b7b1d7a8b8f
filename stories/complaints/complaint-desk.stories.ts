import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/complaint-desk.js';
import '../../src/define/provider.js';
import '../../src/define/wish-review.js';
import type { ComplaintInput } from '../../src/features/complaints/model.js';
import type { SqComplaintDesk } from '../../src/features/complaints/elements/complaint-desk/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
}

/** A tiny PNG, so a case has a photo to show. */
const PHOTO = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde, 0, 0, 0, 12, 0x49, 0x44, 0x41, 0x54, 8, 0xd7,
  0x63, 0xf8, 0xcf, 0xc0, 0, 0, 3, 1, 1, 0, 0x18, 0xdd, 0x8d, 0xb0, 0, 0, 0, 0, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
]);

const cases: Partial<ComplaintInput>[] = [
  {
    category: 'noise',
    description: '楼上每天晚上十一点以后还在装修，电钻声很大，老人和孩子都睡不好。',
  },
  {
    category: 'fire-safety',
    description: '2号楼一单元楼道里堆满了纸箱和旧家具，把消防通道堵住了。',
    location: {
      community: 'xingfuli',
      grid: 'xfl-g1',
      building: 'xfl-g1-b2',
      unit: 'xfl-g1-b2-u1',
    },
  },
  {
    category: 'environment',
    description: '小区东门的垃圾桶三天没有清运了，气味很大。',
    anonymous: true,
    location: { community: 'xingfuli', text: '小区东门垃圾站' },
  },
];

/**
 * A fresh street in memory with a few cases (one from January, so overdue), seen by 李秀英
 * (xfl-admin) through the embedded client. `empty`: no cases at all.
 */
async function desk(options: { empty?: boolean } = {}): Promise<Client> {
  const store = createMemoryStore();
  if (!options.empty) {
    const january = createClient({
      embedded: { store, clock: { now: () => new Date('2026-01-05T02:00:00Z') } },
    });
    const resident = createClient({ embedded: { store } });
    const photo = await resident.uploads.create(new Blob([PHOTO], { type: 'image/png' }));
    for (const [i, c] of cases.entries()) {
      await (i === 0 ? january : resident).complaints.submit({
        community: 'xingfuli',
        category: 'noise',
        description: '',
        location: { community: 'xingfuli', grid: 'xfl-g1', building: 'xfl-g1-b2' },
        contact: { name: '张秀兰', phone: '13812341234' },
        consent: true,
        ...(i === 1 && { photos: [photo.id] }),
        ...c,
      });
    }
  }
  return createClient({ embedded: { store, actor: 'xfl-admin' } });
}

const render = (args: Args, client: Client | Promise<Client> = desk()): TemplateResult =>
  html`${until(
    Promise.resolve(client).then(
      (c) =>
        html`<sq-provider .client=${c} ?care=${args.care}>
          <sq-complaint-desk></sq-complaint-desk>
        </sq-provider>`,
    ),
    html`<p>…</p>`,
  )}`;

/** Waits for the desk, then for `ready` to hold in its shadow root. */
async function settle(canvas: HTMLElement, ready: (root: ShadowRoot) => unknown) {
  for (let i = 0; i < 100; i++) {
    const root = canvas.querySelector<SqComplaintDesk>('sq-complaint-desk')?.shadowRoot;
    if (root && ready(root)) return root;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('story did not settle');
}

const listed = (canvas: HTMLElement) =>
  settle(canvas, (r) => r.querySelector('.list[aria-busy=false] [part=row]'));

async function openFirst(canvas: HTMLElement, index = 1) {
  const root = await listed(canvas);
  root.querySelectorAll<HTMLElement>('[part=row]')[index]!.click();
  return settle(canvas, (r) => r.querySelector('#case'));
}

async function chooseAction(root: ShadowRoot, action: string) {
  root.querySelector<HTMLElement>(`[data-action=${action}]`)!.click();
  await new Promise((r) => setTimeout(r, 50));
}

const meta = {
  title: 'Elements/Complaint desk',
  tags: ['autodocs'],
  component: 'sq-complaint-desk',
  args: { care: false },
  render: (args) => render(args),
  parameters: {
    docs: {
      description: {
        component:
          'The staff desk of 居民说事. Stories run on the embedded client acting as the demo staff member 李秀英 (xfl-admin) of 幸福里社区.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The community's cases, newest first; the January one is overdue. */
export const List: Story = {};

/** Nothing matches (here: no cases at all). */
export const EmptyList: Story = { render: (args) => render(args, desk({ empty: true })) };

/** One case open: facts, contact (staff see it), photo, actions its status allows, history. */
export const Detail: Story = {
  play: ({ canvasElement }) => openFirst(canvasElement).then(() => {}),
};

/** 派单 sent without a handler: the field error and the summary, focus on the field. */
export const ActionInvalid: Story = {
  play: async ({ canvasElement }) => {
    const root = await openFirst(canvasElement);
    await chooseAction(root, 'assign');
    root.querySelector<HTMLElement>('#action-form .primary')!.click();
  },
};

/** The client of the ActionRefused story, for its `play` to act as a colleague. */
let colleague: Promise<Client> | undefined;

/** A colleague transferred the case meanwhile: the server refuses (invalid_transition). */
export const ActionRefused: Story = {
  render: (args) => render(args, (colleague = desk())),
  play: async ({ canvasElement }) => {
    const root = await openFirst(canvasElement, 2);
    await chooseAction(root, 'return');
    const id = root.querySelectorAll<HTMLElement>('[part=row]')[2]!.dataset.id!;
    await (await colleague!).complaints.act(id, { action: 'transfer', to: '区城管执法局' });
    root.querySelector<HTMLSelectElement>('#f-reason')!.value = 'duplicate';
    root.querySelector<HTMLElement>('#action-form .primary')!.click();
  },
};

/** An action done: the history grows and the result is announced. */
export const ActionDone: Story = {
  play: async ({ canvasElement }) => {
    const root = await openFirst(canvasElement);
    await chooseAction(root, 'note');
    const text = root.querySelector<HTMLTextAreaElement>('#f-text')!;
    text.value = '已联系物业，明天上午清理楼道。';
    root.querySelector<HTMLElement>('#action-form .primary')!.click();
  },
};

/** The 三率 tab. */
export const Metrics: Story = {
  play: async ({ canvasElement }) => {
    const root = await listed(canvasElement);
    [...root.querySelectorAll<HTMLElement>('nav button')][1]!.click();
  },
};

/** Embedded without an `actor`, or a server without a session: the login form. */
export const Login: Story = {
  render: (args) => render(args, createClient({ embedded: { persistence: false } })),
};

/** Login sent empty: each field says what is missing. */
export const LoginInvalid: Story = {
  render: Login.render,
  play: async ({ canvasElement }) => {
    const root = await settle(canvasElement, (r) => r.querySelector('[part=login]'));
    root.querySelector<HTMLElement>('[part=login] button')!.click();
  },
};

/** While the desk asks the server who is signed in (a server that never answers). */
export const Loading: Story = {
  render: (args) =>
    render(
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
    render(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
};

/**
 * A desk and a `<sq-wish-review>` on one page: one sign-in for both (the kit's
 * StaffSessionController asks the client once; signing out of either signs out both).
 */
export const WithWishReview: Story = {
  render: (args) =>
    html`${until(
      desk().then(
        (c) =>
          html`<sq-provider .client=${c} ?care=${args.care}>
            <sq-complaint-desk></sq-complaint-desk>
            <sq-wish-review></sq-wish-review>
          </sq-provider>`,
      ),
      html`<p>…</p>`,
    )}`,
};

/** 关怀模式: 18px text, 60px targets. */
export const CareMode: Story = { args: { care: true }, play: Detail.play };

export const English: Story = {
  render: (args) => html`<div lang="en">${render(args)}</div>`,
  play: Detail.play,
};
