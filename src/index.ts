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

export { SqProvider } from './elements/provider/index.js';
export { SqCommunityPicker } from './elements/community-picker/index.js';
export { SqComplaintForm } from './elements/complaint-form/index.js';
export { SqComplaintTracker, SqRatedEvent } from './elements/complaint-tracker/index.js';
export { SqComplaintDesk } from './elements/complaint-desk/index.js';
export { SqComplaintMetrics } from './elements/complaint-metrics/index.js';
export { SqComplaintQr, prefillUrl } from './elements/complaint-qr/index.js';
export { SqWishWall, SqClaimedEvent } from './elements/wish-wall/index.js';
export { SqWishForm } from './elements/wish-form/index.js';
export { SqWishTracker, SqThankedEvent } from './elements/wish-tracker/index.js';
export { SqWishReview, SqWishActedEvent } from './elements/wish-review/index.js';
export { SqSubmittedEvent } from './elements/base/events.js';
export { SqElement, i18n, defineElement } from './elements/base/index.js';
export { createClient, ApiError } from './sdk/index.js';
export type { Client, ClientOptions } from './sdk/index.js';
