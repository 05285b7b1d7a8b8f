import { SqWishTracker } from '../elements/wish-tracker/index.js';

SqWishTracker.define();

export { SqWishTracker };
