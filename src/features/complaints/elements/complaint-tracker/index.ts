export { SqComplaintTracker, SqRatedEvent, type RatedDetail } from './complaint-tracker.js';
