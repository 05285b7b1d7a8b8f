import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/redblack-editor.js';
import type {
  EditorTab,
  SqRedblackEditor,
} from '../../src/features/redblack/elements/redblack-editor/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  tab: EditorTab;
  /** Whose editor: the grid worker who writes entries, or the admin who reviews them. */
  as: 'author' | 'reviewer';
  /** Absent: the page's language. */
  lang?: string;
}

const quarter = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
};

/**
 * The demo street's 红黑榜 in memory (seeded on the first call: a pending appeal, an entry
 * waiting for review) plus, written by 幸福里's grid worker: a draft, a draft returned by the
 * admin with a note, an entry waiting for review, and a black entry published by the admin.
 */
async function street(as: Args['as']): Promise<Client> {
  const store = createMemoryStore();
  const author = createClient({ embedded: { store, persistence: false, actor: 'xfl-grid' } });
  const reviewer = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  const period = quarter();
  const write = (input: Omit<Parameters<Client['redblack']['create']>[0], 'community'>) =>
    author.redblack.create({ community: 'xingfuli', ...input });
  await write({
    list: 'red',
    period,
    category: 'filial',
    subject: {
      kind: 'person',
      name: '赵桂芳',
      consent: { obtainedOn: '2026-11-20', fullName: false, note: '本人签署书面同意书' },
    },
    reason: '十年如一日照顾瘫痪在床的婆婆，邻里称赞。',
  });
  const returned = await write({
    list: 'red',
    period,
    category: 'mutual-aid',
    subject: { kind: 'unit', grid: 'xfl-g1', building: 'xfl-g1-b1', unit: 'xfl-g1-b1-u2' },
    reason: '单元居民自发组织为独居老人送餐。',
  });
  await author.redblack.act(returned.id, { action: 'submit' });
  await reviewer.redblack.act(returned.id, {
    action: 'return',
    note: '请写明送餐持续了多久、惠及几位老人。',
  });
  const waiting = await write({
    list: 'black',
    period,
    category: 'waste-sorting',
    subject: { kind: 'area', name: '3号楼垃圾投放点' },
    reason: '垃圾投放点混投严重，厨余垃圾散落地面。',
  });
  await author.redblack.act(waiting.id, { action: 'submit' });
  const published = await write({
    list: 'black',
    period,
    category: 'dogs',
    subject: { kind: 'building', grid: 'xfl-g2', building: 'xfl-g2-b4' },
    reason: '楼道内多次发现犬只粪便未清理。',
  });
  await author.redblack.act(published.id, { action: 'submit' });
  await reviewer.redblack.act(published.id, { action: 'publish' });
  return as === 'author' ? author : reviewer;
}

async function editor(args: Args) {
  const client = await street(args.as);
  return html`<sq-provider .client=${client} lang=${args.lang ?? nothing} community="xingfuli">
    <sq-redblack-editor ?care=${args.care} tab=${args.tab}></sq-redblack-editor>
  </sq-provider>`;
}

/** The editor once its tab shows its data. */
async function ready(canvas: HTMLElement): Promise<SqRedblackEditor> {
  for (let i = 0; i < 200; i++) {
    const el = canvas.querySelector('sq-redblack-editor');
    if (el?.entries && el.later) {
      await el.updateComplete;
      return el;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the editor did not load');
}

const press = async (el: SqRedblackEditor, selector: string) => {
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 50));
};

const meta = {
  title: 'Elements/Redblack editor',
  tags: ['autodocs'],
  component: 'sq-redblack-editor',
  args: { care: false, tab: 'drafts', as: 'author' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    tab: {
      control: 'inline-radio',
      options: ['drafts', 'review', 'published', 'appeals', 'scores'],
    },
    as: { control: 'inline-radio', options: ['author', 'reviewer'] },
  },
  render: (args) => html`${until(editor(args), html`<p>…</p>`)}` as TemplateResult,
  parameters: {
    docs: {
      description: {
        component:
          'Staff: write 红黑榜 entries (the black list names places only; a person on the red list needs their recorded consent), review others’ entries with a per-photo check, 已整改/renew/withdraw published ones with the period’s counts, decide appeals. The embedded client acts as 幸福里’s grid worker (author) or admin (reviewer).',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The author's drafts: one to finish, one returned by the reviewer with a note; one waits for review. */
export const Drafts: Story = {};
/** A new entry: red list, this quarter, the rubric's red categories. */
export const NewEntry: Story = {
  play: async ({ canvasElement }) => press(await ready(canvasElement), '#new-entry'),
};
/** A red entry about a person: the consent record (who recorded it, when, full name or masked). */
export const PersonConsent: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await press(el, '#new-entry');
    const kind = el.shadowRoot!.querySelector<HTMLSelectElement>('#kind')!;
    kind.value = 'person';
    kind.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  },
};
/** The black list: only places and organisations are offered, and only black categories. */
export const BlackEntry: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await press(el, '#new-entry');
    await press(el, '#list-black');
  },
};
/** Saved empty: every field says what to do, with a summary that links to them. */
export const FormErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await press(el, '#new-entry');
    await press(el, '[part=form] button.primary');
  },
};
/** The reviewer's queue: entries written by others, to publish or return. */
export const Review: Story = { args: { as: 'reviewer', tab: 'review' } };
/** Publishing: the per-photo check (no faces, no number plates, no door numbers). */
export const PublishChecklist: Story = {
  args: { as: 'reviewer', tab: 'review' },
  play: async ({ canvasElement }) => press(await ready(canvasElement), '[data-publish]'),
};
/** The author's own entry in the queue: it needs another reviewer (no button that would fail). */
export const OwnEntryInReview: Story = { args: { tab: 'review' } };
/** Published entries of the period with their counts; a black one can be 已整改, renewed or withdrawn. */
export const Published: Story = { args: { as: 'reviewer', tab: 'published' } };
/** Withdrawing asks once more, showing the public note. */
export const ConfirmWithdraw: Story = {
  args: { as: 'reviewer', tab: 'published' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await press(el, '[data-open^="withdraw:"]');
    const note = el.shadowRoot!.querySelector<HTMLInputElement>('[part=item] form input')!;
    note.value = '经核实，犬只已由主人带离，撤销。';
    note.form!.requestSubmit();
  },
};
/** 更正: a published entry's form, prefilled; list and period stay; a required public note. */
export const Correct: Story = {
  args: { as: 'reviewer', tab: 'published' },
  play: async ({ canvasElement }) => press(await ready(canvasElement), '[data-open^="correct:"]'),
};
/** 更正 sent without its public note: the message at the field and in the summary. */
export const CorrectNoteRequired: Story = {
  args: { as: 'reviewer', tab: 'published' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await press(el, '[data-open^="correct:"]');
    await press(el, '[part=form] > .bar > .primary');
  },
};
/** 更正 asks once more: it is shown in public in the board's change log, with the note. */
export const ConfirmCorrection: Story = {
  args: { as: 'reviewer', tab: 'published' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await press(el, '[data-open^="correct:"]');
    const note = el.shadowRoot!.querySelector<HTMLInputElement>('#note')!;
    note.value = '上榜理由中的楼栋写错，已更正。';
    note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await press(el, '[part=form] > .bar > .primary');
  },
};
/** Pending appeals with their working-day deadline: uphold (经复核撤销), uphold by correcting the reason, or dismiss. */
export const Appeals: Story = { args: { as: 'reviewer', tab: 'appeals' } };
/** 申诉成立，更正理由: the correction form with only the reason and the public note, the appeal's reason above. */
export const AppealCorrectReason: Story = {
  args: { as: 'reviewer', tab: 'appeals' },
  play: async ({ canvasElement }) => press(await ready(canvasElement), '[data-correct]'),
};
/** 和谐楼道评分: the score sheet as a tab, on the editor's session (no second sign-in). */
export const Scores: Story = { args: { tab: 'scores' } };
/** 关怀模式. */
export const CareMode: Story = { args: { care: true } };
/** English. */
export const English: Story = { args: { lang: 'en', as: 'reviewer', tab: 'published' } };
/** Without an actor the embedded client cannot sign in: the editor says so. */
export const NoSignIn: Story = {
  render: (args) =>
    html`<sq-provider
      .client=${createClient({ embedded: { persistence: false } })}
      lang=${args.lang ?? nothing}
      community="xingfuli"
    >
      <sq-redblack-editor></sq-redblack-editor>
    </sq-provider>`,
};
