/** `shequ-kit/elements/wish-tracker`: the class, without registering its tag. */
export * from '../features/wishes/elements/wish-tracker/index.js';
