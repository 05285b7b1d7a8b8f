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
  type ReadOptions,
  type SqlCore,
} from '../../../stores/sql/core.js';
import type { Migration } from '../../../stores/sql/migrate.js';
import type { WishFilter, WishRepositories, WishRepository, WishTally } from './types.js';
import type { WishAction } from '../machine.js';
import { anonymiseInSql } from '../../../stores/sql/retention.js';
import type { RetentionBatch } from '../../../services/store.js';
import { endedWishStatuses, wishRetention } from '../retention.js';

/** Statuses in which a claim holds (the machine's: those a claim can be released from). */
const HELD = sqlList(wishMachine.from('release'));

/** What a release leads to (one status for all of HELD: checked here, at load). */
const RELEASED = (() => {
  const targets = new Set(wishMachine.from('release').map((s) => wishMachine.target(s, 'release')));
  const [only] = targets;
  if (targets.size !== 1 || !only) throw new Error('release must lead to one status');
  return only;
})();
/** Ended statuses (from the machine): what the retention job looks at, and its partial index. */
const ENDED = sqlList(endedWishStatuses);

/** The wall and the queue: newest posted first (index wishes_newest). */
const NEWEST = { table: 'wishes', at: 'created_at', atOf: (w: Wish) => w.createdAt };

const codeTaken = () => new DomainError('conflict', 'code taken');

/** Wishes: the document in `data`, keys and lookups beside it (see migration 4). */
class SqlWishes implements WishRepository {
  constructor(private readonly x: SqlCore) {}
  private async one(
    column: 'id' | 'code_hash' | 'claim_code_hash',
    value: string,
    options?: ReadOptions,
  ) {
    if (value.includes('\u0000')) return undefined;
    const lock = forUpdate(options);
    const rows = await this.x.db.query<{ data: Wish }>(
      `SELECT data FROM ${this.x.s}.wishes WHERE ${column} = $1${lock}`,
      [value],
    );
    return rows[0]?.data;
  }
  get(id: string, options?: ReadOptions) {
    return this.one('id', id, options);
  }
  getByCode(codeHash: string, options?: ReadOptions) {
    return this.one('code_hash', codeHash, options);
  }
  getByClaimCode(codeHash: string, options?: ReadOptions) {
    return this.one('claim_code_hash', codeHash, options);
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
      const statuses = `status = ANY(${where.param([...f.statuses])}::text[])`;
      if (f.now === undefined) {
        where.add(statuses);
      } else {
        // As of now: a hold that ended reads as released (statusAsOf in ../machine.ts).
        const ended = `(status IN ${HELD} AND coalesce(hold_until <= ${where.param(f.now)}::timestamptz, false))`;
        where.add(
          f.statuses.includes(RELEASED)
            ? `((${statuses} AND NOT ${ended}) OR ${ended})`
            : `(${statuses} AND NOT ${ended})`,
        );
      }
    }
    if (f.category !== undefined) where.add(`category = ${where.param(f.category)}`);
    if (f.grid !== undefined) where.add(`grid = ${where.param(f.grid)}`);
    if (f.live) where.add('anonymised_at IS NULL');
    return newestPage<Wish>(this.x, NEWEST, where, f);
  }
  async listExpiredClaims(community: string, now: string, options?: ReadOptions) {
    const lock = forUpdate(options);
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
  /**
   * One statement over the rows with an event in the period (index wishes_activity): each
   * wish's first claim and fulfilment in it are read from its history where it is stored.
   */
  async tally(community: string, from: string, to: string): Promise<WishTally> {
    const firstEvent = (action: string) => `(SELECT min((e->>'at')::timestamptz)
           FROM json_array_elements(w.data->'history') e
          WHERE e->>'action' = ${action} AND (e->>'at')::timestamptz >= $2::timestamptz
            AND (e->>'at')::timestamptz < $3::timestamptz)`;
    const [row] = await this.x.db.query<{
      posted: number;
      claimed: number;
      fulfilled: number;
      median: number | string | null;
    }>(
      `SELECT count(*) FILTER (WHERE created_at >= $2::timestamptz)::int AS posted,
         count(claimed_at)::int AS claimed, count(fulfilled_at)::int AS fulfilled,
         percentile_cont(0.5) WITHIN GROUP
           (ORDER BY extract(epoch FROM fulfilled_at - created_at) / 86400) AS median
       FROM (SELECT w.created_at, ${firstEvent('$4')} AS claimed_at, ${firstEvent('$5')} AS fulfilled_at
               FROM ${this.x.s}.wishes w
              WHERE w.community = $1 AND w.created_at < $3::timestamptz
                AND w.last_event_at >= $2::timestamptz) x`,
      [community, from, to, CLAIM, FULFIL],
    );
    return {
      posted: row?.posted ?? 0,
      claimed: row?.claimed ?? 0,
      fulfilled: row?.fulfilled ?? 0,
      medianDaysToFulfil: row?.median == null ? null : Number(row.median),
    };
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

/** The events the counts look for. */
const CLAIM: WishAction = 'claim';
const FULFIL: WishAction = 'fulfil';

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
    version: 8,
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
