/**
 * Capacity (名额): the one rule of seats and a FIFO waitlist, shared by every feature that
 * hands out places (志愿服务预约's slots, an activity's registration). A slot has `capacity`
 * seats; an entry asks for `party` of them. It gets them while they fit, else it waits in
 * line; when seats free, waiting entries are promoted in the order they came, each one whose
 * party fits what is free (a party of three that does not fit does not block a single behind
 * it). Both stores apply these functions inside one transaction with the slot locked
 * (src/stores/capacity.ts, src/stores/sql/capacity.ts), so the rule is written once.
 */

/** One entry of a slot: holding seats, or waiting (FIFO by `seq`). */
export interface SeatEntry {
  id: string;
  party: number;
  held: boolean;
  /** Arrival order within the slot (waiting entries are promoted by it). */
  seq: number;
}

/** What taking seats gave an entry. */
export type Placement = { held: true } | { held: false; position: number };

/** Whether `party` more seats fit in a slot of `capacity` with `taken` held. */
export const fits = (capacity: number, taken: number, party: number): boolean =>
  taken + party <= capacity;

/**
 * The waiting entries to promote now, in order: FIFO, each whose party fits what is still
 * free after those before it. Returns their ids and the seats held afterwards.
 */
export function promotions(
  capacity: number,
  taken: number,
  waiting: readonly Pick<SeatEntry, 'id' | 'party' | 'seq'>[],
): { promoted: string[]; taken: number } {
  const promoted: string[] = [];
  let held = taken;
  for (const entry of [...waiting].sort((a, b) => a.seq - b.seq)) {
    if (fits(capacity, held, entry.party)) {
      promoted.push(entry.id);
      held += entry.party;
    }
  }
  return { promoted, taken: held };
}

/** 1-based places of waiting entries in line (no gaps: held and removed entries are not counted). */
export function waitlistPositions(entries: readonly SeatEntry[]): Map<string, number> {
  return new Map(
    entries
      .filter((e) => !e.held)
      .sort((a, b) => a.seq - b.seq)
      .map((e, i) => [e.id, i + 1]),
  );
}

/** How full a slot is, for availability reads. */
export interface SlotUsage {
  capacity: number;
  /** Seats held. */
  taken: number;
  /** Entries waiting. */
  waiting: number;
}
