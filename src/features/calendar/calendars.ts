import {
  createWorkdayCalendar,
  defaultCalendar,
  officialSchedules,
  type WorkdayCalendar,
  type YearSchedule,
} from '../../domain/workdays.js';
import type { Store } from '../../services/store.js';

/** The shipped years with the loaded ones over them (a loaded year replaces a shipped one). */
export async function schedulesIn(store: Store): Promise<Record<number, YearSchedule>> {
  const out: Record<number, YearSchedule> = { ...officialSchedules };
  for (const { year, off, work } of await store.holidaySchedules.list()) out[year] = { off, work };
  return out;
}

/**
 * The one working-day calendar of a server: complaint deadlines, booking slots and the
 * calendar's 休/班 badges all read `current()`. `refresh()` reads the loaded years again: at
 * start, after a load on this instance, and every `everyMs` so that a load through another
 * instance or the CLI reaches this one within that time.
 */
export interface CalendarSource {
  current(): WorkdayCalendar;
  refresh(): Promise<void>;
  stop(): void;
}

export function calendarSource(store: Store, everyMs = 60_000): CalendarSource {
  let calendar = defaultCalendar;
  const refresh = async () => {
    calendar = createWorkdayCalendar(await schedulesIn(store));
  };
  const timer = setInterval(() => refresh().catch(() => undefined), everyMs);
  // Never keeps a process alive on its own.
  (timer as { unref?: () => void }).unref?.();
  return { current: () => calendar, refresh, stop: () => clearInterval(timer) };
}
