import {
  DomainError,
  errorStatus,
  toProblem,
  type ErrorCode,
  type Problem,
} from '../domain/errors.js';
import { sqlState } from '../stores/sql/driver.js';

export const PROBLEM_JSON = 'application/problem+json';

/** SQLSTATE classes and codes that mean "try again soon", not "you sent something wrong". */
function isTransientDatabaseError(error: unknown): boolean {
  const state = sqlState(error);
  if (state) {
    return (
      state.startsWith('08') || // connection exception
      state.startsWith('53') || // insufficient resources (too many connections)
      state.startsWith('57P') || // admin shutdown, crash shutdown, cannot connect now
      state === '40001' || // serialization failure
      state === '40P01' // deadlock detected
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'CONNECTION_CLOSED',
      'CONNECT_TIMEOUT',
      'CONNECTION_ENDED',
      'CONNECTION_DESTROYED',
    ].includes(code)
  );
}

/**
 * The problem for any error. DomainErrors say what they are; database hiccups become 503 with
 * Retry-After; everything else is a bare 500 whose details stay in the log (`unexpected`).
 */
export function problemFor(error: unknown): { problem: Problem; unexpected: boolean } {
  if (error instanceof DomainError) return { problem: toProblem(error), unexpected: false };
  if (isTransientDatabaseError(error)) {
    const problem = toProblem(new DomainError('unavailable'));
    problem.retryAfter = 1;
    return { problem, unexpected: true };
  }
  return { problem: toProblem(new DomainError('internal')), unexpected: true };
}

export function problemOf(code: ErrorCode, detail?: string, retryAfter?: number): Problem {
  const problem = toProblem(new DomainError(code, detail));
  if (retryAfter !== undefined) problem.retryAfter = retryAfter;
  return problem;
}

/** The problem as an `application/problem+json` response, with Retry-After when it has one. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const all: Record<string, string> = { 'Content-Type': PROBLEM_JSON, ...headers };
  if (problem.retryAfter !== undefined) all['Retry-After'] = String(problem.retryAfter);
  if (problem.code === 'unauthorized') all['WWW-Authenticate'] = 'Bearer realm="shequ-kit"';
  const status = problem.status || errorStatus.internal;
  const body = JSON.stringify(problem);
  all['Content-Length'] = String(Buffer.byteLength(body));
  return new Response(body, { status, headers: all });
}
