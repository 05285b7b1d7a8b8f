import { SqWishReview } from '../elements/wish-review/index.js';

SqWishReview.define();

export { SqWishReview };
