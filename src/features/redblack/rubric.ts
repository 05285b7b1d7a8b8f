import type { Category } from '../core/model.js';

/**
 * The default 红黑榜 rubric, used when a community has not set its own (`categories.redblack`):
 * the first seven praise (red list), the rest criticise (black list); which list a default
 * category belongs to is the feature's rule (rules.ts).
 */
export const defaultRubric: Category[] = [
  { id: 'tidy-hallway', name: '最美楼道', nameEn: 'Best-kept hallway' },
  { id: 'civil-family', name: '文明家庭', nameEn: 'Model family' },
  { id: 'good-deeds', name: '好人好事', nameEn: 'Good deeds' },
  { id: 'mutual-aid', name: '邻里互助', nameEn: 'Helping neighbours' },
  { id: 'filial', name: '孝老爱亲', nameEn: 'Caring for elders' },
  { id: 'volunteering', name: '志愿服务', nameEn: 'Volunteering' },
  { id: 'bravery', name: '见义勇为', nameEn: 'Bravery' },
  { id: 'hallway-clutter', name: '楼道堆物', nameEn: 'Cluttered hallway' },
  { id: 'sanitation', name: '环境卫生', nameEn: 'Sanitation' },
  { id: 'waste-sorting', name: '垃圾分类', nameEn: 'Waste sorting' },
  { id: 'dogs', name: '文明养犬', nameEn: 'Dog keeping' },
  { id: 'falling-objects', name: '高空抛物', nameEn: 'Throwing from heights' },
  { id: 'street-trading', name: '占道经营', nameEn: 'Trading on the pavement' },
];

/** A community's rubric, or the default one. */
export const rubricOf = (community: { categories: { redblack?: Category[] } }): Category[] =>
  community.categories.redblack ?? defaultRubric;

// ---- 和谐楼道: scoring each building per period ----

/** The default scoring rubric's items (0–10 each, higher is better), from the rubric above. */
export const scoreItemIds = [
  'sanitation', // 环境卫生
  'hallway-clutter', // 楼道堆物 (10: nothing stored in the hallway)
  'dogs', // 文明养犬
  'waste-sorting', // 垃圾分类
  'mutual-aid', // 邻里互助
] as const;
export const defaultScoreItems: Category[] = scoreItemIds.map((id) =>
  defaultRubric.find((c) => c.id === id)!,
);
/** Top-ranked buildings suggested as red candidates, unless a community sets its own. */
export const DEFAULT_RED_TOP = 3;
/** Average item score below which a building is a black candidate (及格线), by default. */
export const DEFAULT_BLACK_BELOW = 6;

export interface ScoreSettings {
  items: Category[];
  redTop: number;
  blackBelow: number;
}

/** A community's scoring rubric and suggestion settings, with the defaults. */
export const scoreSettingsOf = (community: {
  settings?:
    | {
        redblack?: { scoreItems?: Category[]; redTop?: number; blackBelow?: number } | undefined;
      }
    | undefined;
}): ScoreSettings => {
  const own = community.settings?.redblack;
  return {
    items: own?.scoreItems ?? defaultScoreItems,
    redTop: own?.redTop ?? DEFAULT_RED_TOP,
    blackBelow: own?.blackBelow ?? DEFAULT_BLACK_BELOW,
  };
};
