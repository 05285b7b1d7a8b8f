// What a case keeps past its community's retention period, and what goes: the one place this
// is decided (docs/server.md, Retention). Both stores apply it; the embedded store loads it on
// its first retention run.
import { enteredAt } from '../../domain/retention.js';
import type { MemoryCore } from '../../stores/memory-core.js';
import { anonymiseInMemory, type RetentionPolicy } from '../../stores/retention.js';
import type { RetentionBatch } from '../../services/store.js';
import { complaintStatuses, isOpen } from './machine.js';
import type { Complaint, ComplaintEvent } from './views.js';

/**
 * A case without what identifies a resident. Gone: the contact (name, phone), the description
 * and the answers to the category's questions (residents' own words name neighbours, flats and
 * themselves), the location below the grid (building, unit, a place in words), the photos, the
 * query code (its hash: a tracker finds nothing), the rating's comment and every text of the
 * history (replies, notes, resolutions, reasons quote residents). Kept: id, ticket, community,
 * grid, category, status, anonymous, publishConsent, dates (received, due, first response,
 * resolved), reopenings, the rating's value and date, who handled it (staff, by their accounts)
 * and each step's action, statuses and date — all that 三率 and reports count.
 */
export function anonymiseComplaint(
  c: Complaint,
  at: string,
): { item: Complaint; photos: string[] } {
  const location =
    'grid' in c.location && c.location.grid
      ? { community: c.location.community, grid: c.location.grid }
      : { community: c.location.community };
  const item: Complaint = {
    id: c.id,
    ticket: c.ticket,
    community: c.community,
    category: c.category,
    description: '',
    location,
    answers: {},
    photos: [],
    anonymous: c.anonymous,
    publishConsent: c.publishConsent,
    status: c.status,
    receivedAt: c.receivedAt,
    dueDate: c.dueDate,
    reopened: c.reopened,
    queryCodeHash: '',
    history: c.history.map(({ text: _text, ...step }): ComplaintEvent => step),
    anonymisedAt: at,
  };
  if (c.handler) item.handler = c.handler;
  if (c.firstResponseAt) item.firstResponseAt = c.firstResponseAt;
  if (c.resolvedAt) item.resolvedAt = c.resolvedAt;
  if (c.rating) item.rating = { value: c.rating.value, at: c.rating.at };
  return { item, photos: c.photos };
}

/**
 * Ended: 已办结, 已评价, 已退回, 已转办 — every status the machine does not count as open.
 * Retention counts from when a case entered this set (a resident's 不满意 reopens it, and the
 * count starts again at its next 办结).
 */
export const endedComplaintStatuses = complaintStatuses.filter((s) => !isOpen(s));

/** The complaints' retention. */
export const complaintRetention: RetentionPolicy<Complaint> = {
  table: 'complaints',
  startedColumn: 'received_at',
  ended: endedComplaintStatuses,
  startedAt: (c) => c.receivedAt,
  endedAt: (c) => enteredAt(c.history, endedComplaintStatuses),
  anonymise: anonymiseComplaint,
};

/** The memory store's batch (its repository loads this module on the first run). */
export const anonymiseIn = (core: MemoryCore, batch: RetentionBatch) =>
  anonymiseInMemory(core, complaintRetention, batch);
