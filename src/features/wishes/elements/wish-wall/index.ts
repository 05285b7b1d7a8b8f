export { SqWishWall, VIRTUALIZE_AFTER } from './wish-wall.js';
export { SqClaimedEvent } from './events.js';
