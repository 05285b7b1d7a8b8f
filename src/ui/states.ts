type StateSet = { add(state: string): unknown; delete(state: string): unknown };

/**
 * An element's custom states, for `:host(:state(loading))` in CSS. Chromium 90–124 (WeChat's
 * XWeb builds among them) knows only the older dashed form and throws on `add('loading')`:
 * there the state is `--loading` (`:host(:--loading)`, in a rule of its own, since one
 * unparsable selector drops its whole rule). Engines without CustomStateSet get no state:
 * states are a styling hook, never the only way something shows. Elements use it through
 * `SqElement.customStates`; none touches CustomStateSet directly.
 */
export class CustomStates {
  /** null: no CustomStateSet here. */
  private states?: StateSet | null;
  private prefix = '';

  constructor(private readonly internals: () => ElementInternals) {}

  /** Sets each state of `states` on or off (`{ loading: busy, found: !!view }`). */
  set(states: Record<string, boolean>): void {
    if (this.states === undefined) {
      try {
        this.states = this.internals().states ?? null;
      } catch {
        this.states = null; // No ElementInternals (iOS < 16.4).
      }
    }
    for (const [name, on] of Object.entries(states)) {
      try {
        this.states?.[on ? 'add' : 'delete'](this.prefix + name);
      } catch {
        if (this.prefix) return;
        this.prefix = '--';
        return this.set(states);
      }
    }
  }
}
