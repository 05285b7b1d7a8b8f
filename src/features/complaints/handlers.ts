import {
  actOnComplaint,
  getComplaint,
  listComplaints,
  listHandlers,
  rateComplaint,
  submitComplaint,
  trackComplaint,
  type ComplaintActionBody,
} from './service.js';
import type { complaintOperations } from './contract.js';
import type { HandlerTable } from '../core/handlers.js';

/**
 * Photos, in the same chunk as the complaint services that check who may read them: the
 * embedded transport loads this module on the first upload too (a wish come true may carry a
 * photo; uploads.ts needs complaints.ts all the same).
 */
export { readUpload, saveUploads } from './uploads.js';

/** 居民说事: the handlers of contract-complaints.ts. */
export const complaintHandlers: HandlerTable<keyof typeof complaintOperations> = {
  submitComplaint: (ctx, input) => submitComplaint(ctx, input),
  trackComplaint: (ctx, input) => trackComplaint(ctx, input),
  rateComplaint: (ctx, input) => rateComplaint(ctx, input),
  listComplaints: (ctx, query) => listComplaints(ctx, query),
  getComplaint: (ctx, { id }) => getComplaint(ctx, id),
  actOnComplaint: (ctx, { id, ...body }) => actOnComplaint(ctx, id, body as ComplaintActionBody),
  complaintMetrics: async (ctx, query) =>
    (await import('./metrics.js')).complaintMetrics(ctx, query),
  listHandlers: (ctx, { community }) => listHandlers(ctx, community),
};
