import { SqComplaintMetrics } from '../features/complaints/elements/complaint-metrics/index.js';

SqComplaintMetrics.define();

export { SqComplaintMetrics };
