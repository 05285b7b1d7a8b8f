/** `shequ-kit/elements/redblack-score-sheet`: the class, without registering its tag. */
export * from '../features/redblack/elements/score-sheet/index.js';
