import type { AppealReceipt } from '../../model.js';

/** `sq-appealed`: the responsible party of a black entry appealed (申诉); its code is shown once. */
export class SqAppealedEvent extends CustomEvent<AppealedDetail> {
  static readonly type = 'sq-appealed';
  constructor(detail: AppealedDetail) {
    super(SqAppealedEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface AppealedDetail {
  /** The entry appealed. */
  entry: string;
  /** The server's receipt: `code` (shown once), `status`, `dueBy`. */
  receipt: AppealReceipt;
}

/** `sq-period-change`: the reader chose another period (`undefined`: what is on the board now). */
export class SqPeriodChangeEvent extends CustomEvent<PeriodChangeDetail> {
  static readonly type = 'sq-period-change';
  constructor(detail: PeriodChangeDetail) {
    super(SqPeriodChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface PeriodChangeDetail {
  /** `2026-Q3`, or `undefined` for the board now. */
  period: string | undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-appealed': SqAppealedEvent;
    'sq-period-change': SqPeriodChangeEvent;
  }
}
