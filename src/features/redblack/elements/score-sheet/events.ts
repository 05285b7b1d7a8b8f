/** `sq-scored`: staff saved a building's 和谐楼道 scores for a period (again: replaced, audited). */
export class SqScoredEvent extends CustomEvent<ScoredDetail> {
  static readonly type = 'sq-scored';
  constructor(detail: ScoredDetail) {
    super(SqScoredEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface ScoredDetail {
  building: string;
  period: string;
  /** The building's new total. */
  total: number;
}

/**
 * `sq-draft-suggested`: staff asked to draft an entry from a building's suggestion (以此起草红榜 /
 * 起草黑榜条目); offered only where the sheet is `draftable` (the editor's tab, which opens its
 * entry form with the building as the subject).
 */
export class SqDraftSuggestedEvent extends CustomEvent<DraftSuggestedDetail> {
  static readonly type = 'sq-draft-suggested';
  constructor(detail: DraftSuggestedDetail) {
    super(SqDraftSuggestedEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface DraftSuggestedDetail {
  building: string;
  /** The list suggested: `red` (top of the ranking) or `black` (under the threshold). */
  list: 'red' | 'black';
  period: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-scored': SqScoredEvent;
    'sq-draft-suggested': SqDraftSuggestedEvent;
  }
}
