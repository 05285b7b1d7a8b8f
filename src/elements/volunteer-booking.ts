/** `shequ-kit/elements/volunteer-booking`: the class, without registering its tag. */
export * from '../features/booking/elements/volunteer-booking/index.js';
