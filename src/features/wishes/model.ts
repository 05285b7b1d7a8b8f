import * as z from 'zod/mini';
import {
  idSchema,
  periodChecks,
  periodFields,
  phoneSchema,
  queryCodeSchema,
} from '../../domain/schemas.js';
import { cursorSchema } from '../../domain/paging.js';
import { groupedCursorSchema } from '../../domain/grouped-paging.js';
import { maskName } from '../../domain/mask.js';
import { hashQueryCode } from '../../domain/codes.js';
import type { Community } from '../core/model.js';
import { holdEnded, publicWishStatuses, wallOrder, wishActions, wishStatuses } from './machine.js';
import {
  FULFIL_NOTE_MAX,
  REJECT_REASON_MAX,
  STORY_MAX,
  THANKS_MAX,
  TITLE_MAX,
} from '../../domain/input-rules.js';

export * from './machine.js';

/** Who claims: 党员, 单位, 志愿者, 居民. */
export const claimerTypes = ['party_member', 'unit', 'volunteer', 'resident'] as const;
export type ClaimerType = (typeof claimerTypes)[number];

/** A unit's name is public thanks in full; a person's is masked like every name we publish. */
export const publicClaimerName = (type: ClaimerType, name: string): string =>
  type === 'unit' ? name : maskName(name);

/** Default days a claim holds before it is released back to the wall, unfulfilled. */
export const DEFAULT_CLAIM_HOLD_DAYS = 7;
/** Default cap on a wish's estimated value (元), when the community sets none. */
export const DEFAULT_WISH_VALUE_CAP = 200;

export { FULFIL_NOTE_MAX, STORY_MAX, THANKS_MAX, TITLE_MAX };

export const wishInputSchema = z.object({
  community: idSchema,
  grid: z.optional(idSchema),
  category: idSchema,
  title: z
    .string()
    .check(z.trim(), z.minLength(2, 'title.tooShort'), z.maxLength(TITLE_MAX, 'title.tooLong')),
  story: z
    .string()
    .check(z.trim(), z.minLength(10, 'story.tooShort'), z.maxLength(STORY_MAX, 'story.tooLong')),
  /** The wisher's real name: stored, shown masked (`王*`), never in full. */
  wisherName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'contact.nameRequired'),
      z.maxLength(30, 'contact.nameTooLong'),
    ),
  /** What the wall shows instead of the masked name, if given (`王奶奶`, `一位独居老人`). */
  alias: z.optional(z.string().check(z.trim(), z.maxLength(20, 'alias.tooLong'))),
  /** Private: staff and the fulfilling claimer only. */
  phone: phoneSchema,
  /** Estimated value in 元. */
  value: z.optional(z.number().check(z.minimum(0, 'value.negative'), z.maximum(100_000))),
  consent: z.literal(true, 'consent.required'),
  /** Separate consent to show the wish in public (心愿墙). */
  publishConsent: z.literal(true, 'publishConsent.required'),
});
export type WishInput = z.input<typeof wishInputSchema>;

export const claimInputSchema = z.object({
  claimerType: z.enum(claimerTypes, 'claimerType.invalid'),
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'claimer.nameRequired'),
      z.maxLength(60, 'claimer.nameTooLong'),
    ),
  phone: phoneSchema,
  consent: z.literal(true, 'consent.required'),
});
export type ClaimInput = z.input<typeof claimInputSchema>;

/** The name a public wish card shows for its wisher. */
export const publicWisherName = (wish: { wisherName: string; alias?: string | undefined }) =>
  wish.alias?.trim() || maskName(wish.wisherName);

// ---- The stored wish and its views ----

export const wishEventSchema = z.object({
  at: z.string(),
  action: z.enum(wishActions),
  from: z.optional(z.enum(wishStatuses)),
  to: z.enum(wishStatuses),
  actor: z.object({
    kind: z.enum(['wisher', 'claimer', 'staff', 'system']),
    id: z.optional(idSchema),
  }),
  text: z.optional(z.string()),
});

export const wishSchema = z.object({
  id: idSchema,
  community: idSchema,
  grid: z.optional(idSchema),
  category: idSchema,
  title: z.string(),
  story: z.string(),
  wisherName: z.string(),
  alias: z.optional(z.string()),
  phone: z.string(),
  value: z.optional(z.number()),
  status: z.enum(wishStatuses),
  createdAt: z.string(),
  /** Hash of the wisher's code (心愿码), like a complaint's query code. */
  codeHash: z.string(),
  rejectReason: z.optional(z.string()),
  claim: z.optional(
    z.object({
      type: z.enum(claimerTypes),
      name: z.string(),
      phone: z.string(),
      at: z.string(),
      /** Released back to the wall after this instant if not fulfilled. */
      holdUntil: z.string(),
      codeHash: z.string(),
    }),
  ),
  fulfilment: z.optional(
    z.object({ at: z.string(), note: z.string(), photo: z.optional(idSchema) }),
  ),
  thanks: z.optional(z.object({ at: z.string(), message: z.optional(z.string()) })),
  history: z.array(wishEventSchema),
  /**
   * Set when the retention job took the wish's personal data out (its community's
   * `retentionDays` after it ended): names, phones, codes, texts and the photo are gone, and it
   * has left the wall; what the counts need is kept (docs/server.md, Retention).
   */
  anonymisedAt: z.optional(z.string()),
});
export type Wish = z.output<typeof wishSchema>;

/** A card on the public wall: masked wisher, public claimer thanks, never a phone. */
export const wishCardSchema = z.object({
  id: idSchema,
  title: z.string(),
  story: z.string(),
  category: idSchema,
  grid: z.optional(idSchema),
  wisherName: z.string(),
  value: z.optional(z.number()),
  status: z.enum(publicWishStatuses),
  createdAt: z.string(),
  claimer: z.optional(z.object({ type: z.enum(claimerTypes), name: z.string() })),
  fulfilledAt: z.optional(z.string()),
  thanks: z.optional(z.string()),
});
export type WishCard = z.output<typeof wishCardSchema>;

/** Given once when a wish is posted: the code lets the wisher follow, withdraw and thank. */
export const wishReceiptSchema = z.object({
  id: idSchema,
  code: z.string(),
  status: z.enum(wishStatuses),
});
/** Given once to the claimer: the code lets them mark the wish fulfilled. */
export const claimReceiptSchema = z.object({
  card: wishCardSchema,
  claimCode: z.string(),
  holdUntil: z.string(),
});

/** What the wisher sees with their code: the card plus what only they may know. */
export const wishWisherViewSchema = z.object({
  id: idSchema,
  title: z.string(),
  status: z.enum(wishStatuses),
  createdAt: z.string(),
  rejectReason: z.optional(z.string()),
  claimer: z.optional(z.object({ type: z.enum(claimerTypes), name: z.string() })),
  fulfilment: z.optional(z.object({ at: z.string(), note: z.string() })),
  thanks: z.optional(z.string()),
  canWithdraw: z.boolean(),
  canThank: z.boolean(),
});

export const wishListQuerySchema = z.object({
  community: idSchema,
  category: z.optional(idSchema),
  status: z.optional(z.enum(publicWishStatuses)),
  grid: z.optional(idSchema),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  /** The wall pages group by group (wallOrder): the cursor says which group it is in. */
  cursor: z.optional(groupedCursorSchema(wallOrder.length)),
});

/** Staff: review and manage (POST /wishes/{id}/actions). */
export const wishStaffActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }),
  z.object({
    action: z.literal('reject'),
    reason: z
      .string()
      .check(z.trim(), z.minLength(1, 'rejectReason.required'), z.maxLength(REJECT_REASON_MAX)),
  }),
  z.object({ action: z.literal('release') }),
  z.object({
    action: z.literal('fulfil'),
    note: z.string().check(z.trim(), z.minLength(1, 'fulfilNote.required'), z.maxLength(300)),
  }),
]);

export const wishCountsSchema = z.object({
  community: idSchema,
  from: z.string(),
  to: z.string(),
  posted: z.int(),
  claimed: z.int(),
  fulfilled: z.int(),
  /** Median days from posting to fulfilment; null with nothing fulfilled. */
  medianDaysToFulfil: z.nullable(z.number()),
});

// ---- Community settings, holds, codes ----

/** A community's wish settings with their defaults filled in. */
export function wishSettings(community: Pick<Community, 'settings'>): {
  holdDays: number;
  valueCap: number;
} {
  const wish = community.settings?.wish;
  return {
    holdDays: wish?.holdDays ?? DEFAULT_CLAIM_HOLD_DAYS,
    valueCap: wish?.valueCap ?? DEFAULT_WISH_VALUE_CAP,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a claim made at `claimedAt` stops holding (an instant, ISO). */
export const claimHoldUntil = (claimedAt: Date, holdDays: number): string =>
  new Date(claimedAt.getTime() + holdDays * DAY_MS).toISOString();

/** A claim whose hold has passed unfulfilled goes back to the wall (action `release`). */
export const isClaimExpired = (wish: Pick<Wish, 'status' | 'claim'>, now: Date): boolean =>
  !!wish.claim && holdEnded(wish.status, wish.claim.holdUntil, now.getTime());

/**
 * Stored hashes of the two codes a wish has: the wisher's (心愿码) and the claimer's (认领码).
 * Codes are looked up by hash alone (no ticket is typed with them), so the hash is salted with
 * the code's kind only; the store keeps each kind unique.
 */
export const hashWishCode = (kind: 'wish' | 'claim', code: string): string =>
  hashQueryCode(`wish-${kind}`, code);

// ---- Inputs and views of the API (beside the ones above) ----

export const wishIdSchema = z.object({ id: idSchema });
/** POST /wishes/{id}/claim */
export const wishClaimRequestSchema = z.extend(claimInputSchema, { id: idSchema });

/** The claimer marks the wish fulfilled with their claim code (认领码). */
export const wishFulfilInputSchema = z.object({
  claimCode: queryCodeSchema,
  note: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'fulfilNote.required'),
      z.maxLength(FULFIL_NOTE_MAX, 'fulfilNote.tooLong'),
    ),
  /** An upload id (POST /uploads): a photo of the wish come true. */
  photo: z.optional(idSchema),
});
export type WishFulfilInput = z.input<typeof wishFulfilInputSchema>;

/** The wisher's code (心愿码): in a body, never in a URL. */
export const wishCodeInputSchema = z.object({ code: queryCodeSchema });
export const wishThankInputSchema = z.object({
  code: queryCodeSchema,
  message: z.optional(z.string().check(z.trim(), z.maxLength(THANKS_MAX, 'thanks.tooLong'))),
});
export type WishThankInput = z.input<typeof wishThankInputSchema>;

/** Staff: every status, newest first. */
export const wishQueueQuerySchema = z.object({
  community: idSchema,
  status: z.optional(z.enum(wishStatuses)),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(cursorSchema()),
});

export const wishClaimViewSchema = z.object({
  type: z.enum(claimerTypes),
  name: z.string(),
  phone: z.string(),
  at: z.string(),
  holdUntil: z.string(),
});
/** What staff see: the whole wish (phones included) but never a code hash. */
/** The free text of a wish as the wall shows it (phones, ID numbers, its people's names masked). */
export const wishPublicTextSchema = z.object({
  title: z.string(),
  story: z.string(),
  thanks: z.optional(z.string()),
});
export type WishPublicText = z.output<typeof wishPublicTextSchema>;

export const wishStaffViewSchema = z.extend(z.omit(wishSchema, { codeHash: true }), {
  claim: z.optional(wishClaimViewSchema),
  /** What the wall shows of its text: reviewers see what will be masked before approving. */
  published: wishPublicTextSchema,
});
export type WishStaffView = z.output<typeof wishStaffViewSchema>;

export const wishActionRequestSchema = z.intersection(wishIdSchema, wishStaffActionSchema);
export type WishStaffAction = z.input<typeof wishStaffActionSchema>;

/** Counts over [from, to], Shanghai civil dates, both included. */
export const wishCountsQuerySchema = z
  .object({ community: idSchema, ...periodFields() })
  .check(...periodChecks());

export type WishReceipt = z.output<typeof wishReceiptSchema>;
export type ClaimReceipt = z.output<typeof claimReceiptSchema>;
export type WishWisherView = z.output<typeof wishWisherViewSchema>;
export type WishListQuery = z.input<typeof wishListQuerySchema>;
export type WishQueueQuery = z.input<typeof wishQueueQuerySchema>;
export type WishCounts = z.output<typeof wishCountsSchema>;
export type WishEvent = z.output<typeof wishEventSchema>;
