/** <sq-complaint-metrics>: 三率 of 居民说事 for a period. */
export default {
  title: '三率统计',
  from: '开始日期',
  to: '结束日期',
  show: '查询',
  period: '{{from}} 至 {{to}} 受理的诉求',
  total: '受理',
  responseRate: '响应率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  overdue: '超期',
  category: '类别',
  byCategory: '按类别',
  none: '无数据',
  empty: '这段时间没有受理的诉求。可以换个开始或结束日期再查询。',
  failed: '无法加载统计。',
  help: '响应率：1 个工作日内首次回复或办结；解决率：已办结或已评价；满意率：评价中满意和基本满意的比例；超期：未办结且已过期限（按当前日期）。',
};
