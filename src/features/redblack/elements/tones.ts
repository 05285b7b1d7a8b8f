import type { StatusTone } from '../../../ui/tokens.js';
import type { AppealStatus, RedblackStatus } from '../machine.js';

/** Where each status of a 红黑榜 entry sits on the shared status scale (the editor's badges). */
export const redblackTone: Record<RedblackStatus, StatusTone> = {
  draft: 'new',
  submitted: 'progress',
  published: 'progress',
  rectified: 'done',
  archived: 'rejected',
  expired: 'overdue',
  withdrawn: 'rejected',
};

/** An appeal's status on the same scale. */
export const appealTone: Record<AppealStatus, StatusTone> = {
  pending: 'progress',
  upheld: 'done',
  dismissed: 'rejected',
};
