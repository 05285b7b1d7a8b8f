import { DomainError } from '../domain/errors.js';
import type { OperationDef, OperationRoute } from '../domain/operation.js';
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
  /** Where `name` is served and who may call it, known without loading anything. */
  route(name: OperationName): OperationRoute;
  def(name: OperationName): Promise<OperationDef>;
  /** The definition if its feature's table has loaded already, else undefined. */
  loadedDef(name: OperationName): OperationDef | undefined;
  handler<N extends OperationName>(name: N): Promise<Handler<N>>;
  /** The feature whose operation `name` is (found by its routes). */
  feature(name: OperationName): AnyFeature;
}

/**
 * The operations of `features()`: each feature's table and services load the first time one
 * of its operations is called. `features` is read on every lookup, so a feature a page
 * registers later is found too.
 */
export function operationSource(features: () => Iterable<AnyFeature>): OperationSource {
  // Each loaded once and kept: `import()` of a loaded module is not free (a trip through the
  // module loader, and under a loader hook a message to its thread), and the server asks on
  // every request. A chunk that failed to load (an offline page) is asked for again next time.
  const kept = <T>(load: (f: AnyFeature) => Promise<T>, settled?: WeakMap<AnyFeature, T>) => {
    const loaded = new WeakMap<AnyFeature, Promise<T>>();
    return (f: AnyFeature) => {
      let loading = loaded.get(f);
      if (!loading) {
        loaded.set(f, (loading = load(f)));
        loading.then(
          (value) => settled?.set(f, value),
          () => loaded.delete(f),
        );
      }
      return loading;
    };
  };
  const tables = new WeakMap<AnyFeature, Record<string, OperationDef>>();
  const table = kept(operationsOf, tables);
  const services = kept((f) => f.services() as Promise<Record<string, unknown>>);
  const owner = (name: string) => {
    for (const f of features()) if (Object.hasOwn(f.routes, name)) return f;
    throw new TypeError(
      `shequ-kit: unknown operation ${name}; is its feature registered? (import 'shequ-kit/sdk' or an element that uses it)`,
    );
  };
  return {
    route: (name) => owner(name).routes[name]!,
    async def(name) {
      return (await table(owner(name)))[name]!;
    },
    loadedDef: (name) => tables.get(owner(name))?.[name],
    async handler(name) {
      return (await services(owner(name)))[name] as Handler<typeof name>;
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
