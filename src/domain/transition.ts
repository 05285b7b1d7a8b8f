// Apart from machine.ts: element code imports the machines on first render, and what only the
// use cases need should not ride along in that chunk (the drop-in's shared one, docs/size.md).

/** What a transition writes in a record's history (every feature's audit event has these). */
interface TransitionEvent<S extends string, A extends string, Actor> {
  at: string;
  action: A;
  from?: S;
  to: S;
  actor: Actor;
  text?: string;
}

/**
 * Applies `action` to `record` through its machine, with the audit event in the record's
 * history; not allowed from its status → DomainError `invalid_transition` (409). A record with
 * no history yet is being created (from NEW).
 */
export function recordTransition<S extends string, A extends string, Actor>(
  machine: { next(status: S | undefined, action: A): S },
  record: { status: S; history: TransitionEvent<S, A, Actor>[] },
  action: A,
  actor: Actor,
  now: Date,
  text?: string,
): void {
  const from = record.history.length ? record.status : undefined;
  const to = machine.next(from, action);
  const event: TransitionEvent<S, A, Actor> = { at: now.toISOString(), action, to, actor };
  if (from !== undefined) event.from = from;
  if (text !== undefined) event.text = text;
  record.history.push(event);
  record.status = to;
}
