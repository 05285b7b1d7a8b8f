/** `shequ-kit/elements/wish-wall`: the class, without registering its tag. */
export * from '../features/wishes/elements/wish-wall/index.js';
