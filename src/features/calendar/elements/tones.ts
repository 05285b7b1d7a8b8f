import type { StatusTone } from '../../../ui/tokens.js';
import type { ActivityStatus, RegistrationStatus } from '../machine.js';

/** Where each activity status sits on the shared status scale (the desk's badges). */
export const activityTone: Record<ActivityStatus, StatusTone> = {
  draft: 'progress',
  published: 'new',
  cancelled: 'rejected',
  finished: 'done',
};

/** Where each registration status sits on the shared status scale. */
export const registrationTone: Record<RegistrationStatus, StatusTone> = {
  confirmed: 'new',
  waitlisted: 'progress',
  promoted: 'new',
  attended: 'done',
  cancelled: 'rejected',
  expired: 'rejected',
};
