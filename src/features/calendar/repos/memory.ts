// The activity calendar in the memory store: stand-ins that load the repositories (with the
// capacity primitive) on the feature's first call, so the embedded core does not carry them.
import type { MemoryCore } from '../../../stores/memory-core.js';
import { lazyRepositories, retainedIn } from '../../../stores/lazy.js';
import type { CalendarRepositories } from './types.js';

export const calendarMemoryRepositories = (core: MemoryCore): CalendarRepositories =>
  lazyRepositories(
    core,
    () => import('./memory-impl.js').then((m) => m.calendarMemoryImpl),
    ['holidaySchedules', 'activities', 'activityRegistrations', 'activitySeats'],
    { activityRegistrations: retainedIn('activity_registrations') },
  );
