import { SqWishTracker } from '../features/wishes/elements/wish-tracker/index.js';

SqWishTracker.define();

export { SqWishTracker };
