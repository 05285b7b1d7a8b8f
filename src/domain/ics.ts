/**
 * iCalendar (RFC 5545), written once for every feature: a booking's "add to calendar" file
 * and the activity calendar's occurrence files and subscribable feed. CRLF line ends, lines
 * folded at 75 octets (never inside a UTF-8 character), TEXT escaped, a UID per event and a
 * DTSTAMP. Times are UTC (`Z`) or Beijing wall-clock time with `TZID=Asia/Shanghai` and its
 * VTIMEZONE (UTC+8 without daylight saving since 1991), or whole days (`VALUE=DATE`). No
 * codes and no personal data go into a file: calendars sync to clouds.
 */

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
export const icsText = (text: string): string =>
  text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

/** An instant as a UTC DATE-TIME: 20260305T010000Z. */
const utc = (instant: string | Date) =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const encoder = new TextEncoder();

/** Folds a content line at 75 octets; continuation lines start with a space (RFC 5545 3.1). */
export function icsFold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * When an event happens: instants (written in UTC), Beijing wall-clock times (`2026-09-25T19:00`,
 * written with `TZID=Asia/Shanghai`) or whole days (`2026-09-25`, `VALUE=DATE`; `end` is the day
 * after the last one, as RFC 5545 has it). Extra dates (RDATE) and removed ones (EXDATE) take the
 * form of `start`.
 */
export type IcsTime =
  | { kind: 'utc'; start: string; end: string }
  | { kind: 'local'; start: string; end: string }
  | { kind: 'date'; start: string; end: string };

export interface IcsEvent {
  /** Unique and stable: a second download updates the event, it does not duplicate it. */
  uid: string;
  time: IcsTime;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
  /** An RRULE value without RSCALE (`FREQ=WEEKLY;BYDAY=WE`). */
  rrule?: string | undefined;
  /** More starts (lunar rules are written as these), in the form of `time.start`. */
  rdates?: readonly string[] | undefined;
  /** Starts removed (exceptions, skipped 法定节假日), in the form of `time.start`. */
  exdates?: readonly string[] | undefined;
  /** `CANCELLED`: the calendar shows the event withdrawn. */
  status?: 'CONFIRMED' | 'CANCELLED' | undefined;
  categories?: readonly string[] | undefined;
}

export const ICS_TZID = 'Asia/Shanghai';

/** Asia/Shanghai as a VTIMEZONE: one standard offset, +0800. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** `2026-09-25T19:00` → 20260925T190000; `2026-09-25` → 20260925. */
const local = (value: string) =>
  value.length === 10 ? value.replace(/-/g, '') : `${value.replace(/[-:]/g, '').slice(0, 13)}00`;

const param = (time: IcsTime) =>
  time.kind === 'local' ? `;TZID=${ICS_TZID}` : time.kind === 'date' ? ';VALUE=DATE' : '';
const value = (time: IcsTime, v: string) => (time.kind === 'utc' ? utc(v) : local(v));

function eventLines(e: IcsEvent, stamp: string): string[] {
  const t = e.time;
  const list = (name: string, values?: readonly string[]) =>
    values?.length ? [`${name}${param(t)}:${values.map((v) => value(t, v)).join(',')}`] : [];
  return [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART${param(t)}:${value(t, t.start)}`,
    `DTEND${param(t)}:${value(t, t.end)}`,
    ...(e.rrule ? [`RRULE:${e.rrule}`] : []),
    ...list('RDATE', e.rdates),
    ...list('EXDATE', e.exdates),
    `SUMMARY:${icsText(e.summary)}`,
    ...(e.location ? [`LOCATION:${icsText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
    ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(icsText).join(',')}`] : []),
    ...(e.status ? [`STATUS:${e.status}`] : []),
    'END:VEVENT',
  ];
}

/** A VCALENDAR of `events` (with the VTIMEZONE when one uses Beijing wall-clock time). */
export function icsCalendar(
  events: readonly IcsEvent[],
  options: { product: string; name?: string | undefined; now?: Date | undefined } = {
    product: 'shequ-kit',
  },
): string {
  const stamp = utc(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//shequ-kit//${options.product}//ZH`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${icsText(options.name)}`, `X-WR-TIMEZONE:${ICS_TZID}`] : []),
    ...(events.some((e) => e.time.kind === 'local') ? VTIMEZONE : []),
    ...events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}

/** One booking (志愿服务预约) as the receipt's "add to calendar" file. The code is not in it. */
export interface BookingIcsEvent {
  /** The booking's id: the event's UID, so a second download updates, not duplicates. */
  id: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
}

export const bookingIcs = (event: BookingIcsEvent, now: Date = new Date()): string =>
  icsCalendar(
    [
      {
        uid: `${event.id}@booking.shequ-kit`,
        time: { kind: 'utc', start: event.start, end: event.end },
        summary: event.summary,
        location: event.location,
        description: event.description,
      },
    ],
    { product: 'volunteer-booking', now },
  );

/** `booking-20260305-0900.ics`, in Beijing time. */
export const icsFilename = (b: { start: string }, prefix = 'booking'): string =>
  `${prefix}-${new Date(Date.parse(b.start) + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace(/[-:]/g, '')
    .replace('T', '-')}.ics`;
