import { releaseExpiredHolds } from '../features/wishes/service.js';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { systemClock, type Clock } from '../domain/time.js';
import type { Credentials } from '../services/context.js';
import type { Store } from '../services/store.js';
import { openSqlStore } from '../stores/sql/index.js';
import { createApp, type AppConfig } from './app.js';
import { scryptCredentials, type ScryptParams } from './credentials.js';
import { defaultIdempotency, type IdempotencyOptions } from './idempotency.js';
import { describeError, jsonLogger, silentLogger, type Logger } from './log.js';
import { PROBLEM_JSON, problemOf } from './problem.js';
import type { RateLimit } from './rate-limit.js';
import { isServerStore, withMemoryServerState, type ServerStore } from '../stores/server-state.js';
import { defaultUploadLimits, localDiskStorage, type UploadStorage } from './uploads.js';
import { storeFeatures } from '../stores/features.js';
import { deleteOrphanPhotos, runRetention, type RetentionReport } from '../services/retention.js';
import { calendarSource } from '../features/calendar/calendars.js';

/** The package root: `demo/` and `dist/cdn/` are found from here (src/server or dist/server). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export interface ServerOptions {
  /**
   * The store. Default: the SQL store — PostgreSQL at `databaseUrl`, else PGlite in `dataDir`.
   * Any other Store (the memory store) works for one process: idempotency records and rate
   * limits are then kept in that process.
   */
  store?: Store;
  databaseUrl?: string;
  /** PGlite's data (`<dataDir>/pglite`) and local uploads (`<dataDir>/uploads`); default `./.data`. */
  dataDir?: string;
  /** Database schema for the tables (default `public`). */
  schema?: string;
  /** Connections per instance on PostgreSQL (default 10). */
  poolSize?: number;
  clock?: Clock;
  /** Origins whose pages may call the API (CORS); `['*']` = any origin, without cookies. Default none. */
  allowedOrigins?: string[];
  /** Reverse proxies in front whose X-Forwarded-* headers are trusted: `true` = 1 (default 0). */
  trustProxy?: number | boolean;
  rateLimits?: {
    /** Per client address over all public writes (default 60 a minute). */
    publicWrites?: RateLimit | false;
    /**
     * Photos stored per client address without a staff session, counted per file (default 60
     * a day: at the 5 MiB cap at most 300 MiB a day from one address).
     */
    uploads?: RateLimit | false;
    /**
     * Login attempts per username and client address (default 5 per 5 minutes), in growing
     * tiers: 2× the attempts in 4× the window, then 4× in 16× (10 per 20 min, 20 per 80 min).
     */
    login?: RateLimit | false;
    /**
     * Login attempts per username whatever the address (default 100 per 15 minutes): high, so
     * that someone guessing a 网格员's password cannot lock the 网格员 out.
     */
    loginPerUsername?: RateLimit | false;
  };
  /** Body limits in bytes (default 64 KiB for public operations, 1 MiB for staff ones). */
  bodyLimits?: { public?: number; staff?: number };
  /** Staff sessions last this long (default 12 h). */
  sessionTtlMs?: number;
  /** `Secure` on the session cookie: `auto` (default) when the request came over HTTPS. */
  secureCookies?: boolean | 'auto';
  /** scrypt cost (default N=2^15, r=8, p=1); tests make it cheap. */
  scrypt?: ScryptParams;
  /** Or bring your own credentials entirely. */
  credentials?: Credentials;
  idempotency?: Partial<IdempotencyOptions>;
  /**
   * Default: local disk under `<dataDir>/uploads`, 5 MiB and 6 files per request; false = no
   * upload routes. Photos no case or wish refers to are deleted `orphanHours` after upload
   * (default 24: a resident attaches photos minutes before submitting, or a day later offline).
   */
  uploads?:
    { storage?: UploadStorage; maxBytes?: number; maxFiles?: number; orphanHours?: number } | false;
  /** Where `demo/` and `dist/cdn/` are (default: this package); false = API only. */
  staticRoot?: string | false;
  /** JSON lines on stdout by default; false = silent. */
  log?: Logger | false;
  /**
   * How long an idle keep-alive connection stays open (default 5 s, Node's). Behind a load
   * balancer make it longer than the balancer's idle timeout (AWS ALB: 60 s → 65 s).
   */
  keepAliveTimeoutMs?: number;
  /**
   * Socket limits: request headers within `headersMs` (default 20 s), whole requests within
   * `requestMs` (30 s; a connection silent that long is closed too), at most `maxConnections`
   * open at once (1024; more are refused at once).
   */
  connections?: { headersMs?: number; requestMs?: number; maxConnections?: number };
  /** Purge expired sessions, idempotency records and rate-limit windows this often (default 10 min). */
  maintenanceIntervalMs?: number;
  /**
   * A maintenance pass at start (default true): purges, retention, orphan photos, on PGlite
   * VACUUM (ANALYZE) of the tables that changed enough (ServerStore.tidy). The CLI's
   * one-off commands turn it off.
   */
  maintainOnStart?: boolean;
  /**
   * The retention job (src/services/retention.ts): past each community's `retentionDays` after
   * an item ended, its personal data is anonymised and its photos deleted. Run by the
   * maintenance pass at start and then every `intervalMs` (default 24 h) by every instance
   * (safe at once: batches skip rows another holds); `batchSize` items per transaction
   * (default 200). false: never (only if something else runs `shequ-kit-server retention`).
   */
  retention?: { intervalMs?: number; batchSize?: number } | false;
}

export interface ShequServer {
  readonly app: ReturnType<typeof createApp>;
  readonly store: ServerStore;
  /** How staff passwords are hashed and sessions made (the CLI's create-staff uses it). */
  readonly credentials: Credentials;
  /** Which database: `PGlite (./.data/pglite)`, `PostgreSQL (db.internal:5432/shequ)`, `memory`. */
  readonly database: string;
  /** The app as a fetch handler (tests call it without a socket). */
  fetch(request: Request): Promise<Response>;
  /** Listens on `port` (0 = any free one) and `host` (default 127.0.0.1). */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /**
   * A maintenance pass now, after the one in progress if any (the timer runs them on its own):
   * purges what has expired, runs the retention job when it is due, deletes orphan photos and,
   * on PGlite, vacuums and analyses the tables that changed enough.
   */
  maintain(): Promise<void>;
  /** The pass begun at start (resolved at once with `maintainOnStart: false`); never rejects. */
  readonly started: Promise<void>;
  /**
   * Runs the retention job now, whenever it last ran (`dryRun`: counts only, changes nothing);
   * photos it lets go are deleted by the next maintenance pass. The CLI's `retention` command.
   */
  retention(options?: { dryRun?: boolean }): Promise<RetentionReport>;
  /** Stops listening, lets requests in progress finish, closes the store. */
  close(): Promise<void>;
}

/**
 * Makes a server: opens (and migrates) the store and builds the app. Nothing is read from the
 * environment here — the CLI maps environment variables to these options (see cli.ts).
 */
export async function createServer(options: ServerOptions = {}): Promise<ShequServer> {
  const dataDir = options.dataDir ?? './.data';
  let database: string;
  let store: ServerStore;
  if (options.store) {
    store = isServerStore(options.store) ? options.store : withMemoryServerState(options.store);
    const driver = (options.store as { driver?: { label?: string } }).driver;
    database = driver?.label ?? 'memory';
  } else {
    const sql = await openSqlStore({
      databaseUrl: options.databaseUrl,
      dataDir,
      schema: options.schema,
      poolSize: options.poolSize,
    });
    store = sql;
    database = sql.driver.label;
  }
  const clock = options.clock ?? systemClock;
  const log = options.log === false ? silentLogger : (options.log ?? jsonLogger());
  const credentials =
    options.credentials ??
    scryptCredentials({ scrypt: options.scrypt, sessionTtlMs: options.sessionTtlMs });
  const idempotency = { ...defaultIdempotency, ...options.idempotency };
  const trustProxy =
    options.trustProxy === true ? 1 : options.trustProxy === false ? 0 : (options.trustProxy ?? 0);
  const publicWriteLimit = options.rateLimits?.publicWrites ?? { windowMs: 60_000, max: 60 };
  const uploadLimit = options.rateLimits?.uploads ?? { windowMs: 86_400_000, max: 60 };
  const loginBase = options.rateLimits?.login ?? { windowMs: 5 * 60_000, max: 5 };
  const perUsername = options.rateLimits?.loginPerUsername ?? { windowMs: 15 * 60_000, max: 100 };
  const loginTiers = loginBase
    ? [1, 2, 3].map((n) => ({
        windowMs: loginBase.windowMs * 4 ** (n - 1),
        max: loginBase.max * 2 ** (n - 1),
      }))
    : [];
  const loginLimit: AppConfig['loginLimit'] =
    loginTiers.length || perUsername ? { perAddress: loginTiers, perUsername } : false;
  // 法定节假日/调休: the shipped years with those an operator loaded over them.
  const calendar = calendarSource(store);
  await calendar.refresh();
  const config: AppConfig = {
    store,
    calendar,
    credentials,
    clock,
    log,
    allowedOrigins: options.allowedOrigins ?? [],
    trustProxy,
    publicWriteLimit,
    uploadLimit,
    loginLimit,
    bodyLimits: {
      public: options.bodyLimits?.public ?? 64 * 1024,
      staff: options.bodyLimits?.staff ?? 1024 * 1024,
    },
    idempotency,
    cookie: { name: 'sq_session', secure: options.secureCookies ?? 'auto' },
    uploads:
      options.uploads === false
        ? false
        : {
            storage: options.uploads?.storage ?? localDiskStorage(join(dataDir, 'uploads')),
            limits: {
              maxBytes: options.uploads?.maxBytes ?? defaultUploadLimits.maxBytes,
              maxFiles: options.uploads?.maxFiles ?? defaultUploadLimits.maxFiles,
            },
          },
    staticRoot: options.staticRoot === undefined ? packageRoot : options.staticRoot,
    version: packageVersion(),
  };
  const app = createApp(config);
  const orphanHours = (options.uploads && options.uploads.orphanHours) || 24;

  const windows = [publicWriteLimit, uploadLimit, perUsername, ...loginTiers].map((l) =>
    l ? l.windowMs : 0,
  );
  const retention =
    options.retention === false
      ? undefined
      : {
          intervalMs: options.retention?.intervalMs ?? 24 * 3_600_000,
          batchSize: options.retention?.batchSize ?? 200,
        };
  let closing = false;
  const retain = (dryRun = false) =>
    runRetention(store, {
      now: clock.now(),
      features: storeFeatures,
      batchSize: retention?.batchSize,
      dryRun,
      stopped: () => closing,
    });
  let retainedAt = -Infinity;
  const retainNow = async (dryRun = false) => {
    const now = clock.now().getTime();
    const report = await retain(dryRun);
    if (!dryRun) retainedAt = now;
    return report;
  };
  const maintainOnce = async () => {
    const now = clock.now().getTime();
    await store.sessions.deleteExpired(new Date(now).toISOString());
    await store.idempotency.purge(new Date(now - idempotency.ttlMs).toISOString());
    await store.rateLimits.purge(new Date(now - 2 * Math.max(...windows, 60_000)).toISOString());
    // Holds that ended read as released already; this records the releases (reads never write).
    await releaseExpiredHolds(store, new Date(now));
    if (retention && now - retainedAt >= retention.intervalMs) {
      const report = await retainNow();
      if (report.anonymised) {
        log({
          level: 'info',
          msg: 'retention',
          anonymised: report.anonymised,
          photos: report.photos,
        });
      }
    }
    // Photos nobody attached, and those the retention job let go: records, then bytes.
    if (config.uploads) {
      const storage = config.uploads.storage;
      const before = new Date(now - orphanHours * 3_600_000).toISOString();
      await deleteOrphanPhotos(store, before, (id) => storage.delete(id));
    }
    // PGlite has no autovacuum: the tables that changed enough are vacuumed and analysed.
    await store.tidy?.();
  };
  // One pass at a time per instance; several instances may run theirs at once.
  let pass: Promise<void> = Promise.resolve();
  const maintain = () => (pass = pass.then(maintainOnce, maintainOnce));
  const warn = (error: unknown) =>
    log({ level: 'warn', msg: 'maintenance failed', ...describeError(error) });
  const timer = setInterval(
    () => {
      maintain().catch(warn);
    },
    options.maintenanceIntervalMs ?? 10 * 60_000,
  );
  timer.unref();
  const started = options.maintainOnStart === false ? Promise.resolve() : maintain().catch(warn);

  const limits = {
    headersMs: options.connections?.headersMs ?? 20_000,
    requestMs: options.connections?.requestMs ?? 30_000,
    keepAliveMs: options.keepAliveTimeoutMs ?? 5_000,
    maxConnections: options.connections?.maxConnections ?? 1024,
  };
  let server: Server | undefined;
  let closed = false;
  return {
    app,
    store,
    credentials,
    database,
    fetch: async (request) => app.fetch(request),
    maintain,
    started,
    retention: (o = {}) => retainNow(o.dryRun),
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = serve(
          {
            fetch: app.fetch,
            port,
            hostname: host,
            // Checked every second (Node's default is 30 s, which let slow clients hold a
            // connection for twice the stated time).
            serverOptions: {
              headersTimeout: limits.headersMs,
              requestTimeout: limits.requestMs,
              keepAliveTimeout: limits.keepAliveMs,
              connectionsCheckingInterval: 1000,
            },
          },
          (info: AddressInfo) => {
            const shown =
              host === '0.0.0.0' || host === '::'
                ? 'localhost'
                : host.includes(':')
                  ? `[${host}]`
                  : host;
            resolve({ url: `http://${shown}:${info.port}`, port: info.port });
          },
        ) as Server;
        s.once('error', reject);
        // Slow clients cannot hold connections open for ever (slowloris): a socket silent for
        // a whole request's time is closed (Node applies headersTimeout only once bytes
        // arrive), and there is a cap.
        s.timeout = limits.requestMs;
        s.maxConnections = limits.maxConnections;
        // Node's own parser errors (431, 400, 408) answer problem+json like the app does.
        s.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
          const status = clientErrorStatus(error.code);
          if (!status || !socket.writable) {
            socket.destroy();
            return;
          }
          const code =
            status === 431
              ? 'headers_too_large'
              : status === 408
                ? 'request_timeout'
                : 'validation_failed';
          const body = JSON.stringify(problemOf(code, error.code ?? 'bad request'));
          socket.end(
            `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_JSON}\r\n` +
              `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          );
        });
        server = s;
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      closing = true;
      clearInterval(timer);
      calendar.stop();
      // A pass in progress stops after its current batch; the store closes after it.
      await pass.catch(() => undefined);
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeIdleConnections();
          setTimeout(() => s.closeAllConnections(), 5_000).unref();
        });
      }
      await store.close();
    },
  };
}

/** The status for an error of Node's HTTP parser; undefined: the client went away. */
function clientErrorStatus(code: string | undefined): 400 | 408 | 431 | undefined {
  if (code === 'ECONNRESET' || code === 'EPIPE') return undefined;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}
