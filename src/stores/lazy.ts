// Repositories whose code loads on their first call: a feature's memory repositories stay out
// of the embedded core (docs/size.md) and come with the feature's first use.
import type { MemoryCore } from './memory-core.js';
import type { RetentionBatchResult } from '../services/store.js';

/**
 * A method with nothing to do while a collection is empty, answered without loading the
 * repository's code. Retention and the orphan pass run whenever the embedded transport opens;
 * without this they would load every feature's repositories on a page that uses one.
 */
export interface Idle {
  readonly collection: string;
  readonly method: string;
  answer(): unknown;
}

/** `anonymiseEnded` of a retaining repository whose items are in `collection`. */
export const retainedIn = (collection: string): Idle => ({
  collection,
  method: 'anonymiseEnded',
  answer: (): RetentionBatchResult => ({ anonymised: [], photos: [] }),
});

/**
 * `names` of the repositories `load` makes on a core, each a stand-in whose every method
 * loads the real one (once per module) and calls it — but for `idle` methods while their
 * collection is empty. Methods only: a repository's methods are all async already.
 */
export function lazyRepositories<R extends object>(
  core: MemoryCore,
  load: () => Promise<(core: MemoryCore) => R>,
  names: readonly (keyof R & string)[],
  idle: { readonly [K in keyof R]?: Idle } = {},
): R {
  let made: Promise<R> | undefined;
  const real = () => (made ??= load().then((make) => make(core)));
  const empty = (collection: string) => core.scan(collection)[Symbol.iterator]().next().done;
  return Object.fromEntries(
    names.map((name) => {
      const rest = idle[name];
      return [
        name,
        new Proxy(
          {},
          {
            // `then` stays absent, so a repository is never taken for a promise.
            get: (_, method) =>
              method === 'then' || typeof method !== 'string'
                ? undefined
                : async (...args: unknown[]) => {
                    if (rest?.method === method && empty(rest.collection)) return rest.answer();
                    const repo = (await real())[name] as Record<
                      string,
                      (...a: unknown[]) => unknown
                    >;
                    return repo[method]!(...args);
                  },
          },
        ),
      ];
    }),
  ) as R;
}
