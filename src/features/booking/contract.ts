import * as z from 'zod/mini';
import {
  availabilityQuerySchema,
  availabilitySchema,
  bookingActionRequestSchema,
  bookingCancellationResultSchema,
  bookingCancellationSchema,
  bookingCheckInSchema,
  bookingCodeInputSchema,
  bookingCountsQuerySchema,
  bookingCountsSchema,
  bookingDayQuerySchema,
  bookingDaySchema,
  bookingExportQuerySchema,
  bookingExportSchema,
  bookingInputSchema,
  bookingReceiptSchema,
  bookingResidentViewSchema,
  bookingServiceInputSchema,
  bookingServiceListingSchema,
  bookingServiceSchema,
  bookingServiceUpdateSchema,
  bookingSlotSchema,
  bookingStaffViewSchema,
  bookingVolunteersInputSchema,
  communityIdSchema,
  staffBookingInputSchema,
} from './model.js';
import type { OperationDef } from '../../domain/operation.js';

/** 志愿服务预约: the booking operations of the contract. */
export const bookingOperations = {
  listBookingServices: {
    method: 'GET',
    path: '/communities/{community}/booking-services',
    summary:
      "A community's volunteer services open for booking (服务项目), with their schedules and each one's next day that takes a booking",
    access: 'public',
    input: communityIdSchema,
    output: z.array(bookingServiceListingSchema),
  },
  bookingAvailability: {
    method: 'GET',
    path: '/booking-services/{id}/availability',
    summary:
      'Per day of a range (≤ 62 days): slots with seats left, full (a booking waits in line) or closed and why (holiday, closure, too late, not yet)',
    access: 'public',
    input: availabilityQuerySchema,
    output: availabilitySchema,
  },
  bookSlot: {
    method: 'POST',
    path: '/bookings',
    summary:
      "Book a slot: confirmed, or waitlisted with a place in line. Never queued offline (seats are live); exactly once by its Idempotency-Key. The response's code is shown once",
    access: 'public',
    input: bookingInputSchema,
    output: bookingReceiptSchema,
    status: 201,
  },
  bookingStatus: {
    method: 'POST',
    path: '/bookings/status',
    summary:
      'A booking by its code (in the body, never a URL): status, place in line, a cancellation reason; masked names, never a phone',
    access: 'public',
    input: bookingCodeInputSchema,
    output: bookingResidentViewSchema,
    idempotent: false,
  },
  cancelBooking: {
    method: 'POST',
    path: '/bookings/cancel',
    summary:
      "The resident cancels by code before the service's cutoff; the first in line who fits gets the seat",
    access: 'public',
    input: bookingCodeInputSchema,
    output: bookingResidentViewSchema,
  },
  listManagedBookingServices: {
    method: 'GET',
    path: '/communities/{community}/booking-services/manage',
    summary: 'Staff: every service of the community, switched-off ones too',
    access: 'staff',
    input: communityIdSchema,
    output: z.array(bookingServiceSchema),
  },
  createBookingService: {
    method: 'POST',
    path: '/communities/{community}/booking-services',
    summary:
      'Staff: a new service with its schedule (weekly rules, dated overrides, window, notice, cutoff)',
    access: 'staff',
    input: bookingServiceInputSchema,
    output: bookingServiceSchema,
    status: 201,
  },
  updateBookingService: {
    method: 'PUT',
    path: '/booking-services/{id}',
    summary: "Staff: a service's new version (bookings made stay)",
    access: 'staff',
    input: bookingServiceUpdateSchema,
    output: bookingServiceSchema,
  },
  bookingDay: {
    method: 'GET',
    path: '/communities/{community}/booking-day',
    summary:
      "Staff: a day's slots per service with their bookings (phones), waitlists in order and volunteers",
    access: 'staff',
    input: bookingDayQuerySchema,
    output: bookingDaySchema,
  },
  bookOnBehalf: {
    method: 'POST',
    path: '/bookings/staff',
    summary:
      "Staff: book on a resident's behalf (a phone call); the same rules and answer as a resident's booking",
    access: 'staff',
    input: staffBookingInputSchema,
    output: bookingReceiptSchema,
    status: 201,
  },
  checkInBooking: {
    method: 'POST',
    path: '/communities/{community}/booking-check-ins',
    summary: 'Staff: check a resident in with the code they show (核销), from the slot’s day on',
    access: 'staff',
    input: bookingCheckInSchema,
    output: bookingStaffViewSchema,
  },
  actOnBooking: {
    method: 'POST',
    path: '/bookings/{id}/actions',
    summary:
      'Staff: check in, mark a no-show (once the slot started), cancel with a reason, or make the party smaller',
    access: 'staff',
    input: bookingActionRequestSchema,
    output: bookingStaffViewSchema,
  },
  cancelBookingSlots: {
    method: 'POST',
    path: '/booking-services/{id}/cancellations',
    summary:
      'Staff: cancel one slot (start) or a whole day with a reason residents see by code; every booking of it is cancelled',
    access: 'staff',
    input: bookingCancellationSchema,
    output: bookingCancellationResultSchema,
  },
  recordSlotVolunteers: {
    method: 'PUT',
    path: '/booking-services/{id}/volunteers',
    summary: 'Staff: the volunteers who served a slot and their hours (replaces what was recorded)',
    access: 'staff',
    input: bookingVolunteersInputSchema,
    output: bookingSlotSchema,
  },
  exportBookingDay: {
    method: 'GET',
    path: '/communities/{community}/booking-export',
    summary:
      "Staff: a day's bookings as CSV text (UTF-8 with BOM; formulas neutralised) with its file name",
    access: 'staff',
    input: bookingExportQuerySchema,
    output: bookingExportSchema,
  },
  bookingCounts: {
    method: 'GET',
    path: '/communities/{community}/booking-counts',
    summary:
      'Staff: bookings per status, attendance and no-show rates, promotions and volunteer hours per team in a period',
    access: 'staff',
    input: bookingCountsQuerySchema,
    output: bookingCountsSchema,
  },
} as const satisfies Record<string, OperationDef>;
