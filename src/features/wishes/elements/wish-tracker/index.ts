export { SqWishTracker, SqThankedEvent, type ThankedDetail } from './wish-tracker.js';
