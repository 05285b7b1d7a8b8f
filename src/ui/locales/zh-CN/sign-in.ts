/** The staff sign-in form's strings (src/ui/sign-in.ts), under `login` in each staff element's. */
export default {
  title: '工作人员登录',
  username: '用户名',
  password: '密码',
  submit: '登录',
  failed: '用户名或密码不正确。',
  expired: '登录已过期，请重新登录。',
  loggedOut: '已退出登录。',
  embedded:
    '本页是演示模式，数据只存在这台设备的浏览器里，不能登录：要以工作人员身份操作，请由页面指定演示账号（actor）。',
};
