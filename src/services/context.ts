import { systemClock, type Clock } from '../domain/time.js';
import { defaultCalendar, type WorkdayCalendar } from '../domain/workdays.js';
import type { Store } from './store.js';

/** Who is calling: residents are anonymous; staff act within their own community. */
export type Actor =
  | { kind: 'public' }
  | {
      kind: 'staff';
      id: string;
      name: string;
      role: 'staff' | 'admin';
      community: string;
      /** The session the request came with (logout ends it). */
      session?: string;
    };

/**
 * How staff authenticate here. The server provides it (scrypt from node:crypto); the embedded
 * transport has none, so staff login there answers `unavailable`.
 */
export interface Credentials {
  hashPassword(password: string): Promise<string>;
  /** `stored` undefined (no such account) still costs one hash, so timing tells nothing. */
  verifyPassword(password: string, stored: string | undefined): Promise<boolean>;
  /** A new session token (the secret the client keeps) and the id it is stored under. */
  newToken(): { token: string; id: string };
  /** The stored id of a token (a hash: a database leak yields no usable tokens). */
  tokenId(token: string): string;
  /** How long a session lasts. */
  sessionTtlMs: number;
}

export interface ServiceContext {
  store: Store;
  clock: Clock;
  calendar: WorkdayCalendar;
  actor: Actor;
  credentials?: Credentials;
}

export const publicActor: Actor = { kind: 'public' };

export function createContext(
  store: Store,
  overrides: Partial<Omit<ServiceContext, 'store'>> = {},
): ServiceContext {
  const ctx: ServiceContext = {
    store,
    clock: overrides.clock ?? systemClock,
    calendar: overrides.calendar ?? defaultCalendar,
    actor: overrides.actor ?? publicActor,
  };
  if (overrides.credentials) ctx.credentials = overrides.credentials;
  return ctx;
}
