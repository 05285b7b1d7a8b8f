// A real shequ-kit server for the browser tests: @web/test-runner starts it (PGlite in a
// temporary directory, the demo street seeded, rate limits off) and proxies `/api/v1/*` to it,
// so elements under test talk to it same-origin with `api-base="/api/v1"`, cookies included.
// The demo staff login is served at `/__shequ-kit__/demo-login.json` for the tests only.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOGIN_PATH = '/__shequ-kit__/demo-login.json';

/**
 * Starts the CLI on PGlite in a temporary directory with the demo street seeded and rate
 * limits off. Resolves once it listens: its origin, its data directory (the demo staff login
 * is written there) and `stop()`, which ends it and removes the directory. Also used by
 * scripts/size-requests.mjs.
 */
export async function spawnApiServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'shequ-kit-wtr-'));
  let stopping = false;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', '0'],
    {
      cwd: root,
      env: {
        ...process.env,
        // Always PGlite here: the SQL suites cover PostgreSQL; this is about the browser.
        DATABASE_URL: '',
        SHEQU_DATA_DIR: dataDir,
        SHEQU_SEED_DEMO: '1',
        SHEQU_RATE_LIMIT: 'off',
        SHEQU_LOGIN_RATE_LIMIT: 'off',
        SHEQU_LOG_LEVEL: 'error',
      },
      // The CLI prints its banner on stderr (stdout is for data): read both, show neither.
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = async () => {
    stopping = true;
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  };
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => stopping || reject(new Error(`API server did not start:\n${out}`)),
      60_000,
    );
    timer.unref();
    child.once('exit', (code) => {
      if (!stopping) reject(new Error(`API server exited (${code}):\n${out}`));
    });
    const read = (chunk) => {
      out += chunk;
      const match = /API\s+(http:\/\/[\d.]+:\d+)\/api\/v1/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { origin, dataDir, stop };
}

/**
 * The server's life (`plugin`: started with the test runner's server, stopped with it) and the
 * proxy (`middleware`: it must run before the static file server, which plugins cannot do).
 */
export function apiServer() {
  /** @type {Promise<{ origin: string, dataDir: string, stop(): Promise<void> }>} */
  let started;
  let dataDir;
  let origin;

  async function start() {
    const server = await spawnApiServer();
    ({ origin, dataDir } = server);
    return server;
  }

  /** @type {import('@web/test-runner').TestRunnerPlugin} */
  const plugin = {
    name: 'shequ-kit-api-server',
    serverStart() {
      started = start();
      // Failing to start is reported by the requests that need it, not by every test file.
      started.catch((error) => console.error(String(error)));
    },
    async serverStop() {
      const server = await started?.catch(() => undefined);
      await server?.stop();
    },
  };

  /** @type {import('koa').Middleware} */
  const middleware = async (ctx, next) => {
    if (ctx.path === LOGIN_PATH) {
      await started;
      ctx.type = 'json';
      ctx.body = await readFile(join(dataDir, 'demo-login.json'), 'utf8');
      return;
    }
    if (!ctx.path.startsWith('/api/v1/')) return next();
    await started;
    const upstream = new URL(ctx.originalUrl, origin);
    await new Promise((resolve, reject) => {
      const proxied = request(
        upstream,
        // The browser's Host stays: the server checks Origin against it (CSRF), as behind a proxy.
        { method: ctx.method, headers: ctx.headers },
        (res) => {
          ctx.status = res.statusCode ?? 502;
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && name !== 'transfer-encoding') ctx.set(name, value);
          }
          ctx.body = res;
          resolve();
        },
      );
      proxied.on('error', reject);
      ctx.req.pipe(proxied);
    });
  };

  return { plugin, middleware };
}
