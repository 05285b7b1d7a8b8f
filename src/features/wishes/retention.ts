// What a wish keeps past its community's retention period, and what goes: the one place this
// is decided (docs/server.md, Retention). Both stores apply it; the embedded store loads it on
// its first retention run.
import { enteredAt } from '../../domain/retention.js';
import type { MemoryCore } from '../../stores/memory-core.js';
import { anonymiseInMemory, type RetentionPolicy } from '../../stores/retention.js';
import type { RetentionBatch } from '../../services/store.js';
import { wishActions, wishMachine, wishStatuses } from './machine.js';
import type { Wish, WishEvent } from './model.js';

/**
 * A wish without what identifies anyone. Gone: the wisher's name, alias and phone, the whole
 * claim (claimer's name, phone and type, the claim code), the wisher's code (its hash: the
 * tracker finds nothing), the title and story (residents write their own circumstances into
 * them), the reject reason, the fulfilment's note and photo, the thanks message, and every text
 * of the history. Kept: id, community, grid, category, value, status, dates (posted,
 * fulfilled, thanked) and each step's action, statuses, actor kind and date — what the wish
 * counts (posted, claimed, fulfilled, days to fulfil) need. It leaves the wall.
 */
export function anonymiseWish(w: Wish, at: string): { item: Wish; photos: string[] } {
  const item: Wish = {
    id: w.id,
    community: w.community,
    category: w.category,
    title: '',
    story: '',
    wisherName: '',
    phone: '',
    status: w.status,
    createdAt: w.createdAt,
    // Unique like every code hash, and never the hash of a code.
    codeHash: `anonymised:${w.id}`,
    history: w.history.map(({ text: _text, ...step }): WishEvent => step),
    anonymisedAt: at,
  };
  if (w.grid !== undefined) item.grid = w.grid;
  if (w.value !== undefined) item.value = w.value;
  if (w.fulfilment) item.fulfilment = { at: w.fulfilment.at, note: '' };
  if (w.thanks) item.thanks = { at: w.thanks.at };
  return { item, photos: w.fulfilment?.photo ? [w.fulfilment.photo] : [] };
}

/**
 * Ended: the statuses from which the machine allows nothing but the wisher's thanks — fulfilled,
 * thanked, rejected, withdrawn. Retention counts from when a wish entered this set.
 */
export const endedWishStatuses = wishStatuses.filter((s) =>
  wishActions.every((a) => a === 'thank' || !wishMachine.can(s, a)),
);

/** The wishes' retention. */
export const wishRetention: RetentionPolicy<Wish> = {
  table: 'wishes',
  startedColumn: 'created_at',
  ended: endedWishStatuses,
  startedAt: (w) => w.createdAt,
  endedAt: (w) => enteredAt(w.history, endedWishStatuses),
  anonymise: anonymiseWish,
};

/** The memory store's batch (its repository loads this module on the first run). */
export const anonymiseIn = (core: MemoryCore, batch: RetentionBatch) =>
  anonymiseInMemory(core, wishRetention, batch);
