/** `shequ-kit/elements/booking-desk`: the class, without registering its tag. */
export * from '../features/booking/elements/booking-desk/index.js';
