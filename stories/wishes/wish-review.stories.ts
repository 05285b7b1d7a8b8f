import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/wish-review.js';
import type { WishInput, WishStatus } from '../../src/features/wishes/model.js';
import type { SqWishReview } from '../../src/features/wishes/elements/wish-review/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { seedDemoStaff } from '../../src/features/complaints/demo.js';
import { seedDemo } from '../../src/features/core/demo.js';
import { seedDemoWishes } from '../../src/features/wishes/demo.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { Store } from '../../src/services/store.js';

const DAY = 864e5;

const extraWishes: Omit<WishInput, 'consent' | 'publishConsent'>[] = [
  {
    community: 'xingfuli',
    grid: 'xfl-g2',
    category: 'repair',
    title: '帮忙修一下电暖器',
    story: '家里的电暖器不热了，冬天一个人在家很冷，想请懂电器的师傅帮忙看看。',
    wisherName: '陈桂兰',
    phone: '13800000011',
    value: 50,
  },
  {
    community: 'xingfuli',
    grid: 'xfl-g1',
    category: 'study',
    title: '一个新书包',
    story: '孩子的书包背了三年，带子断了好几次，想要一个结实的新书包。',
    wisherName: '刘小燕',
    alias: '小燕妈妈',
    phone: '13800000012',
    value: 120,
  },
];

interface Data {
  /** Demo wishes of the street plus two more awaiting review. */
  wishes?: boolean;
  /** One claim whose hold ended three days ago. */
  stale?: boolean;
  /** Act as demo staff (embedded mode has no login). */
  staff?: boolean;
}

/** A fresh in-memory street for each story, filled through the real services. */
async function makeClient({ wishes = true, stale = false, staff = true }: Data): Promise<Client> {
  const store: Store = createMemoryStore();
  await seedDemo(store);
  // The staff accounts too: the store is no longer empty, so the embedded client seeds none.
  await seedDemoStaff(store);
  if (wishes) {
    await seedDemoWishes(store);
    const resident = createClient({ embedded: { store } });
    for (const wish of extraWishes) {
      await resident.wishes.post({ ...wish, consent: true, publishConsent: true });
    }
  }
  if (stale) {
    const clock = { now: () => new Date(Date.now() - 10 * DAY) };
    const resident = createClient({ embedded: { store, clock } });
    const posted = await resident.wishes.post({
      ...extraWishes[0]!,
      title: '陪老人去医院复查',
      category: 'company',
      consent: true,
      publishConsent: true,
    });
    if (posted.state === 'delivered') {
      const id = posted.value.id;
      await createClient({ embedded: { store, clock, actor: 'xfl-admin' } }).wishes.act(id, {
        action: 'approve',
      });
      await resident.wishes.claim(id, {
        claimerType: 'volunteer',
        name: '张志愿',
        phone: '13900000021',
        consent: true,
      });
    }
  }
  return createClient({ embedded: { store, ...(staff ? { actor: 'xfl-admin' } : {}) } });
}

interface Args extends Data {
  status: WishStatus;
  care: boolean;
  lang?: string;
  /** A client to use instead of the embedded demo (load failure, loading). */
  client?: () => Client;
}

const render = (args: Args) =>
  html`${until(
    (args.client ? Promise.resolve(args.client()) : makeClient(args)).then(
      (client) =>
        html`<sq-provider .client=${client} lang=${args.lang ?? ''}>
          <sq-wish-review status=${args.status} ?care=${args.care}></sq-wish-review>
        </sq-provider>`,
    ),
    html`<p>…</p>`,
  )}`;

/** Waits for the element and for `ready` inside its shadow root. */
async function review(canvas: HTMLElement, ready: string): Promise<SqWishReview> {
  for (let i = 0; i < 100; i++) {
    const el = canvas.querySelector('sq-wish-review');
    if (el?.shadowRoot?.querySelector(ready)) return el;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${ready}`);
}

const click = (el: SqWishReview, text: string) =>
  [...el.shadowRoot!.querySelectorAll('button')]
    .find((b) => b.textContent!.trim() === text)
    ?.click();

const meta = {
  title: 'Elements/Wish review',
  tags: ['autodocs'],
  component: 'sq-wish-review',
  args: { status: 'pending_review', care: false },
  argTypes: {
    status: {
      control: 'select',
      options: [
        'pending_review',
        'claimed',
        'open',
        'fulfilled',
        'thanked',
        'rejected',
        'withdrawn',
      ],
    },
  },
  render,
  parameters: {
    docs: {
      description: {
        component:
          '微心愿审核 for community staff: the review queue, releasing stale claims, counts. Stories run on the embedded client acting as demo staff (李秀英, 幸福里社区).',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Wishes awaiting review (待核实), with the wisher's full name and phone for staff. */
export const Queue: Story = {};

/** Claims, one past its hold (已超期): release it or record the fulfilment. */
export const StaleClaims: Story = { args: { status: 'claimed', stale: true } };

/** Nothing awaiting review. */
export const Empty: Story = { args: { wishes: false } };

/** No session: the sign-in form (over HTTP; embedded mode cannot sign in). */
export const Login: Story = { args: { staff: false } };

/** Signing in with empty fields. */
export const LoginErrors: Story = {
  args: { staff: false },
  play: async ({ canvasElement }) => {
    const el = await review(canvasElement, 'form');
    click(el, el.shadowRoot!.querySelector('form button')!.textContent!.trim());
  },
};

/** Still asking who is signed in. */
export const Loading: Story = {
  args: {
    client: () => {
      const client = createClient({ embedded: { persistence: false } });
      return { ...client, auth: { ...client.auth, me: () => new Promise(() => undefined) } };
    },
  },
};

/** Rejecting needs a reason, told to the wisher only. */
export const RejectReason: Story = {
  play: async ({ canvasElement }) => {
    const el = await review(canvasElement, 'li');
    el.shadowRoot!.querySelector<HTMLButtonElement>('li .button-secondary')!.click();
    const confirm = await review(canvasElement, 'textarea');
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('li .primary')!.click();
  },
};

/** Approved: the wish left the queue, the result is announced, focus is on the next wish. */
export const Approved: Story = {
  play: async ({ canvasElement }) => {
    const el = await review(canvasElement, 'li');
    el.shadowRoot!.querySelector<HTMLButtonElement>('li .primary')!.click();
  },
};

/** Someone else approved the wish meanwhile: the server says the step is not possible. */
export const ActionError: Story = {
  play: async ({ canvasElement }) => {
    const el = await review(canvasElement, 'li');
    const id = el.shadowRoot!.querySelector('li h4')!.id.slice(2);
    await el.client.wishes.act(id, { action: 'approve' });
    el.shadowRoot!.querySelector<HTMLButtonElement>('li .primary')!.click();
  },
};

/** The server cannot be reached. */
export const LoadFailure: Story = {
  args: {
    client: () =>
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
  },
};

/** 关怀模式: larger text, figures and targets. */
export const CareMode: Story = { args: { care: true } };

/** English. */
export const English: Story = { args: { lang: 'en', status: 'claimed', stale: true } };
