import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/wish-tracker.js';
import type { SqWishTracker } from '../../src/features/wishes/elements/wish-tracker/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
}

type Stage = 'pending' | 'open' | 'claimed' | 'fulfilled' | 'thanked' | 'rejected' | 'withdrawn';

/** Which code opens which story's wish: kept in memory, as the element keeps it. */
const codes = new WeakMap<Element, string>();

/** A fresh street in memory: a wisher posts a wish and it is taken to `stage`. */
async function scenario(stage: Stage) {
  const store = createMemoryStore();
  const resident = createClient({ embedded: { store, persistence: false } });
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  const delivery = await resident.wishes.post({
    community: 'xingfuli',
    grid: 'xfl-g1',
    category: 'daily',
    title: '想要一台收音机',
    story: '老伴走后一个人住，晚上想听听戏曲和新闻，家里的收音机坏了。',
    wisherName: '王秀英',
    alias: '王奶奶',
    phone: '13800000001',
    value: 80,
    consent: true,
    publishConsent: true,
  });
  if (delivery.state !== 'delivered') throw new Error('not delivered');
  const { id, code } = delivery.value;
  if (stage === 'rejected') {
    await staff.wishes.act(id, {
      action: 'reject',
      reason: '同一心愿已由区民政局“暖心包”项目解决，社区会上门说明。',
    });
  } else if (stage !== 'pending') {
    await staff.wishes.act(id, { action: 'approve' });
  }
  if (stage === 'withdrawn') await resident.wishes.withdraw(code);
  if (['claimed', 'fulfilled', 'thanked'].includes(stage)) {
    await resident.wishes.claim(id, {
      claimerType: 'party_member',
      name: '李建国',
      phone: '13912345678',
      consent: true,
    });
  }
  if (stage === 'fulfilled' || stage === 'thanked') {
    await staff.wishes.act(id, {
      action: 'fulfil',
      note: '李建国同志送去一台新收音机，调好了戏曲台，并教会王奶奶使用。',
    });
  }
  if (stage === 'thanked') {
    await resident.wishes.thank({ code, message: '谢谢李书记，收音机很好用，天天听！' });
  }
  return { resident, code };
}

const tracker = (args: Args, client: Client, code?: string) =>
  html`<sq-provider
    .client=${client}
    ${ref((el) => {
      if (el && code) codes.set(el, code);
    })}
  >
    <sq-wish-tracker ?care=${args.care}></sq-wish-tracker>
  </sq-provider>`;

const withWish = (stage: Stage) => (args: Args) =>
  html`${until(
    scenario(stage).then(({ resident, code }) => tracker(args, resident, code)),
    html`<p>…</p>`,
  )}` as TemplateResult;

async function found(canvas: HTMLElement): Promise<SqWishTracker> {
  for (let i = 0; i < 200; i++) {
    const el = canvas.querySelector('sq-wish-tracker');
    if (el?.shadowRoot?.querySelector('form')) return el;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no tracker');
}

/** Types `code` (or the story's own) and presses 查询. */
async function lookUp(canvas: HTMLElement, code?: string) {
  const el = await found(canvas);
  const root = el.shadowRoot!;
  const provider = el.closest('sq-provider');
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
  (extra?: (el: SqWishTracker) => Promise<void> | void) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = await lookUp(canvasElement);
    await extra?.(el);
  };

const click = async (el: SqWishTracker, selector: string) => {
  el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!.click();
  await el.updateComplete;
};

const meta = {
  title: 'Elements/Wish tracker',
  tags: ['autodocs'],
  component: 'sq-wish-tracker',
  args: { care: false },
  render: (args) => tracker(args, createClient({ embedded: { persistence: false } })),
  parameters: {
    docs: {
      description: {
        component:
          '心愿进展: the wisher types the 心愿码 → status, rejection reason, claimer thanks name, fulfilment note; then 感谢 or 撤回. Stories run on the embedded client: each makes its own wish in memory.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Nothing typed yet. */
export const Empty: Story = {};

/** 查询 with nothing typed: the message under the field, focus on it. */
export const MissingCode: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement);
    await click(el, 'form button');
  },
};

/** A code of the wrong shape: checked before anything is sent. */
export const BadFormat: Story = {
  play: async ({ canvasElement }) => {
    await lookUp(canvasElement, 'AB1');
  },
};

/** No wish with this code: one message, focus back on the field. */
export const NotFound: Story = {
  render: withWish('pending'),
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
    await found(canvasElement).then((el) => {
      el.shadowRoot!.querySelector<HTMLInputElement>('#code')!.value = 'K7MW-3QXP';
      el.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    });
  },
};

/** No network: the reason and a retry button; the code typed stays. */
export const NetworkFailure: Story = {
  render: (args) =>
    tracker(
      args,
      createClient({ baseUrl: 'http://127.0.0.1:9/api/v1', retry: { attempts: 1 }, outbox: false }),
    ),
  play: async ({ canvasElement }) => {
    await lookUp(canvasElement, 'K7MW-3QXP');
  },
};

/** 待核实: just posted; can still be withdrawn. */
export const PendingReview: Story = { render: withWish('pending'), play: play() };

/** 待认领: on the wall. */
export const Open: Story = { render: withWish('open'), play: play() };

/** 撤回 pressed: the confirm step. */
export const WithdrawConfirm: Story = {
  render: withWish('open'),
  play: play((el) => click(el, '#withdraw')),
};

/** Just withdrawn. */
export const WithdrawnNow: Story = {
  render: withWish('open'),
  play: play(async (el) => {
    await click(el, '#withdraw');
    await click(el, '[part=withdraw] .primary');
  }),
};

/** 已撤回, seen later. */
export const Withdrawn: Story = { render: withWish('withdrawn'), play: play() };

/** 已驳回 with its reason (the wisher only). */
export const Rejected: Story = { render: withWish('rejected'), play: play() };

/** 已认领: the claimer's public thanks name. */
export const Claimed: Story = { render: withWish('claimed'), play: play() };

/** 已完成: the fulfilment note and the thanks form. */
export const Fulfilled: Story = { render: withWish('fulfilled'), play: play() };

/** Just thanked. */
export const ThankedNow: Story = {
  render: withWish('fulfilled'),
  play: play(async (el) => {
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#thanks')!.value = '谢谢李书记！';
    await click(el, '[part=thanks] button');
  }),
};

/** 已评价, seen later: the thanks given. */
export const Thanked: Story = { render: withWish('thanked'), play: play() };

/** 关怀模式: 18px text, 30px key figures, 60px targets. */
export const CareMode: Story = {
  args: { care: true },
  render: withWish('fulfilled'),
  play: play(),
};

export const English: Story = {
  render: (args) => html`<div lang="en">${withWish('fulfilled')(args)}</div>`,
  play: play(),
};
