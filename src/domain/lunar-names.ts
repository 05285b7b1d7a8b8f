import type { FestivalId } from './lunar.js';

/**
 * Display names of the festivals (keys of lunar.ts) and the solar terms, in zh-CN; English in
 * lunar-names-en.ts. The domain has no locale namespaces: an element's locale file puts these
 * among its strings (the calendar's: `festival.<id>`, `term`), so a page in zh-CN never loads
 * the English ones. Kept out of lunar.ts so a page that only needs dates does not load them.
 */
export const festivalNames: Record<FestivalId, string> = {
  'spring-festival': '春节',
  lantern: '元宵节',
  'dragon-head': '龙抬头',
  'dragon-boat': '端午节',
  qixi: '七夕',
  zhongyuan: '中元节',
  'mid-autumn': '中秋节',
  'double-ninth': '重阳节',
  laba: '腊八节',
  xiaonian: '小年',
  chuxi: '除夕',
  qingming: '清明',
  'new-year': '元旦',
  'lei-feng': '学雷锋纪念日',
  'womens-day': '妇女节',
  'tree-planting': '植树节',
  'labour-day': '劳动节',
  'youth-day': '青年节',
  'childrens-day': '儿童节',
  'party-day': '建党节',
  'army-day': '建军节',
  'teachers-day': '教师节',
  'national-day': '国庆节',
  'volunteer-day': '国际志愿者日',
};

/** The 24 solar terms (节气) by the index lunar.ts gives them: 0 小寒 … 23 冬至. */
export const solarTermNames: readonly string[] =
  '小寒大寒立春雨水惊蛰春分清明谷雨立夏小满芒种夏至小暑大暑立秋处暑白露秋分寒露霜降立冬小雪大雪冬至'.match(
    /../g,
  )!;
