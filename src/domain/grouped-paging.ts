import * as z from 'zod/mini';
import {
  BASE64URL,
  decodeCursor,
  decodeNewestCursor,
  encodeCursor,
  encodeNewestCursor,
  type NewestKey,
  type Page,
} from './paging.js';

// A module of its own (not in paging.ts): the memory store's core imports paging.ts, so
// whatever lives there travels on every embedded page; only the wish wall pages in groups.

/**
 * Where a list read in groups (the wish wall: 待认领, then 已认领, then 已完成) goes on: the
 * group, and the newest-first key its last page ended at (none: the group from its start).
 */
export interface GroupedKey {
  group: number;
  after?: NewestKey;
}

/** `[group]` or `[group, at, id]`, base64url: a group's start, or where in it a page ended. */
export const encodeGroupedCursor = ({ group, after }: GroupedKey): string =>
  encodeCursor(after ? [group, ...after] : [group]);

/** Reads a grouped cursor strictly (as decodeNewestCursor): a group below `groups`. */
export function decodeGroupedCursor(
  cursor: string | undefined,
  groups: number,
): GroupedKey | undefined {
  if (!cursor || !BASE64URL.test(cursor)) return undefined;
  const key = decodeCursor<unknown>(cursor);
  if (!Array.isArray(key) || (key.length !== 1 && key.length !== 3)) return undefined;
  const [group, ...rest] = key as unknown[];
  if (typeof group !== 'number' || !Number.isInteger(group) || group < 0 || group >= groups)
    return undefined;
  if (!rest.length) return group ? { group } : undefined;
  const after = decodeNewestCursor(encodeCursor(rest));
  return after ? { group, after } : undefined;
}

/** A grouped cursor in a query, refused (400, field `cursor`) unless we made it. */
export const groupedCursorSchema = (groups: number) =>
  z
    .string()
    .check(
      z.refine((cursor) => decodeGroupedCursor(cursor, groups) !== undefined, 'cursor.invalid'),
    );

/**
 * Pages a list read group after group, each newest first: the first group's items, then the
 * next's, one page of at most `limit` across them. `read(group, cursor, limit)` reads one
 * group (a store's newest-first page). A page that fills up at a group's end looks ahead
 * (one item) for a group with items, so the last page never promises more that is not there.
 */
export async function pageGroups<T>(
  groups: number,
  query: { limit: number; cursor?: string | undefined },
  read: (group: number, cursor: string | undefined, limit: number) => Promise<Page<T>>,
): Promise<Page<T>> {
  const start = decodeGroupedCursor(query.cursor, groups) ?? { group: 0 };
  const items: T[] = [];
  for (let group = start.group; group < groups; group++) {
    const after =
      group === start.group && start.after ? encodeNewestCursor(start.after) : undefined;
    const left = query.limit - items.length;
    const page = await read(group, after, left || 1);
    if (!left) {
      if (page.items.length) return { items, nextCursor: encodeGroupedCursor({ group }) };
      continue;
    }
    items.push(...page.items);
    const next = decodeNewestCursor(page.nextCursor);
    if (next) return { items, nextCursor: encodeGroupedCursor({ group, after: next }) };
  }
  return { items };
}
