import type { AppealStaffView, RedblackEntry, RedblackStaffAction } from '../../model.js';

/**
 * What an editor action was: a draft saved (`create`, `update`), a published entry corrected
 * (`correct`, 更正) or an entry's staff action.
 */
export type EditorAction = 'create' | 'update' | 'correct' | RedblackStaffAction['action'];

export interface EntryActedDetail {
  action: EditorAction;
  /** The entry as it is now (the staff view). */
  entry: RedblackEntry;
}

/** `sq-entry-acted`: a draft was saved or an entry submitted, returned, published, corrected, rectified, renewed or withdrawn. */
export class SqEntryActedEvent extends CustomEvent<EntryActedDetail> {
  static readonly type = 'sq-entry-acted';
  constructor(detail: EntryActedDetail) {
    super(SqEntryActedEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface AppealDecidedDetail {
  /** The appeal as it is now: `status` upheld or dismissed, `decision`. */
  appeal: AppealStaffView;
}

/** `sq-appeal-decided`: staff upheld (the entry withdrawn, 经复核撤销, or its reason corrected) or dismissed an appeal. */
export class SqAppealDecidedEvent extends CustomEvent<AppealDecidedDetail> {
  static readonly type = 'sq-appeal-decided';
  constructor(detail: AppealDecidedDetail) {
    super(SqAppealDecidedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-entry-acted': SqEntryActedEvent;
    'sq-appeal-decided': SqAppealDecidedEvent;
  }
}
