import type zhCN from '../zh-CN/complaint.js';

export default {
  status: {
    received: 'Received',
    assigned: 'Assigned',
    in_progress: 'In progress',
    resolved: 'Resolved',
    rated: 'Rated',
    returned: 'Returned',
    transferred: 'Transferred',
  },
  rating: { satisfied: 'Satisfied', basically_satisfied: 'Mostly satisfied', unsatisfied: 'Not satisfied' },
  action: {
    submit: 'Submitted',
    assign: 'Assign',
    start: 'Start work',
    reply: 'Reply to resident',
    note: 'Internal note',
    resolve: 'Resolve',
    return: 'Return',
    transfer: 'Transfer',
    extend: 'Extend deadline',
    rate: 'Resident rating',
    reopen: 'Not satisfied, reopened',
  },
  returnReason: {
    not_our_jurisdiction: 'Not this community’s responsibility',
    duplicate: 'Already reported',
    insufficient_detail: 'Not enough detail to act on',
  },
  ticket: 'Ticket',
  queryCode: 'Query code',
  due: 'Due by',
  overdue: 'Overdue',
  handler: 'Handled by',
  received: 'Received',
} satisfies typeof zhCN;
