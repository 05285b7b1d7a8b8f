/**
 * 微心愿: the wish fields' validation messages (keys from src/features/wishes/model.ts).
 * Spread into the namespaces of the elements that show them.
 */
export default {
  publishConsent: { required: '心愿需要公开展示，请勾选同意公开。' },
  title: { tooShort: '标题太短。', tooLong: '标题请控制在 30 字以内。' },
  story: { tooShort: '请至少写 10 个字。', tooLong: '请控制在 300 字以内。' },
  alias: { tooLong: '展示名称请控制在 20 字以内。' },
  value: { negative: '金额不能是负数。', tooHigh: '金额不能超过 {{max}} 元（社区的上限）。' },
  claimerType: { invalid: '请选择认领身份。' },
  claimer: { nameRequired: '请填写姓名或单位名称。', nameTooLong: '名称太长。' },
  rejectReason: { required: '请填写驳回原因。' },
  fulfilNote: { required: '请填写完成情况。', tooLong: '完成情况请控制在 300 字以内。' },
  thanks: { tooLong: '感谢的话请控制在 200 字以内。' },
};
