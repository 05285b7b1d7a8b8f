/**
 * 和谐楼道 scores, the use cases: staff score each building of their community per period on
 * the community's rubric (0–10 per item; re-scoring replaces the sheet and keeps the replaced
 * version), the staff sheet ranks the buildings and suggests red and black candidates to the
 * editor, and anyone looks up one building's items, total and rank — building-level only, never
 * who scored. Loaded on the first call of one of them (`service.ts` re-exports them through
 * `onFirstCall`): the board's first render never carries them.
 */
import type * as z from 'zod/mini';
import { scoreSettingsOf } from './rubric.js';
import type { Building, Community, Grid } from '../core/model.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import type { ServiceContext } from '../../services/context.js';
import {
  type BuildingScoreSheet,
  type PublicBuildingScores,
  type ScoreSheet,
  type buildingScoresInputSchema,
  type buildingScoresQuerySchema,
  type scoreSheetQuerySchema,
} from './model.js';
import {
  periodLabel,
  periodStart,
  rankByTotal,
  scoreSuggestion,
  scoreTotal,
  SCORE_MAX,
} from './rules.js';
import { communityOf, invalid, staffOf } from './service.js';
import { shanghaiDate } from '../../domain/time.js';

type Parsed<S extends z.ZodMiniType> = z.output<S>;

/** The community's buildings with their grids, in the community's order. */
const buildingsOf = (community: Community): { grid: Grid; building: Building }[] =>
  community.grids.flatMap((grid) => grid.buildings.map((building) => ({ grid, building })));

const findBuilding = (community: Community, id: string) =>
  buildingsOf(community).find((b) => b.building.id === id);

/** What is wrong with a score sheet: an unknown building, a period not begun, items missing or not on the rubric. */
function sheetErrors(
  community: Community,
  input: { building: string; period: string; scores: Record<string, number> },
  now: Date,
): FieldError[] {
  const fields: FieldError[] = [];
  if (!findBuilding(community, input.building)) {
    fields.push({ path: 'building', key: 'location.unknown' });
  }
  // A period may be scored once it has begun (its first day is today or before).
  if (periodStart(input.period) > shanghaiDate(now)) {
    fields.push({ path: 'period', key: 'period.notStarted' });
  }
  const { items } = scoreSettingsOf(community);
  for (const item of items) {
    if (input.scores[item.id] === undefined) {
      fields.push({ path: `scores.${item.id}`, key: 'score.required' });
    }
  }
  for (const id of Object.keys(input.scores)) {
    if (!items.some((i) => i.id === id)) {
      fields.push({ path: `scores.${id}`, key: 'score.unknownItem' });
    }
  }
  return fields;
}

/** A period's sheets ranked by total (ties share a rank; equal totals in building order). */
function ranked(community: Community, sheets: BuildingScoreSheet[]) {
  const order = new Map(buildingsOf(community).map((b, i) => [b.building.id, i]));
  const known = sheets.filter((s) => order.has(s.building));
  return rankByTotal(known, (a, b) => order.get(a.building)! - order.get(b.building)!);
}

/** Staff: scores one building for a period; scoring it again replaces the sheet (audited). */
export async function putBuildingScores(
  ctx: ServiceContext,
  input: Parsed<typeof buildingScoresInputSchema>,
): Promise<BuildingScoreSheet> {
  const staff = staffOf(ctx, input.community);
  return ctx.store.transaction(async (tx) => {
    const community = await communityOf(tx, input.community);
    const now = ctx.clock.now();
    const fields = sheetErrors(community, input, now);
    if (fields.length) throw invalid(fields);
    const old = await tx.redblackScores.get(community.id, input.period, input.building, {
      lock: true,
    });
    const sheet: BuildingScoreSheet = {
      community: community.id,
      period: input.period,
      building: input.building,
      scores: { ...input.scores },
      total: scoreTotal(input.scores),
      scoredBy: staff.id,
      scoredAt: now.toISOString(),
      history: [],
    };
    if (old) {
      const { history, community: _c, period: _p, building: _b, ...replaced } = old;
      sheet.history = [...history, replaced];
    }
    await tx.redblackScores.put(sheet);
    return sheet;
  });
}

/** Staff: every building of a period, scored or not, with totals, ranks and suggestions. */
export async function scoreSheet(
  ctx: ServiceContext,
  query: Parsed<typeof scoreSheetQuerySchema>,
): Promise<ScoreSheet> {
  staffOf(ctx, query.community);
  const community = await communityOf(ctx.store, query.community);
  const settings = scoreSettingsOf(community);
  const [sheets, periods] = await Promise.all([
    ctx.store.redblackScores.listPeriod(community.id, query.period),
    ctx.store.redblackScores.periods(community.id),
  ]);
  const byBuilding = new Map(ranked(community, sheets).map((s) => [s.building, s]));
  const rows = buildingsOf(community).map(({ grid, building }): ScoreSheet['rows'][number] => {
    const row: ScoreSheet['rows'][number] = {
      grid: grid.id,
      building: building.id,
      name: building.name,
      rescored: 0,
    };
    if (building.nameEn) row.nameEn = building.nameEn;
    const sheet = byBuilding.get(building.id);
    if (!sheet) return row;
    const suggestion = scoreSuggestion(
      { rank: sheet.rank, total: sheet.total, items: Object.keys(sheet.scores).length },
      settings,
    );
    Object.assign(row, {
      scores: sheet.scores,
      total: sheet.total,
      rank: sheet.rank,
      scoredBy: sheet.scoredBy,
      scoredAt: sheet.scoredAt,
      rescored: sheet.history.length,
    });
    if (suggestion) row.suggestion = suggestion;
    return row;
  });
  return {
    community: community.id,
    period: query.period,
    periodLabel: periodLabel(query.period),
    items: settings.items.map(({ id, name, nameEn }) =>
      nameEn ? { id, name, nameEn } : { id, name },
    ),
    max: settings.items.length * SCORE_MAX,
    redTop: settings.redTop,
    blackBelow: settings.blackBelow,
    rows,
    scored: byBuilding.size,
    periods: periods.map((key) => ({ key, label: periodLabel(key) })),
  };
}

/**
 * Public: one building's items, total and rank of the buildings scored that period (the
 * latest one it was scored in, or `period`), and its archive of periods. Building-level only:
 * never who scored, never another building's scores. A period it was not scored in → 404.
 */
export async function buildingScores(
  ctx: ServiceContext,
  query: Parsed<typeof buildingScoresQuerySchema>,
): Promise<PublicBuildingScores> {
  const community = await communityOf(ctx.store, query.community);
  const building = findBuilding(community, query.building)?.building;
  if (!building) throw new DomainError('not_found', `building ${query.building}`);
  const own = await ctx.store.redblackScores.listBuilding(community.id, building.id);
  const view: PublicBuildingScores = {
    community: community.id,
    building: building.id,
    name: building.name,
    items: [],
    periods: own.map((s) => ({ key: s.period, label: periodLabel(s.period), total: s.total })),
  };
  if (building.nameEn) view.nameEn = building.nameEn;
  const period = query.period ?? own[0]?.period;
  if (period === undefined) return view;
  const sheet = own.find((s) => s.period === period);
  if (!sheet) throw new DomainError('not_found', `scores of ${building.id} for ${period}`);
  const all = ranked(community, await ctx.store.redblackScores.listPeriod(community.id, period));
  const items = scoreSettingsOf(community).items;
  // The sheet's own items, in the rubric's order (an item the rubric dropped since, last).
  const named = Object.keys(sheet.scores)
    .map((id) => ({
      id,
      item: items.find((i) => i.id === id),
      at: items.findIndex((i) => i.id === id),
    }))
    .sort((a, b) => (a.at < 0 ? 99 : a.at) - (b.at < 0 ? 99 : b.at));
  view.items = named.map(({ id, item }) => {
    const line: PublicBuildingScores['items'][number] = {
      id,
      name: item?.name ?? id,
      score: sheet.scores[id]!,
    };
    if (item?.nameEn) line.nameEn = item.nameEn;
    return line;
  });
  view.period = period;
  view.periodLabel = periodLabel(period);
  view.total = sheet.total;
  view.max = named.length * SCORE_MAX;
  view.rank = all.find((s) => s.building === building.id)!.rank;
  view.of = all.length;
  return view;
}
