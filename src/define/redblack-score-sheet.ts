import { SqRedblackScoreSheet } from '../features/redblack/elements/score-sheet/index.js';

SqRedblackScoreSheet.define();

export { SqRedblackScoreSheet };
