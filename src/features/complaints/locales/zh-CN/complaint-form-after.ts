/**
 * <sq-complaint-form>: what it says only after a check (same namespace, `complaint-form`),
 * loaded with its later chunk: an empty field, the error summary, sending, failure, the receipt.
 */
export default {
  /** What to do about an empty field (ui/field-errors.ts). */
  empty: { category: '请选择问题类型。', text: '请写下具体地点，例如：3号楼东侧消防通道。' },
  summary: '请修改以下 {{n}} 处：',
  sending: '正在提交…',
  failed: '提交失败：',
  receipt: {
    received: '已收到您的反映',
    ticket: '工单号',
    code: '查询码',
    copy: '复制查询码',
    copied: '已复制。',
    copyFailed: '无法自动复制，查询码已选中，请长按复制。',
    due: '答复期限',
    keep: '请记下工单号和查询码：查询码只显示这一次，凭它查看进展和答复。',
    again: '再反映一件事',
  },
};
