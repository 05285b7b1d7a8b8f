import { festivalNames, solarTermNames } from '../../../../domain/lunar-names.js';

/**
 * <sq-activity-calendar>: 社区活动日历 (month, week and agenda views with 农历, 节气, festivals
 * and 休/班). Festival and solar-term names come from src/domain/lunar-names.ts.
 */
export default {
  title: '社区活动日历',
  views: { label: '显示方式', month: '月', week: '周', agenda: '列表' },
  prev: { month: '上个月', week: '上一周' },
  next: { month: '下个月', week: '下一周' },
  today: '今天',
  weekOf: '{{from}} 至 {{to}}',
  lunar: '农历{{date}}',
  off: '休',
  offLong: '放假',
  work: '班',
  workLong: '调休上班',
  todayLong: '今天',
  gridHelp: '用方向键换日期，Home、End 到本周第一天和最后一天，PageUp、PageDown 换月。',
  agendaIntro: '本月的活动、节日、节气和放假安排。点活动名称查看详情和报名：',
  agendaEmpty: '这个月没有活动、节日、节气或放假安排。',
  noSchedule: '{{year}} 年的放假安排还没有公布，暂时不显示“休”和“班”。',
  scheduleFailed: '放假安排没有加载成功，暂时不显示“休”和“班”。',
  chosen: '已选 {{date}}',
  activities: '{{count}} 项活动',
  loading: '正在加载活动…',
  loadFailed: '活动没有加载成功。',
  mine: '我的报名',
  festival: festivalNames,
  /** The 24 solar terms, 小寒 first, `|` between them. */
  term: solarTermNames.join('|'),
};
