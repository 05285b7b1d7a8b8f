import { addDays, type CivilDate } from '../../../domain/time.js';
import type { WorkdayCalendar } from '../../../domain/workdays.js';
import type { Client } from '../../../sdk/client.js';
import '../sdk.js';

/** The working-day calendar of each client: the server's schedules, asked for once. */
const schedules = new WeakMap<Client, Promise<WorkdayCalendar>>();

/**
 * The 法定节假日/调休 schedules the server has (shipped or loaded by an operator), as a
 * WorkdayCalendar: what the calendar's badges and the desk's recurrence preview read, so both
 * skip the days the server skips. Shared by the calendar's elements (one request per client).
 */
export function workdaysOf(client: Client): Promise<WorkdayCalendar> {
  let pending = schedules.get(client);
  if (!pending) {
    // The server's years only, as createWorkdayCalendar would make them, without the
    // shipped schedules: the page is about to be told them.
    pending = client.calendar.holidays().then(({ years }) => {
      const holidays = new Set<CivilDate>();
      for (const y of years) {
        for (const [from, to] of y.off) {
          for (let d = from!; d <= to!; d = addDays(d, 1)) holidays.add(d);
        }
      }
      return {
        years: new Set(years.map((y) => y.year)),
        holidays,
        workdays: new Set(years.flatMap((y) => y.work)),
      };
    });
    // A failed load is asked again on the next render that needs it.
    pending.catch(() => schedules.delete(client));
    schedules.set(client, pending);
  }
  return pending;
}
