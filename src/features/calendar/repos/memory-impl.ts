// The activity calendar in the memory store (loaded by memory.ts on the feature's first call):
// the loaded holiday schedules, activities, registrations and their seats.
import { DomainError } from '../../../domain/errors.js';
import type { MemoryCore } from '../../../stores/memory-core.js';
import { memoryCapacity } from '../../../stores/capacity.js';
import type { RetentionBatch } from '../../../services/store.js';
import { registrationMachine } from '../machine.js';
import type { Activity, Registration, StoredHolidaySchedule } from '../model.js';
import type { CalendarRepositories, RegistrationRepository } from './types.js';

const REGISTRATIONS = 'activity_registrations';

class MemoryRegistrations implements RegistrationRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<Registration>(REGISTRATIONS, id);
  }
  async getByCode(codeHash: string) {
    for (const r of this.tx.scan<Registration>(REGISTRATIONS)) {
      if (r.codeHash === codeHash) return structuredClone(r) as Registration;
    }
    return undefined;
  }
  async put(registration: Registration) {
    for (const r of this.tx.scan<Registration>(REGISTRATIONS)) {
      if (r.id !== registration.id && r.codeHash === registration.codeHash) {
        throw new DomainError('conflict', 'code taken');
      }
    }
    this.tx.set(REGISTRATIONS, registration.id, registration);
  }
  async listBySlot(slot: string) {
    const out: Registration[] = [];
    for (const r of this.tx.scan<Registration>(REGISTRATIONS)) {
      if (r.slot === slot) out.push(structuredClone(r) as Registration);
    }
    return out.sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
    );
  }
  async countActive(slot: string, phoneHash: string) {
    let n = 0;
    for (const r of this.tx.scan<Registration>(REGISTRATIONS)) {
      if (
        r.slot === slot &&
        r.phoneHash === phoneHash &&
        registrationMachine.is('active', r.status)
      )
        n++;
    }
    return n;
  }
  async anonymiseEnded(batch: RetentionBatch) {
    return (await import('../retention.js')).anonymiseIn(this.tx, batch);
  }
}

export const calendarMemoryImpl = (tx: MemoryCore): CalendarRepositories => ({
  holidaySchedules: {
    list: async () =>
      tx.all<StoredHolidaySchedule>('holiday_schedules').sort((a, b) => a.year - b.year),
    put: async (schedule) => tx.set('holiday_schedules', String(schedule.year), schedule),
  },
  activities: {
    get: async (id) => tx.get<Activity>('activities', id),
    listByCommunity: async (community) =>
      tx
        .all<Activity>('activities')
        .filter((a) => a.community === community)
        .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1)),
    put: async (activity) => tx.set('activities', activity.id, activity),
  },
  activityRegistrations: new MemoryRegistrations(tx),
  activitySeats: memoryCapacity(tx, 'activity'),
});
