import * as z from 'zod/mini';
import {
  appealCodeInputSchema,
  appealDecisionSchema,
  appealInputSchema,
  appealReceiptSchema,
  appealsQuerySchema,
  buildingScoreSheetSchema,
  buildingScoresInputSchema,
  buildingScoresQuerySchema,
  publicBuildingScoresSchema,
  appealStaffViewSchema,
  appealViewSchema,
  redblackActionRequestSchema,
  redblackBoardQuerySchema,
  redblackBoardSchema,
  redblackEntriesQuerySchema,
  redblackEntryInputSchema,
  redblackEntrySchema,
  redblackEntryUpdateSchema,
  redblackIdSchema,
  scoreSheetQuerySchema,
  scoreSheetSchema,
} from './model.js';
import type { OperationDef } from '../../domain/operation.js';

/** 红黑榜: the board's operations of the contract. */
export const redblackOperations = {
  redblackBoard: {
    method: 'GET',
    path: '/communities/{community}/redblack-board',
    summary:
      "The 红黑榜 now (both lists, entries on the board at this moment) or an archived period: places by name, persons masked, reasons scrubbed, cleared photos only; the board's change log",
    access: 'public',
    input: redblackBoardQuerySchema,
    output: redblackBoardSchema,
  },
  appealRedblackEntry: {
    method: 'POST',
    path: '/redblack-entries/{entry}/appeals',
    summary:
      "The responsible party of a black entry on the board appeals (申诉) with a private contact phone; the response's code is shown once, with the date staff decide by (working days)",
    access: 'public',
    input: appealInputSchema,
    output: appealReceiptSchema,
    status: 201,
  },
  redblackAppealStatus: {
    method: 'POST',
    path: '/redblack-appeals/status',
    summary:
      'An appeal by its code (in the body, never a URL): status, due date and the outcome; never a phone',
    access: 'public',
    input: appealCodeInputSchema,
    output: appealViewSchema,
    idempotent: false,
  },
  listRedblackEntries: {
    method: 'GET',
    path: '/communities/{community}/redblack-entries',
    summary:
      "Staff: the community's entries (of a status, a period), newest first, with their history and consent records",
    access: 'staff',
    input: redblackEntriesQuerySchema,
    output: z.array(redblackEntrySchema),
  },
  getRedblackEntry: {
    method: 'GET',
    path: '/redblack-entries/{id}',
    summary: 'Staff: one entry with its history',
    access: 'staff',
    input: redblackIdSchema,
    output: redblackEntrySchema,
  },
  createRedblackEntry: {
    method: 'POST',
    path: '/communities/{community}/redblack-entries',
    summary:
      'Staff: a draft entry (red or black, a period, a rubric category, a subject, a reason, evidence photos). A black entry naming a person or a household is refused (400)',
    access: 'staff',
    input: redblackEntryInputSchema,
    output: redblackEntrySchema,
    status: 201,
  },
  updateRedblackEntry: {
    method: 'PUT',
    path: '/redblack-entries/{id}',
    summary:
      "Staff: a draft's new version (its author), or a correction (更正) after publishing with a public note in the change log",
    access: 'staff',
    input: redblackEntryUpdateSchema,
    output: redblackEntrySchema,
  },
  actOnRedblackEntry: {
    method: 'POST',
    path: '/redblack-entries/{id}/actions',
    summary:
      'Staff: submit for review, return or publish (a second staff member: the author gets 403 with review.ownEntry; clears photos), 已整改, renew a black entry, withdraw (public note after publishing)',
    access: 'staff',
    input: redblackActionRequestSchema,
    output: redblackEntrySchema,
  },
  listRedblackAppeals: {
    method: 'GET',
    path: '/communities/{community}/redblack-appeals',
    summary: "Staff: the community's appeals with contact phones, due dates and overdue flags",
    access: 'staff',
    input: appealsQuerySchema,
    output: z.array(appealStaffViewSchema),
  },
  decideRedblackAppeal: {
    method: 'POST',
    path: '/redblack-appeals/{id}/decision',
    summary:
      'Staff: uphold (the entry withdrawn 经复核撤销, or its reason corrected, in the change log) or dismiss with the reason the appellant sees by code',
    access: 'staff',
    input: appealDecisionSchema,
    output: appealStaffViewSchema,
  },
  buildingScores: {
    method: 'GET',
    path: '/communities/{community}/buildings/{building}/redblack-scores',
    summary:
      "和谐楼道: a building's item scores, total and rank for a period (default its latest) and its archive; never who scored",
    access: 'public',
    input: buildingScoresQuerySchema,
    output: publicBuildingScoresSchema,
  },
  putBuildingScores: {
    method: 'PUT',
    path: '/communities/{community}/redblack-scores/{period}/{building}',
    summary:
      'Staff: 和谐楼道 scores of a building for a period (each rubric item 0–10 in halves); again replaces them, the old kept',
    access: 'staff',
    input: buildingScoresInputSchema,
    output: buildingScoreSheetSchema,
  },
  scoreSheet: {
    method: 'GET',
    path: '/communities/{community}/redblack-scores/{period}',
    summary:
      "Staff: a period's 和谐楼道 sheet: every building's scores, total, rank (ties share one), red/black candidates",
    access: 'staff',
    input: scoreSheetQuerySchema,
    output: scoreSheetSchema,
  },
} as const satisfies Record<string, OperationDef>;
