// 居民说事 in the memory store: stand-ins that load the repositories (memory-impl.ts: cases,
// ticket counters, upload records) on the feature's first call, so the embedded core, which
// every feature's page loads, does not carry them.
import type { MemoryCore } from '../../../stores/memory-core.js';
import { lazyRepositories, retainedIn } from '../../../stores/lazy.js';
import type { ComplaintRepositories } from './types.js';

export const complaintMemoryRepositories = (core: MemoryCore): ComplaintRepositories =>
  lazyRepositories(
    core,
    () => import('./memory-impl.js').then((m) => m.complaintMemoryImpl),
    ['complaints', 'counters', 'uploads'],
    {
      complaints: retainedIn('complaints'),
      // The orphan pass, also at every open: no upload records, no orphans.
      uploads: { collection: 'uploads', method: 'deleteOrphans', answer: () => [] },
    },
  );
