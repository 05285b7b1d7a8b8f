import type zhCN from '../zh-CN/redblack-score-fields.js';

/** 和谐楼道 scores: the field validation messages (English). */
export default {
  score: {
    invalid: 'Enter a score from 0 to 10.',
    range: 'Scores go from 0 to 10.',
    step: 'Use whole or half points only (such as 7 or 7.5).',
    required: 'This item has no score yet: enter 0 to 10.',
    unknownItem: "This item is not on the community's scoring rubric.",
  },
  scores: { invalid: 'Enter a score from 0 to 10 for every item.' },
  period: {
    notStarted: 'This period has not begun yet: it cannot be scored.',
  },
} satisfies typeof zhCN;
