import {
  DomainError,
  errorStatus,
  isErrorCode,
  type ErrorCode,
  type FieldError,
  type Problem,
} from '../domain/errors.js';

/**
 * The one error the SDK throws, whatever the transport: a stable `code`, the HTTP `status`
 * (0 when no answer came), field errors as i18n keys, and `retryAfter` seconds for 429/503.
 */
export class ApiError extends DomainError {
  override name = 'ApiError';
  constructor(
    code: ErrorCode,
    message?: string,
    fields: FieldError[] = [],
    readonly retryAfter?: number,
    readonly httpStatus: number = errorStatus[code],
  ) {
    super(code, message, fields);
  }
  override get status(): number {
    return this.httpStatus;
  }
  /** Worth another try with the same Idempotency-Key: no answer, overload, or still in flight. */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'in_flight' ||
      this.status === 408 ||
      this.status === 429 ||
      this.status >= 500
    );
  }

  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (error instanceof DomainError) return new ApiError(error.code, error.message, error.fields);
    const message = error instanceof Error ? error.message : String(error);
    return new ApiError('internal', message);
  }

  static fromProblem(problem: Partial<Problem>, status: number, retryAfter?: number): ApiError {
    const code: ErrorCode = isErrorCode(problem.code) ? problem.code : codeForStatus(status);
    return new ApiError(
      code,
      problem.detail ?? problem.title ?? `HTTP ${status}`,
      Array.isArray(problem.errors) ? problem.errors : [],
      retryAfter ?? problem.retryAfter,
      status,
    );
  }
}

/** For answers that are not problem+json (a proxy's 502 page, say). */
export function codeForStatus(status: number): ErrorCode {
  const match = (Object.keys(errorStatus) as ErrorCode[]).find(
    (code) => errorStatus[code] === status,
  );
  if (match) return match;
  if (status === 408) return 'network';
  return status >= 500 ? 'unavailable' : 'validation_failed';
}
