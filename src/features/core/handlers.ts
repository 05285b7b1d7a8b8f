import type { z } from 'zod/mini';
import { createStaff, listStaff, login, logout, me } from './auth.js';
import { getCommunity, listCommunities, putCommunity } from './communities.js';
import type { ServiceContext } from '../../services/context.js';
import type { OperationName, Operations, Output } from '../../services/contract.js';
import type { coreOperations } from './contract.js';

/** Parsed input of an operation (after defaults and normalisation). */
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;

/** The use case behind one operation: gets the parsed input, returns the contract's output. */
export type Handler<N extends OperationName> = (
  ctx: ServiceContext,
  input: ParsedInput<N>,
) => Promise<Output<N>>;

/** One handler for each of the operations `K` (a feature's table, or all of them). */
export type HandlerTable<K extends OperationName> = { [N in K]: Handler<N> };

/**
 * Communities and staff sessions: the handlers of contract-core.ts, what every page needs.
 * Features keep theirs in handlers-<feature>.ts, so the embedded transport loads a feature's
 * services only when the page first calls one of its operations.
 */
export const coreHandlers: HandlerTable<keyof typeof coreOperations> = {
  listCommunities: (ctx) => listCommunities(ctx),
  getCommunity: (ctx, { id }) => getCommunity(ctx, id),
  putCommunity: (ctx, community) => putCommunity(ctx, community),
  listStaff: (ctx, { community }) => listStaff(ctx, community),
  createStaff: (ctx, input) => createStaff(ctx, input),
  login: (ctx, input) => login(ctx, input),
  logout: (ctx) => logout(ctx),
  me: (ctx) => me(ctx),
};
