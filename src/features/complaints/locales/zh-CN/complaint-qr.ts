/** <sq-complaint-qr>: 说事二维码 for a building or unit, and its printable poster. */
export default {
  caption: '扫码说事',
  qrLabel: '说事二维码：{{place}}',
  loadingPlace: '正在读取地点…',
  title: '居民说事',
  lead: '身边有烦心事？用手机微信扫一扫，告诉社区。',
  steps: {
    scan: '打开微信“扫一扫”，对准二维码。',
    write: '选择问题类型，写清楚发生了什么，可以拍照。',
    track: '记下工单号和查询码，随时查看办理进度。',
  },
  promise: '件件有回音：社区会在规定的工作日内答复和办理。',
  link: '链接：',
  print: '打印海报',
  invalid: {
    base: '表单页面地址不正确，需要以 http:// 或 https:// 开头。',
    community: '请设置社区编号。',
    grid: '网格编号不正确：只能用字母、数字、- 和 _。',
    building: '楼栋编号不正确：只能用字母、数字、- 和 _。',
    unit: '单元编号不正确：只能用字母、数字、- 和 _。',
    category: '问题类型编号不正确：只能用字母、数字、- 和 _。',
  },
  parentMissing: { building: '设置楼栋前请先设置网格。', unit: '设置单元前请先设置楼栋。' },
  stale: '这个{{level}}已不在社区名单里，请检查编号后再生成二维码。',
  staleCategory: '这个问题类型不在社区的类别里。',
  levels: { community: '社区', grid: '网格', building: '楼栋', unit: '单元' },
  loadFailed: '无法读取社区信息。',
};
