import signIn from '../../../../ui/locales/zh-CN/sign-in.js';

/**
 * <sq-activity-desk>: the staff desk of 社区活动 (list, form with its recurrence and preview,
 * publishing and cancelling, an occurrence's registrations, 签到, 代报名, CSV).
 */
export default {
  title: '社区活动 · 工作台',
  signedIn: '{{name}}，您好',
  logout: '退出登录',
  login: signIn,
  failed: '没有成功：',
  refresh: '刷新',
  create: '新建活动',
  filter: '按状态查看',
  all: '全部',
  statuses: {
    draft: '草稿',
    published: '已发布',
    cancelled: '已取消',
    finished: '已结束',
  },
  emptyList: '还没有活动。点“新建活动”发布第一个。',
  emptyFilter: '没有这个状态的活动。',
};
