export { SqActivityCalendar, type CalendarView } from './activity-calendar.js';
export { SqRegisteredEvent, type RegisteredDetail } from './events.js';
