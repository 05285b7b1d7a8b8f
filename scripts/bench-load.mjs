// The load generator of `npm run bench:server`, run in a worker thread so it has an event loop
// of its own: `connections` keep-alive connections, each sending its next request as soon as
// the last answer is read, for `seconds`. Posts its latencies and statuses back.
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const { url, method, body, idempotent, connections, seconds } = workerData;
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: connections });

const once = () =>
  new Promise((resolve) => {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    if (idempotent) headers['Idempotency-Key'] = randomUUID();
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers,
        agent,
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    if (body !== undefined) req.write(body);
    req.end();
  });

const latencies = [];
const statuses = {};
const deadline = performance.now() + seconds * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const status = await once();
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ seconds: elapsed, latencies: Float64Array.from(latencies), statuses });
