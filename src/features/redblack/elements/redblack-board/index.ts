export { SqRedblackBoard } from './redblack-board.js';
export {
  SqAppealedEvent,
  SqPeriodChangeEvent,
  type AppealedDetail,
  type PeriodChangeDetail,
} from './events.js';
