import signIn from '../../../../ui/locales/zh-CN/sign-in.js';

/** <sq-complaint-desk>: the staff desk of 居民说事 — sign-in and the list (the case view: complaint-desk-case.ts). */
export default {
  title: '居民说事工作台',
  login: signIn,
  signedIn: '{{name}}，您好',
  logout: '退出登录',
  tabs: { list: '诉求列表', metrics: '三率统计' },
  filters: {
    legend: '筛选',
    status: '状态',
    category: '类别',
    grid: '网格',
    overdue: '只看超期',
    all: '全部',
  },
  list: {
    count: '已显示 {{count}} 件',
    empty: '没有符合条件的诉求。可以换个筛选条件；居民提交的新诉求会出现在这里。',
    more: '加载更多',
    refresh: '刷新列表',
    failed: '无法加载诉求。',
    due: '办理期限 {{date}}',
    /** Days left until the due date (calendar days), or how long it is past it. */
    left: '还剩 {{count}} 天',
    today: '今天到期',
    late: '超期 {{count}} 天',
    handler: '办理人 {{name}}',
    unassigned: '未分派',
    order: '按办理期限排序，最急的在前；已办结的在后。',
  },
  overdue: '已超期',
  status: {
    received: '已受理',
    assigned: '已分派',
    in_progress: '处理中',
    resolved: '已办结',
    rated: '已评价',
    returned: '已退回',
    transferred: '已转办',
  },
};
