import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define/complaint-form.js';
import '../../src/define/provider.js';
import type { SqComplaintForm } from '../../src/features/complaints/elements/complaint-form/index.js';
import { demoCommunities } from '../../src/features/core/demo.js';
import { createClient, memoryOutboxStorage, type Client } from '../../src/sdk/index.js';
import type { OutboxStorage } from '../../src/sdk/outbox.js';

/** Each story gets its own in-memory demo data, so stories never leak state into each other. */
const demoClient = () => createClient({ embedded: { persistence: false } });

/**
 * An HTTP client whose network is a function: the demo communities are served, and
 * `POST /complaints` (and `/uploads`) get `answer()` — a never-settling promise shows
 * "sending", a rejection is a dead network.
 */
function wireClient(
  answer: () => Promise<Response>,
  outbox: boolean | OutboxStorage = false,
): Client {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  return createClient({
    baseUrl: 'https://api.example.test/api/v1',
    retry: { attempts: 1 },
    outbox: outbox === true ? memoryOutboxStorage() : outbox,
    fetch: (input) => {
      const path = new URL(String(input)).pathname;
      if (path.endsWith('/communities')) return Promise.resolve(json(demoCommunities));
      const one = /\/communities\/([\w-]+)$/.exec(path);
      if (one) return Promise.resolve(json(demoCommunities.find((c) => c.id === one[1])));
      return answer();
    },
  });
}
const problem = (code: string, status: number) =>
  new Response(JSON.stringify({ code, status, title: code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

interface Args {
  community?: string;
  category?: string;
  grid?: string;
  building?: string;
  unit?: string;
  care: boolean;
}

/** Stories start without a draft (a resident's earlier story would otherwise fill the form). */
const render = (args: Args, client = demoClient()) => {
  localStorage.removeItem(`sq-complaint-draft:${args.community ?? ''}`);
  return view(args, client);
};
const view = (args: Args, client: Client) =>
  html`<sq-provider .client=${client}>
    <sq-complaint-form
      community=${ifDefined(args.community)}
      category=${ifDefined(args.category)}
      grid=${ifDefined(args.grid)}
      building=${ifDefined(args.building)}
      unit=${ifDefined(args.unit)}
      ?care=${args.care}
    ></sq-complaint-form>
  </sq-provider>`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The form once its fields are in (they come with a chunk after the first render, later on a
 * busy machine): a play function that filled it after a fixed pause found no fields.
 */
async function ready(canvas: HTMLElement): Promise<SqComplaintForm> {
  for (const end = Date.now() + 10_000; Date.now() < end; await wait(50)) {
    const form = canvas.querySelector<SqComplaintForm>('sq-complaint-form');
    const category = form?.shadowRoot?.querySelector<HTMLSelectElement>('#category');
    if (form && category && category.options.length > 1) return form;
  }
  throw new Error('the complaint form did not load');
}

/** Fills the form as a resident would (values, then `input` events), optionally submits. */
async function fill(canvas: HTMLElement, { submit = true, anonymous = true } = {}) {
  const form = await ready(canvas);
  const root = form.shadowRoot!;
  const set = (id: string, value: string | boolean) => {
    const el = root.querySelector<HTMLInputElement>(`#${id}`)!;
    if (typeof value === 'boolean') el.checked = value;
    else el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  set('category', 'environment');
  await form.updateComplete;
  set('description', '3号楼楼下的垃圾桶已经满了三天，没人清理，气味很大。');
  await form.updateComplete;
  if (anonymous) set('anonymous', true);
  else {
    set('name', '张三丰');
    await form.updateComplete;
    set('phone', '13812345678');
  }
  await form.updateComplete;
  set('consent', true);
  await form.updateComplete;
  if (submit) root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

const meta = {
  title: 'Elements/Complaint form',
  tags: ['autodocs'],
  component: 'sq-complaint-form',
  args: { community: 'xingfuli', care: false },
  render: (args) => render(args),
  parameters: {
    docs: {
      description: {
        component:
          '居民说事: report a concern and get a ticket and query code. Stories run on the embedded client with the demo street (和平街道), or on a simulated network for the sending, offline and failure states.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Nothing entered yet. */
export const Empty: Story = {};

/** Opened from a building's QR code (说事二维码): community, place and category filled in. */
export const Prefilled: Story = {
  args: { grid: 'xfl-g1', building: 'xfl-g1-b2', unit: 'xfl-g1-b2-u3', category: 'property' },
};

/** Everything filled in, ready to submit. */
export const Filled: Story = {
  args: { grid: 'xfl-g1', building: 'xfl-g1-b2' },
  play: ({ canvasElement }) => fill(canvasElement, { submit: false, anonymous: false }),
};

/** A photo of a place, drawn on a canvas (stories have no files to hand). */
async function drawnPhoto(name: string, hue: number): Promise<File> {
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [640, 480];
  const g = canvas.getContext('2d')!;
  g.fillStyle = `hsl(${hue} 40% 70%)`;
  g.fillRect(0, 0, 640, 480);
  g.fillStyle = `hsl(${hue} 40% 35%)`;
  g.fillRect(160, 200, 320, 280);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

/** Two photos chosen: thumbnails with their file names and remove buttons, how many more fit. */
export const WithPhotos: Story = {
  args: { grid: 'xfl-g1', building: 'xfl-g1-b2' },
  play: async ({ canvasElement }) => {
    const form = await ready(canvasElement);
    const input = form.shadowRoot!.querySelector<HTMLInputElement>('#photos')!;
    const data = new DataTransfer();
    data.items.add(await drawnPhoto('楼下垃圾桶.png', 120));
    data.items.add(await drawnPhoto('IMG_20261205_083012.png', 30));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
  },
};

/** Submitted empty: the error summary with links, each field's error, focus on the first. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const form = await ready(canvasElement);
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};

/** Anonymous: the contact fields are gone. */
export const Anonymous: Story = {
  play: ({ canvasElement }) => fill(canvasElement, { submit: false }),
};

/** While the case is on its way (a server that does not answer yet). */
export const Sending: Story = {
  render: (args) =>
    render(
      args,
      wireClient(() => new Promise<Response>(() => undefined)),
    ),
  play: ({ canvasElement }) => fill(canvasElement),
};

/** No network: kept in the outbox, "已保存在这部手机上", sent when the network is back. */
export const SavedOffline: Story = {
  render: (args) =>
    render(
      args,
      wireClient(() => Promise.reject(new TypeError('Failed to fetch')), true),
    ),
  play: ({ canvasElement }) => fill(canvasElement),
};

/** Refused (too many reports from this network): why, and a retry with the same key. */
export const Failed: Story = {
  render: (args) =>
    render(
      args,
      wireClient(() => Promise.resolve(problem('rate_limited', 429))),
    ),
  play: ({ canvasElement }) => fill(canvasElement),
};

/**
 * A report saved offline in an earlier visit, which the server then refused: why, and a button
 * that deletes it (and the phone in it) from the outbox.
 */
export const Refused: Story = {
  render: (args) => {
    const storage = memoryOutboxStorage();
    void storage.put({
      key: 'story-refused',
      name: 'submitComplaint',
      input: { community: 'xingfuli', contact: { name: '张三丰', phone: '13812345678' } },
      createdAt: Date.now() - 3_600_000,
      attempts: 2,
      nextAttemptAt: Date.now(),
      state: 'failed',
      refusedAt: Date.now() - 60_000,
      error: { code: 'validation_failed', status: 400, message: 'invalid input' },
    });
    return render(
      args,
      wireClient(() => Promise.resolve(problem('not_found', 404)), storage),
    );
  },
};

/** Delivered: ticket, query code (shown once, with a copy button), the due date. */
export const Success: Story = {
  play: ({ canvasElement }) => fill(canvasElement),
};

/** The community cannot be loaded: an alert with a retry; the default catalogue stands in. */
export const LoadError: Story = {
  render: (args) =>
    render(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
};

/** 关怀模式: 18px text, 30px headings and figures, 60px targets. */
export const CareMode: Story = {
  args: { care: true, grid: 'xfl-g1' },
};

/** 关怀模式, submitted: the receipt's ticket and code at 30px. */
export const CareModeSuccess: Story = {
  args: { care: true },
  play: ({ canvasElement }) => fill(canvasElement),
};

export const English: Story = {
  args: { grid: 'xfl-g2', building: 'xfl-g2-b5' },
  render: (args) => html`<div lang="en">${render(args)}</div>`,
};

export const EnglishInvalid: Story = {
  render: (args) => html`<div lang="en">${render(args)}</div>`,
  play: Invalid.play,
};
