import { features } from '../features/index.js';
import type { OperationName, Operations, Output } from '../services/contract.js';
import type { ServiceContext } from '../services/context.js';
import { operationsOf } from '../services/feature.js';
import { operationSource, runOperationFrom } from '../services/run.js';

/**
 * Every operation of every feature (src/features/index.ts), loaded once when the server
 * starts: its routes and OpenAPI document come from this table.
 */
export const operations = Object.assign(
  {},
  ...(await Promise.all(features.map((f) => operationsOf(f)))),
) as Operations;

/** Every feature's operations and services. */
export const everyOperation = operationSource(() => features);

/** Runs one operation of any feature (validation, access, service), as the server does. */
export const runOperation = <N extends OperationName>(
  name: N,
  ctx: ServiceContext,
  rawInput: unknown,
): Promise<Output<N>> => runOperationFrom(everyOperation, name, ctx, rawInput);
