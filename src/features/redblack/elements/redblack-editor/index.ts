export { SqRedblackEditor, type EditorTab } from './redblack-editor.js';
export {
  SqAppealDecidedEvent,
  SqEntryActedEvent,
  type AppealDecidedDetail,
  type EditorAction,
  type EntryActedDetail,
} from './events.js';
