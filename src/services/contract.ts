import type * as z from 'zod/mini';
import { complaintOperations } from '../features/complaints/contract.js';
import { coreOperations } from '../features/core/contract.js';
import { wishOperations } from '../features/wishes/contract.js';

export { coreOperations, isMutation, type OperationDef } from '../features/core/contract.js';

/**
 * The API contract: every operation once, with its route, access and schemas. The server's
 * routes, the OpenAPI document, the SDK's http transport and the embedded transport are all
 * derived from it. The tables import schemas only, so HTTP clients never bundle services.
 */
export const operations = { ...coreOperations, ...complaintOperations, ...wishOperations };

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type Input<N extends OperationName> = z.input<Operations[N]['input']>;
export type Output<N extends OperationName> = z.output<Operations[N]['output']>;
