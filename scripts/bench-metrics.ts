/**
 * `npm run bench:metrics`: the 三率 (complaint metrics) at 10,000 and 100,000 cases, against the
 * raw aggregate SQL alone on the same rows, and the staff list's first page against its SQL.
 *
 *   npm run bench:metrics                              PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:metrics    PGlite, then PostgreSQL (a temporary schema)
 *   BENCH_SIZES=10000,100000 BENCH_RUNS=7 npm run bench:metrics
 *
 * Budget (DESIGN.md): aggregates run in the database; 100k within 10× of 10k; the service
 * within 3× of the raw SQL. Times are medians of BENCH_RUNS runs after two warm-up runs.
 */
import { performance } from 'node:perf_hooks';
import { cpus, totalmem } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { demoCommunities } from '../src/features/core/demo.js';
import { categoriesFor } from '../src/features/core/catalogues.js';
import { demoStaffActor } from '../src/features/complaints/demo.js';
import { complaintMetrics } from '../src/features/complaints/metrics.js';
import { listComplaints } from '../src/features/complaints/service.js';
import { runOperation } from '../src/server/operations.js';
import type { Complaint } from '../src/features/complaints/views.js';
import { createContext } from '../src/services/context.js';
import {
  openSqlStore,
  pgliteDriver,
  postgresDriver,
  type SqlDriver,
  type SqlStore,
} from '../src/stores/sql/index.js';
import { PGLITE_OPTIONS } from '../src/stores/sql/pglite.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const url = process.env.DATABASE_URL;
const YEAR = 2026;
const DAY = 86_400_000;

const community = demoCommunities[0]!;
const categories = categoriesFor(community, 'complaint').map((c) => c.id);
const statuses: Complaint['status'][] = [
  'received',
  'assigned',
  'in_progress',
  'resolved',
  'rated',
  'rated',
  'returned',
  'transferred',
];

/** A deterministic spread of cases over the year: statuses, responses, ratings, due dates. */
function complaintAt(n: number): Complaint {
  const received = new Date(Date.UTC(YEAR, 0, 1) + ((n * 7919) % ((364 * DAY) / 1000)) * 1000);
  const status = statuses[n % statuses.length]!;
  const receivedAt = received.toISOString();
  const c: Complaint = {
    id: `B${String(n).padStart(25, '0')}`,
    ticket: `SQ-${YEAR}-${String(n).padStart(7, '0')}`,
    community: community.id,
    category: categories[n % categories.length]!,
    description: '楼道灯坏了好几天，晚上上下楼很不方便，请尽快维修。',
    location: { community: community.id, text: '3号楼2单元' },
    answers: {},
    photos: [],
    anonymous: n % 3 === 0,
    publishConsent: false,
    status,
    receivedAt,
    dueDate: new Date(received.getTime() + 7 * DAY).toISOString().slice(0, 10),
    reopened: 0,
    queryCodeHash: `h${n}`,
    history: [
      {
        at: receivedAt,
        action: 'submit',
        to: 'received',
        actor: { kind: 'resident' },
        public: true,
      },
    ],
  };
  if (n % 4 !== 0) c.firstResponseAt = new Date(received.getTime() + (n % 5) * DAY).toISOString();
  if (status === 'rated') {
    const value = (['satisfied', 'basically_satisfied', 'unsatisfied'] as const)[n % 3]!;
    c.rating = { value, at: new Date(received.getTime() + 9 * DAY).toISOString() };
  }
  return c;
}

async function seed(store: SqlStore, from: number, to: number) {
  for (let start = from; start < to; start += 1000) {
    await store.transaction(async (tx) => {
      for (let n = start; n < Math.min(to, start + 1000); n++)
        await tx.complaints.put(complaintAt(n));
    });
  }
}

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

/** The 三率's counts written by hand, as a baseline: what the database does at the least. */
const rawAggregate = (s: string) => `
  SELECT category, count(*)::int AS total,
    count(*) FILTER (WHERE first_response_at < received_at + interval '2 days')::int AS r,
    count(*) FILTER (WHERE status IN ('resolved', 'rated'))::int AS d,
    count(*) FILTER (WHERE status = 'rated' AND rating IS NOT NULL)::int AS q,
    count(*) FILTER (WHERE status = 'rated' AND rating IN ('satisfied', 'basically_satisfied'))::int AS s,
    count(*) FILTER (WHERE status IN ('received', 'assigned', 'in_progress') AND due_date < $4::date)::int AS o
  FROM ${s}.complaints
  WHERE community = $1 AND received_at >= $2::timestamptz AND received_at < $3::timestamptz
  GROUP BY category`;

const rawFirstPage = (s: string) => `
  SELECT data FROM ${s}.complaints WHERE community = $1
  ORDER BY received_at DESC, id COLLATE "C" DESC LIMIT 21`;

interface Row {
  size: number;
  metrics: number;
  raw: number;
  loadAll: number;
  list: number;
  listOperation: number;
  listRaw: number;
}

async function benchDatabase(
  label: string,
  open: () => Promise<{ store: SqlStore; done: () => Promise<void> }>,
) {
  const { store, done } = await open();
  const rows: Row[] = [];
  try {
    await store.communities.put(community);
    const ctx = createContext(store, { actor: demoStaffActor('xfl-admin') });
    const period = { community: community.id, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    const s = `"${store.schema}"`;
    const params = [
      community.id,
      `${YEAR - 1}-12-31T16:00:00.000Z`,
      `${YEAR}-12-31T16:00:00.000Z`,
      `${YEAR}-06-30`,
    ];
    let seeded = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      await seed(store, seeded, size);
      seeded = size;
      // What the server's maintenance pass does on PGlite (SqlStore.tidy), and autovacuum on
      // PostgreSQL in its own time: marks the pages all-visible (the 三率 then read their index
      // alone) and analyses the tables.
      const t1 = performance.now();
      await store.vacuum({ all: true });
      process.stderr.write(
        `${label}: ${size} cases seeded in ${((t1 - t0) / 1000).toFixed(1)} s, vacuumed and analysed in ${((performance.now() - t1) / 1000).toFixed(2)} s\n`,
      );
      rows.push({
        size,
        metrics: await median(() => complaintMetrics(ctx, period)),
        raw: await median(() => store.driver.query(rawAggregate(s), params)),
        loadAll: await median(() =>
          store.complaints.listReceived(community.id, params[1]!, params[2]!),
        ),
        list: await median(() => listComplaints(ctx, { community: community.id, limit: 20 })),
        listOperation: await median(() =>
          runOperation('listComplaints', ctx, { community: community.id, limit: '20' }),
        ),
        listRaw: await median(() => store.driver.query(rawFirstPage(s), [community.id])),
      });
    }
  } finally {
    await done();
  }
  const ms = (v: number) => v.toFixed(2).padStart(8);
  console.log(`\n${label}`);
  console.log(
    '|    cases | 三率 (service) ms | raw aggregate SQL ms | service / SQL | every row loaded (old way) ms | staff list p.1 ms (service / through runOperation) | its SQL ms |',
  );
  console.log(
    '|---------:|------------------:|---------------------:|--------------:|------------------------------:|---------------------------------------------------:|-----------:|',
  );
  for (const r of rows) {
    console.log(
      `| ${String(r.size).padStart(8)} | ${ms(r.metrics)} | ${ms(r.raw)} | ${(r.metrics / r.raw).toFixed(2).padStart(6)}× | ${ms(r.loadAll)} | ${ms(r.list)} / ${ms(r.listOperation)} | ${ms(r.listRaw)} |`,
    );
  }
  const [small, large] = [rows[0], rows[rows.length - 1]];
  if (small && large && small !== large) {
    console.log(
      `\n${large.size} vs ${small.size} cases: 三率 ${(large.metrics / small.metrics).toFixed(2)}× (budget ≤ 10×), raw SQL ${(large.raw / small.raw).toFixed(2)}×; service within ${(large.metrics / large.raw).toFixed(2)}× of raw SQL at ${large.size} (budget ≤ 3×)`,
    );
  }
}

async function main() {
  console.log(
    `shequ-kit metrics benchmark — ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of ${RUNS} runs`,
  );
  await benchDatabase('PGlite (in memory)', async () => {
    const driver = await pgliteDriver({ db: await PGlite.create(PGLITE_OPTIONS), owned: true });
    const store = await openSqlStore({ driver });
    return { store, done: () => driver.close() };
  });
  if (url) {
    const schema = `sq_bench_${Date.now().toString(36)}`;
    const driver: SqlDriver = postgresDriver(url, { max: 4 });
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
