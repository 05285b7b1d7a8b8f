/**
 * The demo street's activity year (幸福里社区): the five festival activities on their lunar
 * dates, every year (元宵灯谜会, 端午包粽子, 重阳敬老宴, 中秋邻里节, 腊八施粥), and 太极拳 every
 * Wednesday except 法定节假日, with registrations made through the services (a seat, 代报名 for
 * an elder, one in line, one cancelled by code). The codes made on the way are thrown away.
 */
import { festivalDates, type FestivalId } from '../../domain/lunar.js';
import { addDays, shanghaiDate, systemClock, type Clock } from '../../domain/time.js';
import { parse } from '../../domain/validation.js';
import { createContext, type Actor } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import {
  activityInputSchema,
  registrationInputSchema,
  type ActivityInput,
  type RegistrationInput,
} from './model.js';
import { isoWeekday } from '../../domain/time.js';
import { cancelActivityRegistration, createActivity, registerForActivity } from './service.js';

const staff: Actor = {
  kind: 'staff',
  id: 'xingfuli-demo',
  name: '社区工作人员',
  role: 'staff',
  community: 'xingfuli',
};

const festival = (
  id: FestivalId,
  month: number,
  day: number,
  fields: Omit<ActivityInput, 'community' | 'date' | 'category'>,
) => ({ id, month, day, fields });

/** The festival activities: every year on the lunar date (lunar-yearly). */
export const demoFestivals = [
  festival('lantern', 1, 15, {
    title: '元宵灯谜会',
    description: '猜灯谜、煮元宵，欢迎全家一起来。',
    place: '幸福里社区党群服务中心广场',
    startTime: '18:30',
    endTime: '20:30',
    capacity: 0,
    registration: false,
  }),
  festival('dragon-boat', 5, 5, {
    title: '端午包粽子',
    description: '志愿者教包粽子，包好的粽子送给独居老人。',
    place: '幸福里社区活动室',
    organiser: '红飘带志愿服务队',
    startTime: '09:00',
    endTime: '11:00',
    capacity: 30,
    partyMax: 3,
  }),
  festival('double-ninth', 9, 9, {
    title: '重阳敬老宴',
    description: '为辖区 70 岁以上老人准备的长寿面和文艺演出；行动不便的老人可由家属代报名、陪同。',
    place: '幸福里社区食堂',
    organiser: '夕阳红志愿服务队',
    audience: '70 岁以上老人及陪同家属',
    startTime: '11:00',
    endTime: '13:00',
    capacity: 40,
    partyMax: 2,
  }),
  festival('mid-autumn', 8, 15, {
    title: '中秋邻里节',
    description: '赏月、做月饼、邻里百家宴，请自带一道家常菜。',
    place: '幸福里社区广场',
    organiser: '幸福里社区居委会',
    startTime: '19:00',
    endTime: '21:00',
    capacity: 60,
    partyMax: 4,
  }),
  festival('laba', 12, 8, {
    title: '腊八施粥',
    description: '一早熬好腊八粥，送给环卫工人和过往居民，自带碗筷更环保。',
    place: '幸福里社区东门',
    organiser: '党建红志愿服务队',
    startTime: '07:00',
    endTime: '09:00',
    capacity: 0,
    registration: false,
  }),
];

const resident = (n: number, extra: Partial<RegistrationInput> = {}) => ({
  name: ['王秀英', '李桂兰', '张建华', '刘淑芬', '陈国强'][n % 5]!,
  phone: `1380000${String(2000 + n)}`,
  consent: true as const,
  ...extra,
});

/** Seeds the activity year when 幸福里 has no activity; returns whether it did. */
export async function seedDemoActivities(
  store: Store,
  clock: Clock = systemClock,
): Promise<boolean> {
  if (!(await store.communities.get('xingfuli'))) return false;
  if ((await store.activities.listByCommunity('xingfuli')).length) return false;
  const desk = createContext(store, { clock, actor: staff });
  const today = shanghaiDate(clock.now());
  const year = Number(today.slice(0, 4));
  for (const f of demoFestivals) {
    // This year's date (腊八 may fall twice in a year, or only in the next January).
    const [date] = festivalDates(f.id, `${year}-01-01`, `${year + 1}-12-31`);
    if (!date) continue;
    await createActivity(
      desk,
      parse(activityInputSchema, {
        community: 'xingfuli',
        category: 'festival',
        date,
        recurrence: { rule: { kind: 'lunar-yearly', month: f.month, day: f.day } },
        publish: true,
        ...f.fields,
      }),
    );
  }
  // 周周有活动: 太极拳 every Wednesday morning, not on 法定节假日, from this week on.
  const wednesday = addDays(today, 3 - isoWeekday(today));
  const taichi = await createActivity(
    desk,
    parse(activityInputSchema, {
      community: 'xingfuli',
      title: '太极拳晨练',
      description: '老师带练二十四式太极拳，零基础可以参加。',
      category: 'culture',
      place: '幸福里社区广场',
      organiser: '夕阳红志愿服务队',
      date: wednesday,
      startTime: '07:30',
      endTime: '08:30',
      recurrence: { rule: { kind: 'weekly', weekdays: [3] }, skipHolidays: true },
      capacity: 2,
      partyMax: 2,
      publish: true,
    } satisfies ActivityInput),
  );
  // The next Wednesday that is a date of it: full (two seats), one in line, one cancelled.
  const next = addDays(wednesday, wednesday > today ? 0 : 7);
  const ctx = createContext(store, { clock });
  const register = (input: Partial<RegistrationInput>, n: number) =>
    registerForActivity(
      ctx,
      parse(registrationInputSchema, resident(n, { activity: taichi.id, date: next, ...input })),
    ).catch(() => undefined);
  await register({}, 1);
  await register({ forWhom: 'elder', elder: { name: '孙桂英', relation: '女儿' } }, 2);
  const waiting = await register({}, 3);
  await register({}, 4);
  if (waiting) await cancelActivityRegistration(ctx, { code: waiting.code });
  return true;
}
