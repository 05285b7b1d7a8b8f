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
};
