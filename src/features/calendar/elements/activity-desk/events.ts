import type { Activity } from '../../model.js';

/** What staff did to an activity at the desk. */
export interface ActivityChangedDetail {
  /** `create` and `update` from the form; the rest from the list's confirm dialogs. */
  action: 'create' | 'update' | 'publish' | 'cancel' | 'cancel_occurrence';
  /** The activity as the server answered (its new status, withdrawn dates). */
  activity: Activity;
}

/**
 * `sq-activity-changed`: an activity was saved (a draft or published), published, cancelled
 * or had one occurrence withdrawn at <sq-activity-desk>.
 */
export class SqActivityChangedEvent extends CustomEvent<ActivityChangedDetail> {
  static readonly type = 'sq-activity-changed';
  constructor(detail: ActivityChangedDetail) {
    super(SqActivityChangedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-activity-changed': SqActivityChangedEvent;
  }
}
