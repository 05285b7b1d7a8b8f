import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define/provider.js';
import '../../src/define/wish-form.js';
import type { SqWishForm } from '../../src/features/wishes/elements/wish-form/index.js';
import { createClient, memoryOutboxStorage, type Client } from '../../src/sdk/index.js';

interface Args {
  care: boolean;
}

/** Each story gets its own in-memory demo street, so stories never leak state into each other. */
const demoClient = () => createClient({ embedded: { persistence: false } });

const render = (args: Args, client: Client = demoClient()) =>
  html`<sq-provider .client=${client} community="xingfuli">
    <sq-wish-form ?care=${args.care}></sq-wish-form>
  </sq-provider>`;

async function ready(canvas: HTMLElement) {
  for (
    let i = 0;
    i < 50 && !canvas.querySelector('sq-wish-form')?.shadowRoot?.querySelector('form');
    i++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return canvas.querySelector<SqWishForm>('sq-wish-form')!;
}

/** Fills the form as a resident would (a value and an input event per field). */
async function fill(canvas: HTMLElement, values: Record<string, string> = {}) {
  const form = await ready(canvas);
  const root = form.shadowRoot!;
  const all = {
    title: '想要一台收音机',
    story: '老伴走后一个人住，眼睛不好看不了手机，想听听戏曲和新闻。',
    category: 'daily',
    grid: 'xfl-g1',
    wisherName: '王秀英',
    alias: '王奶奶',
    phone: '13812345678',
    value: '80',
    ...values,
  };
  for (const [name, value] of Object.entries(all)) {
    const field = root.querySelector<HTMLInputElement>(`[name=${name}]`)!;
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
  root.querySelector<HTMLInputElement>('[name=consent]')!.click();
  root.querySelector<HTMLInputElement>('[name=publishConsent]')!.click();
  await form.updateComplete;
  return form;
}

const send = (form: SqWishForm) =>
  form.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();

const meta = {
  title: 'Elements/Wish form',
  tags: ['autodocs'],
  component: 'sq-wish-form',
  args: { care: false },
  render: (args) => render(args),
  parameters: {
    docs: {
      description: {
        component:
          '许个微心愿: post a small wish. Stories run on the embedded client with the demo street (幸福里社区).',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Nothing entered; both consents unticked. */
export const Empty: Story = {};

/** Filled in, ready to send; the wall will show 王奶奶. */
export const Filled: Story = {
  play: async ({ canvasElement }) => void (await fill(canvasElement)),
};

/** Sent empty: the error summary and each field's message; focus on the first. */
export const Errors: Story = {
  play: async ({ canvasElement }) => send(await ready(canvasElement)),
};

/** Over the community's value cap (200 元) and a wrong phone. */
export const ValueAndPhoneErrors: Story = {
  play: async ({ canvasElement }) =>
    send(await fill(canvasElement, { value: '500', phone: '12345678901' })),
};

/** While sending (a server that never answers). */
export const Sending: Story = {
  render: (args) =>
    render(
      args,
      createClient({
        baseUrl: '/never',
        // Community details answer; the wish itself never does.
        fetch: (input) =>
          String(input).includes('/wishes')
            ? new Promise<Response>(() => undefined)
            : demoClient()
                .communities.get('xingfuli')
                .then(
                  (c) =>
                    new Response(JSON.stringify(c), {
                      headers: { 'content-type': 'application/json' },
                    }),
                ),
        outbox: false,
      }),
    ),
  play: async ({ canvasElement }) => send(await fill(canvasElement)),
};

/** Offline: kept in the outbox, sent by itself when the network is back; the form gives way
 * to a heading (已保存在这部手机上), what happens next and 重试. */
export const SavedOffline: Story = {
  render: (args) =>
    render(
      args,
      createClient({
        baseUrl: '/offline',
        retry: { attempts: 1 },
        outbox: memoryOutboxStorage(),
        fetch: (input) =>
          String(input).includes('/wishes')
            ? Promise.reject(new TypeError('Failed to fetch'))
            : demoClient()
                .communities.get('xingfuli')
                .then(
                  (c) =>
                    new Response(JSON.stringify(c), {
                      headers: { 'content-type': 'application/json' },
                    }),
                ),
      }),
    ),
  play: async ({ canvasElement }) => send(await fill(canvasElement)),
};

/** Not sent (no outbox here): the reason and a retry. */
export const Failed: Story = {
  render: (args) =>
    render(
      args,
      createClient({
        baseUrl: '/down',
        retry: { attempts: 1 },
        outbox: false,
        fetch: (input) =>
          String(input).includes('/wishes')
            ? Promise.reject(new TypeError('Failed to fetch'))
            : demoClient()
                .communities.get('xingfuli')
                .then(
                  (c) =>
                    new Response(JSON.stringify(c), {
                      headers: { 'content-type': 'application/json' },
                    }),
                ),
      }),
    ),
  play: async ({ canvasElement }) => send(await fill(canvasElement)),
};

/** Delivered: it appears after review; the wish code is shown once. */
export const Delivered: Story = {
  play: async ({ canvasElement }) => send(await fill(canvasElement)),
};

/** The community's details cannot be loaded. */
export const LoadFailure: Story = {
  render: (args) =>
    render(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
};

/** 关怀模式: 18px text, 30px headings, 60px targets. */
export const CareMode: Story = { args: { care: true } };

export const English: Story = { render: (args) => html`<div lang="en">${render(args)}</div>` };
