import * as z from 'zod/mini';
import { queryCodeSchema, idSchema, periodChecks, periodFields } from '../../domain/schemas.js';
import { complaintLocationSchema, ticketSchema } from './model.js';
import {
  COMMENT_MAX,
  EXTEND_DAYS_MAX,
  REPLY_MAX,
  TRANSFER_TO_MAX,
} from '../../domain/input-rules.js';
import { complaintActions, complaintStatuses, ratings, returnReasons } from './machine.js';
import { cursorSchema } from '../../domain/paging.js';

// ---- The stored case and what each audience sees of it ----

export const complaintActorSchema = z.object({
  kind: z.enum(['resident', 'staff', 'system']),
  id: z.optional(idSchema),
  /** Staff name as shown to residents is masked by the views below. */
  name: z.optional(z.string()),
});

/** One audited step: who, when, what, and whether the resident sees it. */
export const complaintEventSchema = z.object({
  at: z.string(),
  action: z.enum(complaintActions),
  from: z.optional(z.enum(complaintStatuses)),
  to: z.enum(complaintStatuses),
  actor: complaintActorSchema,
  /** Reply text, internal note, resolution, return note, extension reason, rating comment. */
  text: z.optional(z.string()),
  public: z.boolean(),
  handler: z.optional(z.object({ id: idSchema, name: z.string() })),
  reason: z.optional(z.enum(returnReasons)),
  transferredTo: z.optional(z.string()),
  dueDate: z.optional(z.string()),
  rating: z.optional(z.enum(ratings)),
});
export type ComplaintEvent = z.output<typeof complaintEventSchema>;

export const complaintSchema = z.object({
  id: idSchema,
  ticket: z.string(),
  community: idSchema,
  category: idSchema,
  description: z.string(),
  location: complaintLocationSchema,
  answers: z.record(z.string(), z.string()),
  photos: z.array(idSchema),
  anonymous: z.boolean(),
  contact: z.optional(z.object({ name: z.string(), phone: z.string() })),
  publishConsent: z.boolean(),
  status: z.enum(complaintStatuses),
  handler: z.optional(z.object({ id: idSchema, name: z.string() })),
  receivedAt: z.string(),
  dueDate: z.string(),
  firstResponseAt: z.optional(z.string()),
  resolvedAt: z.optional(z.string()),
  reopened: z.int(),
  rating: z.optional(
    z.object({ value: z.enum(ratings), comment: z.optional(z.string()), at: z.string() }),
  ),
  queryCodeHash: z.string(),
  history: z.array(complaintEventSchema),
  /**
   * Set when the retention job took the case's personal data out (its community's
   * `retentionDays` after it ended): contact, words, photos, query code and the history's texts
   * are gone; what the 三率 count is kept (docs/server.md, Retention).
   */
  anonymisedAt: z.optional(z.string()),
});
export type Complaint = z.output<typeof complaintSchema>;

// ---- Views: what the API returns to each audience ----

/** Given once, at submission: the query code is never shown again. */
export const complaintReceiptSchema = z.object({
  id: idSchema,
  ticket: z.string(),
  queryCode: z.string(),
  status: z.enum(complaintStatuses),
  receivedAt: z.string(),
  /** Civil date (Asia/Shanghai), `2026-03-05`. */
  dueDate: z.string(),
});
export type ComplaintReceipt = z.output<typeof complaintReceiptSchema>;

/** One step of the public timeline: status changes and public replies, never internal notes. */
export const complaintTimelineEntrySchema = z.object({
  at: z.string(),
  action: z.enum(complaintActions),
  status: z.enum(complaintStatuses),
  /** Public reply, resolution, return note, extension reason. */
  text: z.optional(z.string()),
  reason: z.optional(z.enum(returnReasons)),
  /** Masked (`王*`): who handles it, as residents see it. */
  handlerName: z.optional(z.string()),
  dueDate: z.optional(z.string()),
  rating: z.optional(z.enum(ratings)),
});

/**
 * What the resident sees with ticket + query code (居民查询). No phone, no full names, no
 * internal notes.
 */
export const complaintPublicViewSchema = z.object({
  ticket: z.string(),
  category: idSchema,
  description: z.string(),
  status: z.enum(complaintStatuses),
  receivedAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** Masked handler name, once assigned. */
  handlerName: z.optional(z.string()),
  photoCount: z.int(),
  timeline: z.array(complaintTimelineEntrySchema),
  rating: z.optional(z.object({ value: z.enum(ratings), comment: z.optional(z.string()) })),
  /** After 已办结: the resident may rate; 不满意 reopens once. */
  canRate: z.boolean(),
  reopened: z.int(),
});
export type ComplaintPublicView = z.output<typeof complaintPublicViewSchema>;

export const complaintTrackInputSchema = z.object({
  ticket: ticketSchema,
  queryCode: queryCodeSchema,
});
export const complaintRateInputSchema = z.object({
  ticket: ticketSchema,
  queryCode: queryCodeSchema,
  rating: z.enum(ratings, 'rating.required'),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(COMMENT_MAX, 'comment.tooLong'))),
});

/** A row of the staff desk's list. */
export const complaintSummarySchema = z.object({
  id: idSchema,
  ticket: z.string(),
  category: idSchema,
  status: z.enum(complaintStatuses),
  grid: z.optional(idSchema),
  receivedAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  handler: z.optional(z.object({ id: idSchema, name: z.string() })),
  /** The description's first 80 characters. */
  excerpt: z.string(),
});
export type ComplaintSummary = z.output<typeof complaintSummarySchema>;

/** Staff see the whole case (their own community only), except the query-code hash. */
export const complaintStaffViewSchema = z.extend(z.omit(complaintSchema, { queryCodeHash: true }), {
  overdue: z.boolean(),
});
export type ComplaintStaffView = z.output<typeof complaintStaffViewSchema>;

export const complaintListQuerySchema = z.object({
  community: idSchema,
  status: z.optional(z.enum(complaintStatuses)),
  category: z.optional(idSchema),
  grid: z.optional(idSchema),
  overdue: z.optional(z.union([z.boolean(), z.stringbool()])),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(cursorSchema()),
});

const staffText = z
  .string()
  .check(z.trim(), z.minLength(1, 'reply.required'), z.maxLength(REPLY_MAX, 'reply.tooLong'));
/** What staff do to a case: one body per action (POST /complaints/{id}/actions). */
export const complaintActionInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), handler: idSchema }),
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('reply'), text: staffText }),
  z.object({ action: z.literal('note'), text: staffText }),
  z.object({ action: z.literal('resolve'), text: staffText }),
  z.object({
    action: z.literal('return'),
    reason: z.enum(returnReasons, 'returnReason.required'),
    text: z.optional(staffText),
  }),
  z.object({
    action: z.literal('transfer'),
    to: z
      .string()
      .check(z.trim(), z.minLength(1, 'transferTo.required'), z.maxLength(TRANSFER_TO_MAX)),
    text: z.optional(staffText),
  }),
  z.object({
    action: z.literal('extend'),
    days: z.int().check(z.minimum(1, 'extend.days'), z.maximum(EXTEND_DAYS_MAX, 'extend.days')),
    reason: staffText,
  }),
]);
export type ComplaintActionInput = z.input<typeof complaintActionInputSchema>;

/** 三率 for a period: 响应率 (first response in time), 解决率, 满意率, and overdue cases. */
const rates = {
  total: z.int(),
  respondedInTime: z.int(),
  resolved: z.int(),
  rated: z.int(),
  satisfied: z.int(),
  overdue: z.int(),
  /** respondedInTime / total, resolved / total, satisfied / rated; null when the base is 0. */
  responseRate: z.nullable(z.number()),
  resolutionRate: z.nullable(z.number()),
  satisfactionRate: z.nullable(z.number()),
};
export const complaintMetricsSchema = z.object({
  community: idSchema,
  from: z.string(),
  to: z.string(),
  ...rates,
  byCategory: z.array(z.object({ category: idSchema, ...rates })),
});
export type ComplaintMetrics = z.output<typeof complaintMetricsSchema>;
/** 三率 over [from, to]: a bounded period (domain/time.ts). */
export const complaintMetricsQuerySchema = z
  .object({ community: idSchema, ...periodFields() })
  .check(...periodChecks());
