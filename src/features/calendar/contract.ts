import * as z from 'zod/mini';
import { withSchemas } from '../../domain/operation.js';
import { calendarRoutes } from './routes.js';
import {
  activityActionSchema,
  activityCalendarQuerySchema,
  activityCalendarSchema,
  activityCommunitySchema,
  activityIdSchema,
  activityInputSchema,
  activityPublicSchema,
  activitySchema,
  activityUpdateSchema,
  holidayScheduleInputSchema,
  holidayScheduleSchema,
  holidaysOutputSchema,
  holidaysQuerySchema,
  icsFileSchema,
  occurrenceIcsQuerySchema,
  occurrenceQuerySchema,
  occurrenceRegistrationsSchema,
  registrationActionSchema,
  registrationCheckInSchema,
  registrationCodeInputSchema,
  registrationExportSchema,
  registrationInputSchema,
  registrationReceiptSchema,
  registrationResidentViewSchema,
  registrationStaffViewSchema,
} from './model.js';

/**
 * The activity calendar's operations: the 法定节假日/调休 schedules every feature reads, the
 * activities (社区活动) with their occurrences, registration (报名) and .ics files.
 */
export const calendarOperations = withSchemas(calendarRoutes, {
  holidayCalendar: {
    summary:
      'The 法定节假日 (days off) and 调休 (weekend workdays) of the years in [from, to] that have a schedule',
    input: holidaysQuerySchema,
    output: holidaysOutputSchema,
  },
  putHolidaySchedule: {
    summary:
      "Admin: load a year's official schedule (replaces the shipped or loaded one; every instance uses it within a minute)",
    input: holidayScheduleInputSchema,
    output: holidayScheduleSchema,
  },
  activityCalendar: {
    summary:
      "A community's activity occurrences in [from, to] (≤ 62 days) with seats left, and with `days` each day's 农历, 节气, festivals and 休/班",
    input: activityCalendarQuerySchema,
    output: activityCalendarSchema,
  },
  getActivity: {
    summary: 'An activity (published, cancelled or finished) with its recurrence and next dates',
    input: activityIdSchema,
    output: activityPublicSchema,
  },
  registerForActivity: {
    summary:
      "Register for one occurrence (本人 or 代报名): confirmed, or waitlisted with a place in line. Never queued offline; exactly once by its Idempotency-Key. The response's code is shown once",
    input: registrationInputSchema,
    output: registrationReceiptSchema,
  },
  activityRegistrationStatus: {
    summary:
      'A registration by its code (in the body, never a URL): status, place in line, a cancellation reason; masked names, never a phone',
    input: registrationCodeInputSchema,
    output: registrationResidentViewSchema,
  },
  cancelActivityRegistration: {
    summary:
      'The resident cancels by code before the cutoff; the first in line whose party fits gets the seats',
    input: registrationCodeInputSchema,
    output: registrationResidentViewSchema,
  },
  activityFeed: {
    summary:
      "The community's activities as iCalendar (RFC 5545) text; subscribe to the same path + .ics (text/calendar). Lunar rules as RDATEs for 5 years",
    input: activityCommunitySchema,
    output: icsFileSchema,
  },
  activityIcs: {
    summary:
      'One occurrence (`date`) or the whole activity as an "add to calendar" iCalendar file; the same path + .ics serves it as text/calendar',
    input: occurrenceIcsQuerySchema,
    output: icsFileSchema,
  },
  listManagedActivities: {
    summary: 'Staff: every activity of the community, drafts and cancelled ones too',
    input: activityCommunitySchema,
    output: z.array(activitySchema),
  },
  createActivity: {
    summary:
      'Staff: a new activity with its recurrence (weekly, monthly, yearly, lunar), a draft unless `publish`',
    input: activityInputSchema,
    output: activitySchema,
  },
  updateActivity: {
    summary: "Staff: an activity's new version (registrations made stay)",
    input: activityUpdateSchema,
    output: activitySchema,
  },
  actOnActivity: {
    summary:
      'Staff: publish a draft, cancel the activity or withdraw one occurrence with a reason residents see (their registrations are cancelled)',
    input: activityActionSchema,
    output: activitySchema,
  },
  occurrenceRegistrations: {
    summary:
      "Staff: an occurrence's registrations (phones), holding seats first, then the waitlist in line order",
    input: occurrenceQuerySchema,
    output: occurrenceRegistrationsSchema,
  },
  exportOccurrenceRegistrations: {
    summary:
      "Staff: an occurrence's registrations as CSV text (UTF-8 with BOM; formulas neutralised) with its file name",
    input: occurrenceQuerySchema,
    output: registrationExportSchema,
  },
  registerOnBehalf: {
    summary: "Staff: register on a resident's behalf (a phone call); the same seats and waitlist",
    input: registrationInputSchema,
    output: registrationReceiptSchema,
  },
  checkInActivityRegistration: {
    summary: 'Staff: 签到 with the code the resident shows, from the occurrence’s day on',
    input: registrationCheckInSchema,
    output: registrationStaffViewSchema,
  },
  actOnActivityRegistration: {
    summary: 'Staff: check a registration in from the list, or cancel it with a reason',
    input: registrationActionSchema,
    output: registrationStaffViewSchema,
  },
});
