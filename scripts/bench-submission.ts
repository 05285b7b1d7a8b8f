import { seedDemoData } from '../src/server/demo.js';
import { createServer } from '../src/server/server.js';
import type { SqlStore } from '../src/stores/sql/index.js';

/** The public complaint the server benchmarks submit (bench-server.ts, bench-submit-cpu.ts, bench-pglite-statement.ts). */
export const BENCH_COMMUNITY = 'xingfuli';

export const benchSubmission = JSON.stringify({
  community: BENCH_COMMUNITY,
  category: 'noise',
  description: '楼上每天晚上十二点以后还在装修，电钻声吵得老人睡不着。',
  location: {
    community: BENCH_COMMUNITY,
    grid: 'xfl-g1',
    building: 'xfl-g1-b2',
    unit: 'xfl-g1-b2-u1',
  },
  contact: { name: '张三丰', phone: '138-1234-1234' },
  consent: true,
});

/** Anything with Hono's `fetch` (the server's app). */
interface Fetches {
  fetch(request: Request, env: unknown): Response | Promise<Response>;
}

/**
 * One keyed submission through the app in this process (no socket), from 127.0.0.1 as the
 * public write limit sees it; throws unless it is created. Its body is read, as a client would.
 */
export async function submitInProcess(app: Fetches, idempotencyKey: string): Promise<void> {
  const response = await app.fetch(
    new Request('http://localhost/api/v1/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: benchSubmission,
    }),
    { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
  );
  if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

/**
 * The benchmarks' rate limits: the public write limit out of reach (its statement still runs
 * on every submission) unless BENCH_NO_LIMIT=1 turns it off; no login limits.
 */
export const benchRateLimits = () => ({
  publicWrites:
    process.env.BENCH_NO_LIMIT === '1' ? (false as const) : { windowMs: 60_000, max: 1e9 },
  login: false as const,
  loginPerUsername: false as const,
});

/**
 * The server on `store` as the in-process benchmarks run it (no log, no static files, no
 * uploads, no maintenance pass, benchRateLimits), with the demo street seeded.
 */
export async function benchServer(store: SqlStore) {
  const server = await createServer({
    store,
    log: false,
    staticRoot: false,
    uploads: false,
    maintainOnStart: false,
    rateLimits: benchRateLimits(),
  });
  await seedDemoData(server.store, server.credentials);
  return server;
}
