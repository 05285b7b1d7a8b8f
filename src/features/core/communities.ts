import { summarize, type Community, type CommunitySummary } from './model.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../../services/context.js';

export async function listCommunities(ctx: ServiceContext): Promise<CommunitySummary[]> {
  return (await ctx.store.communities.list()).map(summarize);
}

export async function getCommunity(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<Community> {
  const community = await ctx.store.communities.get(id);
  if (!community) throw new DomainError('not_found', `community ${id}`);
  return community;
}
