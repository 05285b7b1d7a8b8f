/**
 * <sq-redblack-board>: 红黑榜, what its first render says (the lists, the archive, the change
 * log, kiosk and poster). What it says after (the appeal form, its receipt, the look-up by
 * code) is redblack-board-after.ts, and the fields' messages redblack-fields.ts: both join
 * these in the element's later chunk.
 */
export default {
  title: '红黑榜',
  titleOf: '{{community}}红黑榜',
  about: '红榜表扬好人好事，黑榜只点名地点和单位，不点名个人。对黑榜有异议可以申诉。',
  lists: { red: '红榜', black: '黑榜' },
  listIcon: { red: '★', black: '▲' },
  listHint: {
    red: '表扬身边的好人好事和文明楼道。个人上榜须经本人同意。',
    black: '曝光不文明现象，只写楼栋、单元、区域、单位或商户。整改后标注“已整改”。',
  },
  count: '（{{n}} 条）',
  periodPick: '评比周期',
  current: '当前在榜',
  periodNow: '当前在榜（{{label}}）',
  archived: '已归档',
  expired: '已到期',
  rectifiedBadge: '已整改',
  pending: '待整改',
  rectifiedOn: '{{date}} 整改完成：{{note}}',
  category: '评比项目',
  published: '{{date}} 上榜',
  until: '在榜至 {{date}}',
  none: { red: '这一期红榜暂时没有内容。', black: '这一期黑榜暂时没有内容。' },
  photos: '{{n}} 张照片（已确认无人脸、车牌和门牌号）',
  changes: '更正记录',
  changesNone: '本榜发布后没有更正或撤销。',
  change: { corrected: '更正', withdrawn: '撤销' },
  changeLine: '{{date}} {{kind}}：{{subject}}，{{note}}',
  appealButton: '对这条有异议？申诉',
  appealFor: '申诉：{{subject}}',
  lookup: '查询申诉结果',
  scoresOpen: '查我家楼栋评分',
  loadFailed: '红黑榜没有加载成功。',
  kiosk: {
    page: '第 {{n}} / {{total}} 页',
    pause: '暂停翻页',
    play: '继续翻页',
    paused: '已暂停自动翻页。',
    next: '下一页',
    prev: '上一页',
    appealHere: '如需申诉，请到社区党群服务中心或在手机上打开红黑榜。',
  },
  poster: {
    footer: '红黑榜只点名地点和单位，不点名个人。如有异议，可在公布之日起向社区申诉。',
  },
  print: '打印张贴版',
  back: '返回红黑榜',
};
