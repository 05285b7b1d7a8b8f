import type {
  Appeal,
  AppealStatus,
  BuildingScoreSheet,
  RedblackChange,
  RedblackEntry,
  RedblackStatus,
} from '../model.js';
import type { ReadOptions } from '../../core/repos/types.js';
import type { RetainingRepository } from '../../../services/store.js';

/** Which entries of a community a list asks for. */
export interface RedblackEntryQuery {
  /** Only these statuses (as stored). */
  statuses?: readonly RedblackStatus[] | undefined;
  period?: string | undefined;
  /** Only entries still on the board at this instant (`until` after it). */
  onBoardAt?: string | undefined;
}

/** 红黑榜 entries: nothing of a resident's contact data in them (persons only with consent). */
export interface RedblackEntryRepository {
  /** `lock`: inside a transaction, the row stays locked until it ends. */
  get(id: string, options?: ReadOptions): Promise<RedblackEntry | undefined>;
  /** Inserts or replaces by id. */
  put(entry: RedblackEntry): Promise<void>;
  /** A community's entries matching `query`, newest first (by createdAt, then id); at most 500. */
  list(community: string, query?: RedblackEntryQuery): Promise<RedblackEntry[]>;
  /** The periods with entries in `statuses`, newest first. */
  periods(community: string, statuses: readonly RedblackStatus[]): Promise<string[]>;
}

/** Appeals keep the appellant's contact data until the retention job anonymises them. */
export interface RedblackAppealRepository extends RetainingRepository {
  get(id: string, options?: ReadOptions): Promise<Appeal | undefined>;
  /** By `hashAppealCode(code)`. */
  getByCode(codeHash: string): Promise<Appeal | undefined>;
  /** Inserts or replaces by id. A code hash another appeal has → `conflict`. */
  put(appeal: Appeal): Promise<void>;
  /** A community's appeals (of one status if given), oldest first (by createdAt, then id). */
  list(community: string, status?: AppealStatus): Promise<Appeal[]>;
  /** The appeals of one entry, oldest first. */
  listByEntry(entry: string): Promise<Appeal[]>;
}

/** The board's public change log: corrections and withdrawals after publishing. */
export interface RedblackChangeRepository {
  add(change: RedblackChange): Promise<void>;
  /** A community's newest `limit` lines, newest first (by at, then id). */
  latest(community: string, limit: number): Promise<RedblackChange[]>;
}

/** 和谐楼道: one score sheet per community, period and building (no resident's data in them). */
export interface RedblackScoreRepository {
  /** `lock`: inside a transaction, the row stays locked until it ends. */
  get(
    community: string,
    period: string,
    building: string,
    options?: ReadOptions,
  ): Promise<BuildingScoreSheet | undefined>;
  /** Inserts or replaces by (community, period, building). */
  put(sheet: BuildingScoreSheet): Promise<void>;
  /** A period's sheets, by building id. */
  listPeriod(community: string, period: string): Promise<BuildingScoreSheet[]>;
  /** One building's sheets, newest period key first. */
  listBuilding(community: string, building: string): Promise<BuildingScoreSheet[]>;
  /** The periods with sheets, newest key first. */
  periods(community: string): Promise<string[]>;
}

/** The 红黑榜 feature's repositories in a Store. */
export interface RedblackRepositories {
  readonly redblackEntries: RedblackEntryRepository;
  readonly redblackAppeals: RedblackAppealRepository;
  readonly redblackChanges: RedblackChangeRepository;
  readonly redblackScores: RedblackScoreRepository;
}
