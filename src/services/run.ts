import { DomainError } from '../domain/errors.js';
import type { OperationDef } from '../domain/operation.js';
import { parse } from '../domain/validation.js';
import type { ServiceContext } from './context.js';
import type { OperationName, Output, ParsedInput } from './contract.js';
import { operationsOf, type AnyFeature } from './feature.js';

/** The service of one operation. */
export type Handler<N extends OperationName> = (
  ctx: ServiceContext,
  input: ParsedInput<N>,
) => Promise<Output<N>>;

/** Where an operation's definition and service are found (loaded on first use, then kept). */
export interface OperationSource {
  def(name: OperationName): Promise<OperationDef>;
  handler<N extends OperationName>(name: N): Promise<Handler<N>>;
  /** The feature whose operation `name` is. */
  feature(name: OperationName): Promise<AnyFeature>;
}

/**
 * The operations of `features()`: each feature's table and services load the first time one
 * of its operations is called. `features` is read on every lookup, so a feature a page
 * registers later is found too.
 */
export function operationSource(features: () => Iterable<AnyFeature>): OperationSource {
  const tables = new WeakMap<AnyFeature, Promise<Record<string, OperationDef>>>();
  const table = (f: AnyFeature) => {
    let loading = tables.get(f);
    if (!loading) tables.set(f, (loading = operationsOf(f)));
    return loading;
  };
  // Kept too: `import()` of a loaded module is not free (a trip through the module loader, and
  // under a loader hook a message to its thread), and the server asks on every request.
  const servicesOf = new WeakMap<AnyFeature, Promise<Record<string, unknown>>>();
  const services = (f: AnyFeature) => {
    let loading = servicesOf.get(f);
    if (!loading) {
      loading = f.services() as Promise<Record<string, unknown>>;
      servicesOf.set(f, loading);
      // A chunk that failed to load (offline page) is asked for again next time.
      loading.catch(() => servicesOf.delete(f));
    }
    return loading;
  };
  const owner = async (name: string) => {
    const all = [...features()];
    // The tables every page has (core) answer without waiting for the others.
    for (const f of all) if (typeof f.operations !== 'function' && name in f.operations) return f;
    const loaded = await Promise.all(all.map(table));
    const i = loaded.findIndex((t) => Object.hasOwn(t, name));
    if (i < 0) {
      throw new TypeError(
        `shequ-kit: unknown operation ${name}; is its feature registered? (import 'shequ-kit/sdk' or an element that uses it)`,
      );
    }
    return all[i]!;
  };
  return {
    async def(name) {
      return (await table(await owner(name)))[name]!;
    },
    async handler(name) {
      return (await services(await owner(name)))[name] as Handler<typeof name>;
    },
    feature: owner,
  };
}

/**
 * Runs one operation as both transports do: validate the raw input with the contract's schema
 * (the server never trusts a client's validation), check access, call the service. The only
 * place that checks access and validates input: every transport goes through here.
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
