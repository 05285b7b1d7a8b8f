// What a booking keeps past its community's retention period, and what goes: the one place this
// is decided (docs/server.md, Retention). Both stores apply it; the embedded store loads it on
// its first retention run.
import type { MemoryCore } from '../../stores/memory-core.js';
import { anonymiseInMemory, type RetentionPolicy } from '../../stores/retention.js';
import type { RetentionBatch } from '../../services/store.js';
import { bookingStatuses } from './machine.js';
import type { Booking, BookingEvent } from './model.js';

/**
 * A booking without what identifies anyone. Gone: the booker's name and phone (and its hash:
 * the limits no longer see it), the elder's name and relation, the answers, the home
 * location, the booking code (its hash), the cancellation's reason and every text of the
 * history. Kept: id, community, service, slot, times, party, who booked (resident or staff),
 * status and each step's action, statuses, actor kind and date — what the counts need.
 */
export function anonymiseBooking(b: Booking, at: string): { item: Booking; photos: string[] } {
  const item: Booking = {
    id: b.id,
    community: b.community,
    service: b.service,
    slot: b.slot,
    start: b.start,
    end: b.end,
    name: '',
    phone: '',
    // Unique like every hash, and never the hash of a phone or a code.
    phoneHash: `anonymised:${b.id}`,
    forWhom: b.forWhom,
    party: b.party,
    answers: {},
    bookedBy: b.bookedBy,
    status: b.status,
    createdAt: b.createdAt,
    codeHash: `anonymised:${b.id}`,
    history: b.history.map(({ text: _text, ...step }): BookingEvent => step),
    anonymisedAt: at,
  };
  if (b.cancel) item.cancel = { by: b.cancel.by, at: b.cancel.at };
  if (b.promotedAt) item.promotedAt = b.promotedAt;
  if (b.checkedInAt) item.checkedInAt = b.checkedInAt;
  return { item, photos: [] };
}

/**
 * A booking ends when its slot does, whatever its status: after that nothing changes it but a
 * late check-in or no-show mark, which the retention period leaves time for.
 */
export const endedBookingStatuses = bookingStatuses;

export const bookingRetention: RetentionPolicy<Booking> = {
  table: 'bookings',
  startedColumn: 'slot_start',
  ended: endedBookingStatuses,
  startedAt: (b) => b.start,
  endedAt: (b) => b.end,
  anonymise: anonymiseBooking,
};

/** The memory store's batch (its repository loads this module on the first run). */
export const anonymiseIn = (core: MemoryCore, batch: RetentionBatch) =>
  anonymiseInMemory(core, bookingRetention, batch);
