/**
 * What the store conformance suites share: runner-agnostic assertions (node:test and mocha
 * alike) and the shape of a feature's part of the suite.
 */
import type { Store } from '../../src/services/store.js';

export type Describe = (name: string, fn: () => void) => void;
export type It = (name: string, fn: () => Promise<void>) => void;
/** Runs a case on a fresh store, closed afterwards. */
export type WithStore = (fn: (store: Store) => Promise<void>) => () => Promise<void>;

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
export const same = (a: unknown, b: unknown, message: string) =>
  check(
    JSON.stringify(a) === JSON.stringify(b),
    `${message}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`,
  );

/** A ULID-shaped id from a short one (`'a'` → `'0…0A'`): cursors carry ULIDs only. */
export const U = (short: string) => short.toUpperCase().padStart(26, '0');

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}
