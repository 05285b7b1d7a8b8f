/**
 * The activity calendar's field messages (keys from features/calendar/model.ts): loading a
 * year's 法定节假日/调休 schedule. Not in `common`: no resident's page shows them.
 */
export default {
  holidays: {
    year: '年份请填写 2000 到 2100 之间的四位数字，例如 2027。',
    range: '放假日期请写成 [开始日期, 结束日期]，开始不晚于结束，一段最长 14 天。',
    workday: '调休上班日必须是星期六或星期日，请核对通知里的日期。',
    otherYear: '日期不在这一年（或前后几天）之内，请检查年份是否写错。',
  },
  activity: {
    timeInvalid: '时间请写成 24 小时制的“时:分”，例如 19:00。',
    titleRequired: '请填写活动名称。',
    titleTooLong: '活动名称最多 40 个字。',
    descriptionTooLong: '活动介绍最多 1000 个字，请精简一些。',
    category: '请选择活动类别。',
    placeRequired: '请填写活动地点。',
    placeTooLong: '活动地点最多 100 个字。',
    organiserRequired: '请填写主办单位，或者不填。',
    organiserTooLong: '主办单位最多 100 个字。',
    audienceRequired: '请填写适合人群，或者不填。',
    audienceTooLong: '适合人群最多 100 个字。',
    capacity: '名额请填 0 到 10000 之间的整数，0 表示不限。',
    partyMax: '每份报名最多几人，请填 1 到 10。',
    times: '开始和结束时间要一起填（全天活动都不填），结束要晚于开始。',
  },
  recurrence: {
    weekday: '星期请选周一到周日。',
    weekdays: '请至少选择一天。',
    interval: '每隔几周请填 1 到 4。',
    day: '日期请填 1 到 31。',
    nth: '请选第一到第四个，或最后一个。',
    lunarMonth: '农历月份请选正月到腊月。',
    lunarDay: '农历日期请选初一到三十，或月末。',
    count: '次数请填 1 到 500。',
    until: '结束日期不能早于第一次活动的日期。',
  },
  registrant: {
    nameRequired: '请填写报名人的姓名。',
    nameTooLong: '姓名最多 30 个字。',
  },
};
