import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Credentials } from '../services/context.js';

export interface ScryptParams {
  /** CPU/memory cost, a power of two (default 2^15: ~32 MiB and ~0.1 s per hash). */
  N: number;
  r: number;
  p: number;
}

export const defaultScrypt: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can grow. */
export async function hashPassword(
  password: string,
  params: ScryptParams = defaultScrypt,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export const tokenId = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('base64url');

/** Staff credentials on the server: scrypt from node:crypto, 256-bit random session tokens. */
export function scryptCredentials(
  options: { scrypt?: ScryptParams; sessionTtlMs?: number } = {},
): Credentials {
  const params = options.scrypt ?? defaultScrypt;
  // Verifying against this when the username is unknown costs the same as a real check.
  let dummy: Promise<string> | undefined;
  return {
    hashPassword: (password) => hashPassword(password, params),
    async verifyPassword(password, stored) {
      if (stored === undefined) {
        await verifyPassword(password, await (dummy ??= hashPassword('not a password', params)));
        return false;
      }
      return verifyPassword(password, stored);
    },
    newToken() {
      const token = randomBytes(32).toString('base64url');
      return { token, id: tokenId(token) };
    },
    tokenId,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 60 * 60 * 1000,
  };
}
