// 居民说事 in the memory store: cases, ticket counters, upload records (loaded on the feature's
// first call through the stand-ins in memory.ts).
import type { Complaint } from '../views.js';
import { isOpen } from '../machine.js';
import { tallyCase } from '../rules.js';
import { addDays } from '../../../domain/time.js';
import { DomainError } from '../../../domain/errors.js';
import type { MemoryCore, NewestIndex } from '../../../stores/memory-core.js';
import type { RetentionBatch } from '../../../services/store.js';
import type {
  ComplaintFilter,
  ComplaintRepositories,
  ComplaintRepository,
  ComplaintTally,
  ComplaintTallyQuery,
  CounterRepository,
  UploadRecord,
  UploadRepository,
} from './types.js';

/**
 * Newest first: receivedAt, then id, descending (the SQL store's order too), kept per
 * community by the store, so lists page without sorting; read backwards for oldest first.
 */
const byCommunityNewest: NewestIndex<Complaint> = {
  collection: 'complaints',
  partition: (c) => c.community,
  at: (c) => c.receivedAt,
};

const gridOf = (c: Complaint): string | undefined =>
  'grid' in c.location ? c.location.grid : undefined;

class MemoryComplaints implements ComplaintRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<Complaint>('complaints', id);
  }
  async getByTicket(ticket: string) {
    return this.tx.all<Complaint>('complaints').find((c) => c.ticket === ticket);
  }
  async put(complaint: Complaint) {
    const holder = await this.getByTicket(complaint.ticket);
    if (holder && holder.id !== complaint.id) throw new DomainError('conflict', 'ticket taken');
    this.tx.set('complaints', complaint.id, complaint);
  }
  async list(filter: ComplaintFilter) {
    const matching = (c: Complaint) =>
      (filter.status === undefined || c.status === filter.status) &&
      (filter.category === undefined || c.category === filter.category) &&
      (filter.grid === undefined || gridOf(c) === filter.grid) &&
      (filter.overdue === undefined ||
        (isOpen(c.status) && filter.overdue.today > c.dueDate) === filter.overdue.value);
    return this.tx.page(byCommunityNewest, filter.community, filter, matching);
  }
  async listReceived(community: string, from: string, to: string) {
    const [start, end] = [Date.parse(from), Date.parse(to)];
    return this.tx
      .page(byCommunityNewest, community, { limit: Infinity }, (c) => {
        const at = Date.parse(c.receivedAt);
        return at >= start && at < end;
      })
      .items.reverse();
  }
  async tally(q: ComplaintTallyQuery) {
    const [start, end] = [Date.parse(q.from), Date.parse(q.to)];
    const lateFrom = new Map(q.responseLateFrom.map((late, i) => [addDays(q.firstDay, i), late]));
    const byCategory = new Map<string, ComplaintTally>();
    // Counted as stored, nothing copied (scan); the rule for one case is tallyCase.
    for (const c of this.tx.scan<Complaint>('complaints')) {
      const at = Date.parse(c.receivedAt);
      if (c.community !== q.community || at < start || at >= end) continue;
      let t = byCategory.get(c.category);
      if (!t) {
        t = {
          category: c.category,
          total: 0,
          respondedInTime: 0,
          resolved: 0,
          rated: 0,
          satisfied: 0,
          overdue: 0,
        };
        byCategory.set(c.category, t);
      }
      t.total++;
      const counts = tallyCase(c, q.today, (day) => lateFrom.get(day));
      for (const key of ['respondedInTime', 'resolved', 'rated', 'satisfied', 'overdue'] as const) {
        if (counts[key]) t[key]++;
      }
    }
    return [...byCategory.values()];
  }
  async hasPhoto(community: string, uploadId: string) {
    return this.tx
      .all<Complaint>('complaints')
      .some((c) => c.community === community && c.photos.includes(uploadId));
  }
  // The rules load on the first run: the embedded store's chunk stays small.
  async anonymiseEnded(batch: RetentionBatch) {
    return (await import('../retention.js')).anonymiseIn(this.tx, batch);
  }
}

class MemoryCounters implements CounterRepository {
  constructor(private readonly tx: MemoryCore) {}
  async next(name: string) {
    const value = (this.tx.get<number>('counters', name) ?? 0) + 1;
    this.tx.set('counters', name, value);
    return value;
  }
}

/** Upload records, with their bytes (`blob`): structuredClone and IndexedDB keep Blobs. */
class MemoryUploads implements UploadRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<UploadRecord>('uploads', id);
  }
  async put(record: UploadRecord) {
    this.tx.set('uploads', record.id, record);
  }
  async deleteOrphans(before: string, limit: number) {
    // A wish come true may show a photo too, and a 红黑榜 entry its evidence (their tables,
    // read as the SQL does).
    const used = new Set([
      ...this.tx.all<Complaint>('complaints').flatMap((c) => c.photos),
      ...this.tx
        .all<{ fulfilment?: { photo?: string } }>('wishes')
        .flatMap((w) => (w.fulfilment?.photo ? [w.fulfilment.photo] : [])),
      ...this.tx
        .all<{ photos: { id: string }[] }>('redblack_entries')
        .flatMap((e) => e.photos.map((p) => p.id)),
    ]);
    const orphans = this.tx
      .all<UploadRecord>('uploads')
      .filter((u) => u.createdAt < before && !used.has(u.id))
      .slice(0, limit)
      .map((u) => u.id);
    for (const id of orphans) this.tx.set('uploads', id, undefined);
    return orphans;
  }
}

export const complaintMemoryImpl = (core: MemoryCore): ComplaintRepositories => ({
  complaints: new MemoryComplaints(core),
  counters: new MemoryCounters(core),
  uploads: new MemoryUploads(core),
});
