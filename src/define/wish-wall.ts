import { SqWishWall } from '../features/wishes/elements/wish-wall/index.js';

SqWishWall.define();

export { SqWishWall };
