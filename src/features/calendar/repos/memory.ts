// 法定节假日/调休 in the memory store: a stand-in that loads the repository on its first call,
// so the embedded core does not carry it.
import type { MemoryCore } from '../../../stores/memory-core.js';
import { lazyRepositories } from '../../../stores/lazy.js';
import type { CalendarRepositories } from './types.js';

export const calendarMemoryRepositories = (core: MemoryCore): CalendarRepositories =>
  lazyRepositories(core, () => import('./memory-impl.js').then((m) => m.calendarMemoryImpl), [
    'holidaySchedules',
  ]);
