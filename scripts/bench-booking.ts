/**
 * `npm run bench:booking`: volunteer-service booking (志愿服务预约) against the raw store.
 *
 * - Availability of one service over 14 days holding 5,000 bookings: the operation
 *   (`bookingAvailability` through runOperation: validation, slot rules, the holiday calendar,
 *   the views) against the two reads it is made of (the seats' usage of every slot and the
 *   slots' records), straight on the store.
 * - Booking throughput, one at a time and 16 at once: `bookSlot` through runOperation (checks,
 *   the code, the seat or the waitlist, history, in one transaction) against the same seat
 *   taken and the same booking row written in a bare transaction on the store.
 *
 *   npm run bench:booking                              PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:booking    PGlite, then PostgreSQL (a temporary schema)
 *   BENCH_BOOKINGS=5000 BENCH_RUNS=9 BENCH_WRITES=300 npm run bench:booking
 *
 * No budget in DESIGN.md for these: the ratios are printed, to watch. Times are medians of
 * BENCH_RUNS after two warm-up runs; throughput is BENCH_WRITES bookings per mode.
 */
import { performance } from 'node:perf_hooks';
import { cpus, totalmem } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { demoCommunities } from '../src/features/core/demo.js';
import { demoStaffActor } from '../src/features/complaints/demo.js';
import { runOperation } from '../src/server/operations.js';
import { createContext, type ServiceContext } from '../src/services/context.js';
import { shanghaiStartOfDay } from '../src/domain/time.js';
import { newId, newQueryCode } from '../src/domain/index.js';
import {
  bookingSlotKey,
  hashBookingCode,
  hashBookingPhone,
  type Booking,
  type BookingServiceInput,
} from '../src/features/booking/model.js';
import {
  openSqlStore,
  pgliteDriver,
  postgresDriver,
  type SqlDriver,
  type SqlStore,
} from '../src/stores/sql/index.js';
import { PGLITE_OPTIONS } from '../src/stores/sql/pglite.js';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WRITES = Number(process.env.BENCH_WRITES ?? 300);
const url = process.env.DATABASE_URL;

const community = demoCommunities[0]!;
/** A Monday with no holiday in the next 14 days; the clock stands still at 07:00 Beijing time. */
const NOW = new Date('2026-03-02T00:00:00.000Z');
const FROM = '2026-03-03';
const TO = '2026-03-16';
const clock = { now: () => NOW };

/** Every day 08:00–20:00, 15-minute slots of 10 seats: 48 slots a day, 672 in 14 days. */
const service: BookingServiceInput = {
  community: community.id,
  name: '便民服务站',
  team: '党建红',
  category: 'haircut',
  description: '压测用的服务项目。',
  place: { kind: 'station', address: '幸福里社区党群服务中心' },
  durationMinutes: 15,
  limits: { partyMax: 1 },
  schedule: {
    rules: [
      { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '20:00', slotMinutes: 15, seats: 10 },
    ],
    windowDays: 20,
  },
} as BookingServiceInput;

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/** A phone per resident number (distinct hashes, as real residents have). */
const phoneOf = (n: number) => `139${String(n).padStart(8, '0')}`;

/** The booking row the service would write, made by hand for the bare store path. */
function bookingRow(serviceId: string, start: string, n: number, held: boolean): Booking {
  const at = NOW.toISOString();
  const phone = phoneOf(n);
  return {
    id: newId(),
    community: community.id,
    service: serviceId,
    slot: bookingSlotKey(serviceId, start),
    start,
    end: new Date(Date.parse(start) + 15 * 60_000).toISOString(),
    name: '王秀英',
    phone,
    phoneHash: hashBookingPhone(phone),
    forWhom: 'self',
    party: 1,
    answers: {},
    bookedBy: 'resident',
    status: held ? 'confirmed' : 'waitlisted',
    createdAt: at,
    codeHash: hashBookingCode(newQueryCode()),
    history: [{ at, action: held ? 'book' : 'waitlist', actor: { kind: 'resident' } }],
  } as unknown as Booking;
}

/** The bare path: one seat taken and one row written, in one transaction. */
async function bareBooking(store: SqlStore, serviceId: string, start: string, n: number) {
  await store.transaction(async (tx) => {
    const row = bookingRow(serviceId, start, n, true);
    const { placement } = await tx.bookingSeats.take(row.slot, 10, { id: row.id, party: 1 });
    if (!placement.held) row.status = 'waitlisted';
    await tx.bookings.put(row);
  });
}

async function throughput(
  concurrency: number,
  one: (n: number) => Promise<unknown>,
  first: number,
): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < WRITES) await one(first + next++);
    }),
  );
  return WRITES / ((performance.now() - t0) / 1000);
}

async function benchDatabase(
  label: string,
  open: () => Promise<{ store: SqlStore; done: () => Promise<void> }>,
) {
  const { store, done } = await open();
  try {
    await store.communities.put(community);
    const staff: ServiceContext = createContext(store, {
      actor: demoStaffActor('xfl-admin'),
      clock,
    });
    const resident: ServiceContext = createContext(store, { clock });
    const created = (await runOperation('createBookingService', staff, service)) as { id: string };
    const query = { id: created.id, from: FROM, to: TO };
    const available = await runOperation('bookingAvailability', resident, query);
    const starts = available.days.flatMap((d) => d.slots.map((s) => s.start));

    // 5,000 bookings spread over the 672 slots (≈ 7.4 a slot; some slots full, with a waitlist).
    const t0 = performance.now();
    for (let from = 0; from < BOOKINGS; from += 500) {
      await store.transaction(async (tx) => {
        for (let n = from; n < Math.min(BOOKINGS, from + 500); n++) {
          const start = starts[(n * 7919) % starts.length]!;
          const row = bookingRow(created.id, start, n, true);
          const { placement } = await tx.bookingSeats.take(row.slot, 10, { id: row.id, party: 1 });
          if (!placement.held) row.status = 'waitlisted';
          await tx.bookings.put(row);
        }
      });
    }
    const s = `"${store.schema}"`;
    for (const table of ['bookings', 'capacity_entries', 'capacity_slots'])
      await store.driver.exec(`ANALYZE ${s}.${table}`).catch(() => undefined);
    process.stderr.write(
      `${label}: ${BOOKINGS} bookings over ${starts.length} slots seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );

    const keys = starts.map((start) => bookingSlotKey(created.id, start));
    // [start of FROM, end of TO) in Beijing time, as the operation reads them.
    const from = shanghaiStartOfDay(FROM).toISOString();
    const to = new Date(shanghaiStartOfDay(TO).getTime() + 86_400_000).toISOString();
    const availability = await median(() => runOperation('bookingAvailability', resident, query));
    const reads = await median(() =>
      Promise.all([
        store.bookingSeats.usage(keys),
        store.bookingSlots.listByStart(community.id, from, to),
      ]),
    );

    // Writes go to the last day's slots, which the seeding filled least predictably: both
    // paths meet full slots and waitlists alike.
    const lastDay = starts.slice(-48);
    const book = (n: number) =>
      runOperation('bookSlot', resident, {
        service: created.id,
        start: lastDay[n % lastDay.length]!,
        name: '王秀英',
        phone: phoneOf(n),
        consent: true,
      });
    const bare = (n: number) => bareBooking(store, created.id, lastDay[n % lastDay.length]!, n);
    const rows: [string, number, number][] = [];
    let n = BOOKINGS;
    for (const concurrency of [1, 16]) {
      const viaService = await throughput(concurrency, book, (n += WRITES));
      const viaStore = await throughput(concurrency, bare, (n += WRITES));
      rows.push([`booking, ${concurrency} at a time`, viaService, viaStore]);
    }

    console.log(`\n${label}`);
    console.log('| what | operation | raw store | operation / raw |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| availability, 14 days, ${starts.length} slots, ${BOOKINGS} bookings (ms, lower is better) | ${availability.toFixed(2)} | ${reads.toFixed(2)} | ${(availability / reads).toFixed(2)}× |`,
    );
    for (const [what, op, raw] of rows)
      console.log(
        `| ${what} (bookings/s, higher is better) | ${op.toFixed(0)} | ${raw.toFixed(0)} | ${(op / raw).toFixed(2)}× |`,
      );
  } finally {
    await done();
  }
}

async function main() {
  console.log(
    `shequ-kit booking benchmark — ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of ${RUNS} runs, ${WRITES} bookings per throughput row`,
  );
  await benchDatabase('PGlite (in memory)', async () => {
    const driver = await pgliteDriver({ db: await PGlite.create(PGLITE_OPTIONS), owned: true });
    const store = await openSqlStore({ driver });
    return { store, done: () => driver.close() };
  });
  if (url) {
    const schema = `sq_bench_${Date.now().toString(36)}`;
    const driver: SqlDriver = postgresDriver(url, { max: 17 });
    await benchDatabase(`PostgreSQL (schema ${schema})`, async () => {
      const store = await openSqlStore({ driver, schema });
      return {
        store,
        done: async () => {
          await driver.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await driver.close();
        },
      };
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
