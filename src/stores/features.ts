// The one list of features that keep data, and the form of what each contributes.
import type { MemoryCore } from './memory-core.js';
import type { StoreRepositories } from '../services/store.js';
import { coreMemoryRepositories } from '../features/core/repos/memory.js';
import { complaintMemoryRepositories } from '../features/complaints/repos/memory.js';
import { wishMemoryRepositories } from '../features/wishes/repos/memory.js';

/**
 * What a feature gives the stores, browser-safe half: its repositories on a memory core. The
 * server half (its SQL repositories and migrations) is in sql/features.ts under the same name,
 * so a page's embedded store never bundles SQL.
 */
export interface StoreFeature<R extends object = object> {
  readonly name: string;
  memory(core: MemoryCore): R;
}

/** Every feature with repositories, in migration order. Adding one: a line here, one in sql/features.ts. */
export const storeFeatures = [
  { name: 'core', memory: coreMemoryRepositories },
  { name: 'complaints', memory: complaintMemoryRepositories },
  { name: 'wishes', memory: wishMemoryRepositories },
] as const satisfies readonly StoreFeature[];

export type StoreFeatureName = (typeof storeFeatures)[number]['name'];

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
/** What the list's features give together: it must be exactly the Store's repositories. */
export type ComposedRepositories<F extends { memory(core: MemoryCore): object }> = Intersection<
  ReturnType<F['memory']>
>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when a repository of Store comes from no feature of the list, or one extra. */
export type EveryRepositoryHasAFeature = Assert<
  Same<ComposedRepositories<(typeof storeFeatures)[number]>, StoreRepositories>
>;

/** The features' repositories on one core, as one object (names never overlap: see the test). */
export const composeRepositories = <C>(
  parts: readonly ((core: C) => object)[],
  core: C,
): StoreRepositories => Object.assign({}, ...parts.map((make) => make(core))) as StoreRepositories;
