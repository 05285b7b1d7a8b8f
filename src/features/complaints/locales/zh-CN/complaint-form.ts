/**
 * <sq-complaint-form>: 居民说事, what its first render says. What it says only after a check
 * (complaint-form-after.ts) and the fields' validation messages (complaint-fields.ts) join
 * these in the form's later chunk.
 */
export default {
  title: '我要说事',
  intro: '反映身边的问题，社区会在期限内答复并办理。',
  field: {
    category: '问题类型',
    description: '发生了什么',
    where: '在哪里',
    place: '具体地点',
    photos: '照片（选填，最多 {{max}} 张）',
    contact: '联系方式',
    name: '姓名',
    phone: '电话',
  },
  choose: '请选择',
  categoryHint: '不确定就选“其他”。',
  descriptionHint: '写清楚时间、经过和影响，10 到 1000 字。',
  counter: '已写 {{n}} / {{max}} 字',
  inList: '从列表选择',
  inWords: '自己描述',
  textHint: '例如：3号楼东侧消防通道',
  photosHint: '照片会压缩后上传。',
  photosPick: '添加照片',
  photosNone: '还没有选照片。',
  photosChosen: '已选 {{count}} 张，还能再选 {{left}} 张。',
  photosFull: '已选满 {{count}} 张。要换一张，请先删除一张。',
  photoAlt: '第 {{n}} 张照片',
  remove: '删除第 {{n}} 张照片',
  anonymous: '匿名反映（不留姓名和电话）',
  anonymousHint: '匿名后社区无法回电，只能凭查询码查看答复。',
  phoneHint: '手机或座机，仅供社区联系您，不会公开。',
  privacy: '个人信息处理说明',
  privacyWho: '收集者：{{controller}}。',
  privacyWhat:
    '用途：受理、办理和答复您反映的问题。收集内容：问题描述、地点、照片，以及（不匿名时）姓名和电话。',
  privacyKeep:
    '保存期限：办结、退回或转办后 {{days}}。到期删除姓名、电话、描述和照片，查询码随之失效，只留不含个人信息的统计。',
  privacyRights: '查阅、更正、删除个人信息请联系：{{contact}}。',
  defaultController: '本社区居民委员会',
  defaultContact: '社区服务站',
  consent: '我已阅读并同意以上说明',
  publish: '同意在隐去个人信息后公开问题摘要（选填）',
  submit: '提交',
  queuedTitle: '已保存在这部手机上',
  queued:
    '现在连不上网络。您反映的事没有丢，不用重新填写：网络恢复后会自动发给社区，发出后这里会显示受理编号和查询码。',
  refused: '之前保存的反映没有被受理：',
  dismiss: '知道了，删除这条记录',
  loadFailed: '无法加载社区信息。',
};
