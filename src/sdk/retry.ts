/**
 * The SDK's retry rules, written once: the http transport uses them between the attempts of
 * one call, the outbox between background deliveries of a queued submission.
 */
export interface RetryOptions {
  /** Tries in all, the first one included (default 4). Only the http transport counts them. */
  attempts?: number;
  /** The first backoff window in ms (default 300); it doubles with every attempt. */
  baseMs?: number;
  /** The largest backoff window in ms (default 10 000). */
  maxMs?: number;
  /** A number in [0, 1): `Math.random` by default. Tests pass their own. */
  random?: () => number;
  /** Waits `ms`, rejecting with the signal's reason when it aborts. Tests pass their own. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const retryDefaults = { attempts: 4, baseMs: 300, maxMs: 10_000 } as const;

/** A server's Retry-After is honoured up to this long (10 minutes); beyond it, it is capped. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * The wait before retry number `attempt + 1` (`attempt` counts from 0 for the first retry):
 * full jitter, `random() * min(maxMs, baseMs * 2 ** attempt)`, and never less than the
 * server's Retry-After (`retryAfterMs`, itself capped at {@link MAX_RETRY_AFTER_MS}).
 */
export function backoffDelay(
  attempt: number,
  options: RetryOptions = {},
  retryAfterMs?: number,
): number {
  const baseMs = options.baseMs ?? retryDefaults.baseMs;
  const maxMs = options.maxMs ?? retryDefaults.maxMs;
  const random = options.random ?? Math.random;
  const window = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  const jittered = Math.floor(random() * window);
  if (retryAfterMs === undefined || !(retryAfterMs > 0)) return jittered;
  return Math.max(jittered, Math.min(Math.ceil(retryAfterMs), MAX_RETRY_AFTER_MS));
}

const DELAY_SECONDS = /^\s*(\d+)\s*$/;
const HTTP_DATE = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`). Returns the wait in **milliseconds** from `now` (0 when the
 * date has passed), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (header == null || header.trim() === '') return undefined;
  const seconds = DELAY_SECONDS.exec(header);
  if (seconds) return Number(seconds[1]) * 1000;
  // HTTP-dates (IMF-fixdate, RFC 850, asctime) all start with a day name; Date.parse alone
  // would also take `-5` or `2`.
  if (!HTTP_DATE.test(header)) return undefined;
  // asctime dates carry no zone; HTTP-dates are always GMT.
  const date = Date.parse(/GMT|UTC|[+-]\d{4}\s*$/i.test(header) ? header : `${header} GMT`);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
