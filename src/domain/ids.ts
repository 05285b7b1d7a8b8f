const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random bytes, drawn 256 at a time: in Node each getRandomValues is a system call (~5–13 µs). */
const pool = new Uint8Array(256);
let pooled = pool.length;

/** `n` (≤ 256) bytes from the platform's CSPRNG (getRandomValues), a fresh copy. */
export function randomBytes(n: number): Uint8Array {
  if (pooled + n > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    pooled = 0;
  }
  return pool.slice(pooled, (pooled += n));
}

/** The last id's time and random digits: ids made in the same millisecond count up from it. */
let lastTime = -1;
let lastDigits: number[] = [];

/**
 * A time-ordered id (ULID layout: 48-bit ms time + 80 random bits, Crockford base32),
 * monotonic within a millisecond (ULID's rule): two items made in the same millisecond sort
 * in the order they were made, so newest-first lists and their pages never swap them.
 * Uses getRandomValues, not randomUUID, which insecure-context pages (plain-http H5) lack.
 */
export function newId(now: number = Date.now()): string {
  let out = '';
  let time = now;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[time % 32] + out;
    time = Math.floor(time / 32);
  }
  if (now === lastTime) {
    // Add one to the last random digits (base 32, carrying leftwards).
    let i = lastDigits.length - 1;
    while (i >= 0 && lastDigits[i] === 31) lastDigits[i--] = 0;
    if (i >= 0) lastDigits[i]!++;
  } else {
    lastDigits = Array.from(randomBytes(16), (b) => b % 32);
    lastTime = now;
  }
  return out + lastDigits.map((d) => CROCKFORD[d]).join('');
}

/** Ids are ours (newId) or an operator's readable slugs (`heping`, `g1-b3`). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
