// 志愿服务预约 in the SQL store (migration 10; the seats are the capacity tables, migration 9).
import type { Booking, BookingService, BookingSlot, BookingStatus } from '../model.js';
import { bookingMachine } from '../machine.js';
import { DomainError } from '../../../domain/errors.js';
import {
  forUpdate,
  json,
  sqlList,
  sqlState,
  type ReadOptions,
  type SqlCore,
} from '../../../stores/sql/core.js';
import { sqlCapacity } from '../../../stores/sql/capacity.js';
import type { Migration } from '../../../stores/sql/migrate.js';
import { anonymiseInSql } from '../../../stores/sql/retention.js';
import type { RetentionBatch } from '../../../services/store.js';
import { bookingRetention, endedBookingStatuses } from '../retention.js';
import type {
  BookingRepositories,
  BookingRepository,
  BookingServiceRepository,
  BookingSlotRepository,
  BookingTally,
} from './types.js';

/** The machine's sets, written into statements (and the partial index). */
const ACTIVE = sqlList(bookingMachine.sets.active);
const ENDED = sqlList(endedBookingStatuses);
/** What a waitlisted booking past its start reads as (bookingStatusAsOf). */
const EXPIRES_FROM = sqlList(bookingMachine.from('expire'));
const EXPIRED: BookingStatus = bookingMachine.target('waitlisted', 'expire') ?? 'expired';

class SqlBookingServices implements BookingServiceRepository {
  constructor(private readonly x: SqlCore) {}
  async get(id: string) {
    if (id.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{ data: BookingService }>(
      `SELECT data FROM ${this.x.s}.booking_services WHERE id = $1`,
      [id],
    );
    return rows[0]?.data;
  }
  async listByCommunity(community: string) {
    const rows = await this.x.db.query<{ data: BookingService }>(
      `SELECT data FROM ${this.x.s}.booking_services WHERE community = $1
       ORDER BY name COLLATE "C", id COLLATE "C"`,
      [community],
    );
    return rows.map((r) => r.data);
  }
  async put(s: BookingService) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.booking_services (id, community, name, data)
       VALUES ($1, $2, $3, $4::text::json)
       ON CONFLICT (id) DO UPDATE SET community = excluded.community, name = excluded.name,
         data = excluded.data`,
      [s.id, s.community, s.name, json(s)],
    );
  }
}

class SqlBookings implements BookingRepository {
  constructor(private readonly x: SqlCore) {}
  private async one(column: 'id' | 'code_hash', value: string, options?: ReadOptions) {
    if (value.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{ data: Booking }>(
      `SELECT data FROM ${this.x.s}.bookings WHERE ${column} = $1${forUpdate(options)}`,
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
  async put(b: Booking) {
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.bookings (id, community, service, slot, slot_start, status,
           phone_hash, code_hash, promoted, data)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7, $8, $9, $10::text::json)
         ON CONFLICT (id) DO UPDATE SET community = excluded.community,
           service = excluded.service, slot = excluded.slot, slot_start = excluded.slot_start,
           status = excluded.status, phone_hash = excluded.phone_hash,
           code_hash = excluded.code_hash, promoted = excluded.promoted, data = excluded.data`,
        [
          b.id,
          b.community,
          b.service,
          b.slot,
          b.start,
          b.status,
          b.phoneHash,
          b.codeHash,
          b.promotedAt !== undefined,
          json(b),
        ],
      );
    } catch (error) {
      if (sqlState(error) === '23505') throw new DomainError('conflict', 'code taken');
      throw error;
    }
  }
  async listByStart(community: string, from: string, to: string, service?: string) {
    const rows = await this.x.db.query<{ data: Booking }>(
      `SELECT data FROM ${this.x.s}.bookings
       WHERE community = $1 AND slot_start >= $2::timestamptz AND slot_start < $3::timestamptz
         AND ($4::text IS NULL OR service = $4)
       ORDER BY slot_start, id COLLATE "C"`,
      [community, from, to, service ?? null],
    );
    return rows.map((r) => r.data);
  }
  async lockResident(phoneHash: string) {
    // Held until the transaction ends; two keys from the hash, so residents rarely share one.
    await this.x.db.query(
      `SELECT pg_advisory_xact_lock(hashtext('booking-resident'), hashtext($1))`,
      [phoneHash],
    );
  }
  async countForResident(
    service: string,
    phoneHash: string,
    w: { now: string; monthFrom: string; monthTo: string },
  ) {
    const [row] = await this.x.db.query<{ active: number; in_month: number }>(
      `SELECT count(*) FILTER (WHERE status IN ${ACTIVE} AND slot_start > $3::timestamptz)::int
           AS active,
         count(*) FILTER (WHERE status <> 'cancelled' AND slot_start >= $4::timestamptz
           AND slot_start < $5::timestamptz)::int AS in_month
       FROM ${this.x.s}.bookings WHERE service = $1 AND phone_hash = $2`,
      [service, phoneHash, w.now, w.monthFrom, w.monthTo],
    );
    return { active: row?.active ?? 0, inMonth: row?.in_month ?? 0 };
  }
  async tally(community: string, from: string, to: string, now: string) {
    const rows = await this.x.db.query<{ status: BookingStatus; n: number; promoted: number }>(
      `SELECT CASE WHEN status IN ${EXPIRES_FROM} AND slot_start <= $4::timestamptz
                THEN '${EXPIRED}' ELSE status END AS status,
         count(*)::int AS n, count(*) FILTER (WHERE promoted)::int AS promoted
       FROM ${this.x.s}.bookings
       WHERE community = $1 AND slot_start >= $2::timestamptz AND slot_start < $3::timestamptz
       GROUP BY 1`,
      [community, from, to, now],
    );
    const tally: BookingTally = { byStatus: {}, promotions: 0 };
    for (const r of rows) {
      tally.byStatus[r.status] = r.n;
      tally.promotions += r.promoted;
    }
    return tally;
  }
  anonymiseEnded(batch: RetentionBatch) {
    return anonymiseInSql(this.x, bookingRetention, batch, async (b) => {
      await this.x.db.query(
        `UPDATE ${this.x.s}.bookings
         SET data = $2::text::json, code_hash = $3, phone_hash = $3,
           anonymised_at = $4::timestamptz
         WHERE id = $1 AND anonymised_at IS NULL`,
        [b.id, json(b), b.codeHash, b.anonymisedAt],
      );
    });
  }
}

class SqlBookingSlots implements BookingSlotRepository {
  constructor(private readonly x: SqlCore) {}
  async get(key: string) {
    if (key.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{ data: BookingSlot }>(
      `SELECT data FROM ${this.x.s}.booking_slots WHERE key = $1`,
      [key],
    );
    return rows[0]?.data;
  }
  async put(s: BookingSlot) {
    await this.x.db.query(
      `INSERT INTO ${this.x.s}.booking_slots (key, community, service, slot_start, data)
       VALUES ($1, $2, $3, $4::timestamptz, $5::text::json)
       ON CONFLICT (key) DO UPDATE SET data = excluded.data`,
      [s.key, s.community, s.service, s.start, json(s)],
    );
  }
  async listByStart(community: string, from: string, to: string) {
    const rows = await this.x.db.query<{ data: BookingSlot }>(
      `SELECT data FROM ${this.x.s}.booking_slots
       WHERE community = $1 AND slot_start >= $2::timestamptz AND slot_start < $3::timestamptz
       ORDER BY slot_start, key COLLATE "C"`,
      [community, from, to],
    );
    return rows.map((r) => r.data);
  }
}

export const bookingSqlRepositories = (x: SqlCore): BookingRepositories => ({
  bookingServices: new SqlBookingServices(x),
  bookings: new SqlBookings(x),
  bookingSlots: new SqlBookingSlots(x),
  bookingSeats: sqlCapacity(x, 'booking'),
});

/** Never edit a shipped migration: add the next version. */
export const bookingMigrations: Migration[] = [
  {
    version: 10,
    name: 'booking: services, bookings, slots',
    // The partial index holds what the retention job still has to look at (every booking ends
    // with its slot: ENDED is every status), oldest slot first.
    sql: `
      CREATE TABLE {s}.booking_services (
        id text PRIMARY KEY,
        community text NOT NULL,
        name text NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX booking_services_community ON {s}.booking_services (community);
      CREATE TABLE {s}.bookings (
        id text PRIMARY KEY,
        community text NOT NULL,
        service text NOT NULL,
        slot text NOT NULL,
        slot_start timestamptz NOT NULL,
        status text NOT NULL,
        phone_hash text NOT NULL,
        code_hash text NOT NULL,
        promoted boolean NOT NULL,
        anonymised_at timestamptz,
        data json NOT NULL,
        CONSTRAINT bookings_code_unique UNIQUE (code_hash)
      );
      CREATE INDEX bookings_by_start ON {s}.bookings (community, slot_start, id COLLATE "C");
      CREATE INDEX bookings_resident ON {s}.bookings (service, phone_hash);
      CREATE INDEX bookings_to_anonymise ON {s}.bookings (community, slot_start, id COLLATE "C")
        WHERE anonymised_at IS NULL AND status IN ${ENDED};
      CREATE TABLE {s}.booking_slots (
        key text PRIMARY KEY,
        community text NOT NULL,
        service text NOT NULL,
        slot_start timestamptz NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX booking_slots_by_start ON {s}.booking_slots (community, slot_start);
    `,
  },
];
