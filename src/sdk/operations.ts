import { coreFeature } from '../features/core/feature.js';
import type { OperationDef, OperationRoute } from '../domain/operation.js';
import type { OperationName } from '../services/contract.js';
import type { AnyFeature } from '../services/feature.js';
import { operationSource } from '../services/run.js';

/**
 * The features this page uses, by name. Each registers itself from `<feature>/sdk.ts`, a
 * side-effect module that elements import and `shequ-kit/sdk` imports for all: a page with only
 * a community picker has no complaint or wish schemas in its bundle graph at all. Core is
 * always here.
 */
const registered = new Map<string, AnyFeature>([[coreFeature.name, coreFeature]]);
const listeners = new Set<(feature: AnyFeature) => void>();

/** Registers a feature's manifest (idempotent: two copies of one feature keep the first). */
export function addFeature(feature: AnyFeature): void {
  if (registered.has(feature.name)) return;
  registered.set(feature.name, feature);
  for (const listener of listeners) listener(feature);
}

/** The registered features, and each one registered later (clients add its resource). */
export function onFeature(listener: (feature: AnyFeature) => void): void {
  for (const feature of registered.values()) listener(feature);
  listeners.add(listener);
}

/** Every registered feature's operations, each feature's table loaded on its first call. */
export const registeredOperations = operationSource(() => registered.values());

/** The definition of an operation, with its schemas (its feature's table loads on first use). */
export const operationDef = (name: OperationName): Promise<OperationDef> =>
  registeredOperations.def(name);

/** The definition of an operation if its feature's table has loaded already. */
export const loadedOperationDef = (name: OperationName): OperationDef | undefined =>
  registeredOperations.loadedDef(name);

/** Where an operation is served and who may call it (known at once: no schemas). */
export const operationRoute = (name: OperationName): OperationRoute =>
  registeredOperations.route(name);

/** The first registered feature that keeps photos (the embedded transport's uploads). */
export function uploadsFeature(): AnyFeature | undefined {
  return [...registered.values()].find((f) => f.uploads);
}
