// The retention job's batch in the SQL store: the candidates by an index (not anonymised,
// ended, begun before the cutoff), locked with FOR UPDATE SKIP LOCKED, then the feature's
// rules in JavaScript (the same as the memory store's) and one guarded UPDATE per item.
import type { RetentionBatch, RetentionBatchResult } from '../../services/store.js';
import { eligible, type RetainedItem, type RetentionPolicy } from '../retention.js';
import { sqlList, type SqlCore } from './core.js';

/**
 * One batch. Safe with several instances at once: inside a transaction the rows taken are
 * locked and rows another transaction holds are skipped (an instance running the job, or a
 * resident's request: it never waits, the row comes again next run); the UPDATE's
 * `anonymised_at IS NULL` makes a second run change nothing. `update` writes one anonymised
 * item with the table's own columns.
 */
export async function anonymiseInSql<T extends RetainedItem>(
  x: SqlCore,
  p: RetentionPolicy<T>,
  batch: RetentionBatch,
  update: (item: T) => Promise<void>,
): Promise<RetentionBatchResult> {
  const at = p.startedColumn;
  const params: unknown[] = [batch.community, batch.endedBefore];
  let after = '';
  if (batch.after) {
    params.push(batch.after.at, batch.after.id);
    after = ` AND (${at}, id COLLATE "C") > ($3::timestamptz, $4)`;
  }
  params.push(batch.limit);
  // Always run in a transaction per batch (runRetention): rows another instance holds are skipped.
  const lock = batch.dryRun ? '' : ' FOR UPDATE SKIP LOCKED';
  // The same predicate as the partial index <table>_to_anonymise, so the planner uses it.
  const rows = await x.db.query<{ data: T }>(
    `SELECT data FROM ${x.s}.${p.table}
     WHERE community = $1 AND anonymised_at IS NULL AND status IN ${sqlList(p.ended)}
       AND ${at} < $2::timestamptz${after}
     ORDER BY ${at}, id COLLATE "C" LIMIT $${params.length}${lock}`,
    params,
  );
  const result: RetentionBatchResult = { anonymised: [], photos: [] };
  for (const { data } of rows) {
    if (data.anonymisedAt && !batch.dryRun) {
      // Inserted already anonymised (a copy moved from another database): only marked.
      await update(data);
      continue;
    }
    if (!eligible(p, data, batch)) continue;
    const { item, photos } = p.anonymise(data, batch.at);
    if (!batch.dryRun) await update(item);
    result.anonymised.push(data.id);
    result.photos.push(...photos);
  }
  const last = rows[rows.length - 1]?.data;
  if (last && rows.length === batch.limit) result.next = { at: p.startedAt(last), id: last.id };
  return result;
}
