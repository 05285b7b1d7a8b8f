/**
 * Activities as iCalendar events (the writer is src/domain/ics.ts): Beijing wall-clock times
 * with TZID=Asia/Shanghai, or whole days. Solar rules are an RRULE with UNTIL (the rule's end
 * or the horizon, so every consumer expands what we do) or COUNT; lunar rules are RDATEs for
 * HORIZON_YEARS (no RSCALE). Exceptions, skipped 法定节假日 and withdrawn occurrences are
 * EXDATEs. No registrations and nothing personal: a calendar syncs to clouds.
 */
import type { IcsEvent, IcsTime } from '../../domain/ics.js';
import { addDays, type CivilDate } from '../../domain/time.js';
import type { WorkdayCalendar } from '../../domain/workdays.js';
import { occurrenceTimes } from './activities.js';
import type { Activity } from './model.js';
import { isLunar, lastDate, removed, ruleDates, toRrule } from './recurrence.js';

const time = (a: Activity, date: CivilDate): IcsTime =>
  a.startTime && a.endTime
    ? { kind: 'local', start: `${date}T${a.startTime}`, end: `${date}T${a.endTime}` }
    : { kind: 'date', start: date, end: addDays(date, 1) };

/** The start of an occurrence in the form of the event's DTSTART (for RDATE and EXDATE). */
const startOf = (a: Activity, date: CivilDate) => time(a, date).start;

/** UNTIL in the form RFC 5545 asks for: UTC with a TZID'd start, a date for whole days. */
const until = (a: Activity, date: CivilDate) =>
  a.startTime
    ? occurrenceTimes(a, date)
        .start.replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')
    : date.replace(/-/g, '');

/** One activity as events: all of it, or one occurrence (`date`). */
export function activityEvents(
  a: Activity,
  calendar: WorkdayCalendar,
  date?: CivilDate,
): IcsEvent[] {
  const base = {
    summary: a.title,
    location: a.place,
    description: [a.description, a.organiser && `主办：${a.organiser}`].filter(Boolean).join('\n'),
    categories: [a.category],
  };
  if (date) {
    const withdrawn = a.status === 'cancelled' || a.cancelled.some((c) => c.date === date);
    return [
      {
        ...base,
        uid: `${a.id}-${date}@activity.shequ-kit`,
        time: time(a, date),
        status: withdrawn ? 'CANCELLED' : 'CONFIRMED',
      },
    ];
  }
  const event: IcsEvent = {
    ...base,
    uid: `${a.id}@activity.shequ-kit`,
    time: time(a, a.date),
    status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
  const r = a.recurrence;
  if (r) {
    const dates = ruleDates(a.date, r, lastDate(a.date, r));
    const withdrawn = new Set(a.cancelled.map((c) => c.date));
    const out = dates.filter((d) => removed(r, d, calendar) || withdrawn.has(d));
    if (isLunar(r.rule)) {
      // The first date too: RFC 5545 counts DTSTART, but some consumers (ical.js) expand only
      // the RDATEs when there is no RRULE; a date in both is one instance.
      event.rdates = dates.filter((d) => !out.includes(d)).map((d) => startOf(a, d));
      if (out.includes(a.date)) event.exdates = [startOf(a, a.date)];
    } else {
      event.rrule = toRrule(r, until(a, dates[dates.length - 1] ?? a.date));
      event.exdates = out.map((d) => startOf(a, d));
    }
  }
  return [event];
}
