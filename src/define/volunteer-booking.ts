import { SqVolunteerBooking } from '../features/booking/elements/volunteer-booking/index.js';

SqVolunteerBooking.define();

export { SqVolunteerBooking };
