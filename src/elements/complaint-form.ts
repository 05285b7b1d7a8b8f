/** `shequ-kit/elements/complaint-form`: the class, without registering its tag. */
export * from '../features/complaints/elements/complaint-form/index.js';
