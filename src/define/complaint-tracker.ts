import { SqComplaintTracker } from '../features/complaints/elements/complaint-tracker/index.js';

SqComplaintTracker.define();

export { SqComplaintTracker };
