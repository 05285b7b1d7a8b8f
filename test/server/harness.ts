/**
 * Starts real servers for tests: on a TestDatabase (PGlite shared per file, PostgreSQL when
 * DATABASE_URL is set), in a fresh schema, with the demo street and its staff seeded and
 * cheap scrypt. Also usable by other suites (the SDK's) to get a server to talk to.
 */
import { createServer, type ServerOptions, type ShequServer } from '../../src/server/server.js';
import { seedDemoData, type DemoLogin } from '../../src/server/demo.js';
import { memoryStorage } from '../../src/server/uploads.js';
import type { Clock } from '../../src/domain/index.js';
import type { TestDatabase } from './db.js';

export interface TestServer {
  server: ShequServer;
  /** `http://127.0.0.1:PORT` when listening, else `http://test` (use `fetch` then). */
  origin: string;
  /** `${origin}/api/v1` */
  baseUrl: string;
  login: DemoLogin;
  /** Requests to the app: over the socket when listening, else straight to its fetch handler. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A bearer token for a demo account (`xfl-admin`, `xfl-grid`, `ch-admin`). */
  tokenFor(username: string): Promise<string>;
  close(): Promise<void>;
}

export const cheapScrypt = { N: 1024, r: 8, p: 1 };

/** A clock tests move by hand. */
export function manualClock(
  start = '2026-03-02T01:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
    set(iso) {
      now = Date.parse(iso);
    },
  };
}

export async function startTestServer(
  db: TestDatabase,
  options: ServerOptions & { listen?: boolean } = {},
): Promise<TestServer> {
  const { listen, ...rest } = options;
  const store = rest.store ?? (await db.open());
  const server = await createServer({
    log: false,
    scrypt: cheapScrypt,
    staticRoot: false,
    rateLimits: { publicWrites: false, uploads: false, login: false, loginPerUsername: false },
    ...rest,
    // Uploads go to memory unless a test brings its own storage.
    uploads: rest.uploads === false ? false : { storage: memoryStorage(), ...rest.uploads },
    store,
  });
  const login = (await seedDemoData(server.store, server.credentials))!;
  let origin = 'http://test';
  if (listen) origin = (await server.listen(0)).url;
  const fetchApp = (path: string, init?: RequestInit) =>
    listen ? fetch(origin + path, init) : server.fetch(new Request(origin + path, init));
  const tokens = new Map<string, string>();
  return {
    server,
    origin,
    baseUrl: `${origin}/api/v1`,
    login,
    fetch: fetchApp,
    async tokenFor(username) {
      const known = tokens.get(username);
      if (known) return known;
      const res = await fetchApp('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: login.password }),
      });
      if (res.status !== 200)
        throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      const { token } = (await res.json()) as { token: string };
      tokens.set(username, token);
      return token;
    },
    close: () => server.close(),
  };
}

/** JSON request helpers. */
export const json = (
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const bearer = (token: string, headers: Record<string, string> = {}) => ({
  Authorization: `Bearer ${token}`,
  ...headers,
});
