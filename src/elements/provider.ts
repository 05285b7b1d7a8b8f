/** `shequ-kit/elements/provider`: the class, without registering its tag. */
export * from '../features/core/elements/provider/index.js';
