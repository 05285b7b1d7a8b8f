import type { wishOperations } from './contract.js';
import type { HandlerTable } from '../core/handlers.js';
import * as wishes from './service.js';

/** 微心愿: the handlers of contract-wishes.ts. */
export const wishHandlers: HandlerTable<keyof typeof wishOperations> = {
  listWishes: (ctx, query) => wishes.listWishes(ctx, query),
  getWish: (ctx, { id }) => wishes.getWish(ctx, id),
  postWish: (ctx, input) => wishes.postWish(ctx, input),
  claimWish: (ctx, input) => wishes.claimWish(ctx, input),
  fulfilWish: (ctx, input) => wishes.fulfilWish(ctx, input),
  wishStatus: (ctx, { code }) => wishes.wishStatus(ctx, code),
  thankWish: (ctx, input) => wishes.thankWish(ctx, input),
  withdrawWish: (ctx, { code }) => wishes.withdrawWish(ctx, code),
  listWishQueue: (ctx, query) => wishes.listWishQueue(ctx, query),
  actOnWish: (ctx, input) => wishes.actOnWish(ctx, input),
  wishCounts: (ctx, query) => wishes.wishCounts(ctx, query),
};
