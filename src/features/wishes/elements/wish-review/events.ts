import type { WishStaffAction, WishStaffView } from '../../model.js';

export type WishReviewAction = WishStaffAction['action'];

/** `sq-wish-acted`: a staff action on a wish succeeded; `wish` is the wish as it is now. */
export class SqWishActedEvent extends CustomEvent<{
  action: WishReviewAction;
  wish: WishStaffView;
}> {
  static readonly type = 'sq-wish-acted';
  constructor(detail: { action: WishReviewAction; wish: WishStaffView }) {
    super(SqWishActedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-wish-acted': SqWishActedEvent;
  }
}
