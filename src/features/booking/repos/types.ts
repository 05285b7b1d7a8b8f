import type { Booking, BookingService, BookingSlot, BookingStatus } from '../model.js';
import type { ReadOptions } from '../../core/repos/types.js';
import type { CapacityRepository, RetainingRepository } from '../../../services/store.js';

/** Services (服务项目) of a community; read by every availability and booking, never locked. */
export interface BookingServiceRepository {
  get(id: string): Promise<BookingService | undefined>;
  /** Every service of a community (active or not), by name then id. */
  listByCommunity(community: string): Promise<BookingService[]>;
  /** Inserts or replaces by id. */
  put(service: BookingService): Promise<void>;
}

/** What the per-resident limits count. */
export interface ResidentCounts {
  /** Active bookings (the machine's `active` set) of slots starting after `now`. */
  active: number;
  /** Bookings not cancelled of slots starting in [monthFrom, monthTo). */
  inMonth: number;
}

/** The counts of a period's bookings (BookingRepository.tally), counted where they are. */
export interface BookingTally {
  byStatus: Partial<Record<BookingStatus, number>>;
  promotions: number;
}

/** Bookings keep residents' data until the retention job anonymises them. */
export interface BookingRepository extends RetainingRepository {
  /** `lock`: inside a transaction, the row stays locked until it ends (lock its slot first). */
  get(id: string, options?: ReadOptions): Promise<Booking | undefined>;
  /** By `hashBookingCode(code)`; `lock` as for `get`. */
  getByCode(codeHash: string, options?: ReadOptions): Promise<Booking | undefined>;
  /** Inserts or replaces by id. A code hash another booking has → `conflict`. */
  put(booking: Booking): Promise<void>;
  /**
   * Bookings of `community` whose slot starts in [from, to) (ISO instants), of one service if
   * given, by start then id.
   */
  listByStart(
    community: string,
    from: string,
    to: string,
    service?: string | undefined,
  ): Promise<Booking[]>;
  /**
   * Serialises one resident's bookings (by phone hash) until the transaction ends, so two
   * bookings made at once both see each other when the limits are counted (SQL: a
   * transaction-scoped advisory lock; memory: the store's one lock).
   */
  lockResident(phoneHash: string): Promise<void>;
  /** What the per-resident limits of a service count (the machine's sets). */
  countForResident(
    service: string,
    phoneHash: string,
    window: { now: string; monthFrom: string; monthTo: string },
  ): Promise<ResidentCounts>;
  /** Bookings of slots starting in [from, to) per status, waitlisted ones past `now` as expired. */
  tally(community: string, from: string, to: string, now: string): Promise<BookingTally>;
}

/** Slots' records: a cancellation and the volunteers who served. */
export interface BookingSlotRepository {
  get(key: string): Promise<BookingSlot | undefined>;
  put(slot: BookingSlot): Promise<void>;
  /** Records of `community` whose slot starts in [from, to), by start. */
  listByStart(community: string, from: string, to: string): Promise<BookingSlot[]>;
}

/** The booking feature's repositories in a Store. */
export interface BookingRepositories {
  readonly bookingServices: BookingServiceRepository;
  readonly bookings: BookingRepository;
  readonly bookingSlots: BookingSlotRepository;
  /** Seats of slots (the shared capacity primitive, pool `booking`). */
  readonly bookingSeats: CapacityRepository;
}
