/** `shequ-kit/elements/community-picker`: the class, without registering its tag. */
export * from '../features/core/elements/community-picker/index.js';
