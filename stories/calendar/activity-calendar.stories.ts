import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../../src/define/provider.js';
import '../../src/define/activity-calendar.js';
import type { SqActivityCalendar } from '../../src/features/calendar/elements/activity-calendar/index.js';
import { toLunar } from '../../src/domain/lunar.js';
import { addDays, shanghaiDate } from '../../src/domain/time.js';
import { ApiError, createClient, type Client } from '../../src/sdk/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';

interface Args {
  care: boolean;
  /** Absent: the page's language. */
  lang?: string;
  /** Absent: the agenda on a phone and in care mode, else the month. */
  view?: string;
  date: string;
}

/** The staff client of each story's street (publishes the activities its play shows). */
const staffOf = new WeakMap<Element, Client>();

/**
 * Each story its own in-memory street: the shipped 2025 and 2026 holiday schedules and the demo
 * street's activity year (元宵, 端午, 重阳, 中秋, 腊八 and 太极拳 every Wednesday).
 */
const render = (args: Args) => {
  const store = createMemoryStore();
  const staff = createClient({ embedded: { store, persistence: false, actor: 'xfl-admin' } });
  return html`<sq-provider
    .client=${createClient({ embedded: { store, persistence: false } })}
    ${ref((el) => el && staffOf.set(el, staff))}
    community="xingfuli"
    lang=${args.lang ?? nothing}
  >
    <sq-activity-calendar
      ?care=${args.care}
      view=${args.view ?? nothing}
      date=${args.date}
    ></sq-activity-calendar>
  </sq-provider>`;
};

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

/**
 * The default: the month on a wide screen, the agenda on a phone, with next month's activities
 * published by staff (the docs' picture).
 */
export const Default: Story = {
  play: async ({ canvasElement }) => void (await withActivities(canvasElement)),
};
/** 春节 2026 without activities. */
export const SpringFestival: Story = {};
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

// ---- Activities (published through the staff SDK by each story's play) ----

/** Next month (Beijing) and its days that are lunar 初一 or 十五. */
function nextMonth() {
  const today = shanghaiDate(new Date());
  const first = `${addDays(`${today.slice(0, 8)}28`, 7).slice(0, 8)}01`;
  const lunar: string[] = [];
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) {
    if ([1, 15].includes(toLunar(d).day)) lunar.push(d);
  }
  return { first, lunar };
}

async function calendarIn(canvas: HTMLElement) {
  for (let i = 0; i < 100; i++) {
    const el = canvas.querySelector('sq-activity-calendar');
    const provider = canvas.querySelector('sq-provider');
    if (el && provider && staffOf.get(provider) && el.shadowRoot) {
      return { el: el as SqActivityCalendar, staff: staffOf.get(provider)! };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no calendar');
}

async function until<T>(what: () => T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const found = what();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out');
}

/**
 * 初一十五 茶话会 (one seat, taken: 已满 可候补; its second date withdrawn with a reason) and
 * 义诊 every Tuesday (no limit), next month; the calendar shows that month.
 */
async function withActivities(canvas: HTMLElement) {
  const { el, staff } = await calendarIn(canvas);
  const { first, lunar } = nextMonth();
  const tea = await staff.calendar.create({
    community: 'xingfuli',
    title: '初一十五 邻里茶话会',
    description: '喝茶聊天，测血压。请自带水杯。',
    category: 'elderly',
    place: '幸福里社区党群服务中心',
    organiser: '幸福里社区居委会',
    audience: '适合老人',
    date: lunar[0]!,
    startTime: '09:00',
    endTime: '10:30',
    recurrence: { rule: { kind: 'lunar-monthly', days: [1, 15] } },
    capacity: 1,
    partyMax: 3,
    publish: true,
  });
  await staff.calendar.registerFor({
    activity: tea.id,
    date: lunar[0]!,
    name: '李桂兰',
    phone: '13800001111',
    consent: true,
  });
  if (lunar[1]) {
    await staff.calendar.act(tea.id, {
      action: 'cancel_occurrence',
      date: lunar[1],
      reason: '活动室维修，暂停一次',
    });
  }
  await staff.calendar.create({
    community: 'xingfuli',
    title: '社区义诊',
    category: 'health',
    place: '社区卫生服务站',
    organiser: '红飘带志愿服务队',
    date: first,
    startTime: '14:00',
    endTime: '16:00',
    recurrence: { rule: { kind: 'weekly', weekdays: [2] } },
    capacity: 0,
    partyMax: 2,
    publish: true,
  });
  el.date = lunar[0]!;
  el.refresh();
  // A phone's month grid shows each day's count only (no chips).
  await until(() => el.shadowRoot!.querySelector('[part=chip], [part~=activity], .more'));
  return { el, staff, tea, date: lunar[0]!, cancelled: lunar[1] };
}

/** Opens the activity on `date` from the chosen day. */
async function openOn(el: SqActivityCalendar, date: string) {
  el.shadowRoot!.querySelector<HTMLElement>(`[part~=day][data-date="${date}"]`)?.click();
  el.chosen = date;
  await el.updateComplete;
  const button = await until(() =>
    el.shadowRoot!.querySelector<HTMLElement>(
      '[part~=detail] [part~=activity], [part~=agenda-day] [part~=activity]',
    ),
  );
  button.click();
  await until(() => el.dialog.open && (el.activity || el.activityError));
  await el.updateComplete;
}

/** Next month with activities: chips with time, title and seats (余1位 / 已满 可候补 / 不限名额). */
export const WithActivities: Story = {
  args: { view: 'month' },
  play: async ({ canvasElement }) => void (await withActivities(canvasElement)),
};
/** The agenda of a month with activities: rows per day (time, title, place, kind, seats). */
export const AgendaWithActivities: Story = {
  args: { view: 'agenda' },
  play: async ({ canvasElement }) => void (await withActivities(canvasElement)),
};
/** A withdrawn date chosen: struck through, with the reason. */
export const CancelledOccurrence: Story = {
  args: { view: 'month' },
  play: async ({ canvasElement }) => {
    const { el, cancelled } = await withActivities(canvasElement);
    if (!cancelled) return;
    el.shadowRoot!.querySelector<HTMLElement>(`[part~=day][data-date="${cancelled}"]`)!.click();
    await el.updateComplete;
  },
};
/** The activity's dialog: its details and the registration form (the 义诊, no seat limit). */
export const DialogOpen: Story = {
  args: { view: 'agenda' },
  play: async ({ canvasElement }) => {
    const { el } = await withActivities(canvasElement);
    const button = await until(() =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=activity]')].find((b) =>
        b.textContent!.includes('义诊'),
      ),
    );
    button.click();
    await until(() => el.dialog.open && el.activity);
  },
};
/** A full date: the dialog says registering now joins the waitlist. */
export const DialogFull: Story = {
  args: { view: 'month' },
  play: async ({ canvasElement }) => {
    const { el, date } = await withActivities(canvasElement);
    await openOn(el, date);
  },
};
/** Registered on a full date: waitlisted at 1, the code shown once, copy and .ics. */
export const WaitlistedReceipt: Story = {
  args: { view: 'month' },
  play: async ({ canvasElement }) => {
    const { el, date } = await withActivities(canvasElement);
    await openOn(el, date);
    const root = el.shadowRoot!;
    for (const [id, value] of [
      ['name', '王秀英'],
      ['phone', '13800001234'],
    ] as const) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    root.querySelector<HTMLInputElement>('#consent')!.click();
    await el.updateComplete;
    root.querySelector<HTMLElement>('[part=submit]')!.click();
    await until(() => root.querySelector('[part=receipt]'));
  },
};
/** 我的报名: look a registration up by its code. */
export const MyRegistrations: Story = {
  args: { view: 'month' },
  play: async ({ canvasElement }) => {
    const { el } = await withActivities(canvasElement);
    el.shadowRoot!.querySelector<HTMLElement>('[part=mine]')!.click();
    await until(() => el.dialog.open && el.shadowRoot!.querySelector('#code'));
  },
};
/** 我的报名, found: a waitlisted registration looked up by its code, with 取消报名. */
export const MyRegistrationFound: Story = {
  args: { view: 'month' },
  play: async ({ canvasElement }) => {
    const { el, tea, date } = await withActivities(canvasElement);
    const { code } = await el.client.calendar.register({
      activity: tea.id,
      date,
      name: '王秀英',
      phone: '13800001234',
      consent: true,
    });
    el.shadowRoot!.querySelector<HTMLElement>('[part=mine]')!.click();
    const input = await until(() => el.dialog.open && el.shadowRoot!.querySelector('#code'));
    (input as HTMLInputElement).value = code;
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog form button')!.click();
    await until(() => el.shadowRoot!.querySelector('[part=result]'));
  },
};
/** The activities did not load: the calendar stays, with 重试. */
export const LoadFailed: Story = {
  args: { view: 'month' },
  play: async ({ canvasElement }) => {
    const { el } = await calendarIn(canvasElement);
    const client = el.client;
    client.calendar.month = () => Promise.reject(new ApiError('network', 'offline'));
    el.refresh();
    await until(() => el.shadowRoot!.querySelector('[part=load-error]'));
  },
};
/** 关怀模式 with activities: the agenda, 18px text, 60px targets. */
export const CareModeActivities: Story = {
  args: { care: true },
  play: async ({ canvasElement }) => void (await withActivities(canvasElement)),
};
/** 关怀模式 with the dialog open. */
export const CareModeDialog: Story = {
  args: { care: true },
  play: async ({ canvasElement }) => {
    const { el, date } = await withActivities(canvasElement);
    await openOn(el, date);
  },
};
/** English, with activities. */
export const EnglishActivities: Story = {
  args: { lang: 'en', view: 'month' },
  play: async ({ canvasElement }) => void (await withActivities(canvasElement)),
};
