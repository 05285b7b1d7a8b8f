// The registration rules residents meet before a seat is read: one place, run by the service
// (register) and by <sq-activity-calendar>'s dialog before it sends, so both say the same.
// Pure; no schemas, no store.
import { addDays, shanghaiStartOfDay, type CivilDate } from '../../domain/time.js';

const MINUTE = 60_000;

/** What of an activity the rules read. */
interface RegistrationRules {
  partyMax: number;
  /** Seats per occurrence; 0: no limit. */
  capacity: number;
  opensDaysBefore: number;
  closesMinutesBefore: number;
}

/**
 * The largest party (一家几口) one registration takes: the activity's limit, and never more
 * than its seats (a larger party could only wait in line for ever).
 */
export const partyLimit = (a: Pick<RegistrationRules, 'partyMax' | 'capacity'>): number =>
  Math.min(a.partyMax, a.capacity || Infinity);

/**
 * When residents may register for the occurrence on `date` starting at `start`: from the
 * start of the day `opensDaysBefore` days before (0: as soon as published) until
 * `closesMinutesBefore` before the start. Epoch milliseconds.
 */
export function registrationWindow(
  a: Pick<RegistrationRules, 'opensDaysBefore' | 'closesMinutesBefore'>,
  date: CivilDate,
  start: string,
): { opens: number; closes: number } {
  return {
    opens: a.opensDaysBefore ? shanghaiStartOfDay(addDays(date, -a.opensDaysBefore)).getTime() : 0,
    closes: Date.parse(start) - a.closesMinutesBefore * MINUTE,
  };
}
