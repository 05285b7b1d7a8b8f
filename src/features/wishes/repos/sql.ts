// 微心愿 in the SQL store (migration 4).
import type { Wish } from '../model.js';
import { wishMachine } from '../machine.js';
import { DomainError } from '../../../domain/errors.js';
import {
  forUpdate,
  json,
  newestPage,
  sqlList,
  sqlState,
  Where,
  type SqlCore,
} from '../../../stores/sql/core.js';
import type { Migration } from '../../../stores/sql/migrate.js';
import { anonymiseInSql } from '../../../stores/sql/retention.js';
import type { RetentionBatch } from '../../../services/store.js';
import { endedWishStatuses, wishRetention } from '../retention.js';
import type { WishFilter, WishRepositories, WishRepository } from './types.js';

/** Statuses in which a claim holds (the machine's: those a claim can be released from). */
const HELD = sqlList(wishMachine.from('release'));

/** Ended statuses (from the machine): what the retention job looks at, and its partial index. */
const ENDED = sqlList(endedWishStatuses);

/** The wall and the queue: newest posted first (index wishes_newest). */
const NEWEST = { table: 'wishes', at: 'created_at', atOf: (w: Wish) => w.createdAt };

const codeTaken = () => new DomainError('conflict', 'code taken');

/** Wishes: the document in `data`, keys and lookups beside it (see migration 4). */
class SqlWishes implements WishRepository {
  constructor(private readonly x: SqlCore) {}
  private async one(column: 'id' | 'code_hash' | 'claim_code_hash', value: string) {
    if (value.includes('\u0000')) return undefined;
    const lock = forUpdate(this.x);
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes WHERE ${column} = $1${lock}`,
      [value],
    );
    return rows[0]?.data;
  }
  get(id: string) {
    return this.one('id', id);
  }
  getByCode(codeHash: string) {
    return this.one('code_hash', codeHash);
  }
  getByClaimCode(codeHash: string) {
    return this.one('claim_code_hash', codeHash);
  }
  async put(w: Wish) {
    const lastAt = w.history[w.history.length - 1]?.at ?? w.createdAt;
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.wishes (id, community, status, category, grid, created_at,
           last_event_at, code_hash, claim_code_hash, hold_until, data)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8, $9, $10::timestamptz,
           $11::text::json)
         ON CONFLICT (id) DO UPDATE SET community = excluded.community, status = excluded.status,
           category = excluded.category, grid = excluded.grid, created_at = excluded.created_at,
           last_event_at = excluded.last_event_at, code_hash = excluded.code_hash,
           claim_code_hash = excluded.claim_code_hash, hold_until = excluded.hold_until,
           data = excluded.data`,
        [
          w.id,
          w.community,
          w.status,
          w.category,
          w.grid ?? null,
          w.createdAt,
          lastAt,
          w.codeHash,
          w.claim?.codeHash ?? null,
          w.claim?.holdUntil ?? null,
          json(w),
        ],
      );
    } catch (error) {
      if (sqlState(error) === '23505') throw codeTaken();
      throw error;
    }
  }
  async list(f: WishFilter) {
    const where = new Where();
    where.add(`community = ${where.param(f.community)}`);
    if (f.statuses !== undefined) {
      if (!f.statuses.length) return { items: [] };
      where.add(`status = ANY(${where.param([...f.statuses])}::text[])`);
    }
    if (f.category !== undefined) where.add(`category = ${where.param(f.category)}`);
    if (f.grid !== undefined) where.add(`grid = ${where.param(f.grid)}`);
    if (f.live) where.add('anonymised_at IS NULL');
    return newestPage<Wish>(this.x, NEWEST, where, f);
  }
  async listExpiredClaims(community: string, now: string) {
    const lock = forUpdate(this.x);
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes
       WHERE community = $1 AND status IN ${HELD} AND hold_until <= $2::timestamptz
       ORDER BY created_at, id COLLATE "C"${lock}`,
      [community, now],
    );
    return rows.map((row) => row.data);
  }
  async listActive(community: string, from: string, to: string) {
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes
       WHERE community = $1 AND created_at < $3::timestamptz AND last_event_at >= $2::timestamptz
       ORDER BY created_at, id COLLATE "C"`,
      [community, from, to],
    );
    return rows.map((row) => row.data);
  }
  anonymiseEnded(batch: RetentionBatch) {
    return anonymiseInSql(this.x, wishRetention, batch, async (w) => {
      await this.x.db.query(
        `UPDATE ${this.x.s}.wishes
         SET data = $2::text::json, code_hash = $3, claim_code_hash = NULL, hold_until = NULL,
           anonymised_at = $4::timestamptz
         WHERE id = $1 AND anonymised_at IS NULL`,
        [w.id, json(w), w.codeHash, w.anonymisedAt],
      );
    });
  }
}

export const wishSqlRepositories = (x: SqlCore): WishRepositories => ({
  wishes: new SqlWishes(x),
});

/** Never edit a shipped migration: add the next version. */
export const wishMigrations: Migration[] = [
  {
    version: 4,
    name: 'wishes',
    sql: `
      CREATE TABLE {s}.wishes (
        id text PRIMARY KEY,
        community text NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        grid text,
        created_at timestamptz NOT NULL,
        last_event_at timestamptz NOT NULL,
        code_hash text NOT NULL,
        claim_code_hash text,
        hold_until timestamptz,
        data json NOT NULL,
        CONSTRAINT wishes_code_unique UNIQUE (code_hash),
        CONSTRAINT wishes_claim_code_unique UNIQUE (claim_code_hash)
      );
      CREATE INDEX wishes_newest ON {s}.wishes (community, created_at DESC, id COLLATE "C" DESC);
      CREATE INDEX wishes_holds ON {s}.wishes (community, hold_until) WHERE status IN ${HELD};
      CREATE INDEX wishes_activity ON {s}.wishes (community, last_event_at);
    `,
  },
  {
    version: 6,
    name: 'wishes: retention',
    // When the retention job anonymised a wish; the partial index holds what it still has to
    // look at (ended, not anonymised), oldest first. Its list is the machine's ended set.
    sql: `
      ALTER TABLE {s}.wishes ADD COLUMN anonymised_at timestamptz;
      CREATE INDEX wishes_to_anonymise ON {s}.wishes (community, created_at, id COLLATE "C")
        WHERE anonymised_at IS NULL AND status IN ${ENDED};
    `,
  },
];
