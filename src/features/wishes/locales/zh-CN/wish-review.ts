import signIn from '../../../../ui/locales/zh-CN/sign-in.js';

/**
 * <sq-wish-review>: staff review of 微心愿 (核实, 驳回, 释放认领, 登记完成) and counts; the
 * queue's wishes and their actions: wish-review-queue.ts.
 */
export default {
  heading: '微心愿审核',
  signedIn: '当前账号：{{name}}',
  publishedAs: '心愿墙上将这样显示（电话、证件号和姓名已隐去）：',
  logout: '退出登录',
  login: signIn,
  loadFailed: '无法加载心愿列表。',
  refresh: '刷新',
  filter: '状态',
  queue: '心愿列表',
  status: {
    pending_review: '待核实',
    open: '待认领',
    claimed: '已认领',
    fulfilled: '已完成',
    thanked: '已评价',
    rejected: '已驳回',
    withdrawn: '已撤回',
  },
  counts: {
    heading: '统计',
    period: '统计时段',
    periods: { 7: '近 7 天', 30: '近 30 天', 90: '近 90 天', 365: '近一年' },
    posted: '新提交',
    claimed: '被认领',
    fulfilled: '已完成',
    median: '完成用时中位数',
    days: '{{value}} 天',
    none: '暂无',
    failed: '无法加载统计。',
  },
};
