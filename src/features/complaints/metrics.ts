/**
 * 三率 (响应率, 解决率, 满意率) of a community's cases: staff only, so a module of its own that
 * the complaint handlers load on the first metrics call (pages never load it otherwise).
 */
import { categoriesFor } from '../core/catalogues.js';
import type { Complaint, ComplaintMetrics } from './views.js';
import { isOverdue, respondedInTime } from './rules.js';
import { isOpen } from './machine.js';
import { shanghaiStartOfDay } from '../../domain/time.js';
import type { WorkdayCalendar } from '../../domain/workdays.js';
import { type ServiceContext, assertCommunityAccess } from '../../services/context.js';

type Rates = Omit<ComplaintMetrics, 'community' | 'from' | 'to' | 'byCategory'>;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Counts and rates of a set of cases, as of `now`. */
export function rateCases(cases: Complaint[], now: Date, calendar?: WorkdayCalendar): Rates {
  let respondedInTimeCount = 0;
  let resolved = 0;
  let rated = 0;
  let satisfied = 0;
  let overdue = 0;
  for (const c of cases) {
    if (respondedInTime(c.receivedAt, c.firstResponseAt, calendar)) respondedInTimeCount++;
    if (c.status === 'resolved' || c.status === 'rated') resolved++;
    if (c.status === 'rated' && c.rating) {
      rated++;
      if (c.rating.value === 'satisfied' || c.rating.value === 'basically_satisfied') satisfied++;
    }
    if (isOpen(c.status) && isOverdue(c.status, c.dueDate, now)) overdue++;
  }
  const total = cases.length;
  return {
    total,
    respondedInTime: respondedInTimeCount,
    resolved,
    rated,
    satisfied,
    overdue,
    responseRate: ratio(respondedInTimeCount, total),
    resolutionRate: ratio(resolved, total),
    satisfactionRate: ratio(satisfied, rated),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 三率 for the cases received from `from` to `to` (Shanghai dates, both included; the schema
 * bounds the period: complaintMetricsQuerySchema).
 */
export async function complaintMetrics(
  ctx: ServiceContext,
  query: { community: string; from: string; to: string },
): Promise<ComplaintMetrics> {
  assertCommunityAccess(ctx.actor, query.community);
  const start = shanghaiStartOfDay(query.from);
  const end = new Date(shanghaiStartOfDay(query.to).getTime() + DAY_MS);
  const cases = await ctx.store.complaints.listReceived(
    query.community,
    start.toISOString(),
    end.toISOString(),
  );
  const now = ctx.clock.now();
  const community = await ctx.store.communities.get(query.community);
  const order = (community ? categoriesFor(community, 'complaint') : []).map((c) => c.id);
  const byId = new Map<string, Complaint[]>();
  for (const c of cases) byId.set(c.category, [...(byId.get(c.category) ?? []), c]);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const byCategory = [...byId.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([category, list]) => ({ category, ...rateCases(list, now, ctx.calendar) }));
  return {
    community: query.community,
    from: query.from,
    to: query.to,
    ...rateCases(cases, now, ctx.calendar),
    byCategory,
  };
}
