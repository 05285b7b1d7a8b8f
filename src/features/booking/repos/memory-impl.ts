// 志愿服务预约 in the memory store (loaded by memory.ts on the feature's first call).
import type { Booking, BookingService, BookingSlot, BookingStatus } from '../model.js';
import { bookingMachine, bookingStatusAsOf } from '../machine.js';
import { DomainError } from '../../../domain/errors.js';
import type { MemoryCore } from '../../../stores/memory-core.js';
import { memoryCapacity } from '../../../stores/capacity.js';
import type { RetentionBatch } from '../../../services/store.js';
import type {
  BookingRepositories,
  BookingRepository,
  BookingServiceRepository,
  BookingSlotRepository,
  BookingTally,
} from './types.js';

class MemoryBookingServices implements BookingServiceRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<BookingService>('booking_services', id);
  }
  async listByCommunity(community: string) {
    return this.tx
      .all<BookingService>('booking_services')
      .filter((s) => s.community === community)
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
  }
  async put(service: BookingService) {
    this.tx.set('booking_services', service.id, service);
  }
}

const inRange = (at: string, from: string, to: string) => {
  const t = Date.parse(at);
  return t >= Date.parse(from) && t < Date.parse(to);
};
const byStart = (a: { start: string; id?: string; key?: string }, b: typeof a) =>
  a.start === b.start ? ((a.id ?? a.key)! < (b.id ?? b.key)! ? -1 : 1) : a.start < b.start ? -1 : 1;

class MemoryBookings implements BookingRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<Booking>('bookings', id);
  }
  async getByCode(codeHash: string) {
    for (const b of this.tx.scan<Booking>('bookings')) {
      if (b.codeHash === codeHash) return structuredClone(b) as Booking;
    }
    return undefined;
  }
  async put(booking: Booking) {
    for (const b of this.tx.scan<Booking>('bookings')) {
      if (b.id !== booking.id && b.codeHash === booking.codeHash) {
        throw new DomainError('conflict', 'code taken');
      }
    }
    this.tx.set('bookings', booking.id, booking);
  }
  async listByStart(community: string, from: string, to: string, service?: string) {
    const out: Booking[] = [];
    for (const b of this.tx.scan<Booking>('bookings')) {
      if (
        b.community === community &&
        (service === undefined || b.service === service) &&
        inRange(b.start, from, to)
      ) {
        out.push(structuredClone(b) as Booking);
      }
    }
    return out.sort(byStart);
  }
  // The store's one lock serialises every transaction already.
  async lockResident() {}
  async countForResident(
    service: string,
    phoneHash: string,
    w: { now: string; monthFrom: string; monthTo: string },
  ) {
    let active = 0;
    let inMonth = 0;
    const now = Date.parse(w.now);
    for (const b of this.tx.scan<Booking>('bookings')) {
      if (b.service !== service || b.phoneHash !== phoneHash) continue;
      const status = bookingStatusAsOf(b.status, b.start, now);
      if (bookingMachine.is('active', status) && Date.parse(b.start) > now) active++;
      if (status !== 'cancelled' && inRange(b.start, w.monthFrom, w.monthTo)) inMonth++;
    }
    return { active, inMonth };
  }
  async tally(community: string, from: string, to: string, now: string) {
    const tally: BookingTally = { byStatus: {}, promotions: 0 };
    const at = Date.parse(now);
    for (const b of this.tx.scan<Booking>('bookings')) {
      if (b.community !== community || !inRange(b.start, from, to)) continue;
      const status: BookingStatus = bookingStatusAsOf(b.status, b.start, at);
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      if (b.promotedAt) tally.promotions++;
    }
    return tally;
  }
  async anonymiseEnded(batch: RetentionBatch) {
    return (await import('../retention.js')).anonymiseIn(this.tx, batch);
  }
}

class MemoryBookingSlots implements BookingSlotRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(key: string) {
    return this.tx.get<BookingSlot>('booking_slots', key);
  }
  async put(slot: BookingSlot) {
    this.tx.set('booking_slots', slot.key, slot);
  }
  async listByStart(community: string, from: string, to: string) {
    return this.tx
      .all<BookingSlot>('booking_slots')
      .filter((s) => s.community === community && inRange(s.start, from, to))
      .sort(byStart);
  }
}

export const bookingMemoryImpl = (core: MemoryCore): BookingRepositories => ({
  bookingServices: new MemoryBookingServices(core),
  bookings: new MemoryBookings(core),
  bookingSlots: new MemoryBookingSlots(core),
  bookingSeats: memoryCapacity(core, 'booking'),
});
