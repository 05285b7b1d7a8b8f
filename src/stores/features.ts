// The one list of features that keep data, and the form of what each contributes.
import type { MemoryCore } from './memory-core.js';
import type { RetainingRepository, StoreRepositories } from '../services/store.js';
import { coreMemoryRepositories } from '../features/core/repos/memory.js';
import { complaintMemoryRepositories } from '../features/complaints/repos/memory.js';
import { wishMemoryRepositories } from '../features/wishes/repos/memory.js';
import { bookingMemoryRepositories } from '../features/booking/repos/memory.js';
import { calendarMemoryRepositories } from '../features/calendar/repos/memory.js';
import { redblackMemoryRepositories } from '../features/redblack/repos/memory.js';

/**
 * What a feature gives the stores, browser-safe half: its repositories on a memory core. The
 * server half (its SQL repositories and migrations) is in sql/features.ts under the same name,
 * so a page's embedded store never bundles SQL.
 */
export interface StoreFeature<R extends object = object> {
  readonly name: string;
  memory(core: MemoryCore): R;
  /**
   * Its repositories whose items hold residents' personal data past the item's end: the
   * retention job (src/services/retention.ts) anonymises them. Each must be a
   * RetainingRepository (RetainedRepositoriesRetain checks it).
   */
  readonly retained?: readonly string[];
}

/** Every feature with repositories, in migration order. Adding one: a line here, one in sql/features.ts. */
export const storeFeatures = [
  { name: 'core', memory: coreMemoryRepositories },
  { name: 'complaints', memory: complaintMemoryRepositories, retained: ['complaints'] },
  { name: 'wishes', memory: wishMemoryRepositories, retained: ['wishes'] },
  { name: 'booking', memory: bookingMemoryRepositories, retained: ['bookings'] },
  { name: 'calendar', memory: calendarMemoryRepositories, retained: ['activityRegistrations'] },
  { name: 'redblack', memory: redblackMemoryRepositories, retained: ['redblackAppeals'] },
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

/** The repositories the features name in `retained`. */
export type RetainedName = Extract<
  (typeof storeFeatures)[number],
  { retained: readonly string[] }
>['retained'][number];
/** Fails to compile when a repository named in `retained` cannot anonymise its items. */
export type RetainedRepositoriesRetain = Assert<
  StoreRepositories[RetainedName] extends RetainingRepository ? true : false
>;

/** The features' repositories on one core, as one object (names never overlap: see the test). */
export const composeRepositories = <C>(
  parts: readonly ((core: C) => object)[],
  core: C,
): StoreRepositories => Object.assign({}, ...parts.map((make) => make(core))) as StoreRepositories;
