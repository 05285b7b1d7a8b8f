import type { OperationRoute } from '../../domain/operation.js';

const ICS = { type: 'text/calendar; charset=utf-8', extension: 'ics' } as const;

/**
 * Where each operation of this feature is served and who may call it: what a page needs before
 * its first request, so it holds no schemas (those are in contract.ts, loaded on first use).
 */
export const calendarRoutes = {
  holidayCalendar: { method: 'GET', path: '/holidays', access: 'public' },
  putHolidaySchedule: { method: 'PUT', path: '/holidays/{year}', access: 'admin' },
  activityCalendar: {
    method: 'GET',
    path: '/communities/{community}/activities',
    access: 'public',
  },
  getActivity: { method: 'GET', path: '/activities/{id}', access: 'public' },
  registerForActivity: {
    method: 'POST',
    path: '/activity-registrations',
    access: 'public',
    status: 201,
  },
  activityRegistrationStatus: {
    method: 'POST',
    path: '/activity-registrations/status',
    access: 'public',
    idempotent: false,
  },
  cancelActivityRegistration: {
    method: 'POST',
    path: '/activity-registrations/cancel',
    access: 'public',
  },
  activityFeed: {
    method: 'GET',
    path: '/communities/{community}/activity-feed',
    access: 'public',
    file: ICS,
  },
  activityIcs: { method: 'GET', path: '/activities/{id}/calendar', access: 'public', file: ICS },
  listManagedActivities: {
    method: 'GET',
    path: '/communities/{community}/activities/manage',
    access: 'staff',
  },
  createActivity: {
    method: 'POST',
    path: '/communities/{community}/activities',
    access: 'staff',
    status: 201,
  },
  updateActivity: { method: 'PUT', path: '/activities/{id}', access: 'staff' },
  actOnActivity: { method: 'POST', path: '/activities/{id}/actions', access: 'staff' },
  occurrenceRegistrations: {
    method: 'GET',
    path: '/activities/{id}/registrations',
    access: 'staff',
  },
  exportOccurrenceRegistrations: {
    method: 'GET',
    path: '/activities/{id}/registrations/export',
    access: 'staff',
  },
  registerOnBehalf: {
    method: 'POST',
    path: '/activity-registrations/staff',
    access: 'staff',
    status: 201,
  },
  checkInActivityRegistration: {
    method: 'POST',
    path: '/communities/{community}/activity-check-ins',
    access: 'staff',
  },
  actOnActivityRegistration: {
    method: 'POST',
    path: '/activity-registrations/{id}/actions',
    access: 'staff',
  },
} as const satisfies Record<string, OperationRoute>;
