// What an appeal (申诉) keeps past its community's retention period, and what goes: the one
// place this is decided (docs/server.md, Retention). Both stores apply it; the embedded store
// loads it on its first retention run. Entries hold no resident's contact data (a person is
// named only with consent, and the entry is public by design), so only appeals are retained.
import type { MemoryCore } from '../../stores/memory-core.js';
import { anonymiseInMemory, type RetentionPolicy } from '../../stores/retention.js';
import type { RetentionBatch } from '../../services/store.js';
import { appealMachine } from './machine.js';
import type { Appeal, AppealEvent } from './model.js';

/**
 * An appeal without what identifies anyone. Gone: the appellant's role, name and phone, the
 * appeal's reason, its code (the hash), a dismissal's reason and every text of the history.
 * Kept: id, community, entry, status, dates, the outcome and an upheld appeal's public note
 * (the board showed it anyway) — what the counts need.
 */
export function anonymiseAppeal(a: Appeal, at: string): { item: Appeal; photos: string[] } {
  const item: Appeal = {
    id: a.id,
    community: a.community,
    entry: a.entry,
    role: '',
    phone: '',
    reason: '',
    codeHash: `anonymised:${a.id}`,
    status: a.status,
    createdAt: a.createdAt,
    dueBy: a.dueBy,
    history: a.history.map(({ text: _text, ...step }): AppealEvent => step),
    anonymisedAt: at,
  };
  if (a.decision) {
    item.decision = {
      ...a.decision,
      text: a.decision.outcome === 'upheld' ? a.decision.text : '',
    };
  }
  return { item, photos: [] };
}

/** An appeal ends when staff decide it (the machine's `ended` set). */
export const endedAppealStatuses = appealMachine.sets.ended;

export const appealRetention: RetentionPolicy<Appeal> = {
  table: 'redblack_appeals',
  startedColumn: 'created_at',
  ended: endedAppealStatuses,
  startedAt: (a) => a.createdAt,
  endedAt: (a) => a.decision?.at,
  anonymise: anonymiseAppeal,
};

/** The memory store's batch (its repository loads this module on the first run). */
export const anonymiseIn = (core: MemoryCore, batch: RetentionBatch) =>
  anonymiseInMemory(core, appealRetention, batch);
