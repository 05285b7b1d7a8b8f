/** `shequ-kit/elements/wish-form`: the class, without registering its tag. */
export * from '../features/wishes/elements/wish-form/index.js';
