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
import { withSchemas } from '../../domain/operation.js';
import { redblackRoutes } from './routes.js';

/** 红黑榜: the board's operations of the contract. */
export const redblackOperations = withSchemas(redblackRoutes, {
  redblackBoard: {
    summary:
      "The 红黑榜 now (both lists, entries on the board at this moment) or an archived period: places by name, persons masked, reasons scrubbed, cleared photos only; the board's change log",
    input: redblackBoardQuerySchema,
    output: redblackBoardSchema,
  },
  appealRedblackEntry: {
    summary:
      "The responsible party of a black entry on the board appeals (申诉) with a private contact phone; the response's code is shown once, with the date staff decide by (working days)",
    input: appealInputSchema,
    output: appealReceiptSchema,
  },
  redblackAppealStatus: {
    summary:
      'An appeal by its code (in the body, never a URL): status, due date and the outcome; never a phone',
    input: appealCodeInputSchema,
    output: appealViewSchema,
  },
  listRedblackEntries: {
    summary:
      "Staff: the community's entries (of a status, a period), newest first, with their history and consent records",
    input: redblackEntriesQuerySchema,
    output: z.array(redblackEntrySchema),
  },
  getRedblackEntry: {
    summary: 'Staff: one entry with its history',
    input: redblackIdSchema,
    output: redblackEntrySchema,
  },
  createRedblackEntry: {
    summary:
      'Staff: a draft entry (red or black, a period, a rubric category, a subject, a reason, evidence photos). A black entry naming a person or a household is refused (400)',
    input: redblackEntryInputSchema,
    output: redblackEntrySchema,
  },
  updateRedblackEntry: {
    summary:
      "Staff: a draft's new version (its author), or a correction (更正) after publishing with a public note in the change log",
    input: redblackEntryUpdateSchema,
    output: redblackEntrySchema,
  },
  actOnRedblackEntry: {
    summary:
      'Staff: submit for review, return or publish (a second staff member: the author gets 403 with review.ownEntry; clears photos), 已整改, renew a black entry, withdraw (public note after publishing)',
    input: redblackActionRequestSchema,
    output: redblackEntrySchema,
  },
  listRedblackAppeals: {
    summary: "Staff: the community's appeals with contact phones, due dates and overdue flags",
    input: appealsQuerySchema,
    output: z.array(appealStaffViewSchema),
  },
  decideRedblackAppeal: {
    summary:
      'Staff: uphold (the entry withdrawn 经复核撤销, or its reason corrected, in the change log) or dismiss with the reason the appellant sees by code',
    input: appealDecisionSchema,
    output: appealStaffViewSchema,
  },
  buildingScores: {
    summary:
      "和谐楼道: a building's item scores, total and rank for a period (default its latest) and its archive; never who scored",
    input: buildingScoresQuerySchema,
    output: publicBuildingScoresSchema,
  },
  putBuildingScores: {
    summary:
      'Staff: 和谐楼道 scores of a building for a period (each rubric item 0–10 in halves); again replaces them, the old kept',
    input: buildingScoresInputSchema,
    output: buildingScoreSheetSchema,
  },
  scoreSheet: {
    summary:
      "Staff: a period's 和谐楼道 sheet: every building's scores, total, rank (ties share one), red/black candidates",
    input: scoreSheetQuerySchema,
    output: scoreSheetSchema,
  },
});
