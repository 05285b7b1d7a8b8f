export { SqVolunteerBooking } from './volunteer-booking.js';
export {
  SqBookedEvent,
  SqCancelledEvent,
  type BookedDetail,
  type CancelledDetail,
} from './events.js';
