/**
 * The sending half of SubmissionController, loaded right after a form's first render in the
 * form's `later.ts` chunk (which re-exports `adopt`, `submit`, `dismiss`): the check with
 * errors at their fields, one Idempotency-Key per intent, sending, the outbox
 * (queued, delivered in the background, refused), adopting what earlier page loads left,
 * focus and `sq-submitted`.
 */
import type { FieldError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { toFieldErrors } from '../../domain/validation.js';
import type { OperationName } from '../../services/contract.js';
import type { Client } from '../../sdk/client.js';
import { ApiError } from '../../sdk/errors.js';
import { operationDef } from '../../sdk/operations.js';
import type {
  Outbox,
  OutboxDeliveredEvent,
  OutboxEntry,
  OutboxFailedEvent,
} from '../../sdk/outbox.js';
import { SqSubmittedEvent, type SubmittedDetail } from '../events.js';
import { fieldErrors } from '../field-errors.js';
import type { SubmissionController } from './submission-controller.js';

// The controller's type parameters do not matter here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Submission = SubmissionController<any, any, any>;

export async function submit(c: Submission): Promise<void> {
  const { options, values } = c;
  c.failure = undefined;
  const input = await options.input(values);
  const problems = options.check
    ? await options.check(input, values)
    : await schemaErrors(options.operation, input);
  if (problems.length) {
    c.to('editing');
    return showErrors(c, problems);
  }
  c.errors = {};
  // The resident acted on a refused entry: it is not kept beside the new one.
  await dismiss(c);
  // One key per intent: the same body again (a retry, a second press) reuses it.
  const body = JSON.stringify(input) + (options.extra?.() ?? '');
  if (body !== c.body || !c.key) [c.body, c.key] = [body, newId()];
  try {
    const delivery = await options.send(input, c.key);
    if (delivery.state === 'delivered') return deliver(c, delivery.value);
    c.to('queued');
    c.forget();
    listen(c, await c.host.client.outbox());
    emit(c, 'queued');
    // A form whose saved-offline view replaces it gives that view's heading the receipt's
    // id: focus goes there rather than to the page, since the pressed button is gone.
    await c.host.updateComplete;
    c.focus(c.options.receiptFocus);
  } catch (error) {
    fail(c, ApiError.from(error));
  }
}

/** The operation's input schema (the server's rule), from its contract. */
async function schemaErrors(operation: OperationName, input: unknown): Promise<FieldError[]> {
  const checked = (await operationDef(operation)).input.safeParse(input);
  return checked.success ? [] : toFieldErrors(checked.error.issues);
}

/** Deletes the refused entry, and the resident's phone with it, from the outbox. */
export async function dismiss(c: Submission): Promise<void> {
  const entry = c.refused;
  if (!entry) return;
  c.refused = c.failure = undefined;
  c.key = '';
  c.to('editing');
  await (await c.host.client.outbox())?.dismiss(entry.key);
}

/** Shows `fields` at their fields (empty ones saying what to do) and focuses the first. */
async function showErrors(c: Submission, fields: readonly FieldError[]): Promise<void> {
  c.errors = fieldErrors(fields, c.options.layout(c.values));
  c.host.requestUpdate();
  await c.host.updateComplete;
  c.focus(Object.keys(c.errors)[0] ?? '');
}

function emit(c: Submission, state: 'queued' | 'delivered', receipt?: unknown): void {
  const { kind } = c.options;
  c.host.dispatchEvent(
    new SqSubmittedEvent({ kind, state, key: c.key, receipt } as SubmittedDetail),
  );
}

function fail(c: Submission, error: ApiError, refused?: OutboxEntry): void {
  c.failure = error;
  c.refused = refused;
  c.to('failed');
  if (error.fields.length) void showErrors(c, error.fields);
}

async function deliver(c: Submission, receipt: unknown): Promise<void> {
  c.receipt = receipt;
  c.dirty = c.restored = false;
  c.values = c.options.empty();
  c.to('delivered');
  c.forget();
  emit(c, 'delivered', receipt);
  await c.host.updateComplete;
  c.focus(c.options.receiptFocus);
}

/**
 * What an earlier page load left in the outbox is this form's to show: waiting, delivered
 * meanwhile (its receipt, the only place its code is shown), or refused (until dismissed).
 * Listens before it looks, and takes deliveries made before it looked, so none is missed.
 */
export async function adopt(c: Submission, client: Client): Promise<void> {
  // Nothing queued by anyone yet: the outbox's code waits for this form's first submission.
  const outbox = await client.outbox({ ifAny: true });
  if (client !== c.adopted || !outbox) return;
  listen(c, outbox);
  const { operation } = c.options;
  const last = (await outbox.pending()).filter((e) => e.name === operation).pop();
  if (c.phase !== 'editing' || c.dirty || !c.host.isConnected) return;
  const delivered = outbox.take(operation);
  if (delivered) {
    c.key = delivered.detail.key;
    return deliver(c, delivered.detail.value);
  }
  if (!last) return;
  c.key = last.key;
  if (last.state === 'pending') return c.to('queued');
  const { code = 'internal', message, status } = last.error ?? {};
  fail(c, new ApiError(code, message, [], undefined, status), last);
}

/** Follows the outbox's background deliveries and refusals of the form's key. */
function listen(c: Submission, outbox: Outbox | undefined): void {
  if (!outbox || outbox === c.outbox) return;
  c.unlisten?.();
  const delivered = (e: OutboxDeliveredEvent) => {
    if (e.detail.key !== c.key || c.phase !== 'queued') return;
    outbox.take(c.options.operation, c.key);
    void deliver(c, e.detail.value);
  };
  const failed = (e: OutboxFailedEvent) => {
    if (e.detail.key === c.key && c.phase === 'queued') fail(c, e.detail.error, e.detail.entry);
  };
  outbox.addEventListener('delivered', delivered);
  outbox.addEventListener('failed', failed);
  c.outbox = outbox;
  c.unlisten = () => {
    outbox.removeEventListener('delivered', delivered);
    outbox.removeEventListener('failed', failed);
    c.outbox = c.unlisten = undefined;
  };
}
