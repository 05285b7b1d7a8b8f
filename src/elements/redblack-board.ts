/** `shequ-kit/elements/redblack-board`: the class, without registering its tag. */
export * from '../features/redblack/elements/redblack-board/index.js';
