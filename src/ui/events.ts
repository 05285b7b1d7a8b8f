import type { ComplaintReceipt } from '../features/complaints/views.js';
import type { WishReceipt } from '../features/wishes/model.js';
import type { BookingReceipt } from '../features/booking/model.js';

/** What was submitted: told apart by `kind` (one event type, so the tag map has one entry). */
export type SubmittedDetail =
  | { kind: 'complaint'; state: 'delivered'; key: string; receipt: ComplaintReceipt }
  | { kind: 'wish'; state: 'delivered'; key: string; receipt: WishReceipt }
  /** A booking is never queued (seats are live): delivered only; `sq-booked` says more. */
  | { kind: 'booking'; state: 'delivered'; key: string; receipt: BookingReceipt }
  /** Saved in the outbox while offline; delivered later, exactly once, under `key`. */
  | { kind: 'complaint' | 'wish'; state: 'queued'; key: string };

/**
 * `sq-submitted`: a resident's form was sent (`state: 'delivered'`, with the receipt) or kept
 * to send when the network is back (`state: 'queued'`). Fired by <sq-complaint-form> and
 * <sq-wish-form>, and by <sq-volunteer-booking> (`kind: 'booking'`, beside its `sq-booked`).
 */
export class SqSubmittedEvent extends CustomEvent<SubmittedDetail> {
  static readonly type = 'sq-submitted';
  constructor(detail: SubmittedDetail) {
    super(SqSubmittedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-submitted': SqSubmittedEvent;
  }
}
