export { SqActivityCalendar, type CalendarView } from './activity-calendar.js';
