/**
 * `npm run bench:server`: the public wish wall (GET) and a public complaint submission (POST
 * with an Idempotency-Key) through the whole server, against a bare Hono route on
 * @hono/node-server doing the same single SELECT / INSERT on the same database, at 16 and 64
 * keep-alive connections: req/s, p50/p99, ratio to bare, resident memory.
 *
 *   npm run bench:server                              PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:server    PGlite, then PostgreSQL (a temporary schema, dropped after)
 *   BENCH_SECONDS=12 BENCH_ROUNDS=3 BENCH_CONNECTIONS=16,64 BENCH_LOG=1 npm run bench:server
 *   BENCH_PHASES=list,submit BENCH_DBS=pglite,postgres BENCH_NO_KEY=1 BENCH_APP_ONLY=1 (to profile)
 *
 * Budget (DESIGN.md): list ≥ 0.5× bare, submit ≥ 0.3× on PostgreSQL (≥ 0.4× on PGlite);
 * throughput at 64 ≥ at 16; p99 at 64 < 250 ms. Everything runs on this machine: the load
 * generator (a worker thread, scripts/bench-load.mjs) shares the CPU with the server. The
 * server runs as in production except: public write limit raised out of reach (its statement
 * still runs on every submission), request log off unless BENCH_LOG=1 (then to /dev/null).
 */
import { cpus, totalmem } from 'node:os';
import { createWriteStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { PGlite } from '@electric-sql/pglite';
import { createServer } from '../src/server/server.js';
import { seedDemoData } from '../src/server/demo.js';
import { newId } from '../src/domain/index.js';
import { createContext, type Actor } from '../src/services/context.js';
import { actOnWish, postWish } from '../src/features/wishes/service.js';
import {
  openSqlStore,
  pgliteDriver,
  postgresDriver,
  type SqlDriver,
  type SqlStore,
} from '../src/stores/sql/index.js';
import { PGLITE_OPTIONS } from '../src/stores/sql/pglite.js';
import {
  BENCH_COMMUNITY as COMMUNITY,
  benchSubmission as submission,
  benchRateLimits,
} from './bench-submission.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '16,64').split(',').map(Number);
const LOG = process.env.BENCH_LOG === '1';
/** Which phases and databases (default all): BENCH_PHASES=list,submit BENCH_DBS=pglite,postgres */
const PHASES = (process.env.BENCH_PHASES ?? 'list,submit').split(',');
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',');
const APP_ONLY = process.env.BENCH_APP_ONLY === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const url = process.env.DATABASE_URL;

interface Load {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

interface Slice {
  seconds: number;
  latencies: Float64Array;
  statuses: Record<string, number>;
}

function slice(options: {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  idempotent?: boolean;
  connections: number;
  seconds: number;
}): Promise<Slice> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bench-load.mjs', import.meta.url), {
      workerData: options,
    });
    worker.once('message', (result: Slice) => resolve(result));
    worker.once('error', reject);
  });
}

/** Several slices as one measurement: requests per second over their time, p50/p99 over all. */
function combine(slices: Slice[]): Load {
  const all = Float64Array.from(slices.flatMap((s) => [...s.latencies])).sort();
  const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))] ?? 0;
  const statuses: Record<string, number> = {};
  for (const s of slices)
    for (const [k, n] of Object.entries(s.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
  const seconds = slices.reduce((t, s) => t + s.seconds, 0);
  return {
    requests: all.length,
    perSecond: all.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    statuses,
  };
}

const staff: Actor = {
  kind: 'staff',
  id: 'bench',
  name: '王建国',
  role: 'staff',
  community: COMMUNITY,
};

/** 40 more wishes on the wall, through the services, so a page is a full 20 cards. */
async function seedWall(store: SqlStore) {
  const resident = createContext(store);
  const desk = createContext(store, { actor: staff });
  for (let i = 0; i < 40; i++) {
    const { id } = await postWish(resident, {
      community: COMMUNITY,
      grid: 'xfl-g1',
      category: 'daily',
      title: `想要一台收音机 ${i}`,
      story: '老伴走后一个人住，眼睛不好看不了手机，想听听戏曲和新闻。',
      wisherName: '王秀英',
      phone: '13812341234',
      consent: true,
      publishConsent: true,
    });
    await actOnWish(desk, { id, action: 'approve' });
  }
}

/** The baseline: a bare Hono app doing the same one statement per request on the same driver. */
async function bareApp(driver: SqlDriver, schema: string) {
  const s = `"${schema}"`;
  await driver.exec(
    `CREATE TABLE IF NOT EXISTS ${s}.bench_bare (id text PRIMARY KEY, community text, data json)`,
  );
  const app = new Hono();
  app.get('/wishes', async (c) => {
    const rows = await driver.query<{ data: unknown }>(
      `SELECT data FROM ${s}.wishes WHERE community = $1 AND status = ANY($2::text[])
       ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 21`,
      [c.req.query('community'), ['open', 'claimed', 'fulfilled', 'thanked']],
    );
    return c.json({ items: rows.slice(0, 20).map((r) => r.data) });
  });
  app.post('/complaints', async (c) => {
    const body = await c.req.json<{ community: string }>();
    const id = newId();
    await driver.query(
      `INSERT INTO ${s}.bench_bare (id, community, data) VALUES ($1, $2, $3::text::json)`,
      [id, body.community, JSON.stringify(body)],
    );
    return c.json({ id }, 201);
  });
  return new Promise<{ origin: string; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

interface Row {
  what: string;
  connections: number;
  bare: Load;
  app: Load;
}

async function benchDatabase(
  label: string,
  store: SqlStore,
): Promise<{ rows: Row[]; rss: number }> {
  const devNull = LOG ? createWriteStream('/dev/null') : undefined;
  const server = await createServer({
    store,
    log: devNull ? (entry) => devNull.write(`${JSON.stringify(entry)}\n`) : false,
    staticRoot: false,
    uploads: false,
    rateLimits: benchRateLimits(),
  });
  const bare = await bareApp(store.driver, store.schema);
  const rows: Row[] = [];
  try {
    await seedDemoData(server.store, server.credentials);
    await seedWall(store);
    const { url: origin } = await server.listen(0, '127.0.0.1');
    const phases = [
      {
        name: 'list',
        what: 'public wish list (GET)',
        app: {
          url: `${origin}/api/v1/communities/${COMMUNITY}/wishes?limit=20`,
          method: 'GET' as const,
        },
        bare: { url: `${bare.origin}/wishes?community=${COMMUNITY}`, method: 'GET' as const },
      },
      {
        name: 'submit',
        what: 'complaint submit (POST)',
        app: {
          url: `${origin}/api/v1/complaints`,
          method: 'POST' as const,
          body: submission,
          idempotent: process.env.BENCH_NO_KEY !== '1',
        },
        bare: { url: `${bare.origin}/complaints`, method: 'POST' as const, body: submission },
      },
    ];
    for (const phase of phases.filter((p) => PHASES.includes(p.name))) {
      for (const connections of CONNECTIONS) {
        // Warm up both (JIT, connections, plans), then measure bare and app in turn, in
        // ROUNDS slices each, so a neighbour's load on the machine falls on both alike.
        await slice({ ...phase.bare, connections, seconds: 1 });
        await slice({ ...phase.app, connections, seconds: 1 });
        const bareSlices: Slice[] = [];
        const appSlices: Slice[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          // BENCH_APP_ONLY=1 (profiling the server): the bare phase runs for a moment only.
          const each = SECONDS / ROUNDS;
          bareSlices.push(
            await slice({ ...phase.bare, connections, seconds: APP_ONLY ? 0.2 : each }),
          );
          appSlices.push(await slice({ ...phase.app, connections, seconds: each }));
        }
        const [b, a] = [combine(bareSlices), combine(appSlices)];
        process.stderr.write(
          `${label}: ${phase.what} at ${connections}: app ${a.perSecond.toFixed(0)}/s ${JSON.stringify(a.statuses)}, bare ${b.perSecond.toFixed(0)}/s ${JSON.stringify(b.statuses)}\n`,
        );
        rows.push({ what: phase.what, connections, bare: b, app: a });
      }
    }
  } finally {
    await bare.close();
    await server.close();
    devNull?.end();
  }
  return { rows, rss: process.memoryUsage().rss };
}

function print(label: string, result: { rows: Row[]; rss: number }) {
  console.log(`\n${label}`);
  console.log(
    '| phase                   | conns | bare req/s | app req/s | app / bare | bare p50/p99 ms | app p50/p99 ms | non-2xx |',
  );
  console.log(
    '|-------------------------|------:|-----------:|----------:|-----------:|----------------:|---------------:|--------:|',
  );
  for (const r of result.rows) {
    const lat = (l: Load) => `${l.p50.toFixed(1)} / ${l.p99.toFixed(1)}`.padStart(15);
    const bad = Object.entries(r.app.statuses)
      .filter(([status]) => !status.startsWith('2'))
      .reduce((n, [, count]) => n + count, 0);
    console.log(
      `| ${r.what.padEnd(23)} | ${String(r.connections).padStart(5)} | ${r.bare.perSecond.toFixed(0).padStart(10)} | ${r.app.perSecond.toFixed(0).padStart(9)} | ${(r.app.perSecond / r.bare.perSecond).toFixed(2).padStart(9)}× | ${lat(r.bare)} | ${lat(r.app)} | ${String(bad).padStart(7)} |`,
    );
  }
  console.log(
    `resident memory after the run (server, bare app and load generator in one process): ${Math.round(result.rss / 2 ** 20)} MiB`,
  );
}

async function main() {
  console.log(
    `shequ-kit server benchmark — ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${SECONDS} s per phase; request log ${LOG ? 'on (to /dev/null)' : 'off'}`,
  );
  if (DBS.includes('pglite')) {
    const driver = await pgliteDriver({ db: await PGlite.create(PGLITE_OPTIONS), owned: true });
    const store = await openSqlStore({ driver });
    try {
      print('PGlite (in memory)', await benchDatabase('PGlite', store));
    } finally {
      await driver.close();
    }
  }
  if (url && DBS.includes('postgres')) {
    const schema = `sq_bench_${Date.now().toString(36)}`;
    const driver = postgresDriver(url, { max: 10 });
    try {
      const store = await openSqlStore({ driver, schema });
      print(`PostgreSQL (schema ${schema}, pool 10)`, await benchDatabase('PostgreSQL', store));
    } finally {
      await driver.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await driver.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
