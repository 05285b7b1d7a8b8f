// A 红黑榜 subject's place by its name: what the board shows the public (service.ts) and the
// staff editor shows its staff. Apart from rules.ts, which the score sheet's first render loads:
// this needs the community's tree (core/model.ts), which that render does not.
import type { Community } from '../core/model.js';
import { resolveLocation } from '../core/location.js';
import type { SubjectKind } from './rules.js';

/**
 * A place subject's name as the community has it (`3号楼`, `3号楼2单元`, a household as
 * `3号楼2单元住户`, never its room); undefined once the place is no longer in the community.
 */
export function placeName(
  community: Community,
  s: { kind: SubjectKind; grid: string; building: string; unit?: string | undefined },
): string | undefined {
  const place = resolveLocation(community, {
    community: community.id,
    grid: s.grid,
    building: s.building,
    ...(s.kind !== 'building' && s.unit ? { unit: s.unit } : {}),
  });
  if ('missing' in place) return undefined;
  const where = `${place.building?.name ?? ''}${place.unit?.name ?? ''}`;
  return s.kind === 'household' ? `${where}住户` : where;
}
