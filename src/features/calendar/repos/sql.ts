// The activity calendar in the SQL store. The loaded holiday schedules (migration 11): one row
// a year, read whole by every instance when it starts and again every minute
// (src/features/calendar/calendars.ts). Activities and registrations (migration 13); the seats
// are the capacity tables (migration 9), pool `activity`.
import type { Activity, Registration, StoredHolidaySchedule } from '../model.js';
import { registrationMachine } from '../machine.js';
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
import { endedRegistrationStatuses, registrationRetention } from '../retention.js';
import type { CalendarRepositories, RegistrationRepository } from './types.js';

const ACTIVE = sqlList(registrationMachine.sets.active);
const ENDED = sqlList(endedRegistrationStatuses);

class SqlRegistrations implements RegistrationRepository {
  constructor(private readonly x: SqlCore) {}
  private async one(column: 'id' | 'code_hash', value: string, options?: ReadOptions) {
    if (value.includes('\u0000')) return undefined;
    const rows = await this.x.db.query<{ data: Registration }>(
      `SELECT data FROM ${this.x.s}.activity_registrations WHERE ${column} = $1${forUpdate(options)}`,
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
  async put(r: Registration) {
    try {
      await this.x.db.query(
        `INSERT INTO ${this.x.s}.activity_registrations (id, community, activity, slot,
           occurrence_start, status, phone_hash, code_hash, created_at, data)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7, $8, $9::timestamptz, $10::text::json)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status,
           phone_hash = excluded.phone_hash, code_hash = excluded.code_hash, data = excluded.data`,
        [
          r.id,
          r.community,
          r.activity,
          r.slot,
          r.start,
          r.status,
          r.phoneHash,
          r.codeHash,
          r.createdAt,
          json(r),
        ],
      );
    } catch (error) {
      if (sqlState(error) === '23505') throw new DomainError('conflict', 'code taken');
      throw error;
    }
  }
  async listBySlot(slot: string) {
    const rows = await this.x.db.query<{ data: Registration }>(
      `SELECT data FROM ${this.x.s}.activity_registrations WHERE slot = $1
       ORDER BY created_at, id COLLATE "C"`,
      [slot],
    );
    return rows.map((r) => r.data);
  }
  async countActive(slot: string, phoneHash: string) {
    const [row] = await this.x.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.x.s}.activity_registrations
       WHERE slot = $1 AND phone_hash = $2 AND status IN ${ACTIVE}`,
      [slot, phoneHash],
    );
    return row?.n ?? 0;
  }
  anonymiseEnded(batch: RetentionBatch) {
    return anonymiseInSql(this.x, registrationRetention, batch, async (r) => {
      await this.x.db.query(
        `UPDATE ${this.x.s}.activity_registrations
         SET data = $2::text::json, code_hash = $3, phone_hash = $3,
           anonymised_at = $4::timestamptz
         WHERE id = $1 AND anonymised_at IS NULL`,
        [r.id, json(r), r.codeHash, r.anonymisedAt],
      );
    });
  }
}

export const calendarSqlRepositories = (x: SqlCore): CalendarRepositories => ({
  holidaySchedules: {
    async list() {
      const rows = await x.db.query<{ data: StoredHolidaySchedule }>(
        `SELECT data FROM ${x.s}.holiday_schedules ORDER BY year`,
      );
      return rows.map((r) => r.data);
    },
    async put(schedule) {
      await x.db.query(
        `INSERT INTO ${x.s}.holiday_schedules (year, data, updated_at) VALUES ($1, $2::text::json, $3)
         ON CONFLICT (year) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [schedule.year, json(schedule), schedule.updatedAt],
      );
    },
  },
  activities: {
    async get(id) {
      if (id.includes('\u0000')) return undefined;
      const rows = await x.db.query<{ data: Activity }>(
        `SELECT data FROM ${x.s}.activities WHERE id = $1`,
        [id],
      );
      return rows[0]?.data;
    },
    async listByCommunity(community) {
      const rows = await x.db.query<{ data: Activity }>(
        `SELECT data FROM ${x.s}.activities WHERE community = $1
         ORDER BY first_date, id COLLATE "C"`,
        [community],
      );
      return rows.map((r) => r.data);
    },
    async put(a) {
      await x.db.query(
        `INSERT INTO ${x.s}.activities (id, community, first_date, data)
         VALUES ($1, $2, $3::date, $4::text::json)
         ON CONFLICT (id) DO UPDATE SET first_date = excluded.first_date, data = excluded.data`,
        [a.id, a.community, a.date, json(a)],
      );
    },
  },
  activityRegistrations: new SqlRegistrations(x),
  activitySeats: sqlCapacity(x, 'activity'),
});

/** Never edit a shipped migration: add the next version. */
export const calendarMigrations: Migration[] = [
  {
    version: 11,
    name: 'holiday schedules (法定节假日/调休) loaded by an operator',
    sql: `
      CREATE TABLE {s}.holiday_schedules (
        year integer PRIMARY KEY,
        data json NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 13,
    name: 'activity calendar: activities and registrations',
    // The partial index holds what the retention job still has to look at (every registration
    // ends with its occurrence: ENDED is every status), oldest occurrence first.
    sql: `
      CREATE TABLE {s}.activities (
        id text PRIMARY KEY,
        community text NOT NULL,
        first_date date NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX activities_community ON {s}.activities (community, first_date);
      CREATE TABLE {s}.activity_registrations (
        id text PRIMARY KEY,
        community text NOT NULL,
        activity text NOT NULL,
        slot text NOT NULL,
        occurrence_start timestamptz NOT NULL,
        status text NOT NULL,
        phone_hash text NOT NULL,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        anonymised_at timestamptz,
        data json NOT NULL,
        CONSTRAINT activity_registrations_code_unique UNIQUE (code_hash)
      );
      CREATE INDEX activity_registrations_slot ON {s}.activity_registrations (slot, created_at);
      CREATE INDEX activity_registrations_to_anonymise ON {s}.activity_registrations
        (community, occurrence_start, id COLLATE "C")
        WHERE anonymised_at IS NULL AND status IN ${ENDED};
    `,
  },
];
