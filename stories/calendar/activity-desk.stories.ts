import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/define/provider.js';
import '../../src/define/activity-desk.js';
import type { SqActivityDesk } from '../../src/features/calendar/elements/activity-desk/index.js';
import type { ActivityInput } from '../../src/features/calendar/model.js';
import { addDays, shanghaiDate } from '../../src/domain/time.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  /** Absent: the page's language. */
  lang?: string;
}

const today = () => shanghaiDate(new Date());
const base = (days: number): Omit<ActivityInput, 'title' | 'category' | 'place'> => ({
  community: 'xingfuli',
  date: addDays(today(), days),
  startTime: '19:00',
  endTime: '21:00',
  publish: true,
});

/** A few of 幸福里's activities: weekly, lunar, a draft, a cancelled one; two registrations. */
async function seed(client: Client) {
  const choir = await client.calendar.create({
    ...base(1),
    title: '老年合唱团排练',
    category: 'culture',
    place: '党群服务中心三楼活动室',
    organiser: '夕阳红合唱团',
    capacity: 2,
    recurrence: { rule: { kind: 'weekly', weekdays: [3] }, skipHolidays: true },
  });
  await client.calendar.create({
    ...base(0),
    title: '初一十五 义诊',
    category: 'health',
    place: '社区卫生服务站',
    startTime: '08:30',
    endTime: '11:30',
    recurrence: { rule: { kind: 'lunar-monthly', days: [1, 15] } },
  });
  await client.calendar.create({
    ...base(10),
    title: '重阳敬老宴（草稿）',
    category: 'elderly',
    place: '社区食堂',
    publish: false,
  });
  const cancelled = await client.calendar.create({
    ...base(3),
    title: '亲子手工课',
    category: 'family',
    place: '儿童之家',
  });
  await client.calendar.act(cancelled.id, { action: 'cancel', reason: '老师生病，下月补上' });
  const next = (await client.calendar.activity(choir.id)).next[0]!;
  const register = (name: string, phone: string) =>
    client.calendar.register({ activity: choir.id, date: next, name, phone, consent: true });
  await register('王秀英', '13800000001');
  await register('李桂兰', '13800000002');
  await register('张建国', '13800000003');
  return { choir };
}

async function desk(args: Args, setup: 'seed' | 'empty' = 'seed') {
  const store = createMemoryStore();
  const client = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  await client.communities.get('xingfuli');
  if (setup === 'seed') await seed(client);
  return html`<sq-provider .client=${client} lang=${args.lang ?? nothing}>
    <sq-activity-desk community="xingfuli" ?care=${args.care}></sq-activity-desk>
  </sq-provider>`;
}

/** The desk in the story, once its list is in. */
async function ready(canvas: HTMLElement): Promise<SqActivityDesk> {
  for (let i = 0; i < 100; i++) {
    const el = canvas.querySelector('sq-activity-desk');
    if (el?.later && el.activities) return el;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the desk did not load');
}

function type(desk: SqActivityDesk, id: string, value: string) {
  const el = desk.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
  el.value = value;
  el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

const meta = {
  title: 'Elements/Activity desk',
  tags: ['autodocs'],
  component: 'sq-activity-desk',
  args: { care: false },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: (args) => html`${until(desk(args), html`<p>…</p>`)}` as TemplateResult,
  parameters: {
    docs: {
      description: {
        component:
          'Staff: the community’s activities by status with next dates and seats; create and edit with the recurrence editor (weekly, monthly, yearly, 农历) and a live preview; publish, cancel, call off one date; an occurrence’s registrations with the waitlist, 签到, 代报名 and CSV. The embedded client acts as 幸福里’s admin.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The list: published, lunar, draft and cancelled activities with next dates and seats. */
export const List: Story = {};
/** No activities yet. */
export const Empty: Story = {
  render: (args) => html`${until(desk(args, 'empty'), html`<p>…</p>`)}` as TemplateResult,
};
/** The form after 存为草稿 with required fields empty: each error says what to do. */
export const FormWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await el.go('form');
    type(el, 'title', '');
    type(el, 'capacity', '十');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=form] button:not([type])')!.click();
  },
};
/** 每月初一、十五: the preview with its 农历 dates. */
export const LunarPreview: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await el.go('form');
    type(el, 'title', '初一十五 义诊');
    type(el, 'repeat', 'lunar-monthly');
    await el.updateComplete;
    for (const day of ['1', '15']) {
      el.shadowRoot!.querySelector<HTMLInputElement>(
        `input[name=lunarDays][value="${day}"]`,
      )!.click();
    }
    await el.updateComplete;
    el.shadowRoot!.querySelector('[part=preview]')!.scrollIntoView();
  },
};
/** The choir's next rehearsal: two seats taken, one waiting. */
export const RegistrationsWithWaitlist: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const choir = el.activities!.find((a) => a.title === '老年合唱团排练')!;
    await el.go('registrations', choir);
  },
};
/** 关怀模式. */
export const CareMode: Story = { args: { care: true } };
/** English. */
export const English: Story = { args: { lang: 'en' } };
/** Without an actor the embedded client cannot sign in: the desk says so. */
export const NoSignIn: Story = {
  render: (args) =>
    html`<sq-provider
      .client=${createClient({ embedded: { persistence: false } })}
      lang=${args.lang ?? nothing}
    >
      <sq-activity-desk community="xingfuli"></sq-activity-desk>
    </sq-provider>`,
};
