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
import { withSchemas } from '../../domain/operation.js';
import { bookingRoutes } from './routes.js';

/** 志愿服务预约: the booking operations of the contract. */
export const bookingOperations = withSchemas(bookingRoutes, {
  listBookingServices: {
    summary:
      "A community's volunteer services open for booking (服务项目), with their schedules and each one's next day that takes a booking",
    input: communityIdSchema,
    output: z.array(bookingServiceListingSchema),
  },
  bookingAvailability: {
    summary:
      'Per day of a range (≤ 62 days): slots with seats left, full (a booking waits in line) or closed and why (holiday, closure, too late, not yet)',
    input: availabilityQuerySchema,
    output: availabilitySchema,
  },
  bookSlot: {
    summary:
      "Book a slot: confirmed, or waitlisted with a place in line. Never queued offline (seats are live); exactly once by its Idempotency-Key. The response's code is shown once",
    input: bookingInputSchema,
    output: bookingReceiptSchema,
  },
  bookingStatus: {
    summary:
      'A booking by its code (in the body, never a URL): status, place in line, a cancellation reason; masked names, never a phone',
    input: bookingCodeInputSchema,
    output: bookingResidentViewSchema,
  },
  cancelBooking: {
    summary:
      "The resident cancels by code before the service's cutoff; the first in line who fits gets the seat",
    input: bookingCodeInputSchema,
    output: bookingResidentViewSchema,
  },
  listManagedBookingServices: {
    summary: 'Staff: every service of the community, switched-off ones too',
    input: communityIdSchema,
    output: z.array(bookingServiceSchema),
  },
  createBookingService: {
    summary:
      'Staff: a new service with its schedule (weekly rules, dated overrides, window, notice, cutoff)',
    input: bookingServiceInputSchema,
    output: bookingServiceSchema,
  },
  updateBookingService: {
    summary: "Staff: a service's new version (bookings made stay)",
    input: bookingServiceUpdateSchema,
    output: bookingServiceSchema,
  },
  bookingDay: {
    summary:
      "Staff: a day's slots per service with their bookings (phones), waitlists in order and volunteers",
    input: bookingDayQuerySchema,
    output: bookingDaySchema,
  },
  bookOnBehalf: {
    summary:
      "Staff: book on a resident's behalf (a phone call); the same rules and answer as a resident's booking",
    input: staffBookingInputSchema,
    output: bookingReceiptSchema,
  },
  checkInBooking: {
    summary: 'Staff: check a resident in with the code they show (核销), from the slot’s day on',
    input: bookingCheckInSchema,
    output: bookingStaffViewSchema,
  },
  actOnBooking: {
    summary:
      'Staff: check in, mark a no-show (once the slot started), cancel with a reason, or make the party smaller',
    input: bookingActionRequestSchema,
    output: bookingStaffViewSchema,
  },
  cancelBookingSlots: {
    summary:
      'Staff: cancel one slot (start) or a whole day with a reason residents see by code; every booking of it is cancelled',
    input: bookingCancellationSchema,
    output: bookingCancellationResultSchema,
  },
  recordSlotVolunteers: {
    summary: 'Staff: the volunteers who served a slot and their hours (replaces what was recorded)',
    input: bookingVolunteersInputSchema,
    output: bookingSlotSchema,
  },
  exportBookingDay: {
    summary:
      "Staff: a day's bookings as CSV text (UTF-8 with BOM; formulas neutralised) with its file name",
    input: bookingExportQuerySchema,
    output: bookingExportSchema,
  },
  bookingCounts: {
    summary:
      'Staff: bookings per status, attendance and no-show rates, promotions and volunteer hours per team in a period',
    input: bookingCountsQuerySchema,
    output: bookingCountsSchema,
  },
});
