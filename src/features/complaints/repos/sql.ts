// 居民说事 in the SQL store: cases, ticket counters, upload records (migrations 3, 5, 6, 7, 17, 18).
import type { Complaint } from '../views.js';
import { complaintMachine, satisfiedRatings } from '../machine.js';
import { DomainError } from '../../../domain/errors.js';
import { shanghaiStartOfDay } from '../../../domain/time.js';
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
import { anonymiseInSql } from '../../../stores/sql/retention.js';
import type { RetentionBatch } from '../../../services/store.js';
import { complaintRetention, endedComplaintStatuses } from '../retention.js';
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

/** The machine's open statuses (未办结): the overdue filter and its partial index. */
const OPEN = sqlList(complaintMachine.sets.open);
/** 已办结 and 已评价 (the 三率), and the ratings that count as satisfied. */
const DONE = sqlList(complaintMachine.sets.done);
const RATED = sqlList(complaintMachine.sets.rated);
const SATISFIED = sqlList(satisfiedRatings);

/** Ended statuses (from the machine): what the retention job looks at, and its partial index. */
const ENDED = sqlList(endedComplaintStatuses);

/** Staff lists: newest received first (index complaints_newest). */
const NEWEST = { table: 'complaints', at: 'received_at', atOf: (c: Complaint) => c.receivedAt };

const ticketTaken = () => new DomainError('conflict', 'ticket taken');

class SqlComplaints implements ComplaintRepository {
  constructor(private readonly x: SqlCore) {}
  private async one(column: 'id' | 'ticket', value: string, options?: ReadOptions) {
    if (value.includes('\u0000')) return undefined;
    const lock = forUpdate(options);
    const rows = await this.x.db.query<{ data: Complaint }>(
      `SELECT data FROM ${this.x.s}.complaints WHERE ${column} = $1${lock}`,
      [value],
    );
    return rows[0]?.data;
  }
  get(id: string, options?: ReadOptions) {
    return this.one('id', id, options);
  }
  getByTicket(ticket: string, options?: ReadOptions) {
    return this.one('ticket', ticket, options);
  }
  async put(c: Complaint) {
    const grid = 'grid' in c.location ? (c.location.grid ?? null) : null;
    // In a transaction the insert is sent without waiting (its failure fails the transaction
    // at COMMIT, as ticketTaken): a keyed submission's insert goes out with its COMMIT.
    const mapError = (error: unknown) => (sqlState(error) === '23505' ? ticketTaken() : error);
    const text = `INSERT INTO ${this.x.s}.complaints
           (id, ticket, community, status, category, grid, received_at, due_date, photos,
            first_response_at, rating, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::date,
           ARRAY(SELECT json_array_elements_text($9::text::json)), $11::timestamptz, $12,
           $10::text::json)
         ON CONFLICT (id) DO UPDATE SET ticket = excluded.ticket, community = excluded.community,
           status = excluded.status, category = excluded.category, grid = excluded.grid,
           received_at = excluded.received_at, due_date = excluded.due_date,
           photos = excluded.photos, first_response_at = excluded.first_response_at,
           rating = excluded.rating, data = excluded.data`;
    const params = [
      c.id,
      c.ticket,
      c.community,
      c.status,
      c.category,
      grid,
      c.receivedAt,
      c.dueDate,
      json(c.photos),
      json(c),
      c.firstResponseAt ?? null,
      c.rating?.value ?? null,
    ];
    if (this.x.db.send) return this.x.db.send(text, params, mapError);
    await this.x.db.query(text, params).catch((error: unknown) => {
      throw mapError(error);
    });
  }
  async list(f: ComplaintFilter) {
    const where = new Where();
    where.add(`community = ${where.param(f.community)}`);
    if (f.status !== undefined) where.add(`status = ${where.param(f.status)}`);
    if (f.category !== undefined) where.add(`category = ${where.param(f.category)}`);
    if (f.grid !== undefined) where.add(`grid = ${where.param(f.grid)}`);
    if (f.overdue !== undefined) {
      const overdue = `(status IN ${OPEN} AND due_date < ${where.param(f.overdue.today)}::date)`;
      where.add(f.overdue.value ? overdue : `NOT ${overdue}`);
    }
    return newestPage<Complaint>(this.x, NEWEST, where, f);
  }
  async listReceived(community: string, from: string, to: string) {
    const rows = await this.x.db.query<{ data: Complaint }>(
      `SELECT data FROM ${this.x.s}.complaints
       WHERE community = $1 AND received_at >= $2::timestamptz AND received_at < $3::timestamptz
       ORDER BY received_at, id COLLATE "C"`,
      [community, from, to],
    );
    return rows.map((row) => row.data);
  }
  /**
   * One GROUP BY over the period's rows, read from index complaints_tally alone (an
   * index-only scan: it holds every column the FILTERs read, a few MB where the rows with
   * their documents are tens): the FILTERs are tallyCase (../rules.ts) with the machine's
   * sets; the response cut-offs come as one date per day of the period, indexed by the day
   * of receipt.
   */
  async tally(q: ComplaintTallyQuery) {
    // Compared as instants, which is cheaper per row than Beijing dates and the same: a
    // response on or after the date `late` is at or after that date's midnight in Beijing;
    // a case's day in the period counts whole days from the period's first midnight.
    const lateAt = q.responseLateFrom.map((date) => shanghaiStartOfDay(date).toISOString());
    // date_part is a double (extract a numeric, ~2× its cost per row here): exact for these
    // microseconds — the seconds of a period stay far below 2^53 µs, and a whole number of
    // days divides to exactly that number.
    const day = `floor(date_part('epoch', received_at - $5::timestamptz) / 86400)::int + 1`;
    const rows = await this.x.db.query<ComplaintTally>(
      `SELECT category, count(*)::int AS total,
         count(*) FILTER (WHERE first_response_at < ($6::timestamptz[])[${day}])::int
           AS "respondedInTime",
         count(*) FILTER (WHERE status IN ${DONE})::int AS resolved,
         count(*) FILTER (WHERE status IN ${RATED} AND rating IS NOT NULL)::int AS rated,
         count(*) FILTER (WHERE status IN ${RATED} AND rating IN ${SATISFIED})::int AS satisfied,
         count(*) FILTER (WHERE status IN ${OPEN} AND due_date < $4::date)::int AS overdue
       FROM ${this.x.s}.complaints
       WHERE community = $1 AND received_at >= $2::timestamptz AND received_at < $3::timestamptz
       GROUP BY category`,
      [q.community, q.from, q.to, q.today, shanghaiStartOfDay(q.firstDay).toISOString(), lateAt],
    );
    return rows;
  }
  async hasPhoto(community: string, uploadId: string) {
    if (uploadId.includes('\u0000')) return false;
    const rows = await this.x.db.query(
      `SELECT 1 AS ok FROM ${this.x.s}.complaints
       WHERE photos @> ARRAY[$2::text] AND community = $1 LIMIT 1`,
      [community, uploadId],
    );
    return rows.length > 0;
  }
  anonymiseEnded(batch: RetentionBatch) {
    return anonymiseInSql(this.x, complaintRetention, batch, async (c) => {
      await this.x.db.query(
        `UPDATE ${this.x.s}.complaints
         SET data = $2::text::json, photos = '{}', anonymised_at = $3::timestamptz
         WHERE id = $1 AND anonymised_at IS NULL`,
        [c.id, json(c), c.anonymisedAt],
      );
    });
  }
}

/**
 * Counters are PostgreSQL sequences, one per name, made on first use (migration 18's
 * `counter_sequence`, which migration 5's `counter_next` now calls): nextval never waits on
 * another transaction, so concurrent submissions do not queue on one counter row. Sequences
 * are not transactional: a number drawn by a submission that then fails or rolls back is
 * skipped (a gap), never handed out twice.
 * Numbers are drawn BLOCK at a time and kept per store (a statement per BLOCK submissions,
 * not per one): the blocks of two instances are disjoint, so tickets stay unique; they
 * increase per instance, interleave across instances, and a stopped instance's unused rest
 * is a gap.
 */
const BLOCK = 10;
/** Per store: counter name → the numbers drawn and not handed out yet, and the draw under way. */
const drawnNumbers = new WeakMap<
  object,
  Map<string, { numbers: number[]; drawing?: Promise<void> | undefined }>
>();

class SqlCounters implements CounterRepository {
  private readonly drawn: Map<string, { numbers: number[]; drawing?: Promise<void> | undefined }>;
  constructor(private readonly x: SqlCore) {
    let kept = drawnNumbers.get(x.kept);
    if (!kept) drawnNumbers.set(x.kept, (kept = new Map()));
    this.drawn = kept;
  }
  async next(name: string) {
    let drawn = this.drawn.get(name);
    if (!drawn) this.drawn.set(name, (drawn = { numbers: [] }));
    for (;;) {
      if (drawn.numbers.length) return drawn.numbers.shift()!;
      if (drawn.drawing) {
        // Calls at the same time wait for one draw (no gap between them); if it failed, the
        // next of them draws.
        await drawn.drawing.catch(() => undefined);
        continue;
      }
      const block = drawn;
      // The sequence looked up (made on first use) once, then nextval BLOCK times: not
      // counter_next BLOCK times, each a PL/pgSQL call that works the name out again.
      block.drawing = this.x.db
        .query<{ value: number | string }>(
          `SELECT nextval(seq) AS value
             FROM ${this.x.s}.counter_sequence($1) AS seq, generate_series(1, ${BLOCK})`,
          [name],
        )
        .then((rows) => {
          block.numbers.push(...rows.map((row) => Number(row.value)).sort((a, b) => a - b));
        })
        .finally(() => {
          block.drawing = undefined;
        });
      await block.drawing;
    }
  }
}

/** Upload records; the bytes live in the server's UploadStorage (disk, S3), never here. */
class SqlUploads implements UploadRepository {
  constructor(private readonly x: SqlCore) {}
  async get(id: string) {
    if (id.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{
      id: string;
      type: string;
      size: number;
      created_at: Date | string;
    }>(`SELECT id, type, size, created_at FROM ${this.x.s}.uploads WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) return undefined;
    const createdAt = new Date(row.created_at).toISOString();
    return { id: row.id, type: row.type, size: Number(row.size), createdAt };
  }
  async put(record: UploadRecord) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.uploads (id, type, size, created_at)
       VALUES ($1, $2, $3, $4::timestamptz) ON CONFLICT (id) DO NOTHING`,
      [record.id, record.type, record.size, record.createdAt],
    );
  }
  async deleteOrphans(before: string, limit: number) {
    // A wish come true may show a photo too, and a 红黑榜 entry its evidence (their tables).
    const rows = await this.x.db.query<{ id: string }>(
      `DELETE FROM ${this.x.s}.uploads WHERE id IN (
         SELECT u.id FROM ${this.x.s}.uploads u
          WHERE u.created_at < $1::timestamptz
            AND NOT EXISTS (SELECT 1 FROM ${this.x.s}.complaints c WHERE c.photos @> ARRAY[u.id])
            AND NOT EXISTS (SELECT 1 FROM ${this.x.s}.wishes w
                             WHERE (w.data::jsonb -> 'fulfilment' ->> 'photo') = u.id)
            AND NOT EXISTS (SELECT 1 FROM ${this.x.s}.redblack_entries r
                             WHERE r.photos @> ARRAY[u.id])
          ORDER BY u.created_at LIMIT $2)
       RETURNING id`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }
}

export const complaintSqlRepositories = (x: SqlCore): ComplaintRepositories => ({
  complaints: new SqlComplaints(x),
  counters: new SqlCounters(x),
  uploads: new SqlUploads(x),
});

/**
 * Never edit a shipped migration: add the next version. The partial index's list is the
 * machine's open set, as the overdue filter's is: were the set to change, a new migration must
 * rebuild the index (test/stores/migrations.test.ts compares the two).
 */
export const complaintMigrations: Migration[] = [
  {
    version: 3,
    name: 'complaints',
    sql: `
      CREATE TABLE {s}.complaints (
        id text PRIMARY KEY,
        ticket text NOT NULL,
        community text NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        grid text,
        received_at timestamptz NOT NULL,
        due_date date NOT NULL,
        photos text[] NOT NULL DEFAULT '{}',
        data json NOT NULL,
        CONSTRAINT complaints_ticket_unique UNIQUE (ticket)
      );
      CREATE INDEX complaints_newest ON {s}.complaints
        (community, received_at DESC, id COLLATE "C" DESC);
      CREATE INDEX complaints_open_due ON {s}.complaints (community, due_date)
        WHERE status IN ${OPEN};
      CREATE INDEX complaints_by_photo ON {s}.complaints USING gin (photos);
      CREATE TABLE {s}.counters (
        name text PRIMARY KEY,
        value bigint NOT NULL
      );
      CREATE TABLE {s}.uploads (
        id text PRIMARY KEY,
        type text NOT NULL,
        size integer NOT NULL,
        created_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'counters as sequences',
    // One sequence per counter name (`complaint-ticket:2026` → counter_complaint_ticket_2026),
    // made on first use and started after the old counter row's value, so numbers go on where
    // the table left them. Two instances making it at once: the loser's error is caught and it
    // draws from the winner's. The counters table stays, read only here.
    sql: `
      CREATE FUNCTION {s}.counter_next(counter text) RETURNS bigint
      LANGUAGE plpgsql AS $fn$
      DECLARE
        qualified text := format('%s.%I', '{s}',
          'counter_' || regexp_replace(lower(counter), '[^a-z0-9]+', '_', 'g'));
        start bigint;
      BEGIN
        IF to_regclass(qualified) IS NULL THEN
          SELECT coalesce(max(value), 0) + 1 INTO start FROM {s}.counters WHERE name = counter;
          BEGIN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %s START WITH %s', qualified, start);
          EXCEPTION WHEN unique_violation OR duplicate_table THEN
            NULL;
          END;
        END IF;
        RETURN nextval(qualified::regclass);
      END
      $fn$;
    `,
  },
  {
    version: 6,
    name: 'complaints: first response and rating beside the document (三率 in SQL)',
    sql: `
      ALTER TABLE {s}.complaints ADD COLUMN first_response_at timestamptz,
        ADD COLUMN rating text;
      UPDATE {s}.complaints SET first_response_at = (data->>'firstResponseAt')::timestamptz,
        rating = data->'rating'->>'value'
       WHERE data->>'firstResponseAt' IS NOT NULL OR data->'rating' IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'complaints: retention',
    // When the retention job anonymised a case; the partial index holds what it still has to
    // look at (ended, not anonymised), oldest first. Its list is the machine's ended set.
    sql: `
      ALTER TABLE {s}.complaints ADD COLUMN anonymised_at timestamptz;
      CREATE INDEX complaints_to_anonymise ON {s}.complaints
        (community, received_at, id COLLATE "C")
        WHERE anonymised_at IS NULL AND status IN ${ENDED};
    `,
  },
  {
    version: 17,
    name: 'complaints: the 三率 from an index alone',
    // Every column tally() reads, so that it reads this index and not the rows (an index-only
    // scan, ~110 bytes a case where a row with its document is ~800). The scan skips the
    // table only on pages the visibility map marks all-visible: VACUUM keeps it (autovacuum on
    // PostgreSQL, the server's maintenance pass on PGlite: SqlStore.tidy).
    sql: `
      CREATE INDEX complaints_tally ON {s}.complaints (community, received_at)
        INCLUDE (category, status, first_response_at, rating, due_date);
    `,
  },
  {
    version: 18,
    name: 'counters: the sequence of a name, looked up once per block',
    // Migration 5's rule (a counter's sequence, its name, made on first use after the old
    // counter row) moved into counter_sequence, which returns the sequence: a block of
    // numbers is one lookup and BLOCK nextval calls, not BLOCK PL/pgSQL calls.
    // counter_next stays, now on top of it.
    sql: `
      CREATE FUNCTION {s}.counter_sequence(counter text) RETURNS regclass
      LANGUAGE plpgsql AS $fn$
      DECLARE
        qualified text := format('%s.%I', '{s}',
          'counter_' || regexp_replace(lower(counter), '[^a-z0-9]+', '_', 'g'));
        start bigint;
      BEGIN
        IF to_regclass(qualified) IS NULL THEN
          SELECT coalesce(max(value), 0) + 1 INTO start FROM {s}.counters WHERE name = counter;
          BEGIN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %s START WITH %s', qualified, start);
          EXCEPTION WHEN unique_violation OR duplicate_table THEN
            NULL;
          END;
        END IF;
        RETURN qualified::regclass;
      END
      $fn$;
      CREATE OR REPLACE FUNCTION {s}.counter_next(counter text) RETURNS bigint
      LANGUAGE sql AS $fn$ SELECT nextval({s}.counter_sequence(counter)) $fn$;
    `,
  },
];
