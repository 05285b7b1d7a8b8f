import type { OperationRoute } from '../../domain/operation.js';

/**
 * Where each operation of this feature is served and who may call it: what a page needs before
 * its first request, so it holds no schemas (those are in contract.ts, loaded on first use).
 */
export const adminRoutes = {
  putCommunity: { method: 'PUT', path: '/communities/{id}', access: 'admin' },
  listStaff: { method: 'GET', path: '/communities/{community}/staff', access: 'admin' },
  createStaff: {
    method: 'POST',
    path: '/communities/{community}/staff',
    access: 'admin',
    status: 201,
  },
  changePassword: { method: 'POST', path: '/auth/password', access: 'staff', idempotent: false },
  setStaffDisabled: { method: 'POST', path: '/staff/{id}/disabled', access: 'admin' },
} as const satisfies Record<string, OperationRoute>;
