import type { FieldError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Client } from '../sdk/client.js';
import { ApiError } from '../sdk/errors.js';

export type ActionPhase = 'idle' | 'sending' | 'done' | 'failed';

/** What `run()` ends with; `undefined` when a newer run, a reset or another client superseded it. */
export type ActionOutcome<T> = { value: T } | { error: ApiError };

/** The element acting: its client now, and re-rendering on every phase. */
type Host = { readonly client: Client; requestUpdate(): void };

/**
 * A direct action (claim, rate, thank, withdraw, a desk or review action): sent now, never
 * queued. One Idempotency-Key per user intent — the action's name and body — reused on every
 * retry of it until it succeeds, so a retry after a lost answer gets the server's replay of
 * the first answer (a claim's receipt, not `already_claimed`); another intent gets its own key.
 * Phases: idle → sending → done | failed (`error` says why). An answer for a superseded run
 * (a newer run, `reset()`, or a client swapped meanwhile) never touches the state.
 */
export class ActionController {
  phase: ActionPhase = 'idle';
  /** The intent of the last run (`withdraw`, `thank`, `reject:<id>`…), to show its outcome beside it. */
  name?: string;
  /** Why the last run failed. */
  error?: ApiError;
  /** Keys of the intents sent and not yet answered with success, by intent. */
  private readonly keys = new Map<string, string>();
  private run$ = 0;

  constructor(private readonly host: Host) {}

  get busy(): boolean {
    return this.phase === 'sending';
  }

  /**
   * The message of the failure, an i18n key: `errors.<code>`, unprefixed, so it is found in the
   * element's namespace first (a feature's own codes, e.g. booking's `slot_unavailable`, merged
   * there from its fields' strings) and in `common` otherwise.
   */
  get message(): string | undefined {
    return this.error?.key;
  }

  /** The field errors of the failure (validation on the server). */
  get fields(): FieldError[] {
    return this.error?.fields ?? [];
  }

  /** True when the last run was `name` and ended `phase`. */
  is(name: string, phase: ActionPhase): boolean {
    return this.name === name && this.phase === phase;
  }

  /**
   * Sends one intent: `name` and `body` say what it is (the same again is a retry and reuses
   * its key). Ignored while a run is sending. Resolves with the value or the error, or
   * `undefined` when superseded (the element then does nothing).
   */
  async run<T>(
    name: string,
    body: unknown,
    send: (client: Client, idempotencyKey: string) => Promise<T>,
  ): Promise<ActionOutcome<T> | undefined> {
    if (this.busy) return undefined;
    const intent = `${name}\n${JSON.stringify(body)}`;
    let key = this.keys.get(intent);
    if (!key) this.keys.set(intent, (key = newId()));
    const run = ++this.run$;
    const client = this.host.client;
    this.update('sending', name);
    let outcome: ActionOutcome<T>;
    try {
      outcome = { value: await send(client, key) };
      this.keys.delete(intent);
    } catch (e) {
      const error = ApiError.from(e);
      // Refused (4xx but 409 in flight): the server stored that answer; a new press is a new try.
      if (!error.retryable) this.keys.delete(intent);
      outcome = { error };
    }
    if (run !== this.run$ || client !== this.host.client) return undefined;
    this.update(
      'error' in outcome ? 'failed' : 'done',
      name,
      'error' in outcome ? outcome.error : undefined,
    );
    return outcome;
  }

  /** Back to idle; a run still sending is superseded (its keys stay for a retry of it). */
  reset(): void {
    this.run$++;
    this.update('idle');
  }

  private update(phase: ActionPhase, name?: string, error?: ApiError) {
    this.phase = phase;
    this.name = name;
    this.error = error;
    this.host.requestUpdate();
  }
}
