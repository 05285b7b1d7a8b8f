// The loaded holiday schedules in the SQL store (migration 11): one row a year, read whole by
// every instance when it starts and again every minute (src/features/calendar/calendars.ts).
import type { StoredHolidaySchedule } from '../model.js';
import { json, type SqlCore } from '../../../stores/sql/core.js';
import type { Migration } from '../../../stores/sql/migrate.js';
import type { CalendarRepositories } from './types.js';

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
];
