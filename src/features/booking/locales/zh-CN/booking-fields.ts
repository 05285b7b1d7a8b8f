/**
 * 志愿服务预约: the booking fields' validation messages (keys from src/features/booking/model.ts
 * and service.ts). Spread into the namespaces of the elements that show them.
 */
export default {
  /** The feature's error codes (src/domain/errors.ts): its elements merge them into `common`. */
  errors: {
    slot_unavailable: '这个时段现在不能预约（已结束、已关闭或还未开放），请选择其他时段。',
    booking_limit: '您预约这项服务的次数已达上限，请先完成或取消已有的预约。',
    cutoff_passed: '已过网上取消的截止时间，如不能前来，请致电社区。',
  },
  serviceName: {
    required: '请填写服务名称（至少 2 个字）。',
    tooLong: '服务名称请控制在 40 字以内。',
  },
  team: { required: '请填写服务队名称，例如“党建红”。', tooLong: '服务队名称请控制在 20 字以内。' },
  serviceDescription: { tooLong: '服务介绍请控制在 500 字以内。' },
  address: { required: '请填写服务站地址。', tooLong: '地址请控制在 100 字以内。' },
  notice: { tooLong: '注意事项请控制在 300 字以内。' },
  eligibility: { tooLong: '服务对象说明请控制在 100 字以内。' },
  questions: { duplicate: '问题编号重复了，请换一个。' },
  schedule: {
    timeInvalid: '时间格式为 时:分，例如 08:30。',
    timeRange: '结束时间要晚于开始时间。',
    weekdaysRequired: '请至少选择一天。',
  },
  reason: { required: '请填写原因，居民会看到它。', tooLong: '原因请控制在 100 字以内。' },
  booker: { nameRequired: '请填写预约人姓名。', nameTooLong: '姓名太长。' },
  forWhom: { invalid: '请选择为本人预约还是代老人预约。' },
  elder: {
    required: '代约时请填写老人的姓名和与您的关系。',
    nameRequired: '请填写老人的姓名。',
    nameTooLong: '姓名太长。',
    relationRequired: '请填写与老人的关系，例如“女儿”。',
    relationTooLong: '关系请控制在 20 字以内。',
  },
  party: {
    invalid: '人数为 1 到 10 人。',
    tooMany: '这项服务每次预约最多 {{max}} 人。',
    notSmaller: '只能减少人数（最多 {{max}} 人）。',
  },
  slot: { invalid: '请选择一个时段。', unknown: '这个时段不在服务时间内，请重新选择。' },
  eligible: { required: '请确认您（或代约的老人）符合服务对象要求。' },
  location: { required: '上门服务请选择您家的楼栋和单元。' },
  volunteer: {
    nameRequired: '请填写志愿者姓名。',
    nameTooLong: '姓名太长。',
    hours: '服务时长为 0.5 到 24 小时。',
  },
};
