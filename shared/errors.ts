/**
 * Stable error codes shared by the server, the mutators and the web app.
 * One table maps each code to its HTTP status (server/http/errors.ts uses it).
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  /** Bad input with field-level details (400, as the seeds' REST API answers it). */
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  NOT_READY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldIssue = {
  /** Path of the offending field, e.g. ["body", "target"]. */
  loc: (string | number)[];
  msg: string;
  type: string;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[];
  constructor(code: ErrorCode, message: string, details: FieldIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** The same generic answer for "does not exist" and "not yours", so nothing leaks. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}
