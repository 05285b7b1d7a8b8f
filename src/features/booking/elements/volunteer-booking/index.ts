export {
  SqVolunteerBooking,
  SqBookedEvent,
  SqCancelledEvent,
  type BookedDetail,
  type CancelledDetail,
} from './volunteer-booking.js';
