export { SqBookingDesk } from './booking-desk.js';
