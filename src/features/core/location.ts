import type { Building, Community, Grid, Location, Unit } from './model.js';

/*
 * Where in a community a place is, schema-free: elements that show places import this, not the
 * core model, whose schemas would otherwise come with a page's first render.
 */

export const locationLevels = ['community', 'grid', 'building', 'unit'] as const;
export type LocationLevel = (typeof locationLevels)[number];

export interface ResolvedLocation {
  community: Community;
  grid?: Grid;
  building?: Building;
  unit?: Unit;
}

/**
 * Looks a location up in its community. Returns the path, or the first level whose id is not
 * in the community (a stale QR code, a building that was renamed).
 */
export function resolveLocation(
  community: Community,
  location: Location,
): ResolvedLocation | { missing: LocationLevel } {
  if (location.community !== community.id) return { missing: 'community' };
  const resolved: ResolvedLocation = { community };
  if (!location.grid) return resolved;
  const grid = community.grids.find((g) => g.id === location.grid);
  if (!grid) return { missing: 'grid' };
  resolved.grid = grid;
  if (!location.building) return resolved;
  const building = grid.buildings.find((b) => b.id === location.building);
  if (!building) return { missing: 'building' };
  resolved.building = building;
  if (!location.unit) return resolved;
  const unit = building.units.find((u) => u.id === location.unit);
  if (!unit) return { missing: 'unit' };
  resolved.unit = unit;
  return resolved;
}
