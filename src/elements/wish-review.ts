/** `shequ-kit/elements/wish-review`: the class, without registering its tag. */
export * from '../features/wishes/elements/wish-review/index.js';
