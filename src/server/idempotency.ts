import { createHash, randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors.js';
import type { Clock } from '../domain/time.js';
import type { Actor } from '../services/context.js';
import { RetryLater } from './rate-limit.js';
import type {
  IdempotencyBegin,
  IdempotencyClaimRecord,
  ServerStore,
} from '../stores/server-state.js';

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
  /** This request's token: it holds the key once claimed (see IdempotencyClaimRecord). */
  token: string;
  /** Set by a handler that stored the response inside its transaction. */
  completed: boolean;
  /**
   * Pipelined (operations' routes): the claim is not made yet. The handler makes it with
   * `claimKey` as its transaction's `first`, answers with `refusal` when it was not won, and
   * sets `held` when it was.
   */
  pending?: IdempotencyClaimRecord;
  /** The request holds the key (its response is stored after it, 5xx apart). */
  held: boolean;
}

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

/** Keys are per caller: a staff member's keys and the public's never meet. */
export const actorScope = (actor: Actor): string =>
  actor.kind === 'staff' ? `staff:${actor.id}` : 'public';

/** What a request gets when the key is not its own: a replay, or the error to throw. */
export function refusal(begin: IdempotencyBegin, hit: PendingHit | undefined): Response {
  if (begin.state === 'rate_limited') {
    throw new RetryLater('rate_limited', hit?.retryAfter ?? 1, 'too many requests');
  }
  if (begin.state === 'mismatch') {
    throw new DomainError('idempotency_mismatch', 'this key was used with another request');
  }
  if (begin.state === 'done') {
    const { response } = begin;
    return new Response(response.body, {
      status: response.status,
      headers: {
        'Content-Type': response.contentType,
        'Content-Length': String(Buffer.byteLength(response.body)),
        'Idempotent-Replayed': 'true',
      },
    });
  }
  throw new RetryLater('in_flight', 1, 'still in flight');
}

/**
 * Idempotency-Key for any mutation route. The first request with a key claims it (in the
 * database, so every instance sees the claim); its response — success or 4xx — is stored and
 * replayed to later requests with the same key and the same method, path and body. Another
 * body → 422 `idempotency_mismatch`; while the first still runs → 409 `in_flight` with
 * Retry-After. A 5xx is not stored: the claim is released so a retry runs again.
 *
 * `pipelined`: the route's handler makes the claim itself, sent with its transaction without
 * waiting for the answer (one round trip for a keyed submission on PostgreSQL); the response
 * it stores in that transaction fails the transaction unless the claim was won (app.ts).
 */
export function idempotency(
  store: ServerStore,
  clock: Clock,
  options: IdempotencyOptions,
  pipelined = false,
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
    // randomUUID draws from a cached batch: ~0.3 µs, where randomBytes(16) is a syscall (~7 µs).
    const token = randomUUID();
    const record: IdempotencyClaimRecord = {
      scope,
      key,
      claim: token,
      fingerprint: await fingerprint(c),
      now: clock.now().toISOString(),
      lockMs: options.lockMs,
      count: hit && { key: hit.key, windowStart: hit.windowStart, max: hit.max },
    };
    const claim: IdempotencyClaim = { scope, key, token, completed: false, held: false };
    if (pipelined) {
      claim.pending = record;
    } else {
      const begin = await store.idempotency.begin(record);
      if (begin.state !== 'started') return refusal(begin, hit);
      claim.held = true;
    }
    c.set('idempotency', claim);
    await next();
    if (claim.completed || !claim.held) return;
    const res = c.res;
    try {
      if (res.status >= 500) {
        await store.idempotency.release(scope, key, token);
      } else {
        await store.idempotency.complete(scope, key, token, {
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
