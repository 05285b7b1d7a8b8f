import type { Activity, Registration, StoredHolidaySchedule } from '../model.js';
import type { ReadOptions } from '../../core/repos/types.js';
import type { CapacityRepository, RetainingRepository } from '../../../services/store.js';

/** The years of 法定节假日/调休 an operator loaded (the shipped ones are in the code). */
export interface HolidayScheduleRepository {
  /** Every loaded year, by year. */
  list(): Promise<StoredHolidaySchedule[]>;
  /** Inserts or replaces the year. */
  put(schedule: StoredHolidaySchedule): Promise<void>;
}

/** Activities (社区活动) of a community; read by every calendar view, never locked. */
export interface ActivityRepository {
  get(id: string): Promise<Activity | undefined>;
  /** Every activity of a community (every status), by first date then id. */
  listByCommunity(community: string): Promise<Activity[]>;
  /** Inserts or replaces by id. */
  put(activity: Activity): Promise<void>;
}

/** Registrations keep residents' data until the retention job anonymises them. */
export interface RegistrationRepository extends RetainingRepository {
  /** `lock`: inside a transaction, the row stays locked until it ends (lock its slot first). */
  get(id: string, options?: ReadOptions): Promise<Registration | undefined>;
  /** By `hashRegistrationCode(code)`; `lock` as for `get`. */
  getByCode(codeHash: string, options?: ReadOptions): Promise<Registration | undefined>;
  /** Inserts or replaces by id. A code hash another registration has → `conflict`. */
  put(registration: Registration): Promise<void>;
  /** The registrations of one occurrence (its slot), by creation then id. */
  listBySlot(slot: string): Promise<Registration[]>;
  /** Active registrations (the machine's `active` set) of a slot by one phone hash. */
  countActive(slot: string, phoneHash: string): Promise<number>;
}

/** The calendar feature's repositories in a Store. */
export interface CalendarRepositories {
  readonly holidaySchedules: HolidayScheduleRepository;
  readonly activities: ActivityRepository;
  readonly activityRegistrations: RegistrationRepository;
  /** Seats of occurrences (the shared capacity primitive, pool `activity`). */
  readonly activitySeats: CapacityRepository;
}
