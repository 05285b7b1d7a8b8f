import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/redblack-board.js';
import type { SqRedblackBoard } from '../../src/features/redblack/elements/redblack-board/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  kiosk: boolean;
  poster: boolean;
  list: 'red' | 'black';
  /** Absent: the page's language. */
  lang?: string;
}

/**
 * The demo street's board in memory (the embedded transport seeds it on the first call), and
 * an archived quarter and a withdrawal written by two staff members, so every state shows.
 */
async function street(): Promise<Client> {
  const store = createMemoryStore();
  const client = createClient({ embedded: { store, persistence: false } });
  await client.redblack.board('xingfuli');
  const author = createClient({ embedded: { store, persistence: false, actor: 'xfl-grid' } });
  const reviewer = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  const now = new Date(Date.now() + 8 * 3_600_000);
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const year = now.getUTCFullYear();
  const past = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  const write = async (input: Parameters<Client['redblack']['create']>[0]) => {
    const entry = await author.redblack.create(input);
    await author.redblack.act(entry.id, { action: 'submit' });
    await reviewer.redblack.act(entry.id, { action: 'publish' });
    return entry;
  };
  await write({
    community: 'xingfuli',
    list: 'red',
    period: past,
    category: 'mutual-aid',
    subject: { kind: 'building', grid: 'xfl-g1', building: 'xfl-g1-b2' },
    reason: '2号楼邻居们轮流照顾独居老人，每天上门问候。',
  });
  const wrong = await write({
    community: 'xingfuli',
    list: 'black',
    period: `${year}-Q${q}`,
    category: 'sanitation',
    subject: { kind: 'area', name: '东门广场' },
    reason: '东门广场垃圾桶满溢，无人清理。',
  });
  await reviewer.redblack.act(wrong.id, { action: 'withdraw', note: '核实有误，予以撤销' });
  return client;
}

const board = (args: Args, client: Client) =>
  html`<sq-provider .client=${client} community="xingfuli" lang=${args.lang ?? nothing}>
    <sq-redblack-board
      ?care=${args.care}
      ?kiosk=${args.kiosk}
      ?poster=${args.poster}
      list=${args.list}
    ></sq-redblack-board>
  </sq-provider>`;

const render = (args: Args) =>
  html`${until(
    street().then((client) => board(args, client)),
    html`<p>…</p>`,
  )}` as TemplateResult;

async function found(canvas: HTMLElement, selector: string): Promise<SqRedblackBoard> {
  for (let i = 0; i < 300; i++) {
    const el = canvas.querySelector('sq-redblack-board');
    if (el?.shadowRoot?.querySelector(selector)) return el;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${selector}`);
}

const meta = {
  title: 'Elements/Redblack board',
  component: 'sq-redblack-board',
  tags: ['autodocs'],
  args: { care: false, kiosk: false, poster: false, list: 'red' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    list: { control: 'inline-radio', options: ['red', 'black'] },
  },
  render,
  parameters: {
    docs: {
      description: {
        component:
          '红黑榜: 红榜 / 黑榜 per period, the archive, the public change log; a black entry’s responsible party appeals (申诉) and checks the answer by code; `kiosk` for the service centre’s screen (pages turn on a timer, never in care mode), `poster` for the A4 notice board. Stories run on the embedded client with the demo street’s board in memory.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** 红榜 now: a building, a person with consent (masked). */
export const RedList: Story = {};
/** 黑榜 now: a unit put right (已整改), a shop still 待整改; the change log's withdrawal. */
export const BlackList: Story = { args: { list: 'black' } };
/** An archived quarter (已归档). */
export const Archive: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement, '#period option:nth-child(3)');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#period')!;
    select.value = select.options[select.options.length - 1]!.value;
    select.dispatchEvent(new Event('change'));
    await found(canvasElement, '[data-status=archived]');
  },
};

/** Opens the appeal of the unit put right. */
const toAppeal = async (canvasElement: HTMLElement) => {
  const el = await found(canvasElement, '[data-appeal]');
  const card = [...el.shadowRoot!.querySelectorAll('[part=entry]')].find(
    (c) => c.querySelector('h4')!.textContent === '5号楼1单元',
  )!;
  card.querySelector<HTMLButtonElement>('[data-appeal]')!.click();
  return found(canvasElement, '#role');
};

/** The appeal (申诉): role, contact, private phone, reason, the privacy notice, consent unticked. */
export const Appeal: Story = {
  args: { list: 'black' },
  play: async ({ canvasElement }) => {
    await toAppeal(canvasElement);
  },
};
/** The appeal sent with nothing filled in: every error says what to do. */
export const AppealErrors: Story = {
  args: { list: 'black' },
  play: async ({ canvasElement }) => {
    const el = await toAppeal(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await found(canvasElement, '[part=error-summary]');
  },
};
/** Sent: the query code, shown once, and the date the community answers by. */
export const AppealReceipt: Story = {
  args: { list: 'black' },
  play: async ({ canvasElement }) => {
    const el = await toAppeal(canvasElement);
    const fill = (id: string, value: string) => {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    fill('role', '楼栋长');
    fill('phone', '13800001234');
    fill('reason', '纸箱已经全部清走，消防通道畅通，请复核。');
    el.shadowRoot!.querySelector<HTMLInputElement>('#consent')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await found(canvasElement, '[part=receipt]');
  },
};
/** 查询申诉结果: the look-up by code (typed in, never in a URL). */
export const AppealLookup: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement, '#lookup');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#lookup')!.click();
    await found(canvasElement, '#code-input');
  },
};
/** 查我家楼栋: a building's 和谐楼道 scores — items, total, rank of the buildings scored. */
export const BuildingScores: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement, '#scores-open');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#scores-open')!.click();
    await found(canvasElement, '#score-building option[value="xfl-g1-b2"]');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#score-building')!;
    select.value = 'xfl-g1-b2';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await found(canvasElement, '[part=scores]');
  },
};
/** 党群服务中心's screen: large type, one page at a time, pages turn on a timer (pause button). */
export const Kiosk: Story = { args: { kiosk: true } };
/** The A4 poster for the notice board: both lists and the change log, nothing to press. */
export const Poster: Story = { args: { poster: true } };
/** 关怀模式: 18px text, 60px targets; no timer even in kiosk mode. */
export const CareMode: Story = { args: { care: true } };
/** 关怀模式, the black list. */
export const CareModeBlack: Story = { args: { care: true, list: 'black' } };
/** English. */
export const English: Story = { args: { lang: 'en' } };
/** English, the black list. */
export const EnglishBlack: Story = { args: { lang: 'en', list: 'black' } };
