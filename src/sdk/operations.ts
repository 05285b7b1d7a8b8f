import { coreOperations, type OperationDef } from '../services/contract-core.js';
import type { OperationName } from '../services/contract.js';

/** The features with their own tables (contract-<feature>.ts, handlers-<feature>.ts). */
export type Feature = 'complaints' | 'wishes';

/**
 * A feature's table of operations, loaded the first time the page uses the feature: a page
 * with only a community picker never downloads complaint or wish schemas.
 */
const tables: Record<Feature, () => Promise<Record<string, OperationDef>>> = {
  complaints: () => import('../services/contract-complaints.js').then((m) => m.complaintOperations),
  wishes: () => import('../services/contract-wishes.js').then((m) => m.wishOperations),
};

/**
 * Which table holds each operation. The type makes a new operation fail to compile until listed.
 * The embedded transport finds a feature's handlers by it too (src/sdk/embedded.ts).
 */
export const featureOf: Record<Exclude<OperationName, keyof typeof coreOperations>, Feature> = {
  submitComplaint: 'complaints',
  trackComplaint: 'complaints',
  rateComplaint: 'complaints',
  listComplaints: 'complaints',
  getComplaint: 'complaints',
  actOnComplaint: 'complaints',
  complaintMetrics: 'complaints',
  listHandlers: 'complaints',
  listWishes: 'wishes',
  getWish: 'wishes',
  postWish: 'wishes',
  claimWish: 'wishes',
  fulfilWish: 'wishes',
  wishStatus: 'wishes',
  thankWish: 'wishes',
  withdrawWish: 'wishes',
  listWishQueue: 'wishes',
  actOnWish: 'wishes',
  wishCounts: 'wishes',
};

/** The definition of an operation: core ones at once, a feature's once its table is loaded. */
export async function operationDef(name: OperationName): Promise<OperationDef> {
  if (name in coreOperations) return coreOperations[name as keyof typeof coreOperations];
  const feature = featureOf[name as keyof typeof featureOf];
  const def = feature && (await tables[feature]())[name];
  if (!def) throw new TypeError(`unknown operation ${String(name)}`);
  return def;
}
