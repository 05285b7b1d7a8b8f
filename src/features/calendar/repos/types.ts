import type { StoredHolidaySchedule } from '../model.js';

/** The years of 法定节假日/调休 an operator loaded (the shipped ones are in the code). */
export interface HolidayScheduleRepository {
  /** Every loaded year, by year. */
  list(): Promise<StoredHolidaySchedule[]>;
  /** Inserts or replaces the year. */
  put(schedule: StoredHolidaySchedule): Promise<void>;
}

/** The calendar feature's repositories in a Store. */
export interface CalendarRepositories {
  readonly holidaySchedules: HolidayScheduleRepository;
}
