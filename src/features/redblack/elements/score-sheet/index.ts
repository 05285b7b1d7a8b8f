export { SqRedblackScoreSheet } from './score-sheet.js';
export {
  SqDraftSuggestedEvent,
  SqScoredEvent,
  type DraftSuggestedDetail,
  type ScoredDetail,
} from './events.js';
