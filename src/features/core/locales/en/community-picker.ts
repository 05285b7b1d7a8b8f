import type zhCN from '../zh-CN/community-picker.js';

/** <sq-community-picker>: community → grid → building → unit. */
export default {
  legend: 'Location',
  hint: 'Choose the community first, then each level below it.',
  community: 'Community',
  grid: 'Grid',
  building: 'Building',
  unit: 'Unit',
  /** A level's name inside a sentence. */
  inline: { community: 'community', grid: 'grid', building: 'building', unit: 'unit' },
  choose: 'Choose a {{level}}',
  chooseFirst: 'Choose a {{level}} first',
  none: 'No {{level}} to choose',
  missing: 'Choose a {{level}}.',
  chosen: 'Chosen: {{place}}',
  stale: 'The {{level}} in this link no longer exists. Please choose again.',
  unavailable: 'Unavailable',
  loadFailed: 'Could not load community details. ',
  empty: 'There are no communities to choose from yet.',
} satisfies typeof zhCN;
