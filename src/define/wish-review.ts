import { SqWishReview } from '../features/wishes/elements/wish-review/index.js';

SqWishReview.define();

export { SqWishReview };
