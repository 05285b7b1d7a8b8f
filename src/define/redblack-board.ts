import { SqRedblackBoard } from '../features/redblack/elements/redblack-board/index.js';

SqRedblackBoard.define();

export { SqRedblackBoard };
