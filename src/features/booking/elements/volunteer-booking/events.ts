import type { BookingReceipt, BookingResidentView } from '../../model.js';

/** `sq-booked`: a booking was made — `confirmed`, or `waitlisted` with its place in line. */
export class SqBookedEvent extends CustomEvent<BookedDetail> {
  static readonly type = 'sq-booked';
  constructor(detail: BookedDetail) {
    super(SqBookedEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface BookedDetail {
  /** The server's receipt; its `code` is shown once. */
  receipt: BookingReceipt;
  /** The Idempotency-Key it was made under. */
  key: string;
}

/** `sq-cancelled`: the resident cancelled a booking with its code (我的预约). */
export class SqCancelledEvent extends CustomEvent<CancelledDetail> {
  static readonly type = 'sq-cancelled';
  constructor(detail: CancelledDetail) {
    super(SqCancelledEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface CancelledDetail {
  /** The booking as it is now (masked names, never a phone). */
  view: BookingResidentView;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-booked': SqBookedEvent;
    'sq-cancelled': SqCancelledEvent;
  }
}
