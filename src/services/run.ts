import { DomainError, parse } from '../domain/index.js';
import type { ServiceContext } from './context.js';
import { operations, type OperationName, type Output } from './contract.js';
import { handlers, type ParsedInput } from './handlers.js';

/**
 * Runs one operation as both transports do: validate the raw input with the contract's schema
 * (the server never trusts a client's validation), check access, call the handler.
 */
export async function runOperation<N extends OperationName>(
  name: N,
  ctx: ServiceContext,
  rawInput: unknown,
): Promise<Output<N>> {
  const def = operations[name];
  if (def.access !== 'public') {
    if (ctx.actor.kind !== 'staff') throw new DomainError('unauthorized');
    if (def.access === 'admin' && ctx.actor.role !== 'admin') throw new DomainError('forbidden');
  }
  const input = parse(def.input, rawInput ?? {}) as ParsedInput<N>;
  const handler = handlers[name] as (ctx: ServiceContext, input: ParsedInput<N>) => Promise<Output<N>>;
  return handler(ctx, input);
}
