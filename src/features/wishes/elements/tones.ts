import type { StatusTone } from '../../../ui/tokens.js';
import type { WishStatus } from '../model.js';

/** Where each status of a wish sits on the shared status scale (wall, tracker and review badges). */
export const wishTone: Record<WishStatus, StatusTone> = {
  pending_review: 'new',
  open: 'new',
  claimed: 'progress',
  fulfilled: 'done',
  thanked: 'done',
  rejected: 'rejected',
  withdrawn: 'rejected',
};
