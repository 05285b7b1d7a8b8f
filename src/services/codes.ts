import { newQueryCode } from '../domain/codes.js';
import { DomainError } from '../domain/errors.js';

/** Tries for a code no other item of its kind has (8 characters of 31: a clash is ~1 in 10^12 per pair). */
const CODE_TRIES = 5;

/**
 * A fresh code (shown once, to look an item up) and its hash (what is stored), unused among
 * codes of its kind: `taken` looks a hash up.
 */
export async function freshCode(
  hash: (code: string) => string,
  taken: (hash: string) => Promise<unknown>,
): Promise<{ code: string; hash: string }> {
  for (let i = 0; i < CODE_TRIES; i++) {
    const code = newQueryCode();
    const hashed = hash(code);
    if (!(await taken(hashed))) return { code, hash: hashed };
  }
  throw new DomainError('internal', 'no free code');
}
