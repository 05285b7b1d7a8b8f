/**
 * shequ-kit: importing this module registers every element. For one element only, import
 * `shequ-kit/define/<name>`; for the classes without registering, `shequ-kit/elements/<name>`.
 */
import './define/provider.js';
import './define/community-picker.js';
import './define/complaint-form.js';
import './define/complaint-tracker.js';
import './define/complaint-desk.js';
import './define/complaint-metrics.js';
import './define/complaint-qr.js';
import './define/wish-wall.js';
import './define/wish-form.js';
import './define/wish-tracker.js';
import './define/wish-review.js';
import './define/volunteer-booking.js';
import './define/booking-desk.js';
import './define/activity-calendar.js';
import './define/activity-desk.js';
import './define/redblack-board.js';
import './define/redblack-score-sheet.js';
import './define/redblack-editor.js';

export { SqProvider } from './features/core/elements/provider/index.js';
export { SqCommunityPicker } from './features/core/elements/community-picker/index.js';
export { SqComplaintForm } from './features/complaints/elements/complaint-form/index.js';
export {
  SqComplaintTracker,
  SqRatedEvent,
} from './features/complaints/elements/complaint-tracker/index.js';
export { SqComplaintDesk } from './features/complaints/elements/complaint-desk/index.js';
export { SqComplaintMetrics } from './features/complaints/elements/complaint-metrics/index.js';
export { SqComplaintQr, prefillUrl } from './features/complaints/elements/complaint-qr/index.js';
export { SqWishWall, SqClaimedEvent } from './features/wishes/elements/wish-wall/index.js';
export { SqWishForm } from './features/wishes/elements/wish-form/index.js';
export { SqWishTracker, SqThankedEvent } from './features/wishes/elements/wish-tracker/index.js';
export { SqWishReview, SqWishActedEvent } from './features/wishes/elements/wish-review/index.js';
export {
  SqVolunteerBooking,
  SqBookedEvent,
  SqCancelledEvent,
} from './features/booking/elements/volunteer-booking/index.js';
export { SqBookingDesk } from './features/booking/elements/booking-desk/index.js';
export { SqActivityCalendar } from './features/calendar/elements/activity-calendar/index.js';
export {
  SqActivityDesk,
  SqActivityChangedEvent,
} from './features/calendar/elements/activity-desk/index.js';
export {
  SqRedblackBoard,
  SqAppealedEvent,
  SqPeriodChangeEvent,
} from './features/redblack/elements/redblack-board/index.js';
export {
  SqRedblackScoreSheet,
  SqScoredEvent,
} from './features/redblack/elements/score-sheet/index.js';
export {
  SqRedblackEditor,
  SqEntryActedEvent,
  SqAppealDecidedEvent,
} from './features/redblack/elements/redblack-editor/index.js';
export { SqSubmittedEvent } from './ui/events.js';
export { SqElement } from './ui/sq-element.js';
export { i18n } from './ui/localize.js';
export { defineElement } from './ui/define.js';
export { createClient, ApiError } from './sdk/index.js';
export type { Client, ClientOptions } from './sdk/index.js';
