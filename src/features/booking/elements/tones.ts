import type { StatusTone } from '../../../ui/tokens.js';
import type { BookingStatus } from '../machine.js';

/** Where each status of a booking sits on the shared status scale (badges in 我的预约 and the desk). */
export const bookingTone: Record<BookingStatus, StatusTone> = {
  confirmed: 'new',
  waitlisted: 'progress',
  promoted: 'new',
  attended: 'done',
  cancelled: 'rejected',
  no_show: 'overdue',
  expired: 'rejected',
};
