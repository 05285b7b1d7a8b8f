/**
 * 志愿服务预约: the feature's use cases, one per operation under its name (what the manifest's
 * `services` loads, for the embedded transport and the server). They live by audience, each
 * module loaded on its first call: the residents' (residents.ts) and the staff's (desk.ts),
 * so a resident's page in the embedded transport never loads the desk and a staff page never
 * loads the residents' views; the steps both take (placing, cancelling, promoting) are in
 * steps.ts.
 */
import { onFirstCall } from '../../services/later.js';

const residents = () => import('./residents.js');
export const listBookingServices = onFirstCall(residents, 'listBookingServices');
export const bookingAvailability = onFirstCall(residents, 'bookingAvailability');
export const bookSlot = onFirstCall(residents, 'bookSlot');
export const bookingStatus = onFirstCall(residents, 'bookingStatus');
export const cancelBooking = onFirstCall(residents, 'cancelBooking');

const desk = () => import('./desk.js');
export const createBookingService = onFirstCall(desk, 'createBookingService');
export const updateBookingService = onFirstCall(desk, 'updateBookingService');
export const listManagedBookingServices = onFirstCall(desk, 'listManagedBookingServices');
export const bookOnBehalf = onFirstCall(desk, 'bookOnBehalf');
export const actOnBooking = onFirstCall(desk, 'actOnBooking');
export const checkInBooking = onFirstCall(desk, 'checkInBooking');
export const cancelBookingSlots = onFirstCall(desk, 'cancelBookingSlots');
export const recordSlotVolunteers = onFirstCall(desk, 'recordSlotVolunteers');
export const bookingDay = onFirstCall(desk, 'bookingDay');
export const exportBookingDay = onFirstCall(desk, 'exportBookingDay');
export const bookingCounts = onFirstCall(desk, 'bookingCounts');
