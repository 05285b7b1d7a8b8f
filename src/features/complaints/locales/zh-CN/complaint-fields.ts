/**
 * 居民说事: the complaint fields' validation messages (keys from src/features/complaints/model.ts).
 * Spread into the namespaces of the elements that show them.
 */
export default {
  answers: { required: '请回答这个问题。', unknown: '这个问题不属于所选的问题类型。' },
  ticket: { invalid: '工单号格式不正确，例如 SQ‑2026‑000123。' },
  queryCode: { invalid: '查询码是 8 位字母和数字。' },
  description: {
    tooShort: '请至少写 10 个字，说清楚发生了什么。',
    tooLong: '内容太长，请控制在 1000 字以内。',
  },
  contact: {
    required: '请留下联系人和电话，或选择匿名反映。',
    nameRequired: '请填写姓名。',
    nameTooLong: '姓名太长。',
  },
  photos: { tooMany: '最多上传 6 张照片。', unknown: '照片没有上传成功，请重新添加。' },
  rating: { required: '请选择满意程度。' },
  comment: { tooLong: '评价请控制在 500 字以内。' },
  reply: { required: '请填写内容。', tooLong: '内容请控制在 2000 字以内。' },
  returnReason: { required: '请选择退回原因。' },
  transferTo: { required: '请填写转办单位。' },
  extend: { days: '延期天数为 1 到 30 个工作日。' },
  photo: { unknown: '照片没有上传成功，请重新添加。' },
  handler: { unknown: '请选择本社区的工作人员。' },
};
