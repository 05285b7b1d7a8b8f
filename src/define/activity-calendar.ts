import { SqActivityCalendar } from '../features/calendar/elements/activity-calendar/index.js';

SqActivityCalendar.define();

export { SqActivityCalendar };
