/**
 * `shequ-kit/locales/en`: every namespace's strings in en, to translate or adjust
 * (`i18n.addResourceBundle(lang, namespace, strings)`). Elements load their own namespaces.
 */
export { default as adminFields } from '../features/admin/locales/en/admin-fields.js';
export { default as complaintDesk } from '../features/complaints/locales/en/complaint-desk.js';
export { default as complaintFields } from '../features/complaints/locales/en/complaint-fields.js';
export { default as complaintForm } from '../features/complaints/locales/en/complaint-form.js';
export { default as complaintMetrics } from '../features/complaints/locales/en/complaint-metrics.js';
export { default as complaintQr } from '../features/complaints/locales/en/complaint-qr.js';
export { default as complaintTracker } from '../features/complaints/locales/en/complaint-tracker.js';
export { default as communityPicker } from '../features/core/locales/en/community-picker.js';
export { default as wishFields } from '../features/wishes/locales/en/wish-fields.js';
export { default as wishForm } from '../features/wishes/locales/en/wish-form.js';
export { default as wishReview } from '../features/wishes/locales/en/wish-review.js';
export { default as wishTracker } from '../features/wishes/locales/en/wish-tracker.js';
export { default as wishWall } from '../features/wishes/locales/en/wish-wall.js';
export { default as common } from '../ui/locales/en/common.js';
export { default as bookingFields } from '../features/booking/locales/en/booking-fields.js';
export { default as volunteerBooking } from '../features/booking/locales/en/volunteer-booking.js';
export { default as bookingDesk } from '../features/booking/locales/en/booking-desk.js';
export { default as activityCalendar } from '../features/calendar/locales/en/activity-calendar.js';
export { default as activityDesk } from '../features/calendar/locales/en/activity-desk.js';
export { default as redblackFields } from '../features/redblack/locales/en/redblack-fields.js';
export { default as redblackBoard } from '../features/redblack/locales/en/redblack-board.js';
export { default as redblackScoreSheet } from '../features/redblack/locales/en/redblack-score-sheet.js';
export { default as redblackScoreFields } from '../features/redblack/locales/en/redblack-score-fields.js';
export { default as redblackEditor } from '../features/redblack/locales/en/redblack-editor.js';
