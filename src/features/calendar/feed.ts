/**
 * The activity calendar's .ics files (public): a community's subscribable feed and one activity
 * or occurrence as an "add to calendar" file. Loaded on the first file asked for (`service.ts`
 * re-exports them through `onFirstCall`), so a calendar page that never asks carries neither
 * the iCalendar writer nor the rules' expansion into RDATEs and EXDATEs.
 */
import type * as z from 'zod/mini';
import { DomainError } from '../../domain/errors.js';
import { icsCalendar, icsFilename } from '../../domain/ics.js';
import type { ServiceContext } from '../../services/context.js';
import { activityOf, isOccurrence, occurrenceTimes } from './activities.js';
import { activityEvents } from './ics.js';
import { activityMachine, type occurrenceIcsQuerySchema } from './model.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;

/** Public: the community's published activities as a subscribable feed (5 years of lunar dates). */
export async function activityFeed(
  ctx: ServiceContext,
  { community }: { community: string },
): Promise<{ filename: string; content: string }> {
  const c = await ctx.store.communities.get(community);
  if (!c) throw new DomainError('not_found', `community ${community}`);
  const now = ctx.clock.now();
  const activities = (await ctx.store.activities.listByCommunity(community)).filter(
    (a) => a.status === 'published' || a.status === 'cancelled',
  );
  return {
    filename: `activities-${community}.ics`,
    content: icsCalendar(
      activities.flatMap((a) => activityEvents(a, ctx.calendar)),
      { product: 'activity-calendar', name: `${c.name} 社区活动`, now },
    ),
  };
}

/** Public: one occurrence (`date`), or the whole activity, as an "add to calendar" file. */
export async function activityIcs(
  ctx: ServiceContext,
  { id, date }: Parsed<typeof occurrenceIcsQuerySchema>,
): Promise<{ filename: string; content: string }> {
  const a = await activityOf(ctx.store, id);
  if (!activityMachine.is('visible', a.status))
    throw new DomainError('not_found', `activity ${id}`);
  if (date && !isOccurrence(a, date, ctx.calendar)) {
    throw new DomainError('not_found', `${id} on ${date}`);
  }
  const now = ctx.clock.now();
  return {
    filename: date ? icsFilename(occurrenceTimes(a, date), 'activity') : `activity-${a.id}.ics`,
    content: icsCalendar(activityEvents(a, ctx.calendar, date), {
      product: 'activity-calendar',
      now,
    }),
  };
}
