/**
 * The capacity primitive's part of the store conformance suite (src/domain/capacity.ts on
 * every store): seats, the FIFO waitlist, promotion when seats free, and the same under
 * concurrent transactions (on PostgreSQL they really run at once, on a pool).
 */
import type { Store } from '../../src/services/store.js';
import { check, rejection, same, type It, type WithStore } from './conformance-kit.js';
import { DomainError } from '../../src/domain/errors.js';

const seats = (store: Store) => store.bookingSeats;

export function capacityConformance(withStore: WithStore, it: It) {
  it(
    'capacity: takes seats while they fit, then waits in line; positions without gaps',
    withStore(async (store) => {
      const a = await seats(store).take('s1', 3, { id: 'a', party: 2 });
      same(a, { placement: { held: true }, promoted: [] }, 'a holds 2');
      const b = await seats(store).take('s1', 3, { id: 'b', party: 2 });
      same(b.placement, { held: false, position: 1 }, 'b waits first');
      const c = await seats(store).take('s1', 3, { id: 'c', party: 1 });
      same(c.placement, { held: true }, 'c fits in the last seat (b does not block it)');
      const d = await seats(store).take('s1', 3, { id: 'd', party: 1 });
      same(d.placement, { held: false, position: 2 }, 'd waits second');
      same(
        await seats(store).usage(['s1', 'nope']),
        { s1: { capacity: 3, taken: 3, waiting: 2 } },
        'usage',
      );
      same(
        (await seats(store).entries('s1')).map((e) => [e.id, e.held, e.position ?? null]),
        [
          ['a', true, null],
          ['b', false, 1],
          ['c', true, null],
          ['d', false, 2],
        ],
        'entries in arrival order',
      );
      const again = await rejection(seats(store).take('s1', 3, { id: 'a', party: 1 }));
      check(again instanceof DomainError && again.code === 'conflict', 'an entry takes once');
      same(
        await seats(store).take('other', 3, { id: 'a', party: 1 }),
        { placement: { held: true }, promoted: [] },
        'slots are apart',
      );
    }),
  );

  it(
    'capacity: a freed seat promotes the first waiting entry whose party fits, once',
    withStore(async (store) => {
      await seats(store).take('s', 2, { id: 'a', party: 1 });
      await seats(store).take('s', 2, { id: 'b', party: 1 });
      await seats(store).take('s', 2, { id: 'big', party: 2 });
      await seats(store).take('s', 2, { id: 'c', party: 1 });
      same(await seats(store).release('s', 'a'), ['c'], 'c fits, big does not');
      same(await seats(store).release('s', 'a'), [], 'releasing again changes nothing');
      same(await seats(store).release('s', 'nobody'), [], 'unknown entry');
      same(await seats(store).release('s', 'b'), [], 'one seat: big still does not fit');
      same(await seats(store).release('s', 'c'), ['big'], 'two seats: big');
      same(await seats(store).usage(['s']), { s: { capacity: 2, taken: 2, waiting: 0 } }, 'full');
      // A party made smaller frees seats too.
      await seats(store).take('s', 2, { id: 'd', party: 1 });
      same(await seats(store).resize('s', 'big', 1), ['d'], 'resize promotes');
      // A grown capacity promotes who waits before placing the newcomer.
      await seats(store).take('s', 2, { id: 'e', party: 1 });
      const grown = await seats(store).take('s', 4, { id: 'f', party: 1 });
      same(grown, { placement: { held: true }, promoted: ['e'] }, 'e first, then f');
      same(await seats(store).close('s'), ['big', 'd', 'e', 'f'], 'close removes every entry');
      same(await seats(store).usage(['s']), { s: { capacity: 0, taken: 0, waiting: 0 } }, 'closed');
    }),
  );

  it(
    'capacity: 50 takes of a 10-seat slot at once → 10 held, 40 in line 1–40; releases at once promote each freed seat once',
    withStore(async (store) => {
      const ids = Array.from({ length: 50 }, (_, i) => `e${String(i).padStart(2, '0')}`);
      const results = await Promise.all(
        ids.map((id) =>
          store.transaction((tx) => tx.bookingSeats.take('hot', 10, { id, party: 1 })),
        ),
      );
      const held = results.filter((r) => r.placement.held);
      const positions = results
        .map((r) => (r.placement.held ? 0 : r.placement.position))
        .filter((p) => p > 0)
        .sort((a, b) => a - b);
      check(held.length === 10, `held ${held.length}`);
      same(
        positions,
        Array.from({ length: 40 }, (_, i) => i + 1),
        'positions 1–40',
      );
      const entries = await seats(store).entries('hot');
      const holders = entries.filter((e) => e.held).map((e) => e.id);
      const line = entries.filter((e) => !e.held).map((e) => e.id);
      // The 10 holders and the last 10 in line leave at once: the 10 seats go to the first 10
      // in line, each once (leaving the line frees no seat).
      const promoted = (
        await Promise.all(
          [...holders, ...line.slice(30)].map((id) =>
            store.transaction((tx) => tx.bookingSeats.release('hot', id)),
          ),
        )
      ).flat();
      same([...promoted].sort(), line.slice(0, 10).sort(), 'the first ten in line, once each');
      same(
        (await seats(store).usage(['hot'])).hot,
        { capacity: 10, taken: 10, waiting: 20 },
        'never over-filled',
      );
      const after = await seats(store).entries('hot');
      same(
        after.filter((e) => !e.held).map((e) => [e.id, e.position]),
        line.slice(10, 30).map((id, i) => [id, i + 1]),
        'the line closes up, in order',
      );
      // 20 seats freed at once in a 20-seat slot: 20 promotions, FIFO.
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => `w${String(i).padStart(2, '0')}`).map((id) =>
          store.transaction((tx) => tx.bookingSeats.take('wide', 20, { id, party: 1 })),
        ),
      );
      const wide = await seats(store).entries('wide');
      const more = (
        await Promise.all(
          wide
            .filter((e) => e.held)
            .map((e) => store.transaction((tx) => tx.bookingSeats.release('wide', e.id))),
        )
      ).flat();
      same(
        [...more].sort(),
        wide
          .filter((e) => !e.held)
          .map((e) => e.id)
          .sort(),
        'all ten waiting',
      );
      same(
        (await seats(store).usage(['wide'])).wide,
        { capacity: 20, taken: 10, waiting: 0 },
        'ten held',
      );
    }),
  );

  it(
    'capacity: a transaction that fails takes no seat',
    withStore(async (store) => {
      const failed = await rejection(
        store.transaction(async (tx) => {
          await tx.bookingSeats.take('r', 1, { id: 'x', party: 1 });
          throw new Error('rolled back');
        }),
      );
      check(failed instanceof Error, 'threw');
      same(
        await seats(store).take('r', 1, { id: 'y', party: 1 }),
        { placement: { held: true }, promoted: [] },
        'seat still free',
      );
    }),
  );
}
