import {
  defaultCalendar,
  systemClock,
  type Clock,
  type WorkdayCalendar,
} from '../domain/index.js';
import type { Store } from './store.js';

/** Who is calling: residents are anonymous; staff act within their own community. */
export type Actor =
  | { kind: 'public' }
  | { kind: 'staff'; id: string; name: string; role: 'staff' | 'admin'; community: string };

export interface ServiceContext {
  store: Store;
  clock: Clock;
  calendar: WorkdayCalendar;
  actor: Actor;
}

export const publicActor: Actor = { kind: 'public' };

export function createContext(
  store: Store,
  overrides: Partial<Omit<ServiceContext, 'store'>> = {},
): ServiceContext {
  return {
    store,
    clock: overrides.clock ?? systemClock,
    calendar: overrides.calendar ?? defaultCalendar,
    actor: overrides.actor ?? publicActor,
  };
}
