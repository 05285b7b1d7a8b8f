/**
 * The demo street's 红黑榜 (幸福里社区) for the current quarter, made through the services so
 * every rule holds as for real entries: a red 最美楼道 for a building, a red person with their
 * recorded consent (shown masked), a black 楼道堆物 for a unit put right (待整改 → 已整改), a
 * black entry for a shop with an appeal pending, and one entry waiting for review; and the
 * quarter's 和谐楼道 scores of six of its seven buildings (2号楼 first, 1号楼 and 6号楼 tied, 5号楼
 * under the threshold, 7号楼 not scored yet), scored by the author. The appeal code made on the
 * way is thrown away. Names are made up; no phone number goes public.
 * (Inputs are parsed with zod's own `parse`, not domain/validation's: the embedded transport
 * loads this module before the feature's first call, and importing domain/validation here made
 * the drop-in split domain/errors out of the client's chunk — +0.3 kB and a request on every
 * drop-in page.)
 */
import { shanghaiDate, systemClock, type Clock } from '../../domain/time.js';
import * as z from 'zod/mini';
import { createContext, type Actor } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import {
  appealInputSchema,
  buildingScoresInputSchema,
  redblackActionRequestSchema,
  redblackEntryInputSchema,
  type RedblackEntryInput,
  type RedblackStaffAction,
} from './model.js';
import { periodAt } from './rules.js';
import {
  actOnRedblackEntry,
  appealRedblackEntry,
  createRedblackEntry,
  putBuildingScores,
} from './service.js';
import { scoreItemIds } from './rubric.js';

const staff = (id: string, name: string): Actor => ({
  kind: 'staff',
  id,
  name,
  role: 'staff',
  community: 'xingfuli',
});
/** Writes the entries. */
const author = staff('xingfuli-demo', '社区工作人员');
/** Reviews and publishes them: never the author. */
const reviewer = staff('xingfuli-demo-review', '社区审核人员');

export async function seedDemoRedblack(store: Store, clock: Clock = systemClock): Promise<boolean> {
  if (!(await store.communities.get('xingfuli'))) return false;
  if ((await store.redblackEntries.list('xingfuli')).length) return false;
  const now = clock.now();
  const period = periodAt('quarter', now);
  const writer = createContext(store, { clock, actor: author });
  const review = createContext(store, { clock, actor: reviewer });
  const act = (ctx: typeof writer, id: string, action: RedblackStaffAction) =>
    actOnRedblackEntry(ctx, z.parse(redblackActionRequestSchema, { id, ...action }));
  const write = async (input: Omit<RedblackEntryInput, 'community' | 'period'>, publish = true) => {
    const entry = await createRedblackEntry(
      writer,
      z.parse(redblackEntryInputSchema, { community: 'xingfuli', period, ...input }),
    );
    await act(writer, entry.id, { action: 'submit' });
    if (publish) await act(review, entry.id, { action: 'publish' });
    return entry;
  };

  await write({
    list: 'red',
    category: 'tidy-hallway',
    subject: { kind: 'building', grid: 'xfl-g1', building: 'xfl-g1-b2' },
    reason: '2号楼居民自发清理楼道杂物，摆上绿植，张贴邻里公约，楼道整洁明亮。',
  });
  await write({
    list: 'red',
    category: 'good-deeds',
    subject: {
      kind: 'person',
      name: '张桂兰',
      consent: { obtainedOn: shanghaiDate(now), fullName: false, note: '本人签署书面同意书' },
    },
    reason: '张桂兰阿姨十年如一日照顾楼里的独居老人，买菜、陪诊、聊天，邻居们都叫她“热心张姨”。',
  });
  const clutter = await write({
    list: 'black',
    category: 'hallway-clutter',
    subject: { kind: 'unit', grid: 'xfl-g2', building: 'xfl-g2-b5', unit: 'xfl-g2-b5-u1' },
    reason: '5号楼1单元楼道堆放纸箱和旧家具，堵塞消防通道，存在火灾隐患。',
  });
  await act(writer, clutter.id, {
    action: 'rectify',
    date: shanghaiDate(now),
    note: '楼栋长组织居民清理完毕，消防通道已畅通。',
  });
  const shop = await write({
    list: 'black',
    category: 'street-trading',
    subject: { kind: 'organisation', name: '幸福里东门早餐铺' },
    reason: '早餐铺在东门人行道上摆桌经营，行人只能走机动车道。',
  });
  await appealRedblackEntry(
    createContext(store, { clock }),
    z.parse(appealInputSchema, {
      entry: shop.id,
      role: '店主',
      phone: '010-12345678',
      reason: '桌椅只在早上六点到八点摆放，八点前全部收回，已按城管要求划线经营。',
      consent: true,
    }),
  );
  // Waiting for a second staff member.
  await write(
    {
      list: 'red',
      category: 'volunteering',
      subject: { kind: 'organisation', name: '幸福里便民超市' },
      reason: '超市每周为社区独居老人免费送菜上门，坚持两年。',
    },
    false,
  );
  // 和谐楼道: the quarter's scores, item by item in the rubric's order.
  const quarter: [building: string, scores: number[]][] = [
    ['xfl-g1-b1', [8, 8, 7.5, 8, 9]],
    ['xfl-g1-b2', [9.5, 9.5, 9, 9, 10]],
    ['xfl-g1-b3', [8, 7, 8, 8.5, 8]],
    ['xfl-g2-b4', [7, 8, 6.5, 7, 7.5]],
    ['xfl-g2-b5', [5, 4, 6, 5.5, 6]],
    ['xfl-g2-b6', [8, 8, 8, 8, 8.5]],
  ];
  for (const [building, scores] of quarter) {
    await putBuildingScores(
      writer,
      z.parse(buildingScoresInputSchema, {
        community: 'xingfuli',
        period,
        building,
        scores: Object.fromEntries(scoreItemIds.map((id, i) => [id, scores[i]])),
      }),
    );
  }
  return true;
}
