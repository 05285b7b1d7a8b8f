/**
 * `shequ-kit/locales/zh-CN`: every namespace's strings in zh-CN, to translate or adjust
 * (`i18n.addResourceBundle(lang, namespace, strings)`). Elements load their own namespaces.
 */
export { default as complaintDeskCase } from '../features/complaints/locales/zh-CN/complaint-desk-case.js';
export { default as adminFields } from '../features/admin/locales/zh-CN/admin-fields.js';
export { default as complaintDesk } from '../features/complaints/locales/zh-CN/complaint-desk.js';
export { default as complaintFields } from '../features/complaints/locales/zh-CN/complaint-fields.js';
export { default as complaintFormAfter } from '../features/complaints/locales/zh-CN/complaint-form-after.js';
export { default as complaintForm } from '../features/complaints/locales/zh-CN/complaint-form.js';
export { default as complaintMetrics } from '../features/complaints/locales/zh-CN/complaint-metrics.js';
export { default as complaintQr } from '../features/complaints/locales/zh-CN/complaint-qr.js';
export { default as complaintTracker } from '../features/complaints/locales/zh-CN/complaint-tracker.js';
export { default as communityPicker } from '../features/core/locales/zh-CN/community-picker.js';
export { default as wishFields } from '../features/wishes/locales/zh-CN/wish-fields.js';
export { default as wishForm } from '../features/wishes/locales/zh-CN/wish-form.js';
export { default as wishReviewQueue } from '../features/wishes/locales/zh-CN/wish-review-queue.js';
export { default as wishReview } from '../features/wishes/locales/zh-CN/wish-review.js';
export { default as wishTracker } from '../features/wishes/locales/zh-CN/wish-tracker.js';
export { default as wishWall } from '../features/wishes/locales/zh-CN/wish-wall.js';
export { default as common } from '../ui/locales/zh-CN/common.js';
export { default as bookingFields } from '../features/booking/locales/zh-CN/booking-fields.js';
export { default as volunteerBooking } from '../features/booking/locales/zh-CN/volunteer-booking.js';
export { default as volunteerBookingAfter } from '../features/booking/locales/zh-CN/volunteer-booking-after.js';
export { default as bookingDesk } from '../features/booking/locales/zh-CN/booking-desk.js';
export { default as bookingDeskPanels } from '../features/booking/locales/zh-CN/booking-desk-panels.js';
export { default as activityCalendar } from '../features/calendar/locales/zh-CN/activity-calendar.js';
export { default as activityDesk } from '../features/calendar/locales/zh-CN/activity-desk.js';
export { default as activityDeskLater } from '../features/calendar/locales/zh-CN/activity-desk-later.js';
export { default as redblackFields } from '../features/redblack/locales/zh-CN/redblack-fields.js';
export { default as redblackBoard } from '../features/redblack/locales/zh-CN/redblack-board.js';
export { default as redblackBoardAfter } from '../features/redblack/locales/zh-CN/redblack-board-after.js';
export { default as redblackScoreSheet } from '../features/redblack/locales/zh-CN/redblack-score-sheet.js';
export { default as redblackScoreFields } from '../features/redblack/locales/zh-CN/redblack-score-fields.js';
export { default as redblackEditor } from '../features/redblack/locales/zh-CN/redblack-editor.js';
export { default as redblackEditorAfter } from '../features/redblack/locales/zh-CN/redblack-editor-after.js';
