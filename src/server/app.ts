import { randomFillSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DomainError, type Problem } from '../domain/errors.js';
import { systemClock, type Clock } from '../domain/time.js';
import { resolveSession } from '../features/core/auth.js';
import type { CalendarSource } from '../features/calendar/calendars.js';
import { createContext, publicActor, type Actor, type Credentials } from '../services/context.js';
import { isMutation, type OperationDef, type OperationName } from '../services/contract.js';
import { operations, runOperation } from './operations.js';
import {
  idempotency,
  KEY as IDEMPOTENCY_KEY,
  type IdempotencyClaim,
  type IdempotencyOptions,
  type PendingHit,
  refusal,
} from './idempotency.js';
import { describeError, type Logger } from './log.js';
import { openApiDocument } from './openapi.js';
import { problemFor, problemResponse } from './problem.js';
import { createRateLimiter, RetryLater, type RateLimit } from './rate-limit.js';
import {
  ClaimLost,
  NeedsTransaction,
  type IdempotencyBegin,
  type IdempotencyClaimRecord,
  type ServerStore,
} from '../stores/server-state.js';
import { fallbackPage, pagePolicy, readStatic } from './static.js';
import { accepts, acceptedEncoding, isHashedAsset, staticEncoder } from './compress.js';
import { assertCanReadUpload, saveUploads } from '../features/complaints/uploads.js';
import type { UploadLimits, UploadStorage } from './uploads.js';

/** Everything the app needs, resolved (createServer fills in defaults from options and env). */
export interface AppConfig {
  store: ServerStore;
  credentials: Credentials;
  clock?: Clock;
  log: Logger;
  /** Origins allowed to call the API from pages elsewhere (`https://www.example.gov.cn`); `*` = any, without cookies. */
  allowedOrigins: string[];
  /** Number of reverse proxies in front (their X-Forwarded-For entries are trusted); 0 = none. */
  trustProxy: number;
  /** Public writes (POST/PUT/… open to anyone) per client address; false = no limit. */
  publicWriteLimit: RateLimit | false;
  /** Photos anyone may store per client address (counted per file): bounds anonymous volume. */
  uploadLimit: RateLimit | false;
  /** Login attempts per username (on top of the per-address limit); false = no limit. */
  /**
   * Login attempts: per username and client address, in tiers of growing windows (whoever
   * guesses slows only themselves), and a much higher ceiling per username whatever the address.
   */
  loginLimit: { perAddress: RateLimit[]; perUsername: RateLimit | false } | false;
  /** Request body limits in bytes, for public operations and for staff ones. */
  bodyLimits: { public: number; staff: number };
  idempotency: IdempotencyOptions;
  cookie: { name: string; secure: boolean | 'auto' };
  uploads: { storage: UploadStorage; limits: UploadLimits } | false;
  /** Package root: serves `demo/index.html` at `/` and `dist/cdn/*` at `/cdn/*`; false = no pages. */
  staticRoot: string | false;
  version: string;
  /** The working-day calendar (法定节假日/调休) every operation runs with; refreshed after a load. */
  calendar: CalendarSource;
}

type Vars = {
  reqId: string;
  /**
   * The handler's answer carries every header the middlewares would set after it (plainAnswer):
   * they leave it alone.
   */
  complete?: boolean;
  route: string;
  actor: Actor;
  authVia: 'bearer' | 'cookie' | undefined;
  idempotency?: IdempotencyClaim;
  pendingHit?: PendingHit;
};
type AppEnv = { Variables: Vars };
type Ctx = Context<AppEnv>;

const JSON_TYPE = 'application/json; charset=utf-8';
/** Text types worth compressing (images are compressed already). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript)|image\/svg)/;
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
/** JSON answers of this many bytes and more are gzipped for clients that take it. */
const GZIP_THRESHOLD = 1024;

const utf8 = new TextDecoder();

/** A JSON body's headers; its length lets gzipAnswers leave a short one alone unread. */
const jsonHeaders = (body: string) => ({
  'Content-Type': JSON_TYPE,
  'Content-Length': String(Buffer.byteLength(body)),
});

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARIES_BY_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * Hono's compress (gzip), deciding from the answer's headers alone: an answer whose
 * Content-Length is under `threshold` is sent as it is, and Vary is set on the answer's own
 * headers. Hono's set it through the context, which copied the answer into a new one around a
 * stream of its body even when nothing was compressed; and with no Content-Length it gzipped
 * every JSON answer, however short, for clients that take gzip.
 */
function gzipAnswers(threshold: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.get('complete')) return;
    const res = c.res;
    const headers = res.headers;
    if (
      res.status === 206 ||
      headers.has('Content-Encoding') ||
      headers.has('Transfer-Encoding') ||
      c.req.method === 'HEAD'
    ) {
      return;
    }
    const length = headers.get('Content-Length');
    if (length !== null && Number(length) < threshold) return;
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(headers.get('Content-Type') ?? '')) return;
    if (NO_TRANSFORM.test(headers.get('Cache-Control') ?? '')) return;
    const vary = headers.get('Vary');
    if (vary !== '*' && !(vary && VARIES_BY_ENCODING.test(vary))) {
      headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    if (!accepts(c.req.header('Accept-Encoding'), 'gzip') || !res.body) return;
    c.res = new Response(res.body.pipeThrough(new CompressionStream('gzip')), res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', 'gzip');
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random bytes for request ids, drawn 4 KiB at a time (a draw is a syscall: ~13 µs each). */
const pool = new Uint8Array(4096);
let pooled = pool.length;

/** A request id in newId's layout (ULID: 48-bit ms time, 80 random bits, base32), from the pool. */
function requestId(now = Date.now()): string {
  let out = '';
  for (let i = 0, time = now; i < 10; i++, time = Math.floor(time / 32)) {
    out = CROCKFORD[time % 32] + out;
  }
  if (pooled + 16 > pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  for (let i = 0; i < 16; i++) out += CROCKFORD[pool[pooled++]! % 32];
  return out;
}

const fieldError = (key: string, path = '') =>
  new DomainError('validation_failed', 'invalid input', [{ path, key }]);

/** The address a request came from: the socket's, or the proxies' X-Forwarded-For entry we trust. */
function clientAddress(c: Ctx, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = hops[hops.length - trustProxy];
    if (entry) return entry;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

function isHttps(c: Ctx, trustProxy: number): boolean {
  if (trustProxy > 0) {
    const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim();
    if (proto) return proto === 'https';
  }
  // The request's URL is absolute (the scheme lower case): no URL parsed for it.
  return c.req.url.startsWith('https:');
}

/** The operation's input from the request: path parameters plus the query (GET) or JSON body. */
async function readInput(c: Ctx, def: OperationDef): Promise<Record<string, unknown>> {
  let fields: Record<string, unknown>;
  if (def.method === 'GET') {
    fields = { ...c.req.query() };
  } else {
    // The bytes, as the Idempotency-Key's fingerprint read them (Hono keeps them): decoding
    // them here saves making a Response of them again to ask for its text.
    const text = utf8.decode(await c.req.arrayBuffer());
    if (text.trim() === '') {
      fields = {};
    } else {
      const type = c.req.header('Content-Type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
        throw new DomainError('unsupported_media_type', 'send application/json');
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw fieldError('validation.invalid_json');
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw fieldError('validation.invalid_type');
      }
      fields = { ...(data as Record<string, unknown>) };
    }
  }
  for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
    if (Object.prototype.hasOwnProperty.call(fields, name) && fields[name] !== value) {
      throw fieldError('validation.path_mismatch', name);
    }
    fields[name] = value;
  }
  return fields;
}

/** Builds the Hono app: API under /api/v1, /healthz, and the demo page and CDN bundle. */
export function createApp(config: AppConfig): Hono<AppEnv> {
  const clock = config.clock ?? systemClock;
  const { store, log } = config;
  const limiter = createRateLimiter(store, clock);
  const anyOrigin = config.allowedOrigins.includes('*');
  const allowed = new Set(config.allowedOrigins.filter((o) => o !== '*'));

  const app = new Hono<AppEnv>();

  /** The headers every answer carries; `defaults` only where the answer set none of its own. */
  const ownHeaders = (c: Ctx) => {
    const always: Record<string, string> = {
      'X-Request-Id': c.get('reqId'),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    };
    if (isHttps(c, config.trustProxy)) {
      always['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
    }
    const defaults: Record<string, string> = {
      'Content-Security-Policy': API_POLICY,
      'Cache-Control': 'no-store',
    };
    return { always, defaults };
  };

  // Request id, timing, security headers and one log line per request.
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('reqId', requestId());
    c.set('route', '-');
    await next();
    if (!c.get('complete')) {
      const headers = c.res.headers;
      const { always, defaults } = ownHeaders(c);
      for (const name in always) headers.set(name, always[name]!);
      for (const name in defaults) if (!headers.has(name)) headers.set(name, defaults[name]!);
    }
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      id: c.get('reqId'),
      method: c.req.method,
      route: c.get('route'),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  // JSON answers of 1 KiB and more are gzipped for clients that accept it (lists, pages of
  // cards); static files come pre-encoded below and are left alone here.
  app.use('/api/*', gzipAnswers(GZIP_THRESHOLD));

  app.onError((error, c) => {
    const { problem, unexpected } = problemFor(error);
    const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
    if (typeof retryAfter === 'number') problem.retryAfter = retryAfter;
    problem.instance = `urn:shequ-kit:request:${c.get('reqId')}`;
    if (unexpected) {
      log({ level: 'error', msg: 'unexpected error', id: c.get('reqId'), ...describeError(error) });
    }
    // A body refused before it was read is still in the socket: close it rather than keep a
    // connection alive whose next "request" would be the rest of that body.
    return problemResponse(
      problem,
      problem.code === 'payload_too_large' ? { Connection: 'close' } : {},
    );
  });

  app.notFound((c) => {
    const problem: Problem = problemFor(new DomainError('not_found', 'no such route')).problem;
    problem.instance = `urn:shequ-kit:request:${c.get('reqId')}`;
    return problemResponse(problem);
  });

  app.get('/healthz', async (c) => {
    c.set('route', '/healthz');
    await store.ping?.();
    return c.json({ status: 'ok', version: config.version });
  });

  const api = new Hono<AppEnv>();

  const allowOrigin = (origin: string) => (anyOrigin ? '*' : allowed.has(origin) ? origin : null);
  const exposeHeaders = ['Retry-After', 'Idempotent-Replayed', 'X-Request-Id'];
  const preflight = cors({
    origin: allowOrigin,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Accept-Language'],
    exposeHeaders,
    credentials: !anyOrigin,
    maxAge: 600,
  });
  const exposed = exposeHeaders.join(',');
  /** The headers Hono's cors sets on an answer (Vary: Origin is added to the answer's own). */
  const corsHeaders = (c: Ctx) => {
    const headers: Record<string, string> = {};
    const origin = allowOrigin(c.req.header('Origin') ?? '');
    if (origin) headers['Access-Control-Allow-Origin'] = origin;
    if (!anyOrigin) headers['Access-Control-Allow-Credentials'] = 'true';
    headers['Access-Control-Expose-Headers'] = exposed;
    return headers;
  };
  api.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    // The headers Hono's cors sets, set on the answer once it is made: set before, on the
    // context's response, they made Hono copy the handler's answer into a new one around a
    // stream of its body (~0.1 ms a request, and the body then written from that stream).
    await next();
    if (c.get('complete')) return;
    const headers = c.res.headers;
    const cors = corsHeaders(c);
    for (const name in cors) headers.set(name, cors[name]!);
    headers.append('Vary', 'Origin');
  });

  /**
   * A JSON answer short enough not to be gzipped (GZIP_THRESHOLD), made with every header the
   * middlewares above would set after it, in a plain object: @hono/node-server then writes it
   * as it is, where setting them after made it build a fetch Headers of the answer's, set a
   * dozen headers on it and iterate it in sorted order (~30–60 µs a request). Longer answers
   * (gzipped for clients that take it) go the middlewares' way.
   */
  const plainAnswer = (c: Ctx, body: string, status: number): Response => {
    const length = Buffer.byteLength(body);
    if (length >= GZIP_THRESHOLD) return c.body(body, status as 200, jsonHeaders(body));
    const { always, defaults } = ownHeaders(c);
    c.set('complete', true);
    return new Response(body, {
      status,
      headers: {
        'Content-Type': JSON_TYPE,
        'Content-Length': String(length),
        ...defaults,
        ...corsHeaders(c),
        Vary: 'Origin',
        ...always,
      },
    });
  };

  // Who is calling: a bearer token (SDK) or the session cookie (browsers), else the public.
  api.use('*', async (c, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    const cookie = getCookie(c, config.cookie.name);
    const token = bearer ?? cookie;
    let actor: Actor | undefined;
    if (token && token.length <= 256) {
      actor = await resolveSession({ store, clock, credentials: config.credentials }, token);
    }
    c.set('actor', actor ?? publicActor);
    c.set('authVia', actor ? (bearer ? 'bearer' : 'cookie') : undefined);
    // A cookie rides along on cross-site requests too: refuse mutations from other sites.
    if (actor && !bearer && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('Origin');
      if (origin !== undefined) {
        let host: string | undefined;
        try {
          host = new URL(origin).host;
        } catch {
          host = undefined;
        }
        const own =
          (config.trustProxy > 0 && c.req.header('X-Forwarded-Host')) || new URL(c.req.url).host;
        if (host !== own && !allowed.has(origin)) {
          throw new DomainError('forbidden', 'cross-site request with a session cookie');
        }
      } else if (c.req.header('Sec-Fetch-Site') === 'cross-site') {
        throw new DomainError('forbidden', 'cross-site request with a session cookie');
      }
    }
    await next();
  });

  // With a valid Idempotency-Key on a route that replays, the hit is left to the idempotency
  // middleware, which counts it with the claim (PGlite: in this process's memory, then the
  // claim's statement; the memory store alike) — except on a store that counts hits apart
  // (PostgreSQL: ServerStore.hitsApart), where the hit is its own short statement first, so
  // the window's row is not locked until the claim's commit is flushed.
  const hitInClaim = !store.hitsApart;
  const publicWrites =
    (replayFollows: boolean): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      if (config.publicWriteLimit) {
        const subject = clientAddress(c, config.trustProxy);
        if (
          hitInClaim &&
          replayFollows &&
          IDEMPOTENCY_KEY.test(c.req.header('Idempotency-Key') ?? '')
        ) {
          c.set('pendingHit', await limiter.window('write', subject, config.publicWriteLimit));
        } else {
          await limiter.hit('write', subject, config.publicWriteLimit);
        }
      }
      await next();
    };
  const limitBody = (maxSize: number): MiddlewareHandler<AppEnv> => {
    const tooLarge = () => {
      throw new DomainError('payload_too_large', `at most ${maxSize} bytes`);
    };
    const streamed = bodyLimit({ maxSize, onError: tooLarge });
    return async (c, next) => {
      // A body of a declared length (what HTTP/1.1 clients send unless they stream) is checked
      // on the header, as Hono's bodyLimit does, without asking for the body's stream first:
      // on @hono/node-server that made a whole fetch Request over a web stream of the socket
      // (~0.2 ms of CPU a request); the body is then read straight from the socket. Node's
      // parser reads exactly Content-Length bytes. Chunked bodies are counted as they arrive.
      const length = c.req.header('Content-Length');
      if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) {
        return streamed(c, next);
      }
      if (parseInt(length, 10) > maxSize) tooLarge();
      await next();
    };
  };
  const replay = idempotency(
    store,
    clock,
    config.idempotency,
  ) as unknown as MiddlewareHandler<AppEnv>;
  // The operations' routes make the claim with their transaction (handle, below).
  const pipelinedReplay = idempotency(
    store,
    clock,
    config.idempotency,
    true,
  ) as unknown as MiddlewareHandler<AppEnv>;

  const cookieOptions = (c: Ctx) => ({
    httpOnly: true,
    sameSite: 'Lax' as const,
    path: '/api/',
    secure: config.cookie.secure === 'auto' ? isHttps(c, config.trustProxy) : config.cookie.secure,
  });

  // Keyed operations that asked for a transaction in claimWith (a lock, a write waited for):
  // they go straight to one from then on.
  const needsTransaction = new Set<OperationName>();
  const handle =
    (name: OperationName, def: OperationDef, route: string, asFile = false) =>
    async (c: Ctx) => {
      c.set('route', route);
      const input = await readInput(c, def);
      const actor = c.get('actor');
      const claim = c.get('idempotency');
      if (name === 'login' && config.loginLimit && typeof input.username === 'string') {
        const username = input.username.trim().toLowerCase().slice(0, 64);
        const pair = `${username}\n${clientAddress(c, config.trustProxy)}`;
        // Every tier counts the attempt; the longest wait of those exceeded is the answer.
        const hits = config.loginLimit.perAddress.map((limit, tier) =>
          limiter.hit(`login-${tier}`, pair, limit),
        );
        if (config.loginLimit.perUsername) {
          hits.push(limiter.hit('login', username, config.loginLimit.perUsername));
        }
        const refused = (await Promise.allSettled(hits)).flatMap((r) =>
          r.status === 'rejected' ? [r.reason as unknown] : [],
        );
        if (refused.length) {
          const waits = refused.filter((e): e is RetryLater => e instanceof RetryLater);
          if (waits.length < refused.length) throw refused.find((e) => !(e instanceof RetryLater));
          throw waits.reduce((longest, e) => (e.retryAfter > longest.retryAfter ? e : longest));
        }
      }
      const status = def.status ?? 200;
      const response = (body: string) => ({ status, contentType: JSON_TYPE, body });
      // `keep`: store the response under the claim in this transaction (not when claimWith does).
      const run = async (s: ServerStore, keep = true) => {
        const ctx = createContext(s, {
          clock,
          actor,
          credentials: config.credentials,
          calendar: config.calendar.current(),
        });
        const output = await runOperation(name, ctx, input);
        // Only what the contract's output schema knows leaves the server (unknown keys are dropped).
        const checked = def.output.safeParse(output);
        if (!checked.success) throw new Error(`${name}: output does not match the contract`);
        const body = JSON.stringify(checked.data);
        // Not waited for here: the transaction waits for it, with COMMIT sent along (one round
        // trip on PostgreSQL), and fails if it failed — also when this request's token does not
        // hold the key (ClaimLost): a key's writes commit once.
        const stored =
          claim && keep
            ? s.idempotency.complete(claim.scope, claim.key, claim.token, response(body))
            : undefined;
        stored?.catch(() => undefined);
        return { body, output: checked.data as Record<string, unknown>, stored };
      };
      type Ran = Awaited<ReturnType<typeof run>>;
      // Claim, stored response and writes in one statement, for an operation that locks
      // nothing and only sends its writes (a submission); undefined when it needs a
      // transaction (nothing was written or claimed: it goes on below, as from now on).
      const inOneStatement = async (
        held: IdempotencyClaim,
        pending: IdempotencyClaimRecord,
        claimWith: NonNullable<ServerStore['claimWith']>,
      ): Promise<Ran | Response | undefined> => {
        let outcome: IdempotencyBegin | { state: 'unsure' };
        let failed: { error: unknown } | undefined;
        try {
          const ran = await claimWith(
            pending,
            (s) => run(s, false),
            (r) => response(r.body),
          );
          if (ran.won) {
            held.held = true;
            held.completed = true;
            return ran.result;
          }
          outcome = ran.outcome;
        } catch (error) {
          if (error instanceof NeedsTransaction) {
            needsTransaction.add(name);
            return undefined;
          }
          // The operation failed (its 4xx is stored): nothing was written or counted.
          failed = { error };
          outcome = await store.idempotency.claim(pending);
        }
        if (outcome.state === 'unsure') {
          outcome = await store.idempotency.begin({ ...pending, count: undefined });
        }
        if (outcome.state !== 'started') return refusal(outcome, c.get('pendingHit'));
        held.held = true;
        if (failed) throw failed.error;
        // Ours only now (released or taken over as dead meanwhile): it runs again.
        return store.transaction(run);
      };
      // A mutation under an Idempotency-Key commits its writes and its stored response together.
      let result: Ran;
      const single =
        claim?.pending && store.claimWith && !needsTransaction.has(name)
          ? await inOneStatement(claim, claim.pending, store.claimWith.bind(store))
          : undefined;
      if (single instanceof Response) return single;
      if (single) {
        result = single;
      } else if (!claim) {
        result = await run(store);
      } else if (!claim.pending) {
        result = await store.transaction(run);
      } else {
        // The claim goes out before the transaction, not waited for: one round trip with it.
        const pending = claim.pending;
        let began: Promise<IdempotencyBegin | { state: 'unsure' }> | undefined;
        const first = (s: ServerStore) => {
          const claimed = s.idempotency.claim(pending);
          began = claimed;
          return claimed.then((b) => b.state === 'started');
        };
        let ran: { ok: true; result: Ran } | { ok: false; error: unknown };
        try {
          ran = { ok: true, result: await store.transaction(run, { first }) };
        } catch (error) {
          ran = { ok: false, error };
        }
        let outcome = await (began ?? store.idempotency.claim(pending));
        // Won only now (a claim taken over as dead): the transaction ran without it and failed.
        let late = false;
        if (outcome.state === 'unsure') {
          outcome = await store.idempotency.begin({ ...pending, count: undefined });
          late = true;
        }
        if (outcome.state !== 'started') return refusal(outcome, c.get('pendingHit'));
        claim.held = true;
        if (ran.ok) {
          result = ran.result;
        } else if (ran.error instanceof ClaimLost && late) {
          result = await store.transaction(run);
        } else if (ran.error instanceof ClaimLost) {
          // Ours, then taken over as dead before we committed: the other request answers.
          claim.held = false;
          throw new RetryLater('in_flight', 1, 'still in flight');
        } else {
          throw ran.error;
        }
      }
      if (claim && !claim.completed) {
        await result.stored;
        claim.completed = true;
      }
      // An answer that sets the session cookie goes Hono's way (its prepared headers carry it).
      let withCookie = true;
      if (name === 'login' || name === 'changePassword') {
        const maxAge = Math.floor(config.credentials.sessionTtlMs / 1000);
        setCookie(c, config.cookie.name, String(result.output.token), {
          ...cookieOptions(c),
          maxAge,
        });
      } else if (name === 'logout') {
        deleteCookie(c, config.cookie.name, cookieOptions(c));
      } else {
        withCookie = false;
      }
      if (name === 'putHolidaySchedule') {
        // This instance uses the new year at once; others within a minute (calendars.ts).
        await config.calendar.refresh();
      }
      if (asFile && def.file) {
        const file = result.output as { filename: string; content: string };
        return c.body(file.content, status, {
          'Content-Type': def.file.type,
          'Content-Disposition': `inline; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
          'Cache-Control': 'public, max-age=300',
        });
      }
      return withCookie
        ? c.body(result.body, status, jsonHeaders(result.body))
        : plainAnswer(c, result.body, status);
    };

  for (const [name, def] of Object.entries(operations) as [OperationName, OperationDef][]) {
    const path = def.path.replace(/\{([A-Za-z_$][\w$]*)\}/g, ':$1');
    const chain: MiddlewareHandler<AppEnv>[] = [];
    if (isMutation(def)) {
      chain.push(
        limitBody(def.access === 'public' ? config.bodyLimits.public : config.bodyLimits.staff),
      );
      if (def.access === 'public') chain.push(publicWrites(def.idempotent !== false));
      if (def.idempotent !== false) chain.push(pipelinedReplay);
    }
    api.on(def.method, [path], ...chain, handle(name, def, `/api/v1${path}`));
    if (def.file && def.method === 'GET') {
      const file = `${path}.${def.file.extension}`;
      api.get(file, handle(name, def, `/api/v1${file}`, true));
    }
  }

  let openapi: string | undefined;
  api.get('/openapi.json', (c) => {
    c.set('route', '/api/v1/openapi.json');
    openapi ??= JSON.stringify(
      openApiDocument({ version: config.version, uploads: config.uploads !== false }),
    );
    return c.body(openapi, 200, {
      'Content-Type': JSON_TYPE,
      'Cache-Control': 'public, max-age=300',
    });
  });

  if (config.uploads) {
    const { storage, limits } = config.uploads;
    api.post(
      '/uploads',
      limitBody(limits.maxBytes * limits.maxFiles + 64 * 1024),
      publicWrites(true),
      replay,
      async (c) => {
        c.set('route', '/api/v1/uploads');
        if (!/^multipart\/form-data\s*;/i.test(c.req.header('Content-Type') ?? '')) {
          throw new DomainError('unsupported_media_type', 'send multipart/form-data');
        }
        let form: FormData;
        try {
          form = await c.req.formData();
        } catch {
          throw fieldError('validation.invalid_multipart');
        }
        const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
        // Anonymous storage is bounded per address: files a day × the size cap.
        if (config.uploadLimit && c.get('actor').kind !== 'staff') {
          const address = clientAddress(c, config.trustProxy);
          for (const _file of files) await limiter.hit('upload', address, config.uploadLimit);
        }
        // Checks (count, size, type by content) and records: src/features/complaints/uploads.ts.
        const ctx = createContext(store, { clock, actor: c.get('actor') });
        const saved = await saveUploads(ctx, files, { limits, storage });
        const stored = saved.map(({ id, type, size }) => ({ id, contentType: type, size }));
        return c.body(JSON.stringify({ files: stored }), 201, { 'Content-Type': JSON_TYPE });
      },
    );
    api.get('/uploads/:id', async (c) => {
      c.set('route', '/api/v1/uploads/:id');
      // Staff of the community whose case the photo belongs to, nobody else.
      const ctx = createContext(store, { clock, actor: c.get('actor') });
      await assertCanReadUpload(ctx, c.req.param('id'));
      const file = await storage.get(c.req.param('id'));
      if (!file) throw new DomainError('not_found', 'no such file');
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType,
        'Cache-Control': 'private, max-age=3600',
        // Never rendered as a page of ours, whatever a browser would sniff: a download.
        'Content-Disposition': 'attachment',
        'Cross-Origin-Resource-Policy': 'same-site',
      });
    });
  }

  app.route('/api/v1', api);

  if (config.staticRoot) {
    const root = config.staticRoot;
    const encodeStatic = staticEncoder();
    const page = async (c: Ctx, html: string) =>
      c.body(html, 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': pagePolicy(html),
        'Cache-Control': 'no-cache',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Permissions-Policy': 'microphone=(), geolocation=(), payment=()',
      });
    app.get('/', async (c) => {
      c.set('route', '/');
      const html = await readFile(join(root, 'demo', 'index.html'), 'utf8').catch(
        () => fallbackPage,
      );
      return page(c, html);
    });
    const serveFile =
      (dir: string, crossOrigin: boolean, route: string, strip: number) => async (c: Ctx) => {
        c.set('route', route);
        const file = await readStatic(join(root, dir), c.req.path.slice(strip));
        if (!file) throw new DomainError('not_found', 'no such file');
        if (file.type.startsWith('text/html')) return page(c, new TextDecoder().decode(file.bytes));
        const headers: Record<string, string> = {
          'Content-Type': file.type,
          // A content-hashed chunk never changes; other files are checked again after 5 minutes.
          'Cache-Control': isHashedAsset(file.path)
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=300',
          Vary: 'Accept-Encoding',
        };
        // The drop-in bundle is meant to be loaded by pages on other sites (module scripts use CORS).
        if (crossOrigin) {
          headers['Access-Control-Allow-Origin'] = '*';
          headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
        }
        const encoding = COMPRESSIBLE.test(file.type)
          ? acceptedEncoding(c.req.header('Accept-Encoding'))
          : undefined;
        if (!encoding || file.bytes.length < 1024) {
          return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, headers);
        }
        const body = await encodeStatic(`${file.path}@${file.modified}`, file.bytes, encoding);
        headers['Content-Encoding'] = encoding;
        return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
      };
    app.get('/cdn/*', serveFile('dist/cdn', true, '/cdn/*', '/cdn'.length));
    // The demo page's own files (demo.css, demo.js…) sit beside it, at the root.
    app.get('/*', serveFile('demo', false, '/*', 0));
  }

  return app;
}
