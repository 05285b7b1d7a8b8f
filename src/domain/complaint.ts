import * as z from 'zod/mini';
import { idSchema } from './ids.js';
import { locationSchema } from './community.js';
import { phoneSchema } from './phone.js';
import { addWorkingDays, workingDaysBetween, type WorkdayCalendar } from './workdays.js';
import { shanghaiDate, type CivilDate } from './time.js';
import { sha256 } from './hash.js';

/**
 * 居民说事 / 诉求: a resident's concern and its handling, one state machine for all of it.
 * 已受理 received → 已分派 assigned → 处理中 in_progress → 已办结 resolved → 已评价 rated;
 * side paths 已退回 returned and 已转办 transferred; 不满意 reopens a resolved case once (重办).
 */
export const complaintStatuses = [
  'received', // 已受理
  'assigned', // 已分派
  'in_progress', // 处理中
  'resolved', // 已办结
  'rated', // 已评价
  'returned', // 已退回
  'transferred', // 已转办
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** Why a case is returned (退单); shown to the resident. */
export const returnReasons = ['not_our_jurisdiction', 'duplicate', 'insufficient_detail'] as const;
export type ReturnReason = (typeof returnReasons)[number];

/** 满意 / 基本满意 / 不满意 (回访). */
export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof ratings)[number];

export const complaintActions = [
  'submit',
  'assign', // 派单 (or reassign)
  'start', // 开始处理
  'reply', // public answer, no status change
  'note', // internal note, staff only
  'resolve', // 办结
  'return', // 退回
  'transfer', // 转办
  'extend', // 延期
  'rate', // resident's 评价
  'reopen', // 不满意 → 重办
] as const;
export type ComplaintAction = (typeof complaintActions)[number];

/** Statuses from which each action may be taken: the one table of legal transitions. */
const allowedFrom: Record<Exclude<ComplaintAction, 'submit'>, readonly ComplaintStatus[]> = {
  assign: ['received', 'assigned', 'in_progress'],
  start: ['assigned'],
  reply: ['received', 'assigned', 'in_progress', 'resolved'],
  note: ['received', 'assigned', 'in_progress', 'resolved', 'rated', 'returned', 'transferred'],
  resolve: ['in_progress'],
  return: ['received', 'assigned'],
  transfer: ['received', 'assigned', 'in_progress'],
  extend: ['received', 'assigned', 'in_progress'],
  rate: ['resolved'],
  reopen: ['resolved'],
};

/** Where an action leads; undefined = the status stays. */
const leadsTo: Partial<Record<ComplaintAction, ComplaintStatus>> = {
  submit: 'received',
  start: 'in_progress',
  resolve: 'resolved',
  return: 'returned',
  transfer: 'transferred',
  rate: 'rated',
  reopen: 'in_progress',
};

/** A resolved case may be reopened by 不满意 once; the second 不满意 closes it as rated. */
export const MAX_REOPENS = 1;

/**
 * The status after `action`, or undefined when the action is not allowed from `status`.
 * Assigning keeps 处理中 cases in progress and moves 已受理 ones to 已分派.
 */
export function nextStatus(
  status: ComplaintStatus | undefined,
  action: ComplaintAction,
): ComplaintStatus | undefined {
  if (action === 'submit') return status === undefined ? 'received' : undefined;
  if (status === undefined || !allowedFrom[action].includes(status)) return undefined;
  if (action === 'assign') return status === 'in_progress' ? 'in_progress' : 'assigned';
  return leadsTo[action] ?? status;
}

export const canTake = (status: ComplaintStatus, action: ComplaintAction): boolean =>
  nextStatus(status, action) !== undefined;

/** What a resident's rating does: reopen (first 不满意), or close as rated. */
export const ratingAction = (rating: Rating, reopened: number): 'reopen' | 'rate' =>
  rating === 'unsatisfied' && reopened < MAX_REOPENS ? 'reopen' : 'rate';

export const isOpen = (status: ComplaintStatus): boolean =>
  status === 'received' || status === 'assigned' || status === 'in_progress';

// ---- Deadlines (working days, 法定节假日 and 调休 aware) ----

/** The due date: `slaDays` working days after the Shanghai date of receipt. */
export const dueDate = (receivedAt: string, slaDays: number, calendar?: WorkdayCalendar) =>
  addWorkingDays(shanghaiDate(receivedAt), slaDays, calendar);

/** First response (受理后首次回复) is due within 1 working day. */
export const FIRST_RESPONSE_DAYS = 1;

/** Open past its due date (by Shanghai calendar day). */
export const isOverdue = (status: ComplaintStatus, due: CivilDate, now: Date): boolean =>
  isOpen(status) && shanghaiDate(now) > due;

/** Whether the first public response came within FIRST_RESPONSE_DAYS working days. */
export function respondedInTime(
  receivedAt: string,
  firstResponseAt: string | undefined,
  calendar?: WorkdayCalendar,
): boolean {
  if (!firstResponseAt) return false;
  return (
    workingDaysBetween(shanghaiDate(receivedAt), shanghaiDate(firstResponseAt), calendar) <=
    FIRST_RESPONSE_DAYS
  );
}

// ---- Ticket numbers and query codes ----

/** `SQ-2026-000123`: per-year sequence, given by the store in the submitting transaction. */
export const formatTicket = (year: number, sequence: number): string =>
  `SQ-${year}-${String(sequence).padStart(6, '0')}`;
export const ticketSchema = z.string().check(z.regex(/^SQ-\d{4}-\d{6,}$/, 'ticket.invalid'));

/** No 0/O, 1/I/L: read aloud over the phone by elderly residents. */
const QUERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 8;

/** A fresh query code (查询码), shown once to the resident; only its hash is stored. */
export function newQueryCode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(QUERY_CODE_LENGTH));
  return Array.from(bytes, (b) => QUERY_ALPHABET[b % QUERY_ALPHABET.length]).join('');
}
/** Typed codes are forgiving: case, spaces and dashes do not matter. */
export const normalizeQueryCode = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '');
export const queryCodeSchema = z.pipe(
  z.string().check(z.maxLength(32)),
  z.transform(normalizeQueryCode),
).check(z.refine((c) => c.length === QUERY_CODE_LENGTH, 'queryCode.invalid'));

// ---- What a resident submits ----

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 1000;
export const MAX_PHOTOS = 6;

export const complaintContactSchema = z.object({
  name: z.string().check(
    z.trim(),
    z.minLength(1, 'contact.nameRequired'),
    z.maxLength(30, 'contact.nameTooLong'),
  ),
  phone: phoneSchema,
});

/** A place by the community model, or in the resident's words. */
export const complaintLocationSchema = z.union([
  locationSchema,
  z.object({
    community: idSchema,
    text: z.string().check(z.trim(), z.minLength(2, 'location.textTooShort'), z.maxLength(200)),
  }),
]);

export const complaintInputSchema = z
  .object({
    community: idSchema,
    category: idSchema,
    description: z.string().check(
      z.trim(),
      z.minLength(DESCRIPTION_MIN, 'description.tooShort'),
      z.maxLength(DESCRIPTION_MAX, 'description.tooLong'),
    ),
    location: complaintLocationSchema,
    /** Answers to the category's extra questions, by question id. */
    answers: z._default(z.record(idSchema, z.string().check(z.maxLength(500))), {}),
    /** Upload ids from the uploads endpoint. */
    photos: z._default(z.array(idSchema).check(z.maxLength(MAX_PHOTOS, 'photos.tooMany')), []),
    anonymous: z._default(z.boolean(), false),
    contact: z.optional(complaintContactSchema),
    /** 同意隐私告知: must be true. */
    consent: z.literal(true, 'consent.required'),
    /** Separate consent to publish a redacted summary (公开). */
    publishConsent: z._default(z.boolean(), false),
  })
  .check(
    z.refine((c) => c.anonymous || c.contact !== undefined, {
      error: 'contact.required',
      path: ['contact'],
    }),
    z.refine((c) => c.location.community === c.community, {
      error: 'location.otherCommunity',
      path: ['location', 'community'],
    }),
  );
export type ComplaintInput = z.input<typeof complaintInputSchema>;
export type ComplaintSubmission = z.output<typeof complaintInputSchema>;

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
  rating: z.optional(z.object({ value: z.enum(ratings), comment: z.optional(z.string()), at: z.string() })),
  queryCodeHash: z.string(),
  history: z.array(complaintEventSchema),
});
export type Complaint = z.output<typeof complaintSchema>;

/** The hash stored for a query code: salted with the ticket, so equal codes never collide. */
export const hashQueryCode = (ticket: string, code: string): string =>
  sha256(`${ticket}:${normalizeQueryCode(code)}`);

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

export const complaintTrackInputSchema = z.object({ ticket: ticketSchema, queryCode: queryCodeSchema });
export const complaintRateInputSchema = z.object({
  ticket: ticketSchema,
  queryCode: queryCodeSchema,
  rating: z.enum(ratings, 'rating.required'),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(500, 'comment.tooLong'))),
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
  cursor: z.optional(z.string().check(z.maxLength(512))),
});

const staffText = z.string().check(
  z.trim(),
  z.minLength(1, 'reply.required'),
  z.maxLength(2000, 'reply.tooLong'),
);
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
    to: z.string().check(z.trim(), z.minLength(1, 'transferTo.required'), z.maxLength(100)),
    text: z.optional(staffText),
  }),
  z.object({
    action: z.literal('extend'),
    days: z.int().check(z.minimum(1, 'extend.days'), z.maximum(30, 'extend.days')),
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
export const complaintMetricsQuerySchema = z.object({
  community: idSchema,
  from: z.iso.date({ error: 'date.invalid' }),
  to: z.iso.date({ error: 'date.invalid' }),
});
