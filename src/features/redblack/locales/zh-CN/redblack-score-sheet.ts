import signIn from '../../../../ui/locales/zh-CN/sign-in.js';

/**
 * <sq-redblack-score-sheet>: staff score each building per period for 和谐楼道 (the fields'
 * messages are redblack-score-fields.ts, joined in the element).
 */
export default {
  heading: '和谐楼道评分',
  intro:
    '每栋楼每一项打 0 到 10 分，可以打半分（如 7.5），做得越好分越高。再次保存会替换原来的评分，原评分留档。',
  suggestHint:
    '前 {{top}} 名建议上红榜，平均每项低于 {{below}} 分建议上黑榜。这只是建议，是否上榜由编辑决定。',
  signedIn: '当前账号：{{name}}',
  logout: '退出登录',
  login: signIn,
  periodPick: '评比周期',
  loading: '正在加载评分表…',
  loadFailed: '无法加载评分表。',
  ranking: '{{period}}排名与建议（已评 {{scored}} / {{all}} 栋）',
  rank: '名次',
  building: '楼栋',
  total: '总分',
  suggestion: '建议',
  suggest: { red: '★ 建议红榜', black: '▲ 建议黑榜' },
  draft: { red: '以此起草红榜', black: '起草黑榜条目' },
  notScored: '未评分',
  none: '—',
  status: '总分 {{total}} / {{max}}，第 {{rank}} 名',
  rescored: '已重新评分 {{n}} 次（原评分留档）',
  scoredAt: '评分时间：{{at}}',
  scoreHint: '0–10 分',
  save: '保存评分',
  saveOf: '：{{building}}',
  saving: '正在保存…',
  saved: '已保存{{building}}的评分：总分 {{total}}。',
  fixErrors: '{{building}}的评分有 {{n}} 处需要修改。',
  failed: '没有保存成功。',
};
