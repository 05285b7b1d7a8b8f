import type { OperationDef } from '../../domain/operation.js';
import {
  holidayScheduleInputSchema,
  holidayScheduleSchema,
  holidaysOutputSchema,
  holidaysQuerySchema,
} from './model.js';

/** The activity calendar's operations: so far the 法定节假日/调休 schedules every feature reads. */
export const calendarOperations = {
  holidayCalendar: {
    method: 'GET',
    path: '/holidays',
    summary:
      'The 法定节假日 (days off) and 调休 (weekend workdays) of the years in [from, to] that have a schedule',
    access: 'public',
    input: holidaysQuerySchema,
    output: holidaysOutputSchema,
  },
  putHolidaySchedule: {
    method: 'PUT',
    path: '/holidays/{year}',
    summary:
      "Admin: load a year's official schedule (replaces the shipped or loaded one; every instance uses it within a minute)",
    access: 'admin',
    input: holidayScheduleInputSchema,
    output: holidayScheduleSchema,
  },
} as const satisfies Record<string, OperationDef>;
