/** `shequ-kit/elements/complaint-qr`: the class, without registering its tag. */
export * from '../features/complaints/elements/complaint-qr/index.js';
