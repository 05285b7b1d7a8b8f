/**
 * The server's own CPU per public complaint submission (`POST /api/v1/complaints` with a
 * fresh Idempotency-Key) against the bare route's (scripts/bench-server.ts: the same INSERT in
 * a bare Hono app), over HTTP, with the load from a child process (scripts/bench-load.mjs in
 * it) so that this process's CPU time (user + system, `process.cpuUsage`) is the server's
 * alone: on PostgreSQL the server's own work, on PGlite the database's too (it runs here).
 * Server and bare alternate, BENCH_ROUNDS rounds of BENCH_SECONDS each; prints µs of CPU per
 * request (median, least and each round) and req/s.
 *
 *   node --import tsx scripts/bench-submit-cpu.ts
 *   BENCH_DBS=pglite,postgres DATABASE_URL=postgres://127.0.0.1:5432/test BENCH_CONNECTIONS=16 \
 *     BENCH_SECONDS=3 BENCH_ROUNDS=5 node --import tsx scripts/bench-submit-cpu.ts
 *   BENCH_FETCH=1: no sockets, `app.fetch` in this process one request at a time (N=BENCH_N)
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench-submit-cpu.ts
 *   BENCH_PROFILE=/tmp/submit: a CPU profile of this process over the measured rounds only
 *     (not the start, the seeding or the warm-up), one per side: /tmp/submit-app.cpuprofile…
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { PGlite } from '@electric-sql/pglite';
import { newId } from '../src/domain/index.js';
import {
  openSqlStore,
  pgliteDriver,
  postgresDriver,
  type SqlStore,
} from '../src/stores/sql/index.js';
import { PGLITE_OPTIONS } from '../src/stores/sql/pglite.js';
import { benchSubmission as submission, submitInProcess, benchServer } from './bench-submission.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DBS = (process.env.BENCH_DBS ?? 'pglite').split(',');
const FETCH = process.env.BENCH_FETCH === '1';
const N = Number(process.env.BENCH_N ?? 1000);
const url = process.env.DATABASE_URL;
/** BENCH_ONLY=app or bare: measure only that side (to profile it). */
const ONLY = process.env.BENCH_ONLY;
/** BENCH_NO_KEY=1: submissions without an Idempotency-Key; BENCH_NO_LIMIT=1: no public write limit. */
const KEYED = process.env.BENCH_NO_KEY !== '1';
const PROFILE = process.env.BENCH_PROFILE;
const loader = fileURLToPath(new URL('./bench-load.mjs', import.meta.url));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Load from a child process: bench-load.mjs in a worker there, its result on stdout. */
function load(target: string, idempotent: boolean, seconds: number) {
  const options = {
    url: target,
    method: 'POST',
    body: submission,
    idempotent,
    connections: CONNECTIONS,
    seconds,
  };
  const code = `import { Worker } from 'node:worker_threads';
const w = new Worker(${JSON.stringify(loader)}, { workerData: ${JSON.stringify(options)}, execArgv: [] });
w.once('message', (r) => { console.log(JSON.stringify({ n: r.latencies.length, seconds: r.seconds, statuses: r.statuses })); w.terminate(); });`;
  return new Promise<{ n: number; seconds: number; statuses: Record<string, number> }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (status) =>
        status === 0 ? resolve(JSON.parse(out) as never) : reject(new Error(`load: ${status}`)),
      );
    },
  );
}

/**
 * CPU time (µs) of every `postgres` process on this machine (Linux /proc; 0 elsewhere): the
 * database server's share when it runs here — other clients of it count too.
 */
function postgresCpu(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
        const fields = stat.slice(close + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks * 10_000; // USER_HZ = 100
}

/** µs of this process's CPU (and PostgreSQL's) per request, and req/s, over one slice of load. */
async function measure(target: string, idempotent: boolean, seconds = SECONDS) {
  const cpu = process.cpuUsage();
  const pg = postgresCpu();
  const r = await load(target, idempotent, seconds);
  const used = process.cpuUsage(cpu);
  const database = (postgresCpu() - pg) / r.n;
  const bad = Object.entries(r.statuses).filter(([s]) => !s.startsWith('2'));
  if (bad.length) console.error(`  non-2xx: ${JSON.stringify(r.statuses)}`);
  return { cpu: (used.user + used.system) / r.n, database, perSecond: r.n / r.seconds };
}

async function run(label: string, store: SqlStore) {
  const server = await benchServer(store);
  const s = `"${store.schema}"`;
  await store.driver.exec(
    `CREATE TABLE IF NOT EXISTS ${s}.bench_bare (id text PRIMARY KEY, community text, data json)`,
  );
  if (FETCH) {
    const submit = () => submitInProcess(server.app, newId());
    const rounds: number[] = [];
    for (let r = -1; r < ROUNDS; r++) {
      const cpu = process.cpuUsage();
      for (let i = 0; i < N; i++) await submit();
      const used = process.cpuUsage(cpu);
      if (r >= 0) rounds.push((used.user + used.system) / N);
    }
    console.log(
      `${label}, app.fetch: ${median(rounds).toFixed(0)} µs CPU a submission (${rounds.map((x) => x.toFixed(0)).join(', ')})`,
    );
    await server.close();
    return;
  }
  // The bare route of bench-server.ts.
  const bare = new Hono();
  bare.post('/complaints', async (c) => {
    const body = await c.req.json<{ community: string }>();
    const id = newId();
    await store.driver.query(
      `INSERT INTO ${s}.bench_bare (id, community, data) VALUES ($1, $2, $3::text::json)`,
      [id, body.community, JSON.stringify(body)],
    );
    return c.json({ id }, 201);
  });
  const bareServer = await new Promise<{ origin: string; close: () => Promise<void> }>(
    (resolve) => {
      const srv = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({
          origin: `http://127.0.0.1:${info.port}`,
          close: () => new Promise((done) => srv.close(() => done())),
        }),
      );
    },
  );
  const { url: origin } = await server.listen(0, '127.0.0.1');
  const appUrl = `${origin}/api/v1/complaints`;
  const bareUrl = `${bareServer.origin}/complaints`;
  // Warm up both (JIT, prepared statements, the pool) for a whole slice each.
  await measure(appUrl, KEYED);
  await measure(bareUrl, false);
  const app: Awaited<ReturnType<typeof measure>>[] = [];
  const base: Awaited<ReturnType<typeof measure>>[] = [];
  // With BENCH_PROFILE, one side's rounds are profiled after the other's.
  const sides = PROFILE ? [['app'], ['bare']] : [['app', 'bare']];
  for (const side of sides) {
    if (ONLY && !side.includes(ONLY)) continue;
    const session = PROFILE ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    for (let r = 0; r < ROUNDS; r++) {
      if (ONLY !== 'bare' && side.includes('app')) app.push(await measure(appUrl, KEYED));
      if (ONLY !== 'app' && side.includes('bare')) base.push(await measure(bareUrl, false));
    }
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(`${PROFILE}-${side[0]}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    }
  }
  const pgNote = (xs: typeof app) =>
    label.startsWith('PostgreSQL')
      ? `; postgres processes ${median(xs.map((x) => x.database)).toFixed(0)} µs a request`
      : '';
  const fmt = (xs: typeof app) =>
    !xs.length
      ? '-'
      : `${median(xs.map((x) => x.cpu)).toFixed(0)} µs CPU a request, least ${Math.min(...xs.map((x) => x.cpu)).toFixed(0)} (${xs.map((x) => x.cpu.toFixed(0)).join(', ')}), ${median(xs.map((x) => x.perSecond)).toFixed(0)} req/s${pgNote(xs)}`;
  console.log(`${label}, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s`);
  console.log(`  submission:  ${fmt(app)}`);
  console.log(`  bare insert: ${fmt(base)}`);
  await bareServer.close();
  await server.close();
}

if (DBS.includes('pglite')) {
  const driver = await pgliteDriver({ db: await PGlite.create(PGLITE_OPTIONS), owned: true });
  await run('PGlite (memory)', await openSqlStore({ driver }));
}
if (url && DBS.includes('postgres')) {
  const schema = `sq_cpu_${Date.now().toString(36)}`;
  const driver = postgresDriver(url, { max: 10 });
  const store = await openSqlStore({ driver, schema });
  try {
    await run(`PostgreSQL (schema ${schema}, pool 10)`, store);
  } finally {
    const cleanup = postgresDriver(url, { max: 1 });
    await cleanup.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await cleanup.close();
  }
}
