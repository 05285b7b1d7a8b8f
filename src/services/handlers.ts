import type { z } from 'zod/mini';
import { createStaff, listStaff, login, logout, me } from './auth.js';
import { getCommunity, listCommunities, putCommunity } from './communities.js';
import type { ServiceContext } from './context.js';
import type { OperationName, Operations, Output } from './contract.js';

/** Parsed input of an operation (after defaults and normalisation). */
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;

export type Handlers = {
  [N in OperationName]: (ctx: ServiceContext, input: ParsedInput<N>) => Promise<Output<N>>;
};

/** One handler per operation of the contract; the transports and the server call these. */
export const handlers: Handlers = {
  listCommunities: (ctx) => listCommunities(ctx),
  getCommunity: (ctx, { id }) => getCommunity(ctx, id),
  putCommunity: (ctx, community) => putCommunity(ctx, community),
  listStaff: (ctx, { community }) => listStaff(ctx, community),
  createStaff: (ctx, input) => createStaff(ctx, input),
  login: (ctx, input) => login(ctx, input),
  logout: (ctx) => logout(ctx),
  me: (ctx) => me(ctx),
};
