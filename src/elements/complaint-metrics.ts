/** `shequ-kit/elements/complaint-metrics`: the class, without registering its tag. */
export * from '../features/complaints/elements/complaint-metrics/index.js';
