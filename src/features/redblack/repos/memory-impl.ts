// 红黑榜 in the memory store (loaded by memory.ts on the feature's first call).
import type {
  Appeal,
  AppealStatus,
  BuildingScoreSheet,
  RedblackChange,
  RedblackEntry,
  RedblackStatus,
} from '../model.js';
import { DomainError } from '../../../domain/errors.js';
import type { MemoryCore } from '../../../stores/memory-core.js';
import type { RetentionBatch } from '../../../services/store.js';
import type {
  RedblackAppealRepository,
  RedblackChangeRepository,
  RedblackEntryQuery,
  RedblackEntryRepository,
  RedblackRepositories,
  RedblackScoreRepository,
} from './types.js';

const LIST_MAX = 500;
/** By (key, id): ascending. */
const by =
  <T extends { id: string }>(key: (t: T) => string) =>
  (a: T, b: T) => {
    const [x, y] = [Date.parse(key(a)), Date.parse(key(b))];
    return x === y ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : x - y;
  };

class MemoryRedblackEntries implements RedblackEntryRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<RedblackEntry>('redblack_entries', id);
  }
  async put(entry: RedblackEntry) {
    this.tx.set('redblack_entries', entry.id, entry);
  }
  async list(community: string, q: RedblackEntryQuery = {}) {
    const out: RedblackEntry[] = [];
    const at = q.onBoardAt === undefined ? undefined : Date.parse(q.onBoardAt);
    for (const e of this.tx.scan<RedblackEntry>('redblack_entries')) {
      if (e.community !== community) continue;
      if (q.statuses && !q.statuses.includes(e.status)) continue;
      if (q.period !== undefined && e.period !== q.period) continue;
      if (at !== undefined && !(e.until !== undefined && Date.parse(e.until) > at)) continue;
      out.push(e);
    }
    return out
      .sort(by((e) => e.createdAt))
      .reverse()
      .slice(0, LIST_MAX)
      .map((e) => structuredClone(e) as RedblackEntry);
  }
  async periods(community: string, statuses: readonly RedblackStatus[]) {
    const seen = new Set<string>();
    for (const e of this.tx.scan<RedblackEntry>('redblack_entries')) {
      if (e.community === community && statuses.includes(e.status)) seen.add(e.period);
    }
    // Newest first: by start, then the longer period first (2026 before 2026-Q4 before 2026-12).
    return [...seen].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  }
}

class MemoryRedblackAppeals implements RedblackAppealRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<Appeal>('redblack_appeals', id);
  }
  async getByCode(codeHash: string) {
    for (const a of this.tx.scan<Appeal>('redblack_appeals')) {
      if (a.codeHash === codeHash) return structuredClone(a) as Appeal;
    }
    return undefined;
  }
  async put(appeal: Appeal) {
    for (const a of this.tx.scan<Appeal>('redblack_appeals')) {
      if (a.id !== appeal.id && a.codeHash === appeal.codeHash) {
        throw new DomainError('conflict', 'code taken');
      }
    }
    this.tx.set('redblack_appeals', appeal.id, appeal);
  }
  async list(community: string, status?: AppealStatus) {
    return this.tx
      .all<Appeal>('redblack_appeals')
      .filter((a) => a.community === community && (status === undefined || a.status === status))
      .sort(by((a) => a.createdAt))
      .slice(0, LIST_MAX);
  }
  async listByEntry(entry: string) {
    return this.tx
      .all<Appeal>('redblack_appeals')
      .filter((a) => a.entry === entry)
      .sort(by((a) => a.createdAt));
  }
  async anonymiseEnded(batch: RetentionBatch) {
    return (await import('../retention.js')).anonymiseIn(this.tx, batch);
  }
}

class MemoryRedblackChanges implements RedblackChangeRepository {
  constructor(private readonly tx: MemoryCore) {}
  async add(change: RedblackChange) {
    this.tx.set('redblack_changes', change.id, change);
  }
  async latest(community: string, limit: number) {
    return this.tx
      .all<RedblackChange>('redblack_changes')
      .filter((c) => c.community === community)
      .sort(by((c) => c.at))
      .reverse()
      .slice(0, limit);
  }
}

/** Descending by key (newest period first). */
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

class MemoryRedblackScores implements RedblackScoreRepository {
  constructor(private readonly tx: MemoryCore) {}
  private key = (community: string, period: string, building: string) =>
    `${community}\u0000${period}\u0000${building}`;
  async get(community: string, period: string, building: string) {
    return this.tx.get<BuildingScoreSheet>(
      'redblack_scores',
      this.key(community, period, building),
    );
  }
  async put(sheet: BuildingScoreSheet) {
    this.tx.set('redblack_scores', this.key(sheet.community, sheet.period, sheet.building), sheet);
  }
  private where(match: (s: Readonly<BuildingScoreSheet>) => boolean) {
    const out: BuildingScoreSheet[] = [];
    for (const s of this.tx.scan<BuildingScoreSheet>('redblack_scores')) {
      if (match(s)) out.push(structuredClone(s) as BuildingScoreSheet);
    }
    return out;
  }
  async listPeriod(community: string, period: string) {
    return this.where((s) => s.community === community && s.period === period).sort(
      (a, b) => -desc(a.building, b.building),
    );
  }
  async listBuilding(community: string, building: string) {
    return this.where((s) => s.community === community && s.building === building).sort((a, b) =>
      desc(a.period, b.period),
    );
  }
  async periods(community: string) {
    const seen = new Set<string>();
    for (const s of this.tx.scan<BuildingScoreSheet>('redblack_scores')) {
      if (s.community === community) seen.add(s.period);
    }
    return [...seen].sort(desc);
  }
}

export const redblackMemoryImpl = (core: MemoryCore): RedblackRepositories => ({
  redblackEntries: new MemoryRedblackEntries(core),
  redblackAppeals: new MemoryRedblackAppeals(core),
  redblackChanges: new MemoryRedblackChanges(core),
  redblackScores: new MemoryRedblackScores(core),
});
