import { SqComplaintMetrics } from '../elements/complaint-metrics/index.js';

SqComplaintMetrics.define();

export { SqComplaintMetrics };
