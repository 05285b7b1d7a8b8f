// The capacity primitive (src/domain/capacity.ts) in the memory store: one record per slot
// with its entries. The store's one lock is the slot's lock. Loaded with the features that
// use it (their memory repositories' lazy half), not with the embedded core.
import { DomainError } from '../domain/errors.js';
import { fits, promotions, waitlistPositions, type SeatEntry } from '../domain/capacity.js';
import type { CapacityRepository, TakeResult } from '../services/store.js';
import type { MemoryCore } from './memory-core.js';

interface SlotRecord {
  capacity: number;
  taken: number;
  seq: number;
  entries: SeatEntry[];
}

const COLLECTION = 'capacity';

class MemoryCapacity implements CapacityRepository {
  constructor(
    private readonly core: MemoryCore,
    private readonly pool: string,
  ) {}
  private key(slot: string) {
    return `${this.pool}\u0000${slot}`;
  }
  private read(slot: string): SlotRecord | undefined {
    return this.core.get<SlotRecord>(COLLECTION, this.key(slot));
  }
  private write(slot: string, record: SlotRecord) {
    this.core.set(COLLECTION, this.key(slot), record);
  }
  /** Promotes who fits, in place; returns their ids. */
  private promote(record: SlotRecord): string[] {
    const { promoted, taken } = promotions(
      record.capacity,
      record.taken,
      record.entries.filter((e) => !e.held),
    );
    for (const entry of record.entries) if (promoted.includes(entry.id)) entry.held = true;
    record.taken = taken;
    return promoted;
  }
  async take(slot: string, capacity: number, entry: { id: string; party: number }) {
    const record = this.read(slot) ?? { capacity, taken: 0, seq: 0, entries: [] };
    if (record.entries.some((e) => e.id === entry.id)) {
      throw new DomainError('conflict', `entry ${entry.id} already in ${slot}`);
    }
    record.capacity = capacity;
    const promoted = this.promote(record);
    const held = fits(record.capacity, record.taken, entry.party);
    record.entries.push({ ...entry, held, seq: ++record.seq });
    if (held) record.taken += entry.party;
    this.write(slot, record);
    const result: TakeResult = {
      placement: held
        ? { held: true }
        : { held: false, position: waitlistPositions(record.entries).get(entry.id)! },
      promoted,
    };
    return result;
  }
  async release(slot: string, id: string) {
    const record = this.read(slot);
    const entry = record?.entries.find((e) => e.id === id);
    if (!record || !entry) return [];
    record.entries = record.entries.filter((e) => e.id !== id);
    if (entry.held) record.taken -= entry.party;
    const promoted = this.promote(record);
    this.write(slot, record);
    return promoted;
  }
  async resize(slot: string, id: string, party: number) {
    const record = this.read(slot);
    const entry = record?.entries.find((e) => e.id === id);
    if (!record || !entry) return [];
    if (entry.held) record.taken += party - entry.party;
    entry.party = party;
    const promoted = this.promote(record);
    this.write(slot, record);
    return promoted;
  }
  async close(slot: string) {
    const record = this.read(slot) ?? { capacity: 0, taken: 0, seq: 0, entries: [] };
    const ids = record.entries.map((e) => e.id);
    this.write(slot, { ...record, capacity: 0, taken: 0, entries: [] });
    return ids;
  }
  async entries(slot: string) {
    const record = this.read(slot);
    if (!record) return [];
    const positions = waitlistPositions(record.entries);
    return record.entries
      .sort((a, b) => a.seq - b.seq)
      .map((e) => (e.held ? e : { ...e, position: positions.get(e.id)! }));
  }
  async usage(slots: readonly string[]) {
    const out: Record<string, { capacity: number; taken: number; waiting: number }> = {};
    for (const slot of slots) {
      const record = this.read(slot);
      if (record) {
        out[slot] = {
          capacity: record.capacity,
          taken: record.taken,
          waiting: record.entries.filter((e) => !e.held).length,
        };
      }
    }
    return out;
  }
}

/** A pool's seats on a memory core (`pool`: the feature's name, so pools never share a slot). */
export const memoryCapacity = (core: MemoryCore, pool: string): CapacityRepository =>
  new MemoryCapacity(core, pool);
