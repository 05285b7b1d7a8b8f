import { DomainError } from '../domain/errors.js';
import { parse } from '../domain/validation.js';
import type { ServiceContext } from './context.js';
import { operations, type OperationName, type Output } from './contract.js';
import type { OperationDef } from '../features/core/contract.js';
import { handlers, type Handler, type ParsedInput } from './handlers.js';

/**
 * Where runOperation finds an operation's definition and handler: at hand (the server imports
 * every table), or loaded when the operation is first called (the embedded transport loads a
 * feature's contract and handlers on first use; src/sdk/embedded.ts).
 */
export interface OperationSource {
  def(name: OperationName): OperationDef | Promise<OperationDef>;
  handler<N extends OperationName>(name: N): Handler<N> | Promise<Handler<N>>;
}

/** The whole contract and every handler, imported statically: the server's source. */
export const everyOperation: OperationSource = {
  def: (name) => operations[name],
  handler: (name) => handlers[name],
};

/**
 * Runs one operation as both transports do: validate the raw input with the contract's schema
 * (the server never trusts a client's validation), check access, call the handler.
 */
export function runOperation<N extends OperationName>(
  name: N,
  ctx: ServiceContext,
  rawInput: unknown,
): Promise<Output<N>> {
  return runOperationFrom(everyOperation, name, ctx, rawInput);
}

/**
 * runOperation with the definition and handler taken from `source`. The only place that
 * checks access and validates input: every transport goes through here. Import this one (not
 * runOperation) where the tables must load lazily, so the bundle leaves the full tables out.
 */
export async function runOperationFrom<N extends OperationName>(
  source: OperationSource,
  name: N,
  ctx: ServiceContext,
  rawInput: unknown,
): Promise<Output<N>> {
  // Both may be loading a feature's chunk on first use: fetch them side by side.
  const [def, handler] = await Promise.all([source.def(name), source.handler(name)]);
  if (def.access !== 'public') {
    if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
    if (def.access === 'admin' && ctx.actor.role !== 'admin') throw new DomainError('forbidden');
  }
  const input = parse(def.input, rawInput ?? {}) as ParsedInput<N>;
  return handler(ctx, input);
}
