import type { Category, Feature } from './model.js';

/**
 * 志愿服务 kinds, apart so the booking desk's check (a service's kind) can import them without
 * the other features' catalogues.
 */
export const volunteerCategories: Category[] = [
  { id: 'haircut', name: '理发', nameEn: 'Haircut' },
  { id: 'health-check', name: '体检', nameEn: 'Health check' },
  { id: 'appliance-repair', name: '家电维修', nameEn: 'Appliance repair' },
  { id: 'legal-advice', name: '法律咨询', nameEn: 'Legal advice' },
];

/**
 * Default category catalogues, used when a community has not set its own. Complaint deadlines
 * are in working days from receipt (12345 接诉即办 practice: safety first, wages last).
 */
export const defaultCategories: Record<Feature, Category[]> = {
  complaint: [
    { id: 'environment', name: '环境卫生', nameEn: 'Environment & sanitation', slaDays: 3 },
    {
      id: 'property',
      name: '物业管理',
      nameEn: 'Property management',
      slaDays: 5,
      questions: [
        {
          id: 'reported',
          label: '是否已向物业反映过？结果如何？',
          labelEn: 'Have you told the property manager? What happened?',
        },
      ],
    },
    {
      id: 'noise',
      name: '噪音扰民',
      nameEn: 'Noise',
      slaDays: 3,
      questions: [
        {
          id: 'when',
          label: '噪音通常在什么时间出现？',
          labelEn: 'When does the noise usually happen?',
        },
      ],
    },
    { id: 'neighbours', name: '邻里纠纷', nameEn: 'Neighbour dispute', slaDays: 5 },
    { id: 'infrastructure', name: '基础设施', nameEn: 'Infrastructure', slaDays: 7 },
    { id: 'fire-safety', name: '消防安全', nameEn: 'Fire safety', slaDays: 1 },
    { id: 'public-security', name: '治安隐患', nameEn: 'Public security', slaDays: 1 },
    { id: 'wages', name: '劳资纠纷', nameEn: 'Unpaid wages', slaDays: 10 },
    { id: 'legal', name: '法律咨询', nameEn: 'Legal advice', slaDays: 5 },
    { id: 'other', name: '其他', nameEn: 'Other', slaDays: 5 },
  ],
  wish: [
    { id: 'study', name: '学习用品', nameEn: 'School supplies' },
    { id: 'daily', name: '生活物资', nameEn: 'Daily necessities' },
    { id: 'company', name: '陪伴探望', nameEn: 'Company & visits' },
    { id: 'repair', name: '维修服务', nameEn: 'Repairs' },
    { id: 'other', name: '其他', nameEn: 'Other' },
  ],
  volunteer: volunteerCategories,
  // 红黑榜: its default rubric is the feature's own (src/features/redblack/rubric.ts), so that
  // pages and the embedded store of other features do not carry it.
  redblack: [],
  activity: [
    { id: 'festival', name: '节日活动', nameEn: 'Festivals' },
    { id: 'culture', name: '文体活动', nameEn: 'Culture & sport' },
    { id: 'service', name: '志愿服务', nameEn: 'Volunteering' },
  ],
};

/** A community's catalogue for a feature, or the default one. */
export const categoriesFor = (
  community: { categories: Partial<Record<Feature, Category[]>> },
  feature: Feature,
): Category[] => community.categories[feature] ?? defaultCategories[feature];
