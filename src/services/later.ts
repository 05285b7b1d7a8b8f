/**
 * A use case whose module loads on its first call. A feature's staff use cases (its desk) live
 * in a module of their own that its `service.ts` re-exports through this, so a resident's page
 * that runs the feature in the embedded transport never loads them (booking splits its
 * residents' use cases the same way, into `residents.ts`, so a staff page skips those). Import it only from a
 * feature's lazily loaded services, never from what every page loads.
 */
export function onFirstCall<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  const call = (...args: unknown[]) =>
    load().then((module) => (module[name] as (...a: unknown[]) => unknown)(...args));
  return call as M[K];
}
