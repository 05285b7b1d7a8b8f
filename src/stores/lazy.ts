// Repositories whose code loads on their first call: a feature's memory repositories stay out
// of the embedded core (docs/size.md) and come with the feature's first use.
import type { MemoryCore } from './memory-core.js';

/**
 * `names` of the repositories `load` makes on a core, each a stand-in whose every method
 * loads the real one (once per module) and calls it. Methods only: a repository's methods are
 * all async already.
 */
export function lazyRepositories<R extends object>(
  core: MemoryCore,
  load: () => Promise<(core: MemoryCore) => R>,
  names: readonly (keyof R & string)[],
): R {
  let made: Promise<R> | undefined;
  const real = () => (made ??= load().then((make) => make(core)));
  return Object.fromEntries(
    names.map((name) => [
      name,
      new Proxy(
        {},
        {
          // `then` stays absent, so a repository is never taken for a promise.
          get: (_, method) =>
            method === 'then' || typeof method !== 'string'
              ? undefined
              : async (...args: unknown[]) => {
                  const repo = (await real())[name] as Record<string, (...a: unknown[]) => unknown>;
                  return repo[method]!(...args);
                },
        },
      ),
    ]),
  ) as R;
}
