import { pageSchema } from '../../domain/paging.js';
import {
  claimReceiptSchema,
  wishActionRequestSchema,
  wishCardSchema,
  wishClaimRequestSchema,
  wishCodeInputSchema,
  wishCountsQuerySchema,
  wishCountsSchema,
  wishFulfilInputSchema,
  wishIdSchema,
  wishInputSchema,
  wishListQuerySchema,
  wishQueueQuerySchema,
  wishReceiptSchema,
  wishStaffViewSchema,
  wishThankInputSchema,
  wishWisherViewSchema,
} from './model.js';
import { withSchemas } from '../../domain/operation.js';
import { wishRoutes } from './routes.js';

/** 微心愿: the wish operations of the contract. */
export const wishOperations = withSchemas(wishRoutes, {
  listWishes: {
    summary:
      'The wish wall (心愿墙): public wishes, claimable (待认领) first, then claimed, then fulfilled, each newest first; masked names, never a phone',
    input: wishListQuerySchema,
    output: pageSchema(wishCardSchema),
  },
  getWish: {
    summary: 'One public wish card (404 while in review, rejected or withdrawn)',
    input: wishIdSchema,
    output: wishCardSchema,
  },
  postWish: {
    summary: "Post a wish (点单); it waits for staff review. The response's code is shown once",
    input: wishInputSchema,
    output: wishReceiptSchema,
  },
  claimWish: {
    summary: 'Claim an open wish (领单): one claimer wins, others get 409 already_claimed',
    input: wishClaimRequestSchema,
    output: claimReceiptSchema,
  },
  fulfilWish: {
    summary: "Mark a claimed wish fulfilled with the claimer's code (认领码)",
    input: wishFulfilInputSchema,
    output: wishCardSchema,
  },
  wishStatus: {
    summary: "A wish as its wisher sees it, by the wisher's code (in the body, never a URL)",
    input: wishCodeInputSchema,
    output: wishWisherViewSchema,
  },
  thankWish: {
    summary: 'The wisher thanks the claimer of a fulfilled wish (评单)',
    input: wishThankInputSchema,
    output: wishWisherViewSchema,
  },
  withdrawWish: {
    summary: 'The wisher withdraws a wish nobody has claimed',
    input: wishCodeInputSchema,
    output: wishWisherViewSchema,
  },
  listWishQueue: {
    summary: "Staff: a community's wishes in any status, newest first, with phones",
    input: wishQueueQuerySchema,
    output: pageSchema(wishStaffViewSchema),
  },
  actOnWish: {
    summary: 'Staff: approve, reject (with a reason), release a claim, or record fulfilment',
    input: wishActionRequestSchema,
    output: wishStaffViewSchema,
  },
  wishCounts: {
    summary: 'Staff: wishes posted, claimed and fulfilled in a period, median days to fulfil',
    input: wishCountsQuerySchema,
    output: wishCountsSchema,
  },
});
