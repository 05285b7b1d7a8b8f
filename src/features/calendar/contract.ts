import * as z from 'zod/mini';
import type { OperationDef } from '../../domain/operation.js';
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

const ICS = { type: 'text/calendar; charset=utf-8', extension: 'ics' } as const;

/**
 * The activity calendar's operations: the 法定节假日/调休 schedules every feature reads, the
 * activities (社区活动) with their occurrences, registration (报名) and .ics files.
 */
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
  activityCalendar: {
    method: 'GET',
    path: '/communities/{community}/activities',
    summary:
      "A community's activity occurrences in [from, to] (≤ 62 days) with seats left, and with `days` each day's 农历, 节气, festivals and 休/班",
    access: 'public',
    input: activityCalendarQuerySchema,
    output: activityCalendarSchema,
  },
  getActivity: {
    method: 'GET',
    path: '/activities/{id}',
    summary: 'An activity (published, cancelled or finished) with its recurrence and next dates',
    access: 'public',
    input: activityIdSchema,
    output: activityPublicSchema,
  },
  registerForActivity: {
    method: 'POST',
    path: '/activity-registrations',
    summary:
      "Register for one occurrence (本人 or 代报名): confirmed, or waitlisted with a place in line. Never queued offline; exactly once by its Idempotency-Key. The response's code is shown once",
    access: 'public',
    input: registrationInputSchema,
    output: registrationReceiptSchema,
    status: 201,
  },
  activityRegistrationStatus: {
    method: 'POST',
    path: '/activity-registrations/status',
    summary:
      'A registration by its code (in the body, never a URL): status, place in line, a cancellation reason; masked names, never a phone',
    access: 'public',
    input: registrationCodeInputSchema,
    output: registrationResidentViewSchema,
    idempotent: false,
  },
  cancelActivityRegistration: {
    method: 'POST',
    path: '/activity-registrations/cancel',
    summary:
      'The resident cancels by code before the cutoff; the first in line whose party fits gets the seats',
    access: 'public',
    input: registrationCodeInputSchema,
    output: registrationResidentViewSchema,
  },
  activityFeed: {
    method: 'GET',
    path: '/communities/{community}/activity-feed',
    summary:
      "The community's activities as iCalendar (RFC 5545) text; subscribe to the same path + .ics (text/calendar). Lunar rules as RDATEs for 5 years",
    access: 'public',
    input: activityCommunitySchema,
    output: icsFileSchema,
    file: ICS,
  },
  activityIcs: {
    method: 'GET',
    path: '/activities/{id}/calendar',
    summary:
      'One occurrence (`date`) or the whole activity as an "add to calendar" iCalendar file; the same path + .ics serves it as text/calendar',
    access: 'public',
    input: occurrenceIcsQuerySchema,
    output: icsFileSchema,
    file: ICS,
  },
  listManagedActivities: {
    method: 'GET',
    path: '/communities/{community}/activities/manage',
    summary: 'Staff: every activity of the community, drafts and cancelled ones too',
    access: 'staff',
    input: activityCommunitySchema,
    output: z.array(activitySchema),
  },
  createActivity: {
    method: 'POST',
    path: '/communities/{community}/activities',
    summary:
      'Staff: a new activity with its recurrence (weekly, monthly, yearly, lunar), a draft unless `publish`',
    access: 'staff',
    input: activityInputSchema,
    output: activitySchema,
    status: 201,
  },
  updateActivity: {
    method: 'PUT',
    path: '/activities/{id}',
    summary: "Staff: an activity's new version (registrations made stay)",
    access: 'staff',
    input: activityUpdateSchema,
    output: activitySchema,
  },
  actOnActivity: {
    method: 'POST',
    path: '/activities/{id}/actions',
    summary:
      'Staff: publish a draft, cancel the activity or withdraw one occurrence with a reason residents see (their registrations are cancelled)',
    access: 'staff',
    input: activityActionSchema,
    output: activitySchema,
  },
  occurrenceRegistrations: {
    method: 'GET',
    path: '/activities/{id}/registrations',
    summary:
      "Staff: an occurrence's registrations (phones), holding seats first, then the waitlist in line order",
    access: 'staff',
    input: occurrenceQuerySchema,
    output: occurrenceRegistrationsSchema,
  },
  exportOccurrenceRegistrations: {
    method: 'GET',
    path: '/activities/{id}/registrations/export',
    summary:
      "Staff: an occurrence's registrations as CSV text (UTF-8 with BOM; formulas neutralised) with its file name",
    access: 'staff',
    input: occurrenceQuerySchema,
    output: registrationExportSchema,
  },
  registerOnBehalf: {
    method: 'POST',
    path: '/activity-registrations/staff',
    summary: "Staff: register on a resident's behalf (a phone call); the same seats and waitlist",
    access: 'staff',
    input: registrationInputSchema,
    output: registrationReceiptSchema,
    status: 201,
  },
  checkInActivityRegistration: {
    method: 'POST',
    path: '/communities/{community}/activity-check-ins',
    summary: 'Staff: 签到 with the code the resident shows, from the occurrence’s day on',
    access: 'staff',
    input: registrationCheckInSchema,
    output: registrationStaffViewSchema,
  },
  actOnActivityRegistration: {
    method: 'POST',
    path: '/activity-registrations/{id}/actions',
    summary: 'Staff: check a registration in from the list, or cancel it with a reason',
    access: 'staff',
    input: registrationActionSchema,
    output: registrationStaffViewSchema,
  },
} as const satisfies Record<string, OperationDef>;
