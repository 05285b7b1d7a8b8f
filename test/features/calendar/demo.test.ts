// The demo street's activity year: the five festivals on their lunar dates every year and a
// weekly 太极拳 that skips 法定节假日, with registrations in line and cancelled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createContext } from '../../../src/services/context.js';
import { seedDemo } from '../../../src/features/core/demo.js';
import { seedDemoActivities } from '../../../src/features/calendar/demo.js';
import { activityCalendar } from '../../../src/features/calendar/service.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { manualClock } from '../../server/harness.js';

describe('activity calendar demo', () => {
  it('seeds a year: 元宵, 端午, 重阳, 中秋, 腊八 on their lunar dates, and 太极拳 on Wednesdays', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-03-02T01:00:00.000Z');
    await seedDemo(store);
    assert.equal(await seedDemoActivities(store, clock), true);
    assert.equal(await seedDemoActivities(store, clock), false, 'once');
    const ctx = createContext(store, { clock });
    const found: Record<string, string[]> = {};
    for (let from = '2026-01-01'; from < '2028-01-01';) {
      const to = new Date(Date.parse(from) + 60 * 86_400_000).toISOString().slice(0, 10);
      const month = await activityCalendar(ctx, {
        community: 'xingfuli',
        from,
        to: to < '2027-12-31' ? to : '2027-12-31',
        days: false,
      });
      for (const o of month.occurrences) (found[o.title] ??= []).push(o.date);
      from = new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10);
    }
    assert.deepEqual(found['元宵灯谜会'], ['2026-03-03', '2027-02-20']);
    assert.deepEqual(found['端午包粽子'], ['2026-06-19', '2027-06-09']);
    assert.deepEqual(found['重阳敬老宴'], ['2026-10-18', '2027-10-08']);
    assert.deepEqual(found['中秋邻里节'], ['2026-09-25', '2027-09-15']);
    assert.deepEqual(found['腊八施粥'], ['2026-01-26', '2027-01-15']);
    const taichi = found['太极拳晨练']!;
    assert.equal(taichi[0], '2026-03-04');
    assert.ok(!taichi.includes('2026-10-07'), '国庆: skipped');
    const first = (
      await activityCalendar(ctx, {
        community: 'xingfuli',
        from: '2026-03-04',
        to: '2026-03-04',
        days: false,
      })
    ).occurrences.find((o) => o.title === '太极拳晨练')!;
    assert.equal(first.state, 'full');
    assert.equal(first.waiting, 1);
    await store.close();
  });
});
