import { randomBytes } from 'node:crypto';
import { createStaffAccount } from '../features/core/auth.js';
import type { Credentials } from '../services/context.js';
import { demoCommunities, seedDemo } from '../features/core/demo.js';
import type { Store } from '../services/store.js';
import { seedDemoWishes } from '../features/wishes/demo.js';
import { seedDemoBookings } from '../features/booking/demo.js';
import { seedDemoActivities } from '../features/calendar/demo.js';
import { seedDemoRedblack } from '../features/redblack/demo.js';

export interface DemoLogin {
  password: string;
  accounts: { username: string; role: 'staff' | 'admin'; community: string }[];
}

/** Staff of the demo street: an admin and a 网格员 in 幸福里, an admin in 春晖. Names are made up. */
const demoStaff = [
  { username: 'xfl-admin', name: '李秀英', role: 'admin', community: demoCommunities[0]!.id },
  { username: 'xfl-grid', name: '王建国', role: 'staff', community: demoCommunities[0]!.id },
  { username: 'ch-admin', name: '陈丽华', role: 'admin', community: demoCommunities[1]!.id },
] as const;

/**
 * Seeds the demo street (和平街道: 幸福里社区 and 春晖社区 with grids, buildings and units) into an
 * empty store, with three staff accounts sharing one fresh random password. Returns the login,
 * or undefined when the store already had communities (nothing is changed then).
 */
export async function seedDemoData(
  store: Store,
  credentials: Credentials,
): Promise<DemoLogin | undefined> {
  if (!(await seedDemo(store))) return undefined;
  // A wall with something on it in every public status, and one wish awaiting review.
  await seedDemoWishes(store);
  // 志愿服务预约: 义诊, 爱心理发, 法律咨询, 家电维修 (上门) with bookings in several statuses.
  await seedDemoBookings(store);
  // 社区活动: the five festivals on their lunar dates every year, and 太极拳 every Wednesday.
  await seedDemoActivities(store);
  // 红黑榜: this quarter's board with entries in every state and one appeal pending.
  await seedDemoRedblack(store);
  const password = `demo-${randomBytes(6).toString('base64url')}`;
  for (const staff of demoStaff) {
    if (await store.staff.getByUsername(staff.username)) continue;
    await createStaffAccount(store, credentials, { ...staff, password });
  }
  return {
    password,
    accounts: demoStaff.map(({ username, role, community }) => ({ username, role, community })),
  };
}
