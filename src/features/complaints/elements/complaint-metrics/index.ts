export { SqComplaintMetrics } from './complaint-metrics.js';
