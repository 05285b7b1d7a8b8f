// What a registration keeps past its community's retention period, and what goes: the one
// place this is decided (docs/server.md, Retention). Both stores apply it; the embedded store
// loads it on its first retention run.
import type { MemoryCore } from '../../stores/memory-core.js';
import { anonymiseInMemory, type RetentionPolicy } from '../../stores/retention.js';
import type { RetentionBatch } from '../../services/store.js';
import { registrationStatuses } from './machine.js';
import type { Registration, RegistrationEvent } from './model.js';

/**
 * A registration without what identifies anyone. Gone: the registrant's name and phone (and
 * its hash), the elder's name and relation, the code (its hash), a cancellation's reason and
 * every text of the history. Kept: ids, the occurrence, party, status and each step's action,
 * statuses, actor kind and date — what the counts need.
 */
export function anonymiseRegistration(
  r: Registration,
  at: string,
): { item: Registration; photos: string[] } {
  const item: Registration = {
    id: r.id,
    community: r.community,
    activity: r.activity,
    date: r.date,
    slot: r.slot,
    start: r.start,
    end: r.end,
    name: '',
    phone: '',
    phoneHash: `anonymised:${r.id}`,
    forWhom: r.forWhom,
    party: r.party,
    status: r.status,
    createdAt: r.createdAt,
    codeHash: `anonymised:${r.id}`,
    history: r.history.map(({ text: _text, ...step }): RegistrationEvent => step),
    anonymisedAt: at,
  };
  if (r.cancel) item.cancel = { by: r.cancel.by, at: r.cancel.at };
  if (r.promotedAt) item.promotedAt = r.promotedAt;
  if (r.checkedInAt) item.checkedInAt = r.checkedInAt;
  return { item, photos: [] };
}

/** A registration ends when its occurrence does, whatever its status. */
export const endedRegistrationStatuses = registrationStatuses;

export const registrationRetention: RetentionPolicy<Registration> = {
  table: 'activity_registrations',
  startedColumn: 'occurrence_start',
  ended: endedRegistrationStatuses,
  startedAt: (r) => r.start,
  endedAt: (r) => r.end,
  anonymise: anonymiseRegistration,
};

/** The memory store's batch (its repository loads this module on the first run). */
export const anonymiseIn = (core: MemoryCore, batch: RetentionBatch) =>
  anonymiseInMemory(core, registrationRetention, batch);
