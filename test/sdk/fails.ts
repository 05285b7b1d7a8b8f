import assert from 'node:assert/strict';
import { ApiError } from '../../src/sdk/errors.js';

/** Awaits `promise`, asserts it rejected with ApiError `code` and HTTP `status`, returns it. */
export async function fails(
  promise: Promise<unknown>,
  code: string,
  status: number,
): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ApiError, `ApiError ${code}, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.equal(error.status, status);
  return error;
}
