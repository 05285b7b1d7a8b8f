import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../../src/define/provider.js';
import '../../src/define/activity-calendar.js';
import { createClient } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  /** Absent: the page's language. */
  lang?: string;
  /** Absent: the agenda on a phone and in care mode, else the month. */
  view?: string;
  date: string;
}

/** Each story its own in-memory street: the shipped 2025 and 2026 holiday schedules. */
const render = (args: Args) =>
  html`<sq-provider
    .client=${createClient({ embedded: { store: createMemoryStore(), persistence: false } })}
    community="xingfuli"
    lang=${args.lang ?? nothing}
  >
    <sq-activity-calendar
      ?care=${args.care}
      view=${args.view ?? nothing}
      date=${args.date}
    ></sq-activity-calendar>
  </sq-provider>`;

const meta = {
  title: 'Elements/Activity calendar',
  component: 'sq-activity-calendar',
  tags: ['autodocs'],
  args: { care: false, date: '2026-02-17' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    view: { control: 'inline-radio', options: ['month', 'week', 'agenda'] },
  },
  render,
  parameters: {
    docs: {
      description: {
        component:
          '社区活动日历: month (Monday first), week and agenda views; each day its 农历 day (初一 shows the month), 节气, festivals and 休/班 from the holiday schedules. The agenda is the default on a phone and in care mode. Stories run on the embedded client.',
      },
    },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The default: the month on a wide screen, the agenda on a phone (春节 2026). */
export const Default: Story = {};
/** February 2026 as a month: 春节 and its nine days off, 班 on 2-14 and 2-28. */
export const Month: Story = { args: { view: 'month' } };
/** The week of 春节. */
export const Week: Story = { args: { view: 'week' } };
/** The month's festivals, 节气 and 休/班 as a list. */
export const Agenda: Story = { args: { view: 'agenda' } };
/** A leap month (闰六月 2025) begins on 7-25. */
export const LeapMonth: Story = { args: { view: 'month', date: '2025-07-25' } };
/** 2027: no schedule yet, so no 休/班 and a notice. */
export const NoSchedule: Story = { args: { view: 'month', date: '2027-01-01' } };
/** 关怀模式: the agenda, 18px text, 60px targets. */
export const CareMode: Story = { args: { care: true } };
/** 关怀模式 with the month chosen. */
export const CareModeMonth: Story = { args: { care: true, view: 'month' } };
/** English. */
export const English: Story = { args: { lang: 'en', view: 'month' } };
/** English agenda. */
export const EnglishAgenda: Story = { args: { lang: 'en', view: 'agenda' } };
