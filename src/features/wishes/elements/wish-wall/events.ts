import type { ClaimReceipt } from '../../model.js';

/**
 * `sq-claimed`: this visitor claimed (认领) a wish. `detail` is the claim receipt: the card as
 * it is now, `holdUntil`, and the claim code (认领码) the claimer needs to report the wish
 * fulfilled; it is shown once and never stored by the element.
 */
export class SqClaimedEvent extends CustomEvent<ClaimReceipt> {
  static readonly type = 'sq-claimed';
  constructor(detail: ClaimReceipt) {
    super(SqClaimedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-claimed': SqClaimedEvent;
  }
}
