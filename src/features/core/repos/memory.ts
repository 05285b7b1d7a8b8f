// The core's repositories in the memory store (browser and tests): communities, staff, sessions.
import type { Community } from '../model.js';
import type { Session, StaffAccount } from '../auth-model.js';
import { DomainError } from '../../../domain/errors.js';
import type { MemoryCore } from '../../../stores/memory-core.js';
import type {
  CommunityRepository,
  CoreRepositories,
  SessionRepository,
  StaffRepository,
} from './types.js';

class MemoryCommunities implements CommunityRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<Community>('communities', id);
  }
  async list() {
    return this.tx.all<Community>('communities');
  }
  async put(community: Community) {
    this.tx.set('communities', community.id, community);
  }
}

class MemoryStaff implements StaffRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<StaffAccount>('staff', id);
  }
  async getByUsername(username: string) {
    return this.tx.all<StaffAccount>('staff').find((a) => a.username === username);
  }
  async listByCommunity(community: string) {
    return this.tx
      .all<StaffAccount>('staff')
      .filter((a) => a.community === community)
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  }
  async put(account: StaffAccount) {
    const holder = await this.getByUsername(account.username);
    if (holder && holder.id !== account.id) {
      throw new DomainError('conflict', 'username taken', [
        { path: 'username', key: 'username.taken' },
      ]);
    }
    this.tx.set('staff', account.id, account);
  }
}

class MemorySessions implements SessionRepository {
  constructor(private readonly tx: MemoryCore) {}
  async get(id: string) {
    return this.tx.get<Session>('sessions', id);
  }
  async put(session: Session) {
    this.tx.set('sessions', session.id, session);
  }
  async delete(id: string) {
    if (this.tx.has('sessions', id)) this.tx.set('sessions', id, undefined);
  }
  async deleteExpired(now: string) {
    const cutoff = Date.parse(now);
    const expired = this.tx
      .all<Session>('sessions')
      .filter((s) => Date.parse(s.expiresAt) <= cutoff);
    for (const session of expired) this.tx.set('sessions', session.id, undefined);
    return expired.length;
  }
}

export const coreMemoryRepositories = (core: MemoryCore): CoreRepositories => ({
  communities: new MemoryCommunities(core),
  staff: new MemoryStaff(core),
  sessions: new MemorySessions(core),
});
