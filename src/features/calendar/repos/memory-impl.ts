// The loaded holiday schedules in the memory store (loaded by memory.ts on first use).
import type { MemoryCore } from '../../../stores/memory-core.js';
import type { StoredHolidaySchedule } from '../model.js';
import type { CalendarRepositories } from './types.js';

export const calendarMemoryImpl = (tx: MemoryCore): CalendarRepositories => ({
  holidaySchedules: {
    list: async () =>
      tx.all<StoredHolidaySchedule>('holiday_schedules').sort((a, b) => a.year - b.year),
    put: async (schedule) => tx.set('holiday_schedules', String(schedule.year), schedule),
  },
});
