/**
 * The embedded transport runs the retention job as the server does: when it opens, then at
 * most daily (checked on each call), with the transport's clock.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Complaint } from '../../src/domain/index.js';
import { seedDemo } from '../../src/features/core/demo.js';
import type { Clock } from '../../src/domain/time.js';
import { createEmbeddedTransport } from '../../src/sdk/embedded.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { returnedComplaint } from '../stores/fixtures/returned-complaint.js';
import type { Store } from '../../src/services/store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.parse('2026-06-01T00:00:00.000Z');

/** A case with a photo, returned at `endedAt`. */
const returned = (id: string, endedAt: string): Complaint =>
  returnedComplaint(id, endedAt, { photos: [`${id.slice(0, -1)}P`] });

const DUE = '0000000000000000000000DUE1';
const SOON = '0000000000000000000000SOON';

/** A store with a case past retention at T and one that gets there two hours after T. */
async function street(): Promise<Store> {
  const store = createMemoryStore();
  await seedDemo(store);
  for (const [id, at] of [
    [DUE, new Date(T - 731 * DAY).toISOString()],
    [SOON, new Date(T - 730 * DAY + 2 * HOUR).toISOString()],
  ] as const) {
    const c = returned(id, at);
    await store.uploads.put({ id: c.photos[0]!, type: 'image/png', size: 1, createdAt: at });
    await store.complaints.put(c);
  }
  return store;
}

function clockAt(ms: number): Clock & { advance(ms: number): void } {
  let now = ms;
  return { now: () => new Date(now), advance: (by) => (now += by) };
}

const call = (transport: Awaited<ReturnType<typeof createEmbeddedTransport>>) =>
  transport.call('listCommunities', {});

describe('the embedded transport’s retention', () => {
  it('runs when it opens: personal data and the photo (its bytes in the record) go', async () => {
    const store = await street();
    const transport = await createEmbeddedTransport({ store, clock: clockAt(T), seed: false });
    await transport.close();
    const due = (await store.complaints.get(DUE))!;
    assert.ok(due.anonymisedAt, 'anonymised');
    assert.equal(due.contact, undefined);
    assert.equal(await store.uploads.get(returned(DUE, '').photos[0]!), undefined, 'photo gone');
    assert.equal((await store.complaints.get(SOON))!.anonymisedAt, undefined, 'not due yet');
    assert.ok(await store.uploads.get(returned(SOON, '').photos[0]!), 'its photo kept');
  });

  it('then at most daily, checked on each call', async () => {
    // Three hours on, a case due two hours after opening waits for the next day's run.
    const store = await street();
    const clock = clockAt(T);
    const transport = await createEmbeddedTransport({ store, clock, seed: false });
    clock.advance(3 * HOUR);
    await call(transport);
    await transport.close();
    assert.equal((await store.complaints.get(SOON))!.anonymisedAt, undefined, 'waits');

    // A day on, a call runs the job again.
    const again = await street();
    const later = clockAt(T);
    const daily = await createEmbeddedTransport({ store: again, clock: later, seed: false });
    later.advance(DAY);
    await call(daily);
    await daily.close();
    assert.ok((await again.complaints.get(SOON))!.anonymisedAt, 'a day later');
  });
});
