/**
 * <sq-volunteer-booking>: 志愿服务预约, what its first render says (services, days, times).
 * What it says after (details, confirm, receipt, 我的预约) is volunteer-booking-after.ts, and
 * the fields' messages booking-fields.ts: both join these in the element's later chunk.
 */
export default {
  title: '志愿服务预约',
  intro: '选择服务和时间，志愿者为您服务。也可以为家里的老人代约。',
  tabs: { book: '预约服务', mine: '我的预约' },
  step: '第 {{n}} 步，共 {{total}} 步',
  steps: {
    service: '选择服务',
    day: '选择日期',
    slot: '选择时段',
    details: '填写信息',
    confirm: '确认预约',
  },
  noServices: '社区暂时没有开放预约的服务。',
  loadFailed: '没有加载成功。',
  home: '上门服务（到您家里）',
  nextFree: '最近可约：{{date}}',
  onlyWaitlist: '近期已约满，可以排队候补',
  noneOpen: '近期没有开放的时段',
  choose: '预约{{name}}',
  back: '上一步',
  days: '可预约的日期',
  left: '余 {{n}} 位',
  full: '约满·可候补',
  closed: '不开放',
  holiday: '节假日不开放',
  noDays: '近期没有开放的日期，请过几天再来看看。',
  slots: '{{date}}的时段',
  slotLeft: '余 {{n}} 位',
  slotFull: '约满，可候补（已有 {{n}} 人排队）',
  noSlots: '这一天没有可预约的时段了，请选择其他日期。',
};
