import { complaintInputSchema } from './model.js';
import {
  complaintActionInputSchema,
  complaintListQuerySchema,
  complaintMetricsQuerySchema,
  complaintMetricsSchema,
  complaintPublicViewSchema,
  complaintRateInputSchema,
  complaintReceiptSchema,
  complaintStaffViewSchema,
  complaintSummarySchema,
  complaintTrackInputSchema,
} from './views.js';
import { idSchema } from '../../domain/schemas.js';
import { pageSchema } from '../../domain/paging.js';
import * as z from 'zod/mini';
import { withSchemas } from '../../domain/operation.js';
import { complaintRoutes } from './routes.js';

/** 居民说事: the complaint operations of the contract. */
export const complaintOperations = withSchemas(complaintRoutes, {
  submitComplaint: {
    summary:
      'A resident reports a concern; the receipt carries the ticket and the query code (shown once)',
    input: complaintInputSchema,
    output: complaintReceiptSchema,
  },
  trackComplaint: {
    summary:
      'A resident follows a case with its ticket and query code (a read by secret: POST, never in a URL)',
    input: complaintTrackInputSchema,
    output: complaintPublicViewSchema,
  },
  rateComplaint: {
    summary: 'A resident rates a resolved case; 不满意 the first time reopens it (重办)',
    input: complaintRateInputSchema,
    output: complaintPublicViewSchema,
  },
  listComplaints: {
    summary: "The cases of a staff member's own community, newest first, filtered and paged",
    input: complaintListQuerySchema,
    output: pageSchema(complaintSummarySchema),
  },
  getComplaint: {
    summary: 'One case with its contact, history and internal notes (own community only)',
    input: z.object({ id: idSchema }),
    output: complaintStaffViewSchema,
  },
  actOnComplaint: {
    summary: 'Staff act on a case: assign, start, reply, note, resolve, return, transfer, extend',
    input: z.intersection(z.object({ id: idSchema }), complaintActionInputSchema),
    output: complaintStaffViewSchema,
  },
  complaintMetrics: {
    summary: '三率 (response, resolution, satisfaction) of the cases received in a period',
    input: complaintMetricsQuerySchema,
    output: complaintMetricsSchema,
  },
  listHandlers: {
    summary: 'The staff of a community who can be assigned cases',
    input: z.object({ community: idSchema }),
    output: z.array(z.object({ id: idSchema, name: z.string() })),
  },
});
