type StateSet = { add(state: string): unknown; delete(state: string): unknown };

/**
 * An element's custom states, for `:host(:state(loading))` in CSS. Chromium 90–124 (WeChat's
 * XWeb builds among them) knows only the older dashed form and throws on `add('loading')`:
 * there the state is `--loading` (`:host(:--loading)`, a rule of its own, since one
 * unparsable selector drops its whole rule). Engines without CustomStateSet get no state:
 * states are a styling hook, never the only way something shows. Elements use it through
 * `SqElement.customStates`; none touches CustomStateSet directly.
 */
export class CustomStates {
  private stateSet?: StateSet | null;
  private dashed = false;

  constructor(private readonly internals: () => ElementInternals) {}

  /** Turns `name` on or off. */
  toggle(name: string, on: boolean): void {
    if (this.stateSet === undefined) {
      try {
        this.stateSet = (this.internals().states as StateSet | undefined) ?? null;
      } catch {
        this.stateSet = null; // No ElementInternals (iOS < 16.4).
      }
    }
    if (!this.stateSet) return;
    try {
      this.stateSet[on ? 'add' : 'delete'](this.dashed ? `--${name}` : name);
    } catch {
      if (this.dashed) return;
      this.dashed = true;
      this.toggle(name, on);
    }
  }

  /** Sets every state of `states` at once (`{ loading: busy, found: !!view }`). */
  set(states: Record<string, boolean>): void {
    for (const [name, on] of Object.entries(states)) this.toggle(name, on);
  }
}
