// 微心愿 in the memory store.
import type { Wish } from '../model.js';
import { DomainError } from '../../../domain/errors.js';
import { newestFirst, pageNewestFirst } from '../../../domain/paging.js';
import type { MemoryCore } from '../../../stores/memory-core.js';
import type { RetentionBatch } from '../../../services/store.js';
import type { WishFilter, WishRepositories, WishRepository } from './types.js';

/** Newest first: createdAt, then id, descending (the SQL store's order too). */
const wishesNewestFirst = newestFirst<Wish>((w) => w.createdAt);

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
    const others = this.tx.all<Wish>('wishes').filter((w) => w.id !== wish.id);
    const claimHash = wish.claim?.codeHash;
    if (
      others.some(
        (w) => w.codeHash === wish.codeHash || (!!claimHash && w.claim?.codeHash === claimHash),
      )
    ) {
      throw new DomainError('conflict', 'code taken');
    }
    this.tx.set('wishes', wish.id, wish);
  }
  async list(filter: WishFilter) {
    const matching = this.tx
      .all<Wish>('wishes')
      .filter(
        (w) =>
          w.community === filter.community &&
          (filter.statuses === undefined || filter.statuses.includes(w.status)) &&
          (filter.category === undefined || w.category === filter.category) &&
          (filter.grid === undefined || w.grid === filter.grid) &&
          !(filter.live && w.anonymisedAt),
      );
    return pageNewestFirst(matching, (w) => w.createdAt, filter);
  }
  async listExpiredClaims(community: string, now: string) {
    const cutoff = Date.parse(now);
    return this.tx
      .all<Wish>('wishes')
      .filter(
        (w) =>
          w.community === community &&
          w.status === 'claimed' &&
          !!w.claim &&
          Date.parse(w.claim.holdUntil) <= cutoff,
      )
      .sort((a, b) => -wishesNewestFirst(a, b));
  }
  async listActive(community: string, from: string, to: string) {
    const [start, end] = [Date.parse(from), Date.parse(to)];
    return this.tx
      .all<Wish>('wishes')
      .filter((w) => {
        const last = w.history[w.history.length - 1]?.at ?? w.createdAt;
        return (
          w.community === community && Date.parse(w.createdAt) < end && Date.parse(last) >= start
        );
      })
      .sort((a, b) => -wishesNewestFirst(a, b));
  }
  // The rules load on the first run: the embedded store's chunk stays small.
  async anonymiseEnded(batch: RetentionBatch) {
    return (await import('../retention.js')).anonymiseIn(this.tx, batch);
  }
}

export const wishMemoryRepositories = (core: MemoryCore): WishRepositories => ({
  wishes: new MemoryWishes(core),
});
