// 微心愿 in the memory store.
import type { Wish } from '../model.js';
import { DomainError } from '../../../domain/errors.js';
import type { MemoryCore, NewestIndex } from '../../../stores/memory-core.js';
import type { WishFilter, WishRepositories, WishRepository } from './types.js';

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
    const matching = (w: Wish) =>
      (filter.statuses === undefined || filter.statuses.includes(w.status)) &&
      (filter.category === undefined || w.category === filter.category) &&
      (filter.grid === undefined || w.grid === filter.grid);
    return this.tx.page(byCommunityNewest, filter.community, filter, matching);
  }
  async listExpiredClaims(community: string, now: string) {
    const cutoff = Date.parse(now);
    return this.tx
      .page(
        byCommunityNewest,
        community,
        { limit: Infinity },
        (w) => w.status === 'claimed' && !!w.claim && Date.parse(w.claim.holdUntil) <= cutoff,
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
}

export const wishMemoryRepositories = (core: MemoryCore): WishRepositories => ({
  wishes: new MemoryWishes(core),
});
