// 微心愿 in the memory store (loaded on the feature's first call through the stand-in in memory.ts).
import type { Wish } from '../model.js';
import { holdEnded, statusAsOf } from '../machine.js';
import { DomainError } from '../../../domain/errors.js';
import type { MemoryCore, NewestIndex } from '../../../stores/memory-core.js';
import type { RetentionBatch } from '../../../services/store.js';
import type { WishFilter, WishRepositories, WishRepository, WishTally } from './types.js';

/**
 * Newest first: createdAt, then id, descending (the SQL store's order too), kept per community
 * by the store, so lists page without sorting; read backwards for oldest first.
 */
const byCommunityNewest: NewestIndex<Wish> = {
  collection: 'wishes',
  partition: (w) => w.community,
  at: (w) => w.createdAt,
};

class MemoryWishes implements WishRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<Wish>('wishes', id);
  }
  async getByCode(codeHash: string) {
    return this.tx.all<Wish>('wishes').find((w) => w.codeHash === codeHash);
  }
  async getByClaimCode(codeHash: string) {
    return this.tx.all<Wish>('wishes').find((w) => w.claim?.codeHash === codeHash);
  }
  async put(wish: Wish) {
    const claimHash = wish.claim?.codeHash;
    if (
      this.tx
        .all<Wish>('wishes')
        .some(
          (w) =>
            w.id !== wish.id &&
            (w.codeHash === wish.codeHash || (!!claimHash && w.claim?.codeHash === claimHash)),
        )
    ) {
      throw new DomainError('conflict', 'code taken');
    }
    this.tx.set('wishes', wish.id, wish);
  }
  async list(filter: WishFilter) {
    const now = filter.now === undefined ? undefined : Date.parse(filter.now);
    const statusOf = (w: Wish) =>
      now === undefined ? w.status : statusAsOf(w.status, w.claim?.holdUntil, now);
    const matching = (w: Wish) =>
      (filter.statuses === undefined || filter.statuses.includes(statusOf(w))) &&
      (filter.category === undefined || w.category === filter.category) &&
      (filter.grid === undefined || w.grid === filter.grid) &&
      !(filter.live && w.anonymisedAt);
    return this.tx.page(byCommunityNewest, filter.community, filter, matching);
  }
  async listExpiredClaims(community: string, now: string) {
    const cutoff = Date.parse(now);
    return this.tx
      .page(
        byCommunityNewest,
        community,
        { limit: Infinity },
        (w) => !!w.claim && holdEnded(w.status, w.claim.holdUntil, cutoff),
      )
      .items.reverse();
  }
  async listActive(community: string, from: string, to: string) {
    const [start, end] = [Date.parse(from), Date.parse(to)];
    return this.tx
      .page(byCommunityNewest, community, { limit: Infinity }, (w) => {
        const last = w.history[w.history.length - 1]?.at ?? w.createdAt;
        return Date.parse(w.createdAt) < end && Date.parse(last) >= start;
      })
      .items.reverse();
  }
  async tally(community: string, from: string, to: string) {
    return tallyWishes(this.tx.scan<Wish>('wishes'), community, from, to);
  }
  // The rules load on the first run: the embedded store's chunk stays small.
  async anonymiseEnded(batch: RetentionBatch) {
    return (await import('../retention.js')).anonymiseIn(this.tx, batch);
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** WishRepository.tally over stored values, nothing copied (the SQL store's twin is in sql.ts). */
function tallyWishes(
  wishes: Iterable<Readonly<Wish>>,
  community: string,
  from: string,
  to: string,
): WishTally {
  const [start, end] = [Date.parse(from), Date.parse(to)];
  const within = (at: string) => {
    const t = Date.parse(at);
    return t >= start && t < end;
  };
  const first = (wish: Readonly<Wish>, action: 'claim' | 'fulfil') =>
    wish.history.find((e) => e.action === action && within(e.at));
  let posted = 0;
  let claimed = 0;
  const days: number[] = [];
  for (const wish of wishes) {
    if (wish.community !== community) continue;
    if (within(wish.createdAt)) posted++;
    if (first(wish, 'claim')) claimed++;
    const fulfilled = first(wish, 'fulfil');
    if (fulfilled) days.push((Date.parse(fulfilled.at) - Date.parse(wish.createdAt)) / DAY_MS);
  }
  return { posted, claimed, fulfilled: days.length, medianDaysToFulfil: median(days) };
}

export const wishMemoryImpl = (core: MemoryCore): WishRepositories => ({
  wishes: new MemoryWishes(core),
});
