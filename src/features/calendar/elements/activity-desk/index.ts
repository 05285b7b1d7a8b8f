export { SqActivityDesk } from './activity-desk.js';
export { SqActivityChangedEvent, type ActivityChangedDetail } from './events.js';
