import * as z from 'zod/mini';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A time-ordered id (ULID layout: 48-bit ms time + 80 random bits, Crockford base32).
 * Uses getRandomValues, not randomUUID, which insecure-context pages (plain-http H5) lack.
 */
export function newId(now: number = Date.now()): string {
  let out = '';
  let time = now;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[time % 32] + out;
    time = Math.floor(time / 32);
  }
  const random = globalThis.crypto.getRandomValues(new Uint8Array(16));
  for (const byte of random) out += CROCKFORD[byte % 32];
  return out;
}

/** Ids are ours (newId) or an operator's readable slugs (`heping`, `g1-b3`). */
export const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'id.invalid'));
export type Id = z.output<typeof idSchema>;
