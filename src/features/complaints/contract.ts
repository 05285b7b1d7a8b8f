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
import { idSchema } from '../../domain/ids.js';
import { pageSchema } from '../../domain/paging.js';
import * as z from 'zod/mini';
import type { OperationDef } from '../../domain/operation.js';

/** 居民说事: the complaint operations of the contract. */
export const complaintOperations = {
  submitComplaint: {
    method: 'POST',
    path: '/complaints',
    summary:
      'A resident reports a concern; the receipt carries the ticket and the query code (shown once)',
    access: 'public',
    input: complaintInputSchema,
    output: complaintReceiptSchema,
    queueable: true,
    status: 201,
  },
  trackComplaint: {
    method: 'POST',
    path: '/complaints/track',
    summary:
      'A resident follows a case with its ticket and query code (a read by secret: POST, never in a URL)',
    access: 'public',
    input: complaintTrackInputSchema,
    output: complaintPublicViewSchema,
    idempotent: false,
  },
  rateComplaint: {
    method: 'POST',
    path: '/complaints/rate',
    summary: 'A resident rates a resolved case; 不满意 the first time reopens it (重办)',
    access: 'public',
    input: complaintRateInputSchema,
    output: complaintPublicViewSchema,
    queueable: true,
  },
  listComplaints: {
    method: 'GET',
    path: '/communities/{community}/complaints',
    summary: "The cases of a staff member's own community, newest first, filtered and paged",
    access: 'staff',
    input: complaintListQuerySchema,
    output: pageSchema(complaintSummarySchema),
  },
  getComplaint: {
    method: 'GET',
    path: '/complaints/{id}',
    summary: 'One case with its contact, history and internal notes (own community only)',
    access: 'staff',
    input: z.object({ id: idSchema }),
    output: complaintStaffViewSchema,
  },
  actOnComplaint: {
    method: 'POST',
    path: '/complaints/{id}/actions',
    summary: 'Staff act on a case: assign, start, reply, note, resolve, return, transfer, extend',
    access: 'staff',
    input: z.intersection(z.object({ id: idSchema }), complaintActionInputSchema),
    output: complaintStaffViewSchema,
  },
  complaintMetrics: {
    method: 'GET',
    path: '/communities/{community}/complaint-metrics',
    summary: '三率 (response, resolution, satisfaction) of the cases received in a period',
    access: 'staff',
    input: complaintMetricsQuerySchema,
    output: complaintMetricsSchema,
  },
  listHandlers: {
    method: 'GET',
    path: '/communities/{community}/handlers',
    summary: 'The staff of a community who can be assigned cases',
    access: 'staff',
    input: z.object({ community: idSchema }),
    output: z.array(z.object({ id: idSchema, name: z.string() })),
  },
  // ---- 微心愿 (wishes): see docs/wishes.md ----
} as const satisfies Record<string, OperationDef>;
