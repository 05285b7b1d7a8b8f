import type { OperationRoute } from '../../domain/operation.js';

/**
 * Where each operation of this feature is served and who may call it: what a page needs before
 * its first request, so it holds no schemas (those are in contract.ts, loaded on first use).
 */
export const redblackRoutes = {
  redblackBoard: {
    method: 'GET',
    path: '/communities/{community}/redblack-board',
    access: 'public',
  },
  appealRedblackEntry: {
    method: 'POST',
    path: '/redblack-entries/{entry}/appeals',
    access: 'public',
    status: 201,
  },
  redblackAppealStatus: {
    method: 'POST',
    path: '/redblack-appeals/status',
    access: 'public',
    idempotent: false,
  },
  listRedblackEntries: {
    method: 'GET',
    path: '/communities/{community}/redblack-entries',
    access: 'staff',
  },
  getRedblackEntry: { method: 'GET', path: '/redblack-entries/{id}', access: 'staff' },
  createRedblackEntry: {
    method: 'POST',
    path: '/communities/{community}/redblack-entries',
    access: 'staff',
    status: 201,
  },
  updateRedblackEntry: { method: 'PUT', path: '/redblack-entries/{id}', access: 'staff' },
  actOnRedblackEntry: { method: 'POST', path: '/redblack-entries/{id}/actions', access: 'staff' },
  listRedblackAppeals: {
    method: 'GET',
    path: '/communities/{community}/redblack-appeals',
    access: 'staff',
  },
  decideRedblackAppeal: {
    method: 'POST',
    path: '/redblack-appeals/{id}/decision',
    access: 'staff',
  },
  buildingScores: {
    method: 'GET',
    path: '/communities/{community}/buildings/{building}/redblack-scores',
    access: 'public',
  },
  putBuildingScores: {
    method: 'PUT',
    path: '/communities/{community}/redblack-scores/{period}/{building}',
    access: 'staff',
  },
  scoreSheet: {
    method: 'GET',
    path: '/communities/{community}/redblack-scores/{period}',
    access: 'staff',
  },
} as const satisfies Record<string, OperationRoute>;
