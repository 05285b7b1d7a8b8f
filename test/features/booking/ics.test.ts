// The .ics files <sq-volunteer-booking> offers, parsed by ical.js (an independent RFC 5545
// parser): CRLF, folding at 75 octets without splitting a character, escaped text, UID, times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { bookingIcs, icsFilename, icsFold, icsText } from '../../../src/domain/ics.js';

const EVENT = {
  id: '01JFB9Z7Q4WQK8ZV0C3S6N2M1A',
  start: '2026-03-05T01:00:00.000Z',
  end: '2026-03-05T01:30:00.000Z',
  summary: '爱心理发（夕阳红）',
  location: '幸福里社区党群服务中心一楼, 东门; 进门左转\\',
  description: '请带上医保卡和近期的检查单、正在吃的药。\n预约码见预约回执。'.repeat(3),
};

describe('booking .ics', () => {
  it('parses with ical.js: UID, UTC start and end, text unescaped back exactly', () => {
    const text = bookingIcs(EVENT, new Date('2026-03-01T00:00:00Z'));
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    assert.equal(event.uid, `${EVENT.id}@booking.shequ-kit`);
    assert.equal(event.startDate.toJSDate().toISOString(), EVENT.start);
    assert.equal(event.endDate.toJSDate().toISOString(), EVENT.end);
    assert.equal(event.startDate.zone?.tzid, 'UTC');
    assert.equal(event.summary, EVENT.summary);
    assert.equal(event.location, EVENT.location);
    assert.equal(event.description, EVENT.description);
    assert.ok(vevent.getFirstPropertyValue('dtstamp'));
  });

  it('ends every line with CRLF and folds at 75 octets without splitting a character', () => {
    const text = bookingIcs(EVENT);
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, line);
      assert.equal(line.includes('\uFFFD'), false);
    }
    const folded = icsFold(`DESCRIPTION:${'长'.repeat(60)}`);
    assert.equal(folded.split('\r\n ').join(''), `DESCRIPTION:${'长'.repeat(60)}`);
  });

  it('escapes text and hostile input stays text', () => {
    assert.equal(icsText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const hostile = bookingIcs({
      ...EVENT,
      summary: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected',
    });
    const events = new ICAL.Component(ICAL.parse(hostile)).getAllSubcomponents('vevent');
    assert.equal(events.length, 1);
  });

  it('is named by its Beijing date and time', () => {
    assert.equal(icsFilename(EVENT), 'booking-20260305-0900.ics');
  });
});
