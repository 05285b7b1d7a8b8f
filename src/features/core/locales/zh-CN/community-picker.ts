/** <sq-community-picker>: 社区 → 网格 → 楼栋 → 单元. */
export default {
  legend: '所在位置',
  hint: '先选社区，再依次选择下一级。',
  community: '社区',
  grid: '网格',
  building: '楼栋',
  unit: '单元',
  /** A level's name inside a sentence. */
  inline: { community: '社区', grid: '网格', building: '楼栋', unit: '单元' },
  choose: '请选择{{level}}',
  chooseFirst: '请先选择{{level}}',
  none: '无可选{{level}}',
  missing: '请选择{{level}}。',
  chosen: '已选：{{place}}',
  stale: '链接中的{{level}}已不存在，请重新选择。',
  unavailable: '暂不可用',
  loadFailed: '无法加载社区信息。',
  empty: '暂时没有可选的社区。',
};
