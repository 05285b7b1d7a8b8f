import * as z from 'zod/mini';
import { isCanonicalInstant } from './time.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A ULID as newId() makes it: 26 Crockford characters, the first 0–7 (48-bit time). */
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
/** What a cursor we made may consist of: base64url, at most 200 characters. */
export const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

/** The sort key a newest-first page ends at: the item's instant and id. */
export type NewestKey = readonly [at: string, id: string];

/**
 * Reads a newest-first cursor strictly: base64url of exactly `[instant, id]`, the instant
 * canonical (`toISOString()`) within MIN_YEAR–MAX_YEAR and the id ULID-shaped. Anything else
 * is undefined, so no made-up value ever reaches a database.
 */
export function decodeNewestCursor(cursor: string | undefined): NewestKey | undefined {
  if (!cursor || !BASE64URL.test(cursor)) return undefined;
  const key = decodeCursor<unknown>(cursor);
  if (!Array.isArray(key) || key.length !== 2) return undefined;
  const [at, id] = key as unknown[];
  return typeof at === 'string' && typeof id === 'string' && ULID.test(id) && isCanonicalInstant(at)
    ? [at, id]
    : undefined;
}

/** A cursor in a query: opaque to callers, refused (400, field `cursor`) unless we made it. */
// Schemas are made by functions: a page that never parses a query does not bundle them.
export const cursorSchema = () =>
  z
    .string()
    .check(z.refine((cursor) => decodeNewestCursor(cursor) !== undefined, 'cursor.invalid'));

/** Cursor paging: `cursor` is opaque to callers (base64url JSON of the last sort key). */
export const pageQuerySchema = () =>
  z.object({
    limit: z._default(
      z.coerce.number().check(z.int('limit.invalid'), z.minimum(1), z.maximum(MAX_PAGE_SIZE)),
      DEFAULT_PAGE_SIZE,
    ),
    cursor: z.optional(cursorSchema()),
  });
export type PageQuery = z.input<ReturnType<typeof pageQuerySchema>>;

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextCursor?: string;
}

export const pageSchema = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export const encodeCursor = (key: unknown): string => toBase64Url(JSON.stringify(key));

export const encodeNewestCursor = (key: NewestKey): string => encodeCursor(key);

/** Returns undefined for a cursor we did not make, so a forged cursor reads as "first page". */
export function decodeCursor<T>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(fromBase64Url(cursor)) as T;
  } catch {
    return undefined;
  }
}

/** Pages an already sorted list by a key: used by the memory store and by tests as the oracle. */
export function pageBy<T, K extends string | number>(
  sorted: readonly T[],
  keyOf: (item: T) => K,
  query: { limit: number; cursor?: string | undefined },
): Page<T> {
  const after = decodeCursor<K>(query.cursor);
  const start = after === undefined ? 0 : sorted.findIndex((item) => keyOf(item) > after);
  const items = start < 0 ? [] : sorted.slice(start, start + query.limit);
  const last = items[items.length - 1];
  const more = start >= 0 && start + query.limit < sorted.length;
  return more && last !== undefined ? { items, nextCursor: encodeCursor(keyOf(last)) } : { items };
}

/** Orders by `(at, id)` descending: newest first, ties broken the same way everywhere. */
export const newestFirst =
  <T extends { id: string }>(at: (item: T) => string) =>
  (a: T, b: T): number =>
    at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * Pages items newest first by `(at, id)`, the order lists of cases and wishes use: keyset
 * paging, so an item added meanwhile never shifts the next page. It sorts every item: the
 * oracle of the stores' order in tests (the memory store reads its index, `MemoryCore.page`;
 * the SQL stores `ORDER BY at DESC, id DESC`).
 */
export function pageNewestFirst<T extends { id: string }>(
  items: readonly T[],
  at: (item: T) => string,
  query: { limit: number; cursor?: string | undefined },
): Page<T> {
  const after = decodeNewestCursor(query.cursor);
  const sorted = [...items]
    .sort(newestFirst(at))
    .filter(
      (item) => !after || at(item) < after[0] || (at(item) === after[0] && item.id < after[1]),
    );
  const page = sorted.slice(0, query.limit);
  const last = page[page.length - 1];
  return sorted.length > query.limit && last
    ? { items: page, nextCursor: encodeNewestCursor([at(last), last.id]) }
    : { items: page };
}
