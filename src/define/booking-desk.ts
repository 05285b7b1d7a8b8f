import { SqBookingDesk } from '../features/booking/elements/booking-desk/index.js';

SqBookingDesk.define();

export { SqBookingDesk };
