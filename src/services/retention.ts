/**
 * The retention job: past each community's `retentionDays` after an item ended, its personal
 * data goes (each feature's rules: src/features/<feature>/retention.ts), and the photos it
 * let go are deleted with the uploads nobody attached. The server runs it at start and daily
 * (src/server/server.ts), the embedded transport when it opens and at most daily after
 * (src/sdk/embedded.ts); the CLI's `retention` command on demand. Which repositories: the ones
 * the store features list as `retained` (src/stores/features.ts) — a feature that keeps
 * personal data adds its own there, nothing here changes.
 */
import type { RetainedName, StoreFeature } from '../stores/features.js';
import { retentionCutoff } from '../domain/retention.js';
import type { RetainingRepository, RetentionBatch, Store } from './store.js';

const HOUR_MS = 60 * 60 * 1000;

/** Photos nobody attached are deleted this long after upload (the server's `uploads.orphanHours`). */
export const ORPHAN_HOURS = 24;

export interface RetentionOptions {
  now: Date;
  /**
   * The store features (`storeFeatures`, src/stores/features.ts): their `retained` repositories
   * are gone through. Passed in, so that this module, loaded lazily in pages, does not take
   * the memory store's repositories out of the embedded transport's chunk.
   */
  features: readonly StoreFeature[];
  /** Candidates per batch (one transaction each); default 200. */
  batchSize?: number;
  /** Count what would be anonymised; change nothing. */
  dryRun?: boolean;
  /** Asked between batches: true stops the run (a server closing). */
  stopped?: () => boolean;
}

/** What a run did (or, dry, would do) in one community's repository. */
export interface RetentionCount {
  community: string;
  repository: RetainedName;
  /** Cutoff: items that ended before this were anonymised. */
  endedBefore: string;
  anonymised: number;
  /** Photos those items let go (deleted by the orphan pass that follows). */
  photos: number;
}

export interface RetentionReport {
  at: string;
  dryRun: boolean;
  /** One entry per community and repository, also where nothing was due. */
  counts: RetentionCount[];
  anonymised: number;
  photos: number;
}

/** The repositories the features name as `retained`, in the list's order. */
export const retainedRepositories = (features: readonly StoreFeature[]): RetainedName[] =>
  features.flatMap((f) => (f.retained ?? []) as RetainedName[]);

/**
 * Anonymises what is past retention, community by community, in batches of one transaction
 * each. Safe to run on several instances at once and again at any time: see
 * RetainingRepository.anonymiseEnded. Items of a community that no longer exists are kept.
 */
export async function runRetention(
  store: Store,
  options: RetentionOptions,
): Promise<RetentionReport> {
  const at = options.now.toISOString();
  const dryRun = options.dryRun === true;
  const report: RetentionReport = { at, dryRun, counts: [], anonymised: 0, photos: 0 };
  for (const community of await store.communities.list()) {
    const endedBefore = retentionCutoff(options.now, community.privacy.retentionDays);
    for (const repository of retainedRepositories(options.features)) {
      const count: RetentionCount = {
        community: community.id,
        repository,
        endedBefore,
        anonymised: 0,
        photos: 0,
      };
      report.counts.push(count);
      let after: RetentionBatch['after'];
      do {
        if (options.stopped?.()) return report;
        const batch: RetentionBatch = {
          community: community.id,
          endedBefore,
          at,
          limit: options.batchSize ?? 200,
          after,
          dryRun,
        };
        const result = await store.transaction((tx) =>
          (tx[repository] as RetainingRepository).anonymiseEnded(batch),
        );
        count.anonymised += result.anonymised.length;
        count.photos += result.photos.length;
        report.anonymised += result.anonymised.length;
        report.photos += result.photos.length;
        after = result.next;
      } while (after);
    }
  }
  return report;
}

/**
 * Deletes photos no case or wish refers to that were uploaded before `before`: records first,
 * then their bytes (`deleteBytes`; the embedded store keeps them in the record). A crash
 * between the two leaves bytes without a record, never a record without its file. Several
 * instances may run it at once: each id is deleted by whichever gets it. Returns how many.
 */
export async function deleteOrphanPhotos(
  store: Store,
  before: string,
  deleteBytes?: (id: string) => Promise<void>,
): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < 20; batch++) {
    const orphans = await store.uploads.deleteOrphans(before, 200);
    for (const id of orphans) await deleteBytes?.(id);
    deleted += orphans.length;
    if (orphans.length < 200) break;
  }
  return deleted;
}

/**
 * The embedded store's maintenance (the embedded transport runs it when it opens, then at
 * most daily): retention, then photos nobody attached. Never throws: a page keeps working.
 */
export async function maintainEmbedded(
  store: Store,
  now: Date,
  features: readonly StoreFeature[],
): Promise<void> {
  try {
    await runRetention(store, { now, features });
    await deleteOrphanPhotos(store, new Date(now.getTime() - ORPHAN_HOURS * HOUR_MS).toISOString());
  } catch (error) {
    console.warn('shequ-kit: retention', error);
  }
}
