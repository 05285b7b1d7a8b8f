// 红黑榜 in the memory store: stand-ins that load the repositories (memory-impl.ts) on the
// feature's first call, so the embedded core does not carry them.
import type { MemoryCore } from '../../../stores/memory-core.js';
import { lazyRepositories, retainedIn } from '../../../stores/lazy.js';
import type { RedblackRepositories } from './types.js';

export const redblackMemoryRepositories = (core: MemoryCore): RedblackRepositories =>
  lazyRepositories(
    core,
    () => import('./memory-impl.js').then((m) => m.redblackMemoryImpl),
    ['redblackEntries', 'redblackAppeals', 'redblackChanges', 'redblackScores'],
    { redblackAppeals: retainedIn('redblack_appeals') },
  );
