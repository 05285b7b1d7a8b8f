/**
 * Input rules without schemas: limits, the ticket format and how typed codes are read. The
 * schemas (complaint*.ts, wish.ts, codes.ts) are built from these, and form controls use them for
 * `maxlength`, counters and checks before sending — importing them costs a page no zod, so
 * elements never need to restate a rule.
 */

// ---- 居民说事 ----
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 1000;
export const MAX_PHOTOS = 6;
/** A rating's comment. */
export const COMMENT_MAX = 500;
/** A staff reply or note. */
export const REPLY_MAX = 2000;
/** The body a case is transferred to (转办). */
export const TRANSFER_TO_MAX = 100;
/** An extension (延期) is 1 to this many working days. */
export const EXTEND_DAYS_MAX = 30;
/** `SQ-2026-000123`: year and per-year sequence. */
export const TICKET_PATTERN = /^SQ-\d{4}-\d{6,}$/;

// ---- 微心愿 ----
export const TITLE_MAX = 30;
export const STORY_MAX = 300;
export const REJECT_REASON_MAX = 300;
export const FULFIL_NOTE_MAX = 300;
export const THANKS_MAX = 200;

// ---- Codes given once (查询码, 心愿码) ----
export const QUERY_CODE_LENGTH = 8;
/** What a code field accepts before normalising (spaces and dashes allowed). */
export const QUERY_CODE_INPUT_MAX = 32;
/** Typed codes are forgiving: case, spaces and dashes do not matter. */
export const normalizeQueryCode = (code: string): string =>
  code.toUpperCase().replace(/[\s-]/g, '');
