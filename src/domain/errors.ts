/**
 * Stable error codes. Each maps to one HTTP status (server, problem+json) and one i18n key
 * (`errors.<code>` in the `common` namespace). Features add their codes here, nowhere else.
 */
export const errorStatus = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** The action is not allowed in the case's current status (a complaint already resolved…). */
  invalid_transition: 409,
  /** Someone else claimed the wish first (微心愿: one claimer per wish). */
  already_claimed: 409,
  /** The claim's hold ended before it was fulfilled; the wish is back on the wall. */
  claim_expired: 409,
  /** The slot takes no bookings (closed, cancelled, too soon, beyond the window: 志愿服务预约). */
  slot_unavailable: 409,
  /** The resident already has as many bookings of the service as it allows. */
  booking_limit: 409,
  /** Too close to the slot's start to cancel online: call the community. */
  cutoff_passed: 409,
  /** The same Idempotency-Key is still being processed. */
  in_flight: 409,
  /** The same Idempotency-Key was used with a different request body. */
  idempotency_mismatch: 422,
  /** The request took too long to arrive (slow headers or body). */
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** The request's headers are too large. */
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
  /** Client side only: the request never got an answer (offline, DNS, reset, timeout). */
  network: 0,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One invalid field: `path` is dotted (`contact.phone`), `key` an i18n key (`phone.invalid`). */
export interface FieldError {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
  /** i18n key of the message shown to people. */
  get key(): string {
    return errorKey(this.code);
  }
}

export const errorKey = (code: ErrorCode): string => `errors.${code}`;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorStatus, value);

/**
 * RFC 9457 problem details as the server sends them and the SDK reads them.
 * `type` is a URN so it never resolves to a page we would have to keep up.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: FieldError[];
  /** Seconds, mirrored from the Retry-After header for 429/503. */
  retryAfter?: number;
  /** This occurrence (`urn:shequ-kit:request:<id>`): quote it to the operator, who finds it in the logs. */
  instance?: string;
}

export const problemType = (code: ErrorCode): string => `urn:shequ-kit:problem:${code}`;

export function toProblem(error: DomainError): Problem {
  const problem: Problem = {
    type: problemType(error.code),
    title: error.code.replace(/_/g, ' '),
    status: error.status,
    code: error.code,
  };
  if (error.message && error.message !== error.code) problem.detail = error.message;
  if (error.fields.length) problem.errors = error.fields;
  return problem;
}
