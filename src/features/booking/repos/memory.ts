// 志愿服务预约 in the memory store: stand-ins that load the repositories (memory-impl.ts, with
// the capacity primitive) on the feature's first call, so the embedded core does not carry them.
import type { MemoryCore } from '../../../stores/memory-core.js';
import { lazyRepositories, retainedIn } from '../../../stores/lazy.js';
import type { BookingRepositories } from './types.js';

export const bookingMemoryRepositories = (core: MemoryCore): BookingRepositories =>
  lazyRepositories(
    core,
    () => import('./memory-impl.js').then((m) => m.bookingMemoryImpl),
    ['bookingServices', 'bookings', 'bookingSlots', 'bookingSeats'],
    { bookings: retainedIn('bookings') },
  );
