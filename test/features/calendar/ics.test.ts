// The activity calendar's .ics (src/features/calendar/ics.ts on src/domain/ics.ts), parsed by
// ical.js (an independent RFC 5545 parser): lunar rules as RDATEs for five years, solar rules as
// RRULE with EXDATEs for exceptions and skipped 法定节假日, TZID=Asia/Shanghai with its
// VTIMEZONE, whole days, folding at 75 octets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { icsCalendar } from '../../../src/domain/ics.js';
import { defaultCalendar } from '../../../src/domain/workdays.js';
import { activityEvents } from '../../../src/features/calendar/ics.js';
import type { Activity } from '../../../src/features/calendar/model.js';

const activity = (extra: Partial<Activity> = {}): Activity => ({
  id: '01JFB9Z7Q4WQK8ZV0C3S6N2M1A',
  community: 'xingfuli',
  title: '中秋邻里节',
  description: '赏月、猜灯谜、做月饼；请带上小板凳，\n老人可由家属陪同。'.repeat(3),
  category: 'festival',
  place: '幸福里社区广场, 东门',
  organiser: '幸福里社区居委会',
  date: '2026-09-25',
  startTime: '19:00',
  endTime: '21:00',
  recurrence: { rule: { kind: 'lunar-yearly', month: 8, day: 15 } },
  capacity: 50,
  registration: true,
  partyMax: 3,
  opensDaysBefore: 0,
  closesMinutesBefore: 60,
  cancelCutoffMinutes: 120,
  status: 'published',
  cancelled: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...extra,
});

const file = (a: Activity, date?: string) =>
  icsCalendar(activityEvents(a, defaultCalendar, date), {
    product: 'activity-calendar',
    name: '幸福里 社区活动',
    now: new Date('2026-03-01T00:00:00Z'),
  });

/** Every start ical.js expands (RRULE, RDATE, less EXDATE), as UTC ISO instants or dates. */
function starts(text: string, limit = 400): string[] {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const it = event.iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < limit; next = it.next()) {
    out.push(next.isDate ? next.toString() : next.toJSDate().toISOString());
  }
  return out;
}

describe('activity .ics', () => {
  it('a lunar rule: RDATEs for five years, 19:00 Beijing, parsed by ical.js', () => {
    const text = file(activity());
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Asia\/Shanghai/);
    assert.match(text, /DTSTART;TZID=Asia\/Shanghai:20260925T190000/);
    assert.doesNotMatch(text, /RRULE|RSCALE/);
    assert.deepEqual(starts(text), [
      '2026-09-25T11:00:00.000Z',
      '2027-09-15T11:00:00.000Z',
      '2028-10-03T11:00:00.000Z',
      '2029-09-22T11:00:00.000Z',
      '2030-09-12T11:00:00.000Z',
    ]);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!,
    );
    assert.equal(event.uid, '01JFB9Z7Q4WQK8ZV0C3S6N2M1A@activity.shequ-kit');
    assert.equal(event.location, '幸福里社区广场, 东门');
    assert.ok(event.description.startsWith('赏月、猜灯谜、做月饼；请带上小板凳，\n'));
    assert.equal(event.startDate.zone?.tzid, 'Asia/Shanghai');
  });

  it('a weekly rule: RRULE until the end, EXDATE for exceptions, 法定节假日 and withdrawn dates', () => {
    const text = file(
      activity({
        title: '周三 太极拳',
        date: '2026-09-23',
        startTime: '08:00',
        endTime: '09:00',
        recurrence: {
          rule: { kind: 'weekly', weekdays: [3] },
          until: '2026-10-28',
          skipHolidays: true,
          except: ['2026-10-14'],
        },
        cancelled: [{ date: '2026-10-21', reason: '场地维修' }],
      }),
    );
    assert.match(text, /RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;WKST=MO;UNTIL=20261028T000000Z/);
    assert.deepEqual(starts(text), [
      '2026-09-23T00:00:00.000Z',
      '2026-09-30T00:00:00.000Z',
      // 2026-10-07 is in the 国庆 holiday; 10-14 an exception; 10-21 withdrawn.
      '2026-10-28T00:00:00.000Z',
    ]);
  });

  it('all-day events, one occurrence, cancelled ones', () => {
    const allDay = activity({
      title: '腊八施粥',
      date: '2027-01-15',
      startTime: undefined,
      endTime: undefined,
      recurrence: { rule: { kind: 'lunar-yearly', month: 12, day: 8 }, count: 2 },
    });
    delete allDay.startTime;
    delete allDay.endTime;
    const text = file(allDay);
    assert.match(text, /DTSTART;VALUE=DATE:20270115/);
    assert.doesNotMatch(text, /VTIMEZONE/);
    assert.deepEqual(starts(text), ['2027-01-15', '2028-01-04']);
    const one = file(activity({ status: 'cancelled' }), '2027-09-15');
    const vevent = new ICAL.Component(ICAL.parse(one)).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(
      vevent.getFirstPropertyValue('uid'),
      `${activity().id}-2027-09-15@activity.shequ-kit`,
    );
    assert.deepEqual(starts(one), ['2027-09-15T11:00:00.000Z']);
  });

  it('CRLF, folded at 75 octets without splitting a character; hostile text stays text', () => {
    const text = file(activity({ title: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected' }));
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, line);
      assert.equal(line.includes('\uFFFD'), false);
    }
    assert.equal(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').length, 1);
  });
});
