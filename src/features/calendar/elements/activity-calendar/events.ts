/** `sq-registered`: a resident registered for an occurrence (报名) — never the phone or the name. */
export class SqRegisteredEvent extends CustomEvent<RegisteredDetail> {
  static readonly type = 'sq-registered';
  constructor(detail: RegisteredDetail) {
    super(SqRegisteredEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface RegisteredDetail {
  /** The activity's id. */
  activity: string;
  /** The occurrence's date (`YYYY-MM-DD`, Beijing). */
  date: string;
  /** `confirmed` (a seat) or `waitlisted` (候补, with `position`). */
  status: 'confirmed' | 'waitlisted';
  /** The place in line when waitlisted (1 is next). */
  position?: number | undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sq-registered': SqRegisteredEvent;
  }
}
