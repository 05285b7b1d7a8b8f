/** `shequ-kit/elements/activity-calendar`: the class, without registering its tag. */
export * from '../features/calendar/elements/activity-calendar/index.js';
