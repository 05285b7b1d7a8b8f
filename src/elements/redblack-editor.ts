/** `shequ-kit/elements/redblack-editor`: the class, without registering its tag. */
export * from '../features/redblack/elements/redblack-editor/index.js';
