/** An activity's next dates and time of day, as the desk's views show them. */
import type { CivilDate } from '../../../../domain/time.js';
import type { Activity } from '../../model.js';
import { upcomingDates } from '../../recurrence.js';
import type { SqActivityDesk } from './activity-desk.js';

type Host = SqActivityDesk;

/** The next dates the activity happens on from today (the calendar's rule, holidays skipped). */
export function nextDates(host: Host, a: Activity, n = 3): CivilDate[] {
  if (!host.calendar) return [];
  return upcomingDates(a, host.today, host.calendar)
    .filter((d) => !a.cancelled.some((c) => c.date === d))
    .slice(0, n);
}

/** The time of day (19:00–21:00) or 全天. */
export const timesOf = (host: Host, a: Activity) =>
  a.startTime ? `${a.startTime}–${a.endTime}` : host.t.t('allDay');
