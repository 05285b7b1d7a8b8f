import type { Building, Community, Grid } from './model.js';
import type { Store } from '../../services/store.js';

const units = (buildingId: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${buildingId}-u${i + 1}`,
    name: `${i + 1}单元`,
    nameEn: `Unit ${i + 1}`,
  }));

const buildings = (gridId: string, numbers: number[], unitCount: number): Building[] =>
  numbers.map((n) => ({
    id: `${gridId}-b${n}`,
    name: `${n}号楼`,
    nameEn: `Building ${n}`,
    units: units(`${gridId}-b${n}`, unitCount),
  }));

const grid = (id: string, n: number, numbers: number[], unitCount: number): Grid => ({
  id,
  name: `第${'一二三四五六七八九十'[n - 1]}网格`,
  nameEn: `Grid ${n}`,
  buildings: buildings(id, numbers, unitCount),
});

const street = { name: '和平街道', nameEn: 'Heping Subdistrict' };
const privacy = (community: string) => ({
  controller: `和平街道${community}居民委员会`,
  contact: '社区服务站 0571-87654321，工作日 9:00–17:00',
  retentionDays: 730,
});

/**
 * The demo street: two communities, used by the embedded transport (Storybook, trials) and by
 * the server's `seed-demo`. Categories are left to the defaults (src/features/core/catalogues.ts).
 */
export const demoCommunities: Community[] = [
  {
    id: 'xingfuli',
    name: '幸福里社区',
    nameEn: 'Xingfuli Community',
    street,
    grids: [grid('xfl-g1', 1, [1, 2, 3], 3), grid('xfl-g2', 2, [4, 5, 6, 7], 2)],
    categories: {},
    privacy: privacy('幸福里社区'),
  },
  {
    id: 'chunhui',
    name: '春晖社区',
    nameEn: 'Chunhui Community',
    street,
    grids: [
      grid('ch-g1', 1, [1, 2], 4),
      grid('ch-g2', 2, [3, 5, 8], 2),
      grid('ch-g3', 3, [10, 11], 1),
    ],
    categories: {},
    privacy: privacy('春晖社区'),
  },
];

/** Seeds the demo street into an empty store; a store with any community is left alone. */
export async function seedDemo(store: Store): Promise<boolean> {
  return store.transaction(async (tx) => {
    if ((await tx.communities.list()).length > 0) return false;
    for (const community of demoCommunities) await tx.communities.put(community);
    return true;
  });
}
