/**
 * Community set-up and staff accounts: their field messages (keys from features/admin/model.ts
 * and core/auth-model.ts). Not in `common`: no resident's page shows them.
 */
export default {
  username: {
    invalid: '用户名只能包含字母、数字、点、横线和下划线。',
    taken: '用户名已被使用。',
  },
  password: {
    tooShort: '密码太短，请至少输入 10 个字符。',
    tooLong: '密码太长，请不超过 200 个字符。',
    wrong: '当前密码不正确，请重新输入。',
  },
  staff: { self: '不能停用自己的账号。' },
};
