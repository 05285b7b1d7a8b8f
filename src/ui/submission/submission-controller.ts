import type { ReactiveController } from 'lit';
import type { FieldError } from '../../domain/errors.js';
import type { OperationName } from '../../services/contract.js';
import type { Client } from '../../sdk/client.js';
import type { ApiError } from '../../sdk/errors.js';
import type { Delivery, Outbox, OutboxEntry } from '../../sdk/outbox.js';
import type { SubmittedDetail } from '../events.js';
import type { FieldLayout } from '../field-errors.js';
import type { SqElement } from '../sq-element.js';

/**
 * The sending half (checking, the key, the outbox, adopting): a form paints without it, and
 * loads it right after its first render in the chunk it loads then anyway (its `later.ts`
 * re-exports these), so it costs no request of its own.
 */
export type SubmissionActions = Pick<
  typeof import('./submission-actions.js'),
  'adopt' | 'submit' | 'dismiss'
>;

/** editing → sending → queued → delivered | failed (with `failure`, the why). */
export type Phase = 'editing' | 'sending' | 'queued' | 'delivered' | 'failed';

type Values = Record<string, unknown>;

export interface SubmissionOptions<V extends Values, I, R> {
  kind: SubmittedDetail['kind'];
  /** Its operation, to find what earlier page loads left in the outbox. */
  operation: OperationName;
  /** The values of an empty form. */
  empty: () => V;
  /** Fields a draft keeps (an allow-list: never a name, a phone or a consent). */
  draft: readonly (keyof V & string)[];
  /** localStorage key of the draft for a community. */
  draftKey: (community: string) => string;
  /** The fields in page order, and how error paths map to them. */
  layout: (values: V) => FieldLayout;
  /** The submission, as the server's schema takes it. */
  input: (values: V) => I | Promise<I>;
  /**
   * The feature schema's check (the server's rule), plus the element's own. Default: the
   * operation's input schema, from its contract (loaded for sending anyway).
   */
  check?: (input: I, values: V) => Promise<FieldError[]> | FieldError[];
  /** Loads the sending half (the element's after-first-render module). */
  actions: () => Promise<SubmissionActions>;
  /** Sends with the intent's Idempotency-Key. */
  send: (input: I, key: string) => Promise<Delivery<R>>;
  /** What else makes a new intent besides the input (photos). */
  extra?: () => string;
  /** Applies what the page asks for over the draft (a QR code's place). */
  prefill?: (values: V) => void;
  /** Id of the element that takes focus once delivered (the receipt's heading), and once
   * saved offline where a view of its own replaces the form. */
  receiptFocus: string;
}

/**
 * A resident's submission that may wait offline (complaint, wish): the values and their
 * draft, the feature schema's check with each error at its field, one Idempotency-Key per
 * intent (kept across retries and reloads, new once the body changes), the phases, adopting
 * what an earlier page load left in the outbox (queued, delivered meanwhile, or refused — shown
 * until dismissed), focus, and `sq-submitted`.
 */
export class SubmissionController<V extends Values, I, R> implements ReactiveController {
  values: V;
  /** The first error of each field, fields in page order. */
  errors: Record<string, FieldError> = {};
  phase: Phase = 'editing';
  /** Why it failed: no answer, or the server's refusal. */
  failure?: ApiError | undefined;
  /** The server's answer once delivered. */
  receipt?: R | undefined;
  /** A queued submission the server refused later: shown with a way to dismiss it. */
  refused?: OutboxEntry | undefined;
  /** The draft of an earlier visit was restored. */
  restored = false;

  // For submission-actions.ts, the sending half: not part of the API.
  /** The intent's Idempotency-Key, and the body it was made for. */
  key = '';
  body = '';
  /** The resident has typed since the form was (re)started. */
  dirty = false;
  /** The client whose outbox was looked at for earlier page loads' entries. */
  adopted?: Client;
  /** The outbox followed for deliveries and refusals of `key`. */
  outbox?: Outbox | undefined;
  /** Unfollows `outbox`. */
  unlisten?: (() => void) | undefined;

  private community?: string | undefined;

  constructor(
    readonly host: SqElement,
    readonly options: SubmissionOptions<V, I, R>,
  ) {
    this.values = options.empty();
    host.addController(this);
  }

  hostUpdate(): void {
    const host = this.host;
    // Here, not when connected: a provider's client arrives by context after connecting.
    const client = host.client;
    // Adopted now, not when the sending half has loaded: updates before that adopt once.
    if (client !== this.adopted) {
      this.adopted = client;
      void this.options.actions().then((a) => a.adopt(this, client));
    }
    if (host.communityId !== this.community) {
      this.community = host.communityId;
      if (!this.dirty) this.values = this.restore();
    }
    host.customStates.set(
      Object.fromEntries(
        (['sending', 'queued', 'delivered', 'failed'] as const).map((p) => [p, p === this.phase]),
      ),
    );
  }

  hostDisconnected(): void {
    this.unlisten?.();
    // Connected again, it looks at the outbox again.
    this.adopted = undefined;
  }

  /** The values typed so far; a draft of the allowed fields is saved on each change. */
  set(patch: Partial<V>): void {
    // The resident is writing: the outbox's code loads now, while the page is surely online,
    // not at the submission (which may come after the network is gone).
    if (!this.dirty) void this.host.client.outbox().catch(() => undefined);
    this.values = { ...this.values, ...patch };
    this.dirty = true;
    for (const name in patch) this.setError(name);
    const draft: Values = {};
    for (const name of this.options.draft) draft[name] = this.values[name];
    this.store((key) => localStorage.setItem(key, JSON.stringify(draft)));
  }

  /** Sets or (without `error`) clears a field's error. */
  setError(field: string, error?: FieldError): void {
    const { [field]: _, ...rest } = this.errors;
    this.errors = error ? { ...rest, [field]: error } : rest;
    this.host.requestUpdate();
  }

  /** Checks, then sends under the intent's key; shows errors, the queue or the receipt. */
  async submit(): Promise<void> {
    if (this.phase === 'sending') return;
    // Sending from the first moment: a second press while the check runs is ignored.
    this.to('sending');
    return (await this.options.actions()).submit(this);
  }

  /** Tries again: the queue now, or the same intent (same key) after a failure. */
  async retry(): Promise<void> {
    if (this.phase === 'queued') return (await this.host.client.outbox())?.flush();
    return this.submit();
  }

  /** Deletes the refused entry, and the resident's phone with it, from the outbox. */
  async dismiss(): Promise<void> {
    return (await this.options.actions()).dismiss(this);
  }

  /** Starts over: the receipt, and its one-time code, are gone; `clear`: the draft too. */
  again(clear = false): void {
    if (clear) this.forget();
    this.key = '';
    this.dirty = false;
    this.receipt = this.failure = undefined;
    this.errors = {};
    this.values = this.restore();
    this.to('editing');
  }

  /** Focuses a control of the host by id (an error summary's link, the first invalid field). */
  focus(id: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  }

  /** Moves to `phase` and renders. */
  to(phase: Phase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  /** Deletes the draft (sent, or the resident starts again). */
  forget(): void {
    this.store((key) => localStorage.removeItem(key));
  }

  /** The saved draft over empty values, then what the page asks for (a QR code's place). */
  private restore(): V {
    const values = this.options.empty();
    this.restored = false;
    this.store((key) => {
      const draft = JSON.parse(localStorage.getItem(key) ?? '{}') as Partial<V>;
      for (const name of this.options.draft) {
        if (draft[name] === undefined) continue;
        values[name] = draft[name]!;
        this.restored ||= !!draft[name];
      }
    });
    this.options.prefill?.(values);
    return values;
  }

  /** Runs `use` on the community's draft key; storage may be full, off or broken. */
  private store(use: (key: string) => void): void {
    try {
      if (this.community) use(this.options.draftKey(this.community));
    } catch {
      // The draft is only a convenience.
    }
  }
}
