/**
 * CPU time of single statements on PGlite, in this process: a keyed public complaint
 * submission's one statement (the rate-limit hit, the Idempotency-Key claim with its stored
 * response, the case's insert — captured from real submissions through `app.fetch`, then
 * replayed, each with its own key, id and ticket), the bare route's insert of
 * scripts/bench-server.ts and `SELECT 1`, each sent two ways in turn: PGlite's own `query()`
 * (unnamed: parsed and planned every time) and the driver's (src/stores/sql/pglite.ts:
 * prepared once per text, then Bind/Describe/Execute/Sync in one call). Prints µs of CPU per
 * statement, each round.
 *
 *   node --import tsx scripts/bench-pglite-statement.ts      BENCH_N=200 BENCH_ROUNDS=4
 */
import { PGlite } from '@electric-sql/pglite';
import { newId } from '../src/domain/index.js';
import { openSqlStore, pgliteDriver } from '../src/stores/sql/index.js';
import { PGLITE_OPTIONS } from '../src/stores/sql/pglite.js';
import { benchSubmission as submission, submitInProcess, benchServer } from './bench-submission.js';

const N = Number(process.env.BENCH_N ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);

const pg = await PGlite.create(PGLITE_OPTIONS);
let capturing = false;
const captured: { text: string; params: unknown[] }[] = [];
// The store's driver on a bare query/exec/transaction view of `pg` (so it uses `query()`),
// which answers the submission's statement without running it while capturing.
const view = {
  query: (text: string, params?: unknown[]) => {
    if (capturing && text.includes('claim AS (') && text.includes('w0 AS (')) {
      captured.push({ text, params: params ?? [] });
      return Promise.resolve({ rows: [{ count: 1, started: true }] });
    }
    return pg.query(text, params);
  },
  exec: (text: string) => pg.exec(text),
  transaction: (fn: never) => pg.transaction(fn),
  close: () => pg.close(),
  get closed() {
    return pg.closed;
  },
};
const store = await openSqlStore({ driver: await pgliteDriver({ db: view as never }) });
const server = await benchServer(store);
const variants = 2; // query(), driver
const needed = (ROUNDS + 1) * N * variants;
capturing = true;
for (let i = 0; i < needed; i++) {
  await submitInProcess(server.app, newId());
}
capturing = false;

const driver = await pgliteDriver({ db: pg as never });
const s = `"${store.schema}"`;
await pg.exec(
  `CREATE TABLE IF NOT EXISTS ${s}.bench_bare (id text PRIMARY KEY, community text, data json)`,
);
const bare = `INSERT INTO ${s}.bench_bare (id, community, data) VALUES ($1, $2, $3::text::json)`;
const bareParams = () => [newId(), 'xingfuli', submission];
let next = 0;
const take = () => captured[next++]!;
const cases: Record<string, () => Promise<unknown>> = {
  "submission, PGlite's query()": () => {
    const c = take();
    return pg.query(c.text, c.params);
  },
  'submission, driver (prepared)': () => {
    const c = take();
    return driver.query(c.text, c.params);
  },
  "bare insert, PGlite's query()": () => pg.query(bare, bareParams()),
  'bare insert, driver (prepared)': () => driver.query(bare, bareParams()),
  "SELECT 1, PGlite's query()": () => pg.query('SELECT 1'),
  'SELECT 1, driver (prepared)': () => driver.query('SELECT 1'),
};
const results: Record<string, number[]> = {};
for (let round = -1; round < ROUNDS; round++) {
  for (const [what, run] of Object.entries(cases)) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < N; i++) await run();
    const used = process.cpuUsage(cpu);
    if (round >= 0) (results[what] ??= []).push((used.user + used.system) / N);
  }
}
const [{ count }] = (
  await pg.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${s}.complaints`)
).rows as [{ count: number }];
if (count !== next) throw new Error(`${count} cases inserted, ${next} statements sent`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`µs of CPU per statement, ${N} a round, ${ROUNDS} rounds (median: each round)`);
for (const [what, xs] of Object.entries(results)) {
  console.log(
    `  ${what.padEnd(31)} ${median(xs).toFixed(0).padStart(5)}: ${xs.map((x) => x.toFixed(0)).join(', ')}`,
  );
}
await server.close();
