/**
 * 三率 (响应率, 解决率, 满意率) of a community's cases: staff only, so a module of its own that
 * the complaint handlers load on the first metrics call (pages never load it otherwise). The
 * counting happens where the cases are (the store's `tally`: one GROUP BY in SQL); here only
 * the period's response cut-offs (working days, from the calendar) and the rates.
 */
import { categoriesFor } from '../core/catalogues.js';
import type { ComplaintMetrics } from './views.js';
import type { ComplaintTally } from './repos/types.js';
import { firstResponseLateFrom } from './rules.js';
import { addDays, shanghaiDate, shanghaiStartOfDay } from '../../domain/time.js';
import type { ServiceContext } from '../../services/context.js';
import { assertCommunityAccess } from '../../services/access.js';

type Rates = Omit<ComplaintMetrics, 'community' | 'from' | 'to' | 'byCategory'>;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The rates of a set of counts. */
export function rates(t: Omit<ComplaintTally, 'category'>): Rates {
  return {
    total: t.total,
    respondedInTime: t.respondedInTime,
    resolved: t.resolved,
    rated: t.rated,
    satisfied: t.satisfied,
    overdue: t.overdue,
    responseRate: ratio(t.respondedInTime, t.total),
    resolutionRate: ratio(t.resolved, t.total),
    satisfactionRate: ratio(t.satisfied, t.rated),
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
  const days = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  const responseLateFrom = Array.from({ length: days }, (_, i) =>
    firstResponseLateFrom(addDays(query.from, i), ctx.calendar),
  );
  const [tallies, community] = await Promise.all([
    ctx.store.complaints.tally({
      community: query.community,
      from: start.toISOString(),
      to: end.toISOString(),
      today: shanghaiDate(ctx.clock.now()),
      firstDay: query.from,
      responseLateFrom,
    }),
    ctx.store.communities.get(query.community),
  ]);
  const order = (community ? categoriesFor(community, 'complaint') : []).map((c) => c.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const sum = { total: 0, respondedInTime: 0, resolved: 0, rated: 0, satisfied: 0, overdue: 0 };
  for (const t of tallies)
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += t[key];
  const byCategory = [...tallies]
    .sort((a, b) => rank(a.category) - rank(b.category) || (a.category < b.category ? -1 : 1))
    .map((t) => ({ category: t.category, ...rates(t) }));
  return {
    community: query.community,
    from: query.from,
    to: query.to,
    ...rates(sum),
    byCategory,
  };
}
