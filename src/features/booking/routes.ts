import type { OperationRoute } from '../../domain/operation.js';

/**
 * Where each operation of this feature is served and who may call it: what a page needs before
 * its first request, so it holds no schemas (those are in contract.ts, loaded on first use).
 */
export const bookingRoutes = {
  listBookingServices: {
    method: 'GET',
    path: '/communities/{community}/booking-services',
    access: 'public',
  },
  bookingAvailability: {
    method: 'GET',
    path: '/booking-services/{id}/availability',
    access: 'public',
  },
  bookSlot: { method: 'POST', path: '/bookings', access: 'public', status: 201 },
  bookingStatus: { method: 'POST', path: '/bookings/status', access: 'public', idempotent: false },
  cancelBooking: { method: 'POST', path: '/bookings/cancel', access: 'public' },
  listManagedBookingServices: {
    method: 'GET',
    path: '/communities/{community}/booking-services/manage',
    access: 'staff',
  },
  createBookingService: {
    method: 'POST',
    path: '/communities/{community}/booking-services',
    access: 'staff',
    status: 201,
  },
  updateBookingService: { method: 'PUT', path: '/booking-services/{id}', access: 'staff' },
  bookingDay: { method: 'GET', path: '/communities/{community}/booking-day', access: 'staff' },
  bookOnBehalf: { method: 'POST', path: '/bookings/staff', access: 'staff', status: 201 },
  checkInBooking: {
    method: 'POST',
    path: '/communities/{community}/booking-check-ins',
    access: 'staff',
  },
  actOnBooking: { method: 'POST', path: '/bookings/{id}/actions', access: 'staff' },
  cancelBookingSlots: {
    method: 'POST',
    path: '/booking-services/{id}/cancellations',
    access: 'staff',
  },
  recordSlotVolunteers: {
    method: 'PUT',
    path: '/booking-services/{id}/volunteers',
    access: 'staff',
  },
  exportBookingDay: {
    method: 'GET',
    path: '/communities/{community}/booking-export',
    access: 'staff',
  },
  bookingCounts: {
    method: 'GET',
    path: '/communities/{community}/booking-counts',
    access: 'staff',
  },
} as const satisfies Record<string, OperationRoute>;
