import signIn from '../../../../ui/locales/zh-CN/sign-in.js';

/**
 * <sq-redblack-editor>: 红黑榜 staff editor, what its first render says (title, sign-in, the
 * tabs). What it says with its data (the forms, the queues, the counts) is
 * redblack-editor-after.ts, and the fields' messages redblack-fields.ts: both join these in
 * the element's later chunk.
 */
export default {
  title: '红黑榜 · 编辑与审核',
  signedIn: '{{name}}，您好',
  logout: '退出登录',
  tabsLabel: '红黑榜工作台',
  tabs: {
    drafts: '草稿',
    review: '待审核',
    published: '已发布',
    appeals: '申诉',
    scores: '和谐楼道评分',
  },
  login: signIn,
  failed: '没有成功：',
};
