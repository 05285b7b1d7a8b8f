import { SqWishWall } from '../elements/wish-wall/index.js';

SqWishWall.define();

export { SqWishWall };
