// 红黑榜 in the SQL store (migration 12; 和谐楼道 scores: migration 15).
import type {
  Appeal,
  AppealStatus,
  BuildingScoreSheet,
  RedblackChange,
  RedblackEntry,
  RedblackStatus,
} from '../model.js';
import { DomainError } from '../../../domain/errors.js';
import {
  forUpdate,
  json,
  sqlList,
  sqlState,
  type ReadOptions,
  type SqlCore,
} from '../../../stores/sql/core.js';
import type { Migration } from '../../../stores/sql/migrate.js';
import { anonymiseInSql } from '../../../stores/sql/retention.js';
import type { RetentionBatch } from '../../../services/store.js';
import { appealRetention, endedAppealStatuses } from '../retention.js';
import type {
  RedblackAppealRepository,
  RedblackChangeRepository,
  RedblackEntryQuery,
  RedblackEntryRepository,
  RedblackRepositories,
  RedblackScoreRepository,
} from './types.js';

const LIST_MAX = 500;
const ENDED = sqlList(endedAppealStatuses);
const noNul = (...values: (string | undefined)[]) => values.every((v) => !v?.includes('\u0000'));

class SqlRedblackEntries implements RedblackEntryRepository {
  constructor(private readonly x: SqlCore) {}
  async get(id: string, options?: ReadOptions) {
    if (!noNul(id)) return undefined;
    const rows = await this.x.db.query<{ data: RedblackEntry }>(
      `SELECT data FROM ${this.x.s}.redblack_entries WHERE id = $1${forUpdate(options)}`,
      [id],
    );
    return rows[0]?.data;
  }
  async put(e: RedblackEntry) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.redblack_entries (id, community, list, period, status, until,
         created_at, photos, data)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz,
         ARRAY(SELECT json_array_elements_text($8::text::json)), $9::text::json)
       ON CONFLICT (id) DO UPDATE SET community = excluded.community, list = excluded.list,
         period = excluded.period, status = excluded.status, until = excluded.until,
         created_at = excluded.created_at, photos = excluded.photos, data = excluded.data`,
      [
        e.id,
        e.community,
        e.list,
        e.period,
        e.status,
        e.until ?? null,
        e.createdAt,
        json(e.photos.map((p) => p.id)),
        json(e),
      ],
    );
  }
  async list(community: string, q: RedblackEntryQuery = {}) {
    if (!noNul(community, q.period)) return [];
    const params: unknown[] = [community];
    let where = 'community = $1';
    if (q.statuses) {
      if (!q.statuses.length) return [];
      where += ` AND status IN ${sqlList(q.statuses)}`;
    }
    if (q.period !== undefined) {
      params.push(q.period);
      where += ` AND period = $${params.length}`;
    }
    if (q.onBoardAt !== undefined) {
      params.push(q.onBoardAt);
      where += ` AND until > $${params.length}::timestamptz`;
    }
    const rows = await this.x.db.query<{ data: RedblackEntry }>(
      `SELECT data FROM ${this.x.s}.redblack_entries WHERE ${where}
       ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT ${LIST_MAX}`,
      params,
    );
    return rows.map((r) => r.data);
  }
  async periods(community: string, statuses: readonly RedblackStatus[]) {
    if (!statuses.length || !noNul(community)) return [];
    const rows = await this.x.db.query<{ period: string }>(
      `SELECT DISTINCT period COLLATE "C" AS period FROM ${this.x.s}.redblack_entries
       WHERE community = $1 AND status IN ${sqlList(statuses)}
       ORDER BY 1 DESC`,
      [community],
    );
    return rows.map((r) => r.period);
  }
}

class SqlRedblackAppeals implements RedblackAppealRepository {
  constructor(private readonly x: SqlCore) {}
  private async one(column: 'id' | 'code_hash', value: string, options?: ReadOptions) {
    if (!noNul(value)) return undefined;
    const rows = await this.x.db.query<{ data: Appeal }>(
      `SELECT data FROM ${this.x.s}.redblack_appeals WHERE ${column} = $1${forUpdate(options)}`,
      [value],
    );
    return rows[0]?.data;
  }
  get(id: string, options?: ReadOptions) {
    return this.one('id', id, options);
  }
  getByCode(codeHash: string) {
    return this.one('code_hash', codeHash);
  }
  async put(a: Appeal) {
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.redblack_appeals (id, community, entry, status, code_hash,
           created_at, data)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::text::json)
         ON CONFLICT (id) DO UPDATE SET community = excluded.community, entry = excluded.entry,
           status = excluded.status, code_hash = excluded.code_hash,
           created_at = excluded.created_at, data = excluded.data`,
        [a.id, a.community, a.entry, a.status, a.codeHash, a.createdAt, json(a)],
      );
    } catch (error) {
      if (sqlState(error) === '23505') throw new DomainError('conflict', 'code taken');
      throw error;
    }
  }
  async list(community: string, status?: AppealStatus) {
    if (!noNul(community, status)) return [];
    const rows = await this.x.db.query<{ data: Appeal }>(
      `SELECT data FROM ${this.x.s}.redblack_appeals
       WHERE community = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at, id COLLATE "C" LIMIT ${LIST_MAX}`,
      [community, status ?? null],
    );
    return rows.map((r) => r.data);
  }
  async listByEntry(entry: string) {
    if (!noNul(entry)) return [];
    const rows = await this.x.db.query<{ data: Appeal }>(
      `SELECT data FROM ${this.x.s}.redblack_appeals WHERE entry = $1
       ORDER BY created_at, id COLLATE "C"`,
      [entry],
    );
    return rows.map((r) => r.data);
  }
  anonymiseEnded(batch: RetentionBatch) {
    return anonymiseInSql(this.x, appealRetention, batch, async (a) => {
      await this.x.db.query(
        `UPDATE ${this.x.s}.redblack_appeals
         SET data = $2::text::json, code_hash = $3, anonymised_at = $4::timestamptz
         WHERE id = $1 AND anonymised_at IS NULL`,
        [a.id, json(a), a.codeHash, a.anonymisedAt],
      );
    });
  }
}

class SqlRedblackChanges implements RedblackChangeRepository {
  constructor(private readonly x: SqlCore) {}
  async add(c: RedblackChange) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.redblack_changes (id, community, at, data)
       VALUES ($1, $2, $3::timestamptz, $4::text::json)`,
      [c.id, c.community, c.at, json(c)],
    );
  }
  async latest(community: string, limit: number) {
    if (!noNul(community)) return [];
    const rows = await this.x.db.query<{ data: RedblackChange }>(
      `SELECT data FROM ${this.x.s}.redblack_changes WHERE community = $1
       ORDER BY at DESC, id COLLATE "C" DESC LIMIT $2`,
      [community, limit],
    );
    return rows.map((r) => r.data);
  }
}

class SqlRedblackScores implements RedblackScoreRepository {
  constructor(private readonly x: SqlCore) {}
  private async rows(where: string, params: string[], order: string) {
    if (!noNul(...params)) return [];
    const rows = await this.x.db.query<{ data: BuildingScoreSheet }>(
      `SELECT data FROM ${this.x.s}.redblack_scores WHERE ${where} ORDER BY ${order}`,
      params,
    );
    return rows.map((r) => r.data);
  }
  async get(community: string, period: string, building: string, options?: ReadOptions) {
    const [sheet] = await this.rows(
      'community = $1 AND period = $2 AND building = $3',
      [community, period, building],
      `building${forUpdate(options)}`,
    );
    return sheet;
  }
  async put(s: BuildingScoreSheet) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.redblack_scores (community, period, building, total, scored_at, data)
       VALUES ($1, $2, $3, $4, $5::timestamptz, $6::text::json)
       ON CONFLICT (community, period, building) DO UPDATE SET total = excluded.total,
         scored_at = excluded.scored_at, data = excluded.data`,
      [s.community, s.period, s.building, s.total, s.scoredAt, json(s)],
    );
  }
  listPeriod(community: string, period: string) {
    return this.rows('community = $1 AND period = $2', [community, period], 'building COLLATE "C"');
  }
  listBuilding(community: string, building: string) {
    return this.rows(
      'community = $1 AND building = $2',
      [community, building],
      'period COLLATE "C" DESC',
    );
  }
  async periods(community: string) {
    if (!noNul(community)) return [];
    const rows = await this.x.db.query<{ period: string }>(
      `SELECT DISTINCT period COLLATE "C" AS period FROM ${this.x.s}.redblack_scores
       WHERE community = $1 ORDER BY 1 DESC`,
      [community],
    );
    return rows.map((r) => r.period);
  }
}

export const redblackSqlRepositories = (x: SqlCore): RedblackRepositories => ({
  redblackEntries: new SqlRedblackEntries(x),
  redblackAppeals: new SqlRedblackAppeals(x),
  redblackChanges: new SqlRedblackChanges(x),
  redblackScores: new SqlRedblackScores(x),
});

/** Never edit a shipped migration: add the next version. */
export const redblackMigrations: Migration[] = [
  {
    version: 12,
    name: 'redblack: entries, appeals, the change log',
    // `photos` lets the orphan pass see evidence photos in use. The appeals' partial index holds
    // what the retention job still has to look at (decided, not anonymised), oldest first.
    sql: `
      CREATE TABLE {s}.redblack_entries (
        id text PRIMARY KEY,
        community text NOT NULL,
        list text NOT NULL,
        period text NOT NULL,
        status text NOT NULL,
        until timestamptz,
        created_at timestamptz NOT NULL,
        photos text[] NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX redblack_entries_by_created
        ON {s}.redblack_entries (community, created_at DESC, id COLLATE "C" DESC);
      CREATE INDEX redblack_entries_by_period ON {s}.redblack_entries (community, period);
      CREATE INDEX redblack_entries_photos ON {s}.redblack_entries USING gin (photos);
      CREATE TABLE {s}.redblack_appeals (
        id text PRIMARY KEY,
        community text NOT NULL,
        entry text NOT NULL,
        status text NOT NULL,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        anonymised_at timestamptz,
        data json NOT NULL,
        CONSTRAINT redblack_appeals_code_unique UNIQUE (code_hash)
      );
      CREATE INDEX redblack_appeals_by_created
        ON {s}.redblack_appeals (community, created_at, id COLLATE "C");
      CREATE INDEX redblack_appeals_by_entry ON {s}.redblack_appeals (entry);
      CREATE INDEX redblack_appeals_to_anonymise
        ON {s}.redblack_appeals (community, created_at, id COLLATE "C")
        WHERE anonymised_at IS NULL AND status IN ${ENDED};
      CREATE TABLE {s}.redblack_changes (
        id text PRIMARY KEY,
        community text NOT NULL,
        at timestamptz NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX redblack_changes_latest
        ON {s}.redblack_changes (community, at DESC, id COLLATE "C" DESC);
    `,
  },
  {
    version: 15,
    name: 'redblack: 和谐楼道 building scores per period',
    // One row per building and period; re-scoring replaces it (the old versions stay in `data`).
    // The key serves the staff sheet (a period's buildings); the index a building's archive.
    sql: `
      CREATE TABLE {s}.redblack_scores (
        community text NOT NULL,
        period text NOT NULL,
        building text NOT NULL,
        total double precision NOT NULL,
        scored_at timestamptz NOT NULL,
        data json NOT NULL,
        PRIMARY KEY (community, period, building)
      );
      CREATE INDEX redblack_scores_by_building ON {s}.redblack_scores (community, building);
    `,
  },
];
