/**
 * <sq-booking-desk>: what its panels say (the chosen booking, booking by phone, counts), merged
 * into the desk's strings by the panels' chunk.
 */
export default {
  detail: '预约详情：{{name}}',
  phone: '电话',
  elderLabel: '代约老人',
  bookedBy: { resident: '居民网上预约', staff: '电话代为预约' },
  actions: { check_in: '核销（已到场）', no_show: '未到场', cancel: '取消预约' },
  byPhoneHint: '居民打电话预约时，由工作人员代为登记。',
  service: '服务',
  slotLabel: '时段',
  name: '居民姓名',
  phoneField: '居民电话',
  consentByPhone: '已向居民说明个人信息处理方式，居民同意',
  book: '登记预约',
  booked: '已登记：{{status}}，预约码 {{code}}（请告诉居民）',
  from: '开始日期',
  to: '结束日期',
  count: '统计',
  total: '预约数',
  attendance: '到场率',
  noShowRate: '爽约率',
  promotions: '候补递补',
  teamHours: '{{team}}：{{hours}} 小时',
};
