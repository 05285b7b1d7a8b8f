// The retention job's part in the stores: what a feature says of its items (a policy), and the
// memory store's batch over one table. The SQL store's is sql/retention.ts. Browser-safe: the
// embedded store loads it on its first retention run, not with the store.
import type { MemoryCore } from './memory-core.js';
import type { RetentionBatch, RetentionBatchResult } from '../services/store.js';

/** An item the retention job may anonymise. */
export interface RetainedItem {
  id: string;
  community: string;
  status: string;
  anonymisedAt?: string | undefined;
}

/**
 * What a feature's retention rules say of its items (src/features/<feature>/retention.ts): the
 * rules themselves — which statuses end an item, what is personal — live there, once, and both
 * stores apply them.
 */
export interface RetentionPolicy<T extends RetainedItem> {
  /** The memory collection and the SQL table. */
  table: string;
  /** The SQL column of `startedAt`. */
  startedColumn: string;
  /** The machine's `ended` set. */
  ended: readonly string[];
  /** When the item began (received, posted): it cannot have ended before. Oldest first by this. */
  startedAt(item: T): string;
  /** When it ended (entered `ended`), or undefined: never ended, kept. */
  endedAt(item: T): string | undefined;
  /** The item without personal data, marked `anonymisedAt: at`, and the photos it let go. */
  anonymise(item: T, at: string): { item: T; photos: string[] };
}

/** The key a batch goes on from. */
const keyOf = <T extends RetainedItem>(p: RetentionPolicy<T>, item: T) => ({
  at: p.startedAt(item),
  id: item.id,
});

const before = (a: { at: string; id: string }, b: { at: string; id: string }) => {
  const [x, y] = [Date.parse(a.at), Date.parse(b.at)];
  return x < y || (x === y && a.id < b.id);
};

/** Whether a candidate ended before the batch's cutoff (both stores ask this, in JavaScript). */
export function eligible<T extends RetainedItem>(
  p: RetentionPolicy<T>,
  item: T,
  batch: RetentionBatch,
): boolean {
  const ended = p.endedAt(item);
  return ended !== undefined && Date.parse(ended) < Date.parse(batch.endedBefore);
}

/** One batch over a memory table (the store's lock is held: nothing interleaves). */
export function anonymiseInMemory<T extends RetainedItem>(
  core: MemoryCore,
  p: RetentionPolicy<T>,
  batch: RetentionBatch,
): RetentionBatchResult {
  const cutoff = Date.parse(batch.endedBefore);
  const candidates = core
    .all<T>(p.table)
    .filter(
      (item) =>
        item.community === batch.community &&
        !item.anonymisedAt &&
        p.ended.includes(item.status) &&
        Date.parse(p.startedAt(item)) < cutoff &&
        (!batch.after || before(batch.after, keyOf(p, item))),
    )
    .sort((a, b) => (before(keyOf(p, a), keyOf(p, b)) ? -1 : 1))
    .slice(0, batch.limit);
  const result: RetentionBatchResult = { anonymised: [], photos: [] };
  for (const item of candidates) {
    if (!eligible(p, item, batch)) continue;
    const { item: anonymised, photos } = p.anonymise(item, batch.at);
    if (!batch.dryRun) core.set(p.table, item.id, anonymised);
    result.anonymised.push(item.id);
    result.photos.push(...photos);
  }
  const last = candidates[candidates.length - 1];
  if (last && candidates.length === batch.limit) result.next = keyOf(p, last);
  return result;
}
