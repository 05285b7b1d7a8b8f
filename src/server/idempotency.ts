import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors.js';
import type { Clock } from '../domain/time.js';
import type { Actor } from '../services/context.js';
import { RetryLater } from './rate-limit.js';
import type { ServerStore } from '../stores/server-state.js';

/** Visible ASCII, 1–255 characters: UUIDs, ULIDs, anything a client makes. */
export const KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyOptions {
  /** How long responses are kept for replay (default 24 h). */
  ttlMs: number;
  /** After this long an unfinished claim is taken to be dead (its instance crashed) (default 60 s). */
  lockMs: number;
}

export const defaultIdempotency: IdempotencyOptions = {
  ttlMs: 24 * 60 * 60 * 1000,
  lockMs: 60_000,
};

/** What a route handler learns from the middleware, to store its response in its own transaction. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  /** Set by a handler that stored the response inside its transaction. */
  completed: boolean;
}

/** Keys are per caller: a staff member's keys and the public's never meet. */
/**
 * A rate-limit hit the middleware before left to this one (a public write with a key): counted
 * in the same statement as the claim.
 */
export interface PendingHit {
  key: string;
  windowStart: string;
  max: number;
  retryAfter: number;
}

export const actorScope = (actor: Actor): string =>
  actor.kind === 'staff' ? `staff:${actor.id}` : 'public';

/**
 * Idempotency-Key for any mutation route. The first request with a key claims it (in the
 * database, so every instance sees the claim); its response — success or 4xx — is stored and
 * replayed to later requests with the same key and the same method, path and body. Another
 * body → 422 `idempotency_mismatch`; while the first still runs → 409 `in_flight` with
 * Retry-After. A 5xx is not stored: the claim is released so a retry runs again.
 */
export function idempotency(
  store: ServerStore,
  clock: Clock,
  options: IdempotencyOptions,
): MiddlewareHandler<{
  Variables: { actor: Actor; idempotency?: IdempotencyClaim; pendingHit?: PendingHit };
}> {
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!KEY.test(key)) {
      throw new DomainError('validation_failed', 'bad Idempotency-Key', [
        { path: 'Idempotency-Key', key: 'idempotencyKey.invalid' },
      ]);
    }
    const scope = actorScope(c.get('actor'));
    const hit = c.get('pendingHit');
    const begin = await store.idempotency.begin({
      scope,
      key,
      fingerprint: await fingerprint(c),
      now: clock.now().toISOString(),
      lockMs: options.lockMs,
      count: hit && { key: hit.key, windowStart: hit.windowStart, max: hit.max },
    });
    if (begin.state === 'rate_limited') {
      throw new RetryLater('rate_limited', hit?.retryAfter ?? 1, 'too many requests');
    }
    if (begin.state === 'mismatch') {
      throw new DomainError('idempotency_mismatch', 'this key was used with another request');
    }
    if (begin.state === 'in_flight') throw new RetryLater('in_flight', 1, 'still in flight');
    if (begin.state === 'done') {
      const { response } = begin;
      return new Response(response.body, {
        status: response.status,
        headers: { 'Content-Type': response.contentType, 'Idempotent-Replayed': 'true' },
      });
    }
    const claim: IdempotencyClaim = { scope, key, completed: false };
    c.set('idempotency', claim);
    await next();
    if (claim.completed) return;
    const res = c.res;
    try {
      if (res.status >= 500) {
        await store.idempotency.release(scope, key);
      } else {
        await store.idempotency.complete(scope, key, {
          status: res.status,
          contentType: res.headers.get('Content-Type') ?? 'application/json',
          body: await res.clone().text(),
        });
      }
    } catch {
      // The response stands; the claim expires after lockMs and a retry runs again.
    }
  };
}

/** Method, path and the exact body bytes: a retry sends the same request again. */
async function fingerprint(c: Context): Promise<string> {
  const body = new Uint8Array(await c.req.arrayBuffer());
  return createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(body)
    .digest('base64url');
}
