/**
 * The demo street's bookings (seedDemoBookings) show every state the desk and its stories
 * promise, whatever day of the week the demo is seeded on: a full 爱心理发 slot with one
 * resident in line and one booking cancelled by code.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, shanghaiDate } from '../../../src/domain/time.js';
import { seedDemo } from '../../../src/features/core/demo.js';
import { seedDemoBookings } from '../../../src/features/booking/demo.js';
import type { Actor } from '../../../src/services/context.js';
import { createClient } from '../../../src/sdk/index.js';
import { createMemoryStore } from '../../../src/stores/memory.js';
import { manualClock } from '../../server/harness.js';

const admin: Actor = {
  kind: 'staff',
  id: 'xingfuli-staff',
  name: '王建国',
  role: 'staff',
  community: 'xingfuli',
};

describe('seedDemoBookings', () => {
  // A week of seeding days (Mon 2026-12-07 … Sun 2026-12-13, 09:00 Beijing time).
  for (let n = 0; n < 7; n++) {
    const at = `2026-12-${String(7 + n).padStart(2, '0')}T01:00:00.000Z`;
    it(`leaves a full slot with a waitlist when seeded on ${at.slice(0, 10)}`, async () => {
      const store = createMemoryStore();
      await seedDemo(store);
      const clock = manualClock(at);
      assert.equal(await seedDemoBookings(store, clock), true);
      const staff = createClient({
        embedded: { store, clock, persistence: false, seed: false, actor: admin },
      });
      const today = shanghaiDate(clock.now());
      const lines = [];
      for (let d = 0; d < 14; d++) {
        const day = await staff.booking.day({ community: 'xingfuli', date: addDays(today, d) });
        for (const { slots } of day.services)
          for (const slot of slots) if (slot.waitlist.length) lines.push(slot);
      }
      assert.equal(lines.length, 1, 'one slot has people in line');
      const [slot] = lines;
      assert.equal(slot!.waitlist.length, 1);
      assert.equal(slot!.taken, slot!.seats, 'the slot is full');
      assert.deepEqual(
        slot!.bookings.map((b) => b.status),
        ['confirmed', 'cancelled', 'confirmed'],
      );
      await store.close();
    });
  }
});
