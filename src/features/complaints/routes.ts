import type { OperationRoute } from '../../domain/operation.js';

/**
 * Where each operation of this feature is served and who may call it: what a page needs before
 * its first request, so it holds no schemas (those are in contract.ts, loaded on first use).
 */
export const complaintRoutes = {
  submitComplaint: {
    method: 'POST',
    path: '/complaints',
    access: 'public',
    queueable: true,
    status: 201,
  },
  trackComplaint: {
    method: 'POST',
    path: '/complaints/track',
    access: 'public',
    idempotent: false,
  },
  rateComplaint: { method: 'POST', path: '/complaints/rate', access: 'public', queueable: true },
  listComplaints: { method: 'GET', path: '/communities/{community}/complaints', access: 'staff' },
  getComplaint: { method: 'GET', path: '/complaints/{id}', access: 'staff' },
  actOnComplaint: { method: 'POST', path: '/complaints/{id}/actions', access: 'staff' },
  complaintMetrics: {
    method: 'GET',
    path: '/communities/{community}/complaint-metrics',
    access: 'staff',
  },
  listHandlers: { method: 'GET', path: '/communities/{community}/handlers', access: 'staff' },
} as const satisfies Record<string, OperationRoute>;
