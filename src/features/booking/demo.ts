/**
 * The demo street's volunteer services (幸福里社区) with bookings in several statuses: made
 * through the services, so every rule (slots, seats, codes, the waitlist) holds exactly as for
 * real bookings. The codes made on the way are thrown away.
 */
import { addDays, shanghaiDate, systemClock, type Clock } from '../../domain/time.js';
import { createContext, type Actor } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import { parse } from '../../domain/validation.js';
import {
  bookingInputSchema,
  bookingServiceInputSchema,
  type BookingInput,
  type BookingServiceInput,
} from './model.js';
import { dayPlan } from './rules.js';
import {
  actOnBooking,
  bookSlot,
  cancelBooking,
  createBookingService,
  recordSlotVolunteers,
} from './service.js';

const staff: Actor = {
  kind: 'staff',
  id: 'xingfuli-demo',
  name: '社区工作人员',
  role: 'staff',
  community: 'xingfuli',
};

const station = { kind: 'station', address: '幸福里社区党群服务中心一楼' } as const;

export const demoServices: BookingServiceInput[] = [
  {
    community: 'xingfuli',
    name: '义诊',
    nameEn: 'Free clinic',
    team: '党建红',
    category: 'health-check',
    description: '社区卫生服务中心医生坐诊：量血压、测血糖、用药咨询。',
    place: station,
    durationMinutes: 20,
    notice: '请带上医保卡和近期的检查单、正在吃的药。',
    questions: [{ id: 'chronic', label: '是否有慢性病（如高血压、糖尿病）？' }],
    eligibility: '我（或代约的老人）是幸福里社区居民',
    // An elder may come with their partner (一对老夫妻).
    limits: { perMonth: 1, partyMax: 2 },
    // 每月第二个周三上午, 30 seats.
    schedule: {
      rules: [{ weekdays: [3], nth: 2, start: '08:30', end: '11:30', slotMinutes: 180, seats: 30 }],
      windowDays: 30,
    },
  },
  {
    community: 'xingfuli',
    name: '爱心理发',
    nameEn: 'Free haircuts',
    team: '夕阳红',
    category: 'haircut',
    description: '夕阳红志愿服务队的理发师傅为老人义务理发。',
    place: station,
    durationMinutes: 15,
    limits: { activePerService: 1, partyMax: 1 },
    // 每周二、四上午, 15-minute slots.
    schedule: {
      rules: [{ weekdays: [2, 4], start: '08:30', end: '11:30', slotMinutes: 15, seats: 2 }],
      followsWorkdays: true,
    },
  },
  {
    community: 'xingfuli',
    name: '法律咨询',
    nameEn: 'Legal advice',
    team: '法治蓝',
    category: 'legal-advice',
    description: '法治蓝志愿服务队的律师面对面解答婚姻家庭、劳动、物业等法律问题。',
    place: station,
    durationMinutes: 30,
    questions: [{ id: 'topic', label: '想咨询哪方面的问题？', required: true }],
    // One resident a lawyer's half hour (a slot of one seat takes no party of two).
    limits: { activePerService: 1 },
    // 每周五下午.
    schedule: {
      rules: [{ weekdays: [5], start: '14:00', end: '17:00', slotMinutes: 30, seats: 1 }],
      cancelCutoffMinutes: 240,
    },
  },
  {
    community: 'xingfuli',
    name: '家电维修',
    nameEn: 'Appliance repair (home visit)',
    team: '红飘带',
    category: 'appliance-repair',
    description: '志愿者上门维修小家电，只收零件费。',
    place: { kind: 'home' },
    durationMinutes: 60,
    notice: '大件家电（空调、冰箱）请联系物业或厂家售后。',
    questions: [{ id: 'appliance', label: '需要修什么电器？是什么故障？', required: true }],
    limits: { activePerService: 1, partyMax: 1 },
    // 上门, 周六.
    schedule: {
      rules: [{ weekdays: [6], start: '09:00', end: '12:00', slotMinutes: 60, seats: 2 }],
    },
  },
];

/** The first slot of a service's schedule from `from` on (within 60 days). */
function firstSlot(schedule: Parameters<typeof dayPlan>[0], from: string, index = 0) {
  for (let i = 0; i < 60; i++) {
    const plan = dayPlan(schedule, addDays(from, i));
    if (plan.open && plan.slots[index]) return plan.slots[index];
  }
  throw new Error('no slot in 60 days');
}

const resident = (n: number, extra: Partial<BookingInput> = {}) => ({
  name: ['王秀英', '李桂兰', '张建华', '刘淑芬', '陈国强', '赵玉梅'][n % 6]!,
  phone: `1380000${String(1000 + n)}`,
  consent: true as const,
  ...extra,
});

/**
 * Seeds the services and their bookings when 幸福里 has none; returns whether it did. Past
 * slots (attended, a no-show) are booked with a clock a week back.
 */
export async function seedDemoBookings(store: Store, clock: Clock = systemClock): Promise<boolean> {
  if (!(await store.communities.get('xingfuli'))) return false;
  if ((await store.bookingServices.listByCommunity('xingfuli')).length) return false;
  const now = clock.now();
  const weekAgo: Clock = { now: () => new Date(now.getTime() - 7 * 86_400_000) };
  const desk = createContext(store, { clock, actor: staff });
  const services = [];
  for (const input of demoServices) {
    services.push(await createBookingService(desk, parse(bookingServiceInputSchema, input)));
  }
  const [clinic, haircut, legal, repair] = services as [
    (typeof services)[0],
    (typeof services)[0],
    (typeof services)[0],
    (typeof services)[0],
  ];
  const book = (
    c: Clock,
    input: Partial<BookingInput> & { service: string; start: string },
    n: number,
  ) => bookSlot(createContext(store, { clock: c }), parse(bookingInputSchema, resident(n, input)));
  const today = shanghaiDate(now);

  // 爱心理发 a few days back: one came, one did not; and who served.
  const pastCut = firstSlot(haircut.schedule, addDays(shanghaiDate(weekAgo.now()), 1));
  if (Date.parse(pastCut.start) < now.getTime()) {
    const came = await book(weekAgo, { service: haircut.id, start: pastCut.start }, 1);
    const missed = await book(weekAgo, { service: haircut.id, start: pastCut.start }, 2);
    await actOnBooking(desk, { id: came.id, action: 'check_in' });
    await actOnBooking(desk, { id: missed.id, action: 'no_show' });
    await recordSlotVolunteers(desk, {
      id: haircut.id,
      start: pastCut.start,
      volunteers: [{ name: '周师傅', hours: 0.5 }],
    });
  }
  // 爱心理发 coming up: the slot full (two seats), one in line, one cancelled by code. The
  // cancellation comes before the slot fills: a cancelled seat goes to the first in line, so
  // cancelling after the waitlist formed would empty it again.
  const cut = firstSlot(haircut.schedule, addDays(today, 2));
  await book(clock, { service: haircut.id, start: cut.start }, 3);
  const second = await book(clock, { service: haircut.id, start: cut.start }, 4);
  await cancelBooking(createContext(store, { clock }), { code: second.code });
  await book(clock, { service: haircut.id, start: cut.start }, 5);
  await book(clock, { service: haircut.id, start: cut.start }, 0);
  // 法律咨询: a booking with its question answered.
  const advice = firstSlot(legal.schedule, addDays(today, 1));
  await book(
    clock,
    { service: legal.id, start: advice.start, answers: { topic: '子女赡养和房产继承' } },
    6,
  );
  // 家电维修 上门: booked on behalf of an elder (代约).
  const visit = firstSlot(repair.schedule, addDays(today, 1));
  await book(
    clock,
    {
      service: repair.id,
      start: visit.start,
      forWhom: 'elder',
      elder: { name: '孙桂英', relation: '女儿' },
      location: {
        community: 'xingfuli',
        grid: 'xfl-g1',
        building: 'xfl-g1-b2',
        unit: 'xfl-g1-b2-u1',
      },
      answers: { appliance: '电饭煲不加热了' },
    },
    7,
  );
  // 义诊: a booking for the next clinic, if it is inside the window.
  const clinicSlot = firstSlot(clinic.schedule, addDays(today, 1));
  if (shanghaiDate(clinicSlot.start) <= addDays(today, clinic.schedule.windowDays)) {
    await book(
      clock,
      {
        service: clinic.id,
        start: clinicSlot.start,
        eligible: true,
        answers: { chronic: '高血压' },
      },
      8,
    );
  }
  return true;
}
