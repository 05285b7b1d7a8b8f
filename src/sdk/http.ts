import type { Problem } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { toFieldErrors } from '../domain/validation.js';
import {
  isMutation,
  type OperationDef,
  type OperationRoute,
  type OperationSchemas,
} from '../domain/operation.js';
import { loadedOperationDef, operationDef, operationRoute } from './operations.js';
import { ApiError } from './errors.js';
import { backoffDelay, retryDefaults, parseRetryAfter, sleep, type RetryOptions } from './retry.js';
import type { CallOptions, Transport, UploadedFile } from './transport.js';

export interface HttpOptions {
  /** The API base, absolute (`https://example.org/api/v1`) or, in pages, relative (`/api/v1`). */
  baseUrl: string;
  /** Default: the global `fetch` (browsers, Node ≥ 20), looked up at call time. */
  fetch?: typeof fetch;
  /** Per attempt, from sending to the last byte of the answer (default 15 000 ms). */
  timeoutMs?: number;
  /** Retries inside one call (see {@link RetryOptions}; default 4 tries, 300 ms – 10 s). */
  retry?: RetryOptions;
  /** Sent as `Authorization: Bearer …`; a function is asked again on every attempt. */
  token?: string | (() => string | undefined);
  /** Default `same-origin`; `include` when a staff session cookie lives on another origin. */
  credentials?: 'omit' | 'same-origin' | 'include';
}

/** The http transport, plus the lower-level `request` (any operation definition). */
export interface HttpTransport extends Transport {
  readonly kind: 'http';
  readonly baseUrl: string;
  /**
   * Sends one operation described by `def` (not necessarily in the contract's table): what
   * `call` does for the contract's operations. The outbox and tests use it.
   */
  request(def: OperationDef, input: unknown, options?: CallOptions): Promise<unknown>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

const ACCEPT = 'application/json, application/problem+json';
const PATH_PARAM = /\{([A-Za-z_$][\w$]*)\}/g;

/** Makes the transport that talks to a shequ-kit server (src/server) over its REST API. */
export function createHttpTransport(options: HttpOptions): HttpTransport {
  return {
    kind: 'http',
    baseUrl: options.baseUrl,
    call(name, input, call = {}) {
      // The route is known at once; the schemas load with the feature's table (see `send`).
      return new Promise<unknown>((resolve) => {
        const def = loadedOperationDef(name);
        const route = def ?? operationRoute(name); // throws for an unknown name
        const schemas = def ? Promise.resolve(def) : operationDef(name);
        resolve(send(options, route, schemas, input, call, !!def));
      }) as Promise<never>;
    },
    request: (def, input, call) => request(options, def, input, call),
    upload: (file, call) => uploadFile(options, file, call),
    download: (id, call) => downloadFile(options, id, call),
    close: () => Promise.resolve(),
  };
}

/**
 * Where and what to send: `{param}` path segments filled from the input's fields (and removed
 * from it), the rest as the query string (GET: `undefined`/`null` skipped, arrays repeated,
 * objects as JSON) or as the JSON body (other methods).
 */
export function buildRequest(
  baseUrl: string,
  def: Pick<OperationRoute, 'method' | 'path'>,
  input: unknown,
): { url: string; body: string | undefined } {
  const rest: Record<string, unknown> =
    input !== null && typeof input === 'object' ? { ...(input as Record<string, unknown>) } : {};
  const path = def.path.replace(PATH_PARAM, (_, name: string) => {
    const value = rest[name];
    if (value === undefined || value === null || value === '') {
      throw new ApiError('validation_failed', `missing path parameter ${name}`, [
        { path: name, key: 'validation.required' },
      ]);
    }
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  let url = baseUrl.replace(/\/+$/, '') + path;
  if (def.method !== 'GET') return { url, body: JSON.stringify(rest) };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(rest)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      query.append(name, queryValue(item));
    }
  }
  const search = query.toString();
  if (search) url += (url.includes('?') ? '&' : '?') + search;
  return { url, body: undefined };
}

function queryValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const abortReason = (signal: AbortSignal): unknown =>
  // `reason` is Chromium ≥ 98 / Safari ≥ 15.4; older WebViews abort without one.
  signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

/**
 * Sends one operation: validates the input with `def.input` (so a form gets its field errors
 * without a round trip and the outbox never queues what the server must refuse), retries
 * network errors, timeouts, 408, 429, 5xx and 409 `in_flight` with full-jitter backoff
 * (Retry-After as a lower bound), and validates the answer with `def.output`.
 *
 * Mutations carry one `Idempotency-Key` for the whole call, every retry included.
 * Errors are {@link ApiError}s, except an abort by the caller's `signal`, which rejects with
 * the signal's reason (an `AbortError` DOMException) and is never retried.
 */
export function request(
  http: HttpOptions,
  def: OperationDef,
  input: unknown,
  call: CallOptions = {},
): Promise<unknown> {
  return send(http, def, Promise.resolve(def), input, call, true);
}

type Schemas = Pick<OperationSchemas, 'input' | 'output'>;

/**
 * `request` with the schemas maybe still loading (`loaded` false). A mutation waits for them
 * and is checked before it leaves, as is everything once they are loaded. A feature's first
 * read goes out at once, so a page's first data does not wait for the schemas' chunk: its
 * input is checked when they arrive (an invalid one stops the read with the same field errors)
 * and its answer once both are in.
 */
async function send(
  http: HttpOptions,
  route: OperationRoute,
  schemas: Promise<Schemas>,
  input: unknown,
  call: CallOptions,
  loaded: boolean,
): Promise<unknown> {
  const checked = schemas.then((def) => {
    const result = def.input.safeParse(input ?? {});
    if (!result.success) {
      throw new ApiError('validation_failed', 'invalid input', toFieldErrors(result.error.issues));
    }
    return def;
  });
  const attempts = (signal: AbortSignal | undefined) => {
    // The raw input goes out, not the parsed one: the server parses it again with the same schema.
    const { url, body } = buildRequest(http.baseUrl, route, input ?? {});
    const key = isMutation(route) ? (call.idempotencyKey ?? newId()) : undefined;
    return withRetries(http, signal, (once) =>
      attemptOnce(http, route, url, body, key, once, checked),
    );
  };
  if (loaded || isMutation(route)) {
    await checked;
    return attempts(call.signal);
  }
  const stop = new AbortController();
  const onAbort = () => stop.abort(call.signal?.reason);
  if (call.signal?.aborted) onAbort();
  else call.signal?.addEventListener('abort', onAbort, { once: true });
  checked.catch(() => stop.abort());
  try {
    // An invalid input rejects first, with its field errors.
    const [, answer] = await Promise.all([checked, attempts(stop.signal)]);
    return answer;
  } finally {
    call.signal?.removeEventListener('abort', onAbort);
  }
}

/** Runs `once` with the transport's retries: retryable ApiErrors, backoff, Retry-After. */
async function withRetries(
  http: HttpOptions,
  signal: AbortSignal | undefined,
  once: (signal: AbortSignal | undefined) => Promise<unknown>,
): Promise<unknown> {
  const retry = http.retry ?? {};
  const attempts = Math.max(1, retry.attempts ?? retryDefaults.attempts);
  const maxMs = retry.maxMs ?? retryDefaults.maxMs;
  const wait = retry.sleep ?? sleep;

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      return await once(signal);
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (!(error instanceof ApiError) || !error.retryable || attempt + 1 >= attempts) throw error;
      const retryAfterMs = error.retryAfter === undefined ? undefined : error.retryAfter * 1000;
      const delay = backoffDelay(attempt, retry, retryAfterMs);
      // The server asks for a longer pause than one call may take: give up now, keeping
      // `retryAfter` on the error; the outbox (or the caller) tries again later.
      if (delay > maxMs) throw error;
      await wait(delay, signal);
    }
  }
}

/**
 * One try: the answer checked against `schemas` (awaited once it is in), or an ApiError from
 * its status or the network. Bytes (`raw.blob`) are not checked.
 */
async function attemptOnce(
  http: HttpOptions,
  def: Pick<OperationRoute, 'method' | 'path'>,
  url: string,
  body: string | Blob | undefined,
  key: string | undefined,
  signal: AbortSignal | undefined,
  schemas: Promise<Pick<OperationSchemas, 'output'>> | undefined,
  raw?: { contentType?: string; blob?: boolean },
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: raw?.blob ? '*/*' : ACCEPT };
  if (body !== undefined) headers['Content-Type'] = raw?.contentType ?? 'application/json';
  if (key !== undefined) headers['Idempotency-Key'] = key;
  const token = typeof http.token === 'function' ? http.token() : http.token;
  if (token) headers.Authorization = `Bearer ${token}`;

  const timeoutMs = http.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  // AbortSignal.any is too new for the WebViews we support: combine by hand.
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });

  let response: Response;
  let text: string;
  let bytes: Blob | undefined;
  try {
    const fetchFn = http.fetch ?? globalThis.fetch;
    response = await fetchFn(url, {
      method: def.method,
      headers,
      body,
      credentials: http.credentials ?? 'same-origin',
      signal: controller.signal,
    });
    // The timer covers the body too: a stalled answer is no answer.
    if (raw?.blob && response.ok) {
      bytes = new Blob([await response.arrayBuffer()], {
        type: response.headers.get('Content-Type') ?? '',
      });
      text = '';
    } else {
      text = await response.text();
    }
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    const reason = timedOut
      ? `no answer within ${timeoutMs} ms`
      : error instanceof Error
        ? error.message
        : String(error);
    throw new ApiError('network', `${def.method} ${url}: ${reason}`, [], undefined, 0);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }

  const status = response.status;
  if (status < 200 || status > 299) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    const problem = parseJson(text);
    return Promise.reject(
      ApiError.fromProblem(
        problem !== null && typeof problem === 'object' ? (problem as Partial<Problem>) : {},
        status,
        retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      ),
    );
  }
  if (status === 204 || status === 205) return undefined;
  if (bytes) return bytes;

  const data = text === '' ? undefined : parseJson(text);
  if (data === NOT_JSON) {
    // Our server answers 2xx with JSON only. A page here is a captive portal or a proxy
    // (hotel Wi-Fi, a carrier's login): the request never reached us, so it is worth a retry.
    throw new ApiError(
      'network',
      `${def.method} ${url}: the answer was not JSON (a captive portal or proxy?)`,
      [],
      undefined,
      0,
    );
  }
  const result = (await schemas)!.output.safeParse(data);
  if (!result.success) {
    const where = toFieldErrors(result.error.issues)
      .map((f) => `${f.path || '(root)'}: ${f.key}`)
      .slice(0, 5)
      .join(', ');
    // Carries the answer's 2xx status, so it is not retryable: asking again gets the same.
    throw new ApiError(
      'internal',
      `unexpected response from ${def.method} ${def.path} (${where})`,
      [],
      undefined,
      status,
    );
  }
  return result.data;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

const uploadRoute = { method: 'POST', path: '/uploads' } as const;

/**
 * Uploads one file as multipart/form-data. The body is built by hand with a boundary derived
 * from the Idempotency-Key, so every retry sends the very same bytes (the server fingerprints
 * the body) and the file is stored once.
 */
async function uploadFile(
  http: HttpOptions,
  file: Blob,
  call: CallOptions = {},
): Promise<UploadedFile> {
  const key = call.idempotencyKey ?? newId();
  const boundary = `shequ-kit-${key.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
  const body = new Blob([
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
    file,
    `\r\n--${boundary}--\r\n`,
  ]);
  const url = `${http.baseUrl.replace(/\/+$/, '')}/uploads`;
  const contentType = `multipart/form-data; boundary=${boundary}`;
  // The answer's schema is with the core contract (a route the server adds beside it).
  const schemas = import('../features/core/contract.js').then((m) => ({
    output: m.uploadAnswerSchema,
  }));
  const answer = (await withRetries(http, call.signal, (signal) =>
    attemptOnce(http, uploadRoute, url, body, key, signal, schemas, { contentType }),
  )) as { files: { id: string; contentType: string; size: number }[] };
  const saved = answer.files[0]!;
  return { id: saved.id, type: saved.contentType, size: saved.size };
}

const downloadRoute = { method: 'GET', path: '/uploads/{id}' } as const;

/** Fetches a photo's bytes (staff session). */
async function downloadFile(http: HttpOptions, id: string, call: CallOptions = {}): Promise<Blob> {
  const { url } = buildRequest(http.baseUrl, downloadRoute, { id });
  return (await withRetries(http, call.signal, (signal) =>
    attemptOnce(http, downloadRoute, url, undefined, undefined, signal, undefined, { blob: true }),
  )) as Blob;
}
