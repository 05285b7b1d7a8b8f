import type { OperationRoute } from '../../domain/operation.js';

/**
 * Where each operation of this feature is served and who may call it: what a page needs before
 * its first request, so it holds no schemas (those are in contract.ts, loaded on first use).
 */
export const coreRoutes = {
  listCommunities: { method: 'GET', path: '/communities', access: 'public' },
  getCommunity: { method: 'GET', path: '/communities/{id}', access: 'public' },
  login: { method: 'POST', path: '/auth/login', access: 'public', idempotent: false },
  logout: { method: 'POST', path: '/auth/logout', access: 'staff', idempotent: false },
  me: { method: 'GET', path: '/auth/me', access: 'staff' },
} as const satisfies Record<string, OperationRoute>;
