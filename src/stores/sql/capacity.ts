// The capacity primitive (src/domain/capacity.ts) in the SQL store: a row per slot (its seats
// held and its arrival counter) and a row per entry. Every write starts by locking the slot's
// row — the one lock the rule needs — so concurrent takes and releases of one slot run one
// after another while other slots go on (docs/server.md, Locking model).
import { DomainError } from '../../domain/errors.js';
import { fits, promotions, waitlistPositions, type SeatEntry } from '../../domain/capacity.js';
import type { CapacityRepository, TakeResult } from '../../services/store.js';
import { sqlState, type SqlCore } from './core.js';
import type { Migration } from './migrate.js';

interface SlotRow {
  capacity: number;
  taken: number;
  seq: number;
}

class SqlCapacity implements CapacityRepository {
  constructor(
    private readonly x: SqlCore,
    private readonly pool: string,
  ) {}
  /** Locks the slot's row; undefined when the slot was never taken. */
  private async lock(slot: string): Promise<SlotRow | undefined> {
    const [row] = await this.x.db.query<SlotRow>(
      `SELECT capacity, taken, seq::int AS seq FROM ${this.x.s}.capacity_slots
       WHERE pool = $1 AND key = $2 FOR UPDATE`,
      [this.pool, slot],
    );
    return row;
  }
  private async waiting(slot: string) {
    return this.x.db.query<{ id: string; party: number; seq: number }>(
      `SELECT id, party, seq::int AS seq FROM ${this.x.s}.capacity_entries
       WHERE pool = $1 AND slot = $2 AND NOT held ORDER BY seq`,
      [this.pool, slot],
    );
  }
  /** Promotes who fits (FIFO) and writes the slot's seats held; the slot is locked. */
  private async settle(
    slot: string,
    row: SlotRow,
    waiting?: { id: string; party: number; seq: number }[],
  ) {
    const queue = waiting ?? (await this.waiting(slot));
    const { promoted, taken } = promotions(row.capacity, row.taken, queue);
    if (promoted.length) {
      await this.x.db.query(
        `UPDATE ${this.x.s}.capacity_entries SET held = true
         WHERE pool = $1 AND slot = $2 AND id = ANY($3::text[])`,
        [this.pool, slot, promoted],
      );
    }
    row.taken = taken;
    return { promoted, queue: queue.filter((e) => !promoted.includes(e.id)) };
  }
  private async save(slot: string, row: SlotRow) {
    await this.x.db.query(
      `UPDATE ${this.x.s}.capacity_slots SET capacity = $3, taken = $4, seq = $5
       WHERE pool = $1 AND key = $2`,
      [this.pool, slot, row.capacity, row.taken, row.seq],
    );
  }
  async take(slot: string, capacity: number, entry: { id: string; party: number }) {
    // Makes the slot or locks it, in one statement: concurrent first takes of a new slot wait
    // on its key and then on its row, like every later one.
    const [row] = await this.x.db.query<SlotRow>(
      `INSERT INTO ${this.x.s}.capacity_slots (pool, key, capacity, taken, seq)
       VALUES ($1, $2, $3, 0, 0)
       ON CONFLICT (pool, key) DO UPDATE SET capacity = excluded.capacity
       RETURNING capacity, taken, seq::int AS seq`,
      [this.pool, slot, capacity],
    );
    const { promoted, queue } = await this.settle(slot, row!);
    const held = fits(row!.capacity, row!.taken, entry.party);
    row!.seq += 1;
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.capacity_entries (pool, slot, id, party, held, seq)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [this.pool, slot, entry.id, entry.party, held, row!.seq],
      );
    } catch (error) {
      if (sqlState(error) === '23505') {
        throw new DomainError('conflict', `entry ${entry.id} already in ${slot}`);
      }
      throw error;
    }
    if (held) row!.taken += entry.party;
    await this.save(slot, row!);
    const result: TakeResult = {
      placement: held ? { held: true } : { held: false, position: queue.length + 1 },
      promoted,
    };
    return result;
  }
  async release(slot: string, id: string) {
    const row = await this.lock(slot);
    if (!row) return [];
    const [gone] = await this.x.db.query<{ party: number; held: boolean }>(
      `DELETE FROM ${this.x.s}.capacity_entries WHERE pool = $1 AND slot = $2 AND id = $3
       RETURNING party, held`,
      [this.pool, slot, id],
    );
    if (!gone) return [];
    if (gone.held) row.taken -= gone.party;
    const { promoted } = await this.settle(slot, row);
    await this.save(slot, row);
    return promoted;
  }
  async resize(slot: string, id: string, party: number) {
    const row = await this.lock(slot);
    if (!row) return [];
    const [before] = await this.x.db.query<{ party: number; held: boolean }>(
      `SELECT party, held FROM ${this.x.s}.capacity_entries
       WHERE pool = $1 AND slot = $2 AND id = $3`,
      [this.pool, slot, id],
    );
    if (!before) return [];
    await this.x.db.query(
      `UPDATE ${this.x.s}.capacity_entries SET party = $4 WHERE pool = $1 AND slot = $2 AND id = $3`,
      [this.pool, slot, id, party],
    );
    if (before.held) row.taken += party - before.party;
    const { promoted } = await this.settle(slot, row);
    await this.save(slot, row);
    return promoted;
  }
  async close(slot: string) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.capacity_slots (pool, key, capacity, taken, seq)
       VALUES ($1, $2, 0, 0, 0)
       ON CONFLICT (pool, key) DO UPDATE SET capacity = 0, taken = 0`,
      [this.pool, slot],
    );
    const rows = await this.x.db.query<{ id: string; seq: number }>(
      `DELETE FROM ${this.x.s}.capacity_entries WHERE pool = $1 AND slot = $2
       RETURNING id, seq::int AS seq`,
      [this.pool, slot],
    );
    return rows.sort((a, b) => a.seq - b.seq).map((r) => r.id);
  }
  async entries(slot: string) {
    const rows = await this.x.db.query<SeatEntry>(
      `SELECT id, party, held, seq::int AS seq FROM ${this.x.s}.capacity_entries
       WHERE pool = $1 AND slot = $2 ORDER BY seq`,
      [this.pool, slot],
    );
    const positions = waitlistPositions(rows);
    return rows.map((e) => (e.held ? e : { ...e, position: positions.get(e.id)! }));
  }
  async usage(slots: readonly string[]) {
    if (!slots.length) return {};
    const rows = await this.x.db.query<SlotRow & { key: string; waiting: number }>(
      `SELECT s.key, s.capacity, s.taken,
         (SELECT count(*) FROM ${this.x.s}.capacity_entries e
           WHERE e.pool = s.pool AND e.slot = s.key AND NOT e.held)::int AS waiting
       FROM ${this.x.s}.capacity_slots s WHERE s.pool = $1 AND s.key = ANY($2::text[])`,
      [this.pool, [...slots]],
    );
    return Object.fromEntries(
      rows.map((r) => [r.key, { capacity: r.capacity, taken: r.taken, waiting: r.waiting }]),
    );
  }
}

/** A pool's seats on an SQL core (`pool`: the feature's name). */
export const sqlCapacity = (x: SqlCore, pool: string): CapacityRepository =>
  new SqlCapacity(x, pool);

/** The capacity tables, shared by every pool. Never edit a shipped migration. */
export const capacityMigrations: Migration[] = [
  {
    version: 9,
    name: 'capacity: slots and their entries',
    sql: `
      CREATE TABLE {s}.capacity_slots (
        pool text NOT NULL,
        key text NOT NULL,
        capacity int NOT NULL,
        taken int NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (pool, key)
      );
      CREATE TABLE {s}.capacity_entries (
        pool text NOT NULL,
        slot text NOT NULL,
        id text NOT NULL,
        party int NOT NULL,
        held boolean NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (pool, slot, id),
        FOREIGN KEY (pool, slot) REFERENCES {s}.capacity_slots (pool, key)
      );
      CREATE INDEX capacity_entries_line ON {s}.capacity_entries (pool, slot, seq);
    `,
  },
];
