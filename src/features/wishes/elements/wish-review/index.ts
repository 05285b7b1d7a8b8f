export { SqWishReview, SqWishActedEvent, type WishReviewAction } from './wish-review.js';
