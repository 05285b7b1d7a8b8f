// 微心愿 in the memory store: a stand-in that loads the repository (memory-impl.ts) on the
// feature's first call, so the embedded core, which every feature's page loads, does not carry it.
import type { MemoryCore } from '../../../stores/memory-core.js';
import { lazyRepositories, retainedIn } from '../../../stores/lazy.js';
import type { WishRepositories } from './types.js';

export const wishMemoryRepositories = (core: MemoryCore): WishRepositories =>
  lazyRepositories(
    core,
    () => import('./memory-impl.js').then((m) => m.wishMemoryImpl),
    ['wishes'],
    {
      wishes: retainedIn('wishes'),
    },
  );
