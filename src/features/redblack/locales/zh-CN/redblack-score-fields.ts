/**
 * 和谐楼道 scores: the field validation messages (keys from src/features/redblack/model.ts and
 * scores.ts). Spread into the namespaces of the elements that show them (the staff score sheet).
 */
export default {
  score: {
    invalid: '请填写 0 到 10 之间的分数。',
    range: '分数在 0 到 10 之间。',
    step: '分数只能是整数或半分（如 7 或 7.5）。',
    required: '这一项还没打分，请填写 0 到 10 分。',
    unknownItem: '这一项不在本社区的评分细则里。',
  },
  scores: { invalid: '请为每一项填写 0 到 10 分。' },
  period: {
    notStarted: '这个评比周期还没开始，不能打分。',
  },
};
