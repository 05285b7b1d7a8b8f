import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/redblack-score-sheet.js';
import type { SqRedblackScoreSheet } from '../../src/features/redblack/elements/score-sheet/index.js';
import { createClient } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  /** Absent: the page's language. */
  lang?: string;
}

/** A staff client on the demo street in memory (this quarter's scores seeded on the first call). */
const staff = () =>
  createClient({ embedded: { store: createMemoryStore(), persistence: false, actor: 'xfl-grid' } });

const render = (args: Args) =>
  html`${until(
    Promise.resolve(staff()).then(
      (client) =>
        html`<sq-provider .client=${client} community="xingfuli" lang=${args.lang ?? nothing}>
          <sq-redblack-score-sheet ?care=${args.care}></sq-redblack-score-sheet>
        </sq-provider>`,
    ),
    html`<p>…</p>`,
  )}` as TemplateResult;

async function found(canvas: HTMLElement, selector: string): Promise<SqRedblackScoreSheet> {
  for (let i = 0; i < 300; i++) {
    const el = canvas.querySelector('sq-redblack-score-sheet');
    if (el?.shadowRoot?.querySelector(selector)) return el;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${selector}`);
}

const meta = {
  title: 'Elements/Redblack score sheet',
  component: 'sq-redblack-score-sheet',
  tags: ['autodocs'],
  args: { care: false },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render,
  // Every story waits for the sheet (the screenshots too).
  play: async ({ canvasElement }) => {
    await found(canvasElement, '[part=ranking]');
  },
  parameters: {
    docs: {
      description: {
        component:
          '和谐楼道 scores (staff): each building of the community scored per period on the rubric (0–10 per item, halves allowed), saved building by building; the ranking shares ranks on ties and suggests red candidates (top N) and black candidates (average under the threshold) by text and icon. Stories run on the embedded client as a staff member, with the demo street’s quarter of scores.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** This quarter: six of seven buildings scored, a tie for second, 5号楼 a black candidate. */
export const Sheet: Story = {};
/** 7号楼 saved with mistakes: every field says what to do. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await found(canvasElement, '[data-building=xfl-g2-b7] [part=save]');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#s-xfl-g2-b7-sanitation')!;
    input.value = '11';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>(
      '[data-building=xfl-g2-b7] [part=save]',
    )!.click();
    await found(canvasElement, '#s-xfl-g2-b7-sanitation-error');
  },
};
/** 关怀模式: 18px text, 60px targets. */
export const CareMode: Story = { args: { care: true } };
/** English. */
export const English: Story = { args: { lang: 'en' } };
