import { createHmac, randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { Clock } from '../domain/time.js';
import type { ServerStore } from '../stores/server-state.js';

export interface RateLimit {
  windowMs: number;
  /** Requests allowed per window; the next gets 429 with Retry-After until the window ends. */
  max: number;
}

/** A DomainError that tells the client when to come back. */
export class RetryLater extends DomainError {
  constructor(
    code: 'rate_limited' | 'in_flight' | 'unavailable',
    readonly retryAfter: number,
    message?: string,
  ) {
    super(code, message);
  }
}

/** How many subjects' keys a limiter keeps (then it forgets them all and starts again). */
const RECENT_KEYS = 4096;

/**
 * Fixed-window counters kept in the database, so all instances share them. Subjects (client
 * addresses, usernames) are stored as HMACs under a secret kept in the same database: the
 * table never holds an IP address, and windows are purged once they are over.
 */
export function createRateLimiter(store: ServerStore, clock: Clock) {
  let secret: Promise<string> | undefined;
  // The last subjects' keys (an HMAC is ~10 µs; one client sends many requests). In this
  // process's memory only, as the addresses themselves are while their requests run.
  const recent = new Map<string, string>();
  const key = async (bucket: string, subject: string) => {
    const value = await (secret ??= store.settings
      .getOrCreate('rate-limit-key', () => randomBytes(32).toString('base64url'))
      .catch((error: unknown) => {
        secret = undefined;
        throw error;
      }));
    const id = `${bucket}\n${subject}`;
    let made = recent.get(id);
    if (made === undefined) {
      made = `${bucket}:${createHmac('sha256', value).update(subject).digest('base64url').slice(0, 27)}`;
      if (recent.size >= RECENT_KEYS) recent.clear();
      recent.set(id, made);
    }
    return made;
  };
  /** The window a request of `subject` falls in now, as the store counts it. */
  const window = async (bucket: string, subject: string, limit: RateLimit) => {
    const now = clock.now().getTime();
    const start = Math.floor(now / limit.windowMs) * limit.windowMs;
    return {
      key: await key(bucket, subject),
      windowStart: new Date(start).toISOString(),
      max: limit.max,
      /** Seconds until the window ends (Retry-After). */
      retryAfter: Math.max(1, Math.ceil((start + limit.windowMs - now) / 1000)),
    };
  };
  return {
    window,
    /** Counts one request of `subject` in `bucket`; throws `rate_limited` past the limit. */
    async hit(bucket: string, subject: string, limit: RateLimit): Promise<void> {
      const w = await window(bucket, subject, limit);
      if ((await store.rateLimits.hit(w.key, w.windowStart)) > w.max) {
        throw new RetryLater('rate_limited', w.retryAfter, 'too many requests');
      }
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
