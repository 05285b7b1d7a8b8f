import { SqComplaintTracker } from '../elements/complaint-tracker/index.js';

SqComplaintTracker.define();

export { SqComplaintTracker };
