/** `shequ-kit/elements/activity-desk`: the class, without registering its tag. */
export * from '../features/calendar/elements/activity-desk/index.js';
