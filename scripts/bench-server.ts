/**
 * `npm run bench:server`: write and read throughput and p50/p99 latency through HTTP, against
 * the raw SQL store's in the same run, on the same database, and the ratio of the two.
 *
 *   npm run bench:server                       PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:server   PostgreSQL (a temporary schema, dropped after)
 *   BENCH_OPS=2000 BENCH_CONCURRENCY=16 BENCH_SECONDS=20 npm run bench:server
 *
 * Everything runs on this machine: the load generator shares the CPU with the server, and
 * requests go to 127.0.0.1 only. Each phase stops after BENCH_OPS operations or BENCH_SECONDS.
 */
import { performance } from 'node:perf_hooks';
import { createServer } from '../src/server/server.js';
import { seedDemoData } from '../src/server/demo.js';
import { demoCommunities } from '../src/features/core/demo.js';
import { newId } from '../src/domain/index.js';
import { openSqlStore, pgliteDriver, type SqlStore } from '../src/stores/sql/index.js';
import { cpus, totalmem } from 'node:os';

const OPS = Number(process.env.BENCH_OPS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const url = process.env.DATABASE_URL;

interface Result {
  ops: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** One line about the machine. */
const os = (): string =>
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

async function measure(fn: (i: number) => Promise<void>): Promise<Result> {
  // Warm up: JIT, connections, prepared statements.
  for (let i = 0; i < 50; i++) await fn(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const worker = async () => {
    while (next < OPS && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      await fn(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    ops: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

async function main() {
  const schema = `sq_bench_${Date.now().toString(36)}`;
  const store: SqlStore = url
    ? await openSqlStore({ databaseUrl: url, schema })
    : await openSqlStore({ driver: await pgliteDriver({ dataDir: 'memory://' }) });
  const database = store.driver.label;
  const rssAtStart = process.memoryUsage().rss;
  const server = await createServer({
    store,
    log: false,
    staticRoot: false,
    uploads: false,
    rateLimits: { publicWrites: false, login: false, loginPerUsername: false },
  });
  try {
    const login = (await seedDemoData(server.store, server.credentials))!;
    const { url: origin } = await server.listen(0, '127.0.0.1');
    const api = `${origin}/api/v1`;
    const tokenRes = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'xfl-admin', password: login.password }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const community = demoCommunities[0]!;
    const { id: _id, ...body } = community;
    const payload = JSON.stringify(body);

    const rawWrite = await measure(async () => {
      await store.transaction((tx) => tx.communities.put(community));
    });
    const rawRead = await measure(async () => {
      if (!(await store.communities.get(community.id))) throw new Error('missing');
    });
    const httpWrite = await measure(async () => {
      const res = await fetch(`${api}/communities/${community.id}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': newId(),
        },
        body: payload,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`PUT ${res.status}`);
    });
    const httpRead = await measure(async () => {
      const res = await fetch(`${api}/communities/${community.id}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${res.status}`);
    });

    const row = (name: string, r: Result) =>
      `| ${name.padEnd(26)} | ${r.ops.toString().padStart(6)} | ${r.perSecond.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)} |`;
    console.log(`\nshequ-kit server benchmark — ${database}, ${os()}`);
    console.log(
      `concurrency ${CONCURRENCY}, up to ${OPS} operations or ${SECONDS} s per phase; client and server share the machine\n`,
    );
    console.log('| phase                      |    ops |    ops/s | p50 ms  | p99 ms  |');
    console.log('|----------------------------|--------|----------|---------|---------|');
    console.log(row('raw store write (tx put)', rawWrite));
    console.log(row('HTTP write (PUT, idem key)', httpWrite));
    console.log(row('raw store read (get)', rawRead));
    console.log(row('HTTP read (GET)', httpRead));
    const ratio = (http: Result, raw: Result) => (http.perSecond / raw.perSecond).toFixed(2);
    const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
    console.log(
      `\nresident memory (server and load in one process): ${mib(rssAtStart)} with the database open, ${mib(process.memoryUsage().rss)} after the run`,
    );
    console.log(
      `\nHTTP / raw throughput: writes ${ratio(httpWrite, rawWrite)}×, reads ${ratio(httpRead, rawRead)}×`,
    );
    if (process.argv.includes('--json')) {
      console.log(
        JSON.stringify({
          database,
          concurrency: CONCURRENCY,
          rawWrite,
          httpWrite,
          rawRead,
          httpRead,
        }),
      );
    }
  } finally {
    if (url)
      await store.driver.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
