import type { OperationRoute } from '../../domain/operation.js';

/**
 * Where each operation of this feature is served and who may call it: what a page needs before
 * its first request, so it holds no schemas (those are in contract.ts, loaded on first use).
 */
export const wishRoutes = {
  listWishes: { method: 'GET', path: '/communities/{community}/wishes', access: 'public' },
  getWish: { method: 'GET', path: '/wishes/{id}', access: 'public' },
  postWish: { method: 'POST', path: '/wishes', access: 'public', queueable: true, status: 201 },
  claimWish: { method: 'POST', path: '/wishes/{id}/claim', access: 'public' },
  fulfilWish: { method: 'POST', path: '/wishes/fulfil', access: 'public' },
  wishStatus: { method: 'POST', path: '/wishes/status', access: 'public', idempotent: false },
  thankWish: { method: 'POST', path: '/wishes/thank', access: 'public' },
  withdrawWish: { method: 'POST', path: '/wishes/withdraw', access: 'public' },
  listWishQueue: { method: 'GET', path: '/communities/{community}/wish-queue', access: 'staff' },
  actOnWish: { method: 'POST', path: '/wishes/{id}/actions', access: 'staff' },
  wishCounts: { method: 'GET', path: '/communities/{community}/wish-counts', access: 'staff' },
} as const satisfies Record<string, OperationRoute>;
