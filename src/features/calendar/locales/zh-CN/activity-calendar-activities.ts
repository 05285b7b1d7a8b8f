/**
 * <sq-activity-calendar>: the strings of the activities (chips, rows: 余位, categories), in the
 * chunk that loads with the first read of activities (activities.ts); English has them in its
 * one lazy file.
 */
export default {
  allDay: '全天',
  seats: {
    left: '余{{n}}位',
    unlimited: '不限名额',
    full: '已满 可候补',
    closed: '不在报名时间',
    none: '无需报名',
    cancelled: '已取消',
    finished: '已结束',
  },
  more: '另 {{n}} 项',
  count: '{{n}}项',
  noActivities: '这一天没有活动。',
  reason: '原因：{{reason}}',
  categories: {
    culture: '文体',
    festival: '节日',
    volunteer: '志愿',
    party: '党建',
    health: '健康',
    legal: '法律',
    family: '亲子',
    elderly: '助老',
    other: '其他',
  },
};
