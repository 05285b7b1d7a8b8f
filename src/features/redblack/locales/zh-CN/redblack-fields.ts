/**
 * 红黑榜: the board's field validation messages (keys from src/features/redblack/model.ts and
 * service.ts). Spread into the namespaces of the elements that show them.
 */
export default {
  /** 403 `forbidden` on return or publish by the entry's author. */
  review: { ownEntry: '这条是您写的，需要另一位工作人员审核和发布。' },
  list: { invalid: '请选择红榜或黑榜。' },
  period: { invalid: '请选择评比周期（月、季度或年度）。' },
  subject: {
    invalid: '请选择上榜对象：楼栋、单元、小区区域、单位或商户、家庭，或个人。',
    notAPlace: '黑榜只能写楼栋、单元、小区区域、单位或商户，不能写个人或家庭。',
  },
  subjectName: {
    required: '请填写名称（至少 2 个字）。',
    tooLong: '名称请控制在 60 字以内。',
  },
  person: { nameRequired: '请填写姓名。', nameTooLong: '姓名太长。' },
  personConsent: {
    required: '上榜个人需要本人单独同意：请登记同意的日期和方式。',
  },
  rubric: { otherList: '这个评比项目不属于所选的榜单，请重新选择。' },
  entryReason: {
    required: '请填写上榜理由（至少 5 个字）。',
    tooLong: '上榜理由请控制在 300 字以内。',
  },
  evidence: {
    tooMany: '最多 6 张照片。',
    unknown: '这张照片没有上传成功，请重新上传。',
  },
  redblackNote: { required: '请填写说明，居民会看到它。', tooLong: '说明请控制在 200 字以内。' },
  correction: {
    sameList: '发布后不能改变榜单；请撤销后重新填写。',
    samePeriod: '发布后不能改变评比周期；请撤销后重新填写。',
    noteRequired: '发布后的更正需要一句公开说明，会显示在榜单的更正记录里。',
  },
  rectified: {
    future: '整改日期不能晚于今天。',
    beforePeriod: '整改日期不能早于评比周期开始。',
  },
  appellant: {
    roleRequired: '请填写您的身份，例如“楼栋长”或“店主”。',
    roleTooLong: '身份请控制在 20 字以内。',
    nameRequired: '请填写联系人姓名。',
    nameTooLong: '姓名太长。',
  },
  appeal: {
    reasonRequired: '请写明申诉理由（至少 5 个字）。',
    reasonTooLong: '申诉理由请控制在 500 字以内。',
  },
};
