import type { StatusTone } from '../../../ui/tokens.js';
import type { ComplaintStatus } from '../machine.js';

/** Where each status of a case sits on the shared status scale (badges in desk and tracker). */
export const complaintTone: Record<ComplaintStatus, StatusTone> = {
  received: 'new',
  assigned: 'progress',
  in_progress: 'progress',
  transferred: 'progress',
  resolved: 'done',
  rated: 'done',
  returned: 'rejected',
};
