import { coreOperations, type OperationDef } from '../features/core/contract.js';
import type { OperationName } from '../services/contract.js';
import type { HandlerTable } from '../features/core/handlers.js';

/** The features with their own tables (contract-<feature>.ts, handlers-<feature>.ts). */
export type Feature = 'complaints' | 'wishes';

/** What a feature registers: its contract and its services, each loaded on first use. */
export interface FeatureModule {
  /** The feature's operation definitions (services/contract-<feature>.ts). */
  contract(): Promise<Record<string, OperationDef>>;
  /** Its handlers for the embedded transport (services/handlers-<feature>.ts). */
  handlers(): Promise<Partial<HandlerTable<OperationName>>>;
  /** Saving and reading photos for the embedded transport (the complaints feature). */
  uploads?(): Promise<
    Pick<typeof import('../features/complaints/uploads.js'), 'saveUploads' | 'readUpload'>
  >;
}

/**
 * The features this page uses. Each registers itself from `sdk/features/<feature>.ts`, a
 * side-effect module that elements import and `shequ-kit/sdk` imports for all: a page with
 * only a community picker has no complaint or wish schemas in its bundle graph at all (an
 * `import()` there would still pull their zod features into the shared zod chunk).
 */
const features: Partial<Record<Feature, FeatureModule>> = {};

export function addFeature(name: Feature, module: FeatureModule): void {
  features[name] ??= module;
}

/** The registered feature of an operation; a clear error when the page never loaded it. */
export function featureModule(name: Feature): FeatureModule {
  const module = features[name];
  if (!module) {
    throw new TypeError(
      `shequ-kit: the ${name} feature is not loaded; import 'shequ-kit/sdk' (or an element that uses it)`,
    );
  }
  return module;
}

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
  const def = feature && (await featureModule(feature).contract())[name];
  if (!def) throw new TypeError(`unknown operation ${String(name)}`);
  return def;
}
