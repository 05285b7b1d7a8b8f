import type zhCN from '../zh-CN/complaint-metrics.js';

/** <sq-complaint-metrics>: the three rates of resident concerns for a period. */
export default {
  title: 'Response, resolution and satisfaction',
  from: 'From',
  to: 'To',
  show: 'Show',
  period: 'Cases received {{from}} – {{to}}',
  total: 'Received',
  responseRate: 'Responded in time',
  resolutionRate: 'Resolved',
  satisfactionRate: 'Satisfied',
  overdue: 'Overdue',
  category: 'Category',
  byCategory: 'By category',
  none: 'No data',
  empty: 'No cases were received in this period. Try other dates.',
  failed: 'Could not load the figures. ',
  help: 'Responded in time: first reply or resolution within 1 working day. Resolved: resolved or rated. Satisfied: share of ratings that were satisfied or basically satisfied. Overdue: open and past the deadline today.',
} satisfies typeof zhCN;
