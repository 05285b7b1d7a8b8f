export { SqWishReview } from './wish-review.js';
export { SqWishActedEvent, type WishReviewAction } from './events.js';
