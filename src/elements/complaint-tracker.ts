/** `shequ-kit/elements/complaint-tracker`: the class, without registering its tag. */
export * from '../features/complaints/elements/complaint-tracker/index.js';
