/** `shequ-kit/elements/complaint-desk`: the class, without registering its tag. */
export * from '../features/complaints/elements/complaint-desk/index.js';
