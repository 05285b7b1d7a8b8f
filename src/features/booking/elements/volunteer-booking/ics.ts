/**
 * "Add to calendar": one booking as an iCalendar file (RFC 5545) — CRLF line ends, lines folded
 * at 75 octets (never inside a UTF-8 character), text escaped, a UID of the booking, times in
 * UTC (`Z`: every calendar shows them in its own zone, Beijing time on a Chinese phone). The
 * booking code is not in it: a calendar syncs to clouds, and the code is shown once.
 */
export interface IcsEvent {
  /** The booking's id: the event's UID, so a second download updates, not duplicates. */
  id: string;
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
}

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

export function bookingIcs(event: IcsEvent, now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//shequ-kit//volunteer-booking//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.id}@booking.shequ-kit`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${icsText(event.summary)}`,
    `LOCATION:${icsText(event.location)}`,
    `DESCRIPTION:${icsText(event.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}

/** `booking-20260305-0900.ics`, in Beijing time. */
export const icsFilename = (b: { start: string }): string =>
  `booking-${new Date(Date.parse(b.start) + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace(/[-:]/g, '')
    .replace('T', '-')}.ics`;
