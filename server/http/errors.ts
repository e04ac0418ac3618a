import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../shared/errors.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

/** Seconds a caller should wait before retrying while the database is down. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details: FieldIssue[];
    timestamp: string;
    request_id: string;
    path: string;
  };
}

export function errorBody(c: Context, code: ErrorCode, message: string, details: FieldIssue[] = []): ErrorBody {
  return {
    error: {
      code,
      message,
      details,
      timestamp: new Date().toISOString(),
      request_id: c.get('requestId') ?? '',
      path: c.req.path,
    },
  };
}

export function apiError(c: Context, code: ErrorCode, message: string, details: FieldIssue[] = []) {
  return c.json(errorBody(c, code, message, details), ERROR_STATUS[code]);
}

export function codeForStatus(status: number): ErrorCode {
  // better-auth answers some bad input (e.g. a taken e-mail address) with 422.
  if (status === 422) return 'VALIDATION_FAILED';
  const found = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  if (found) return found[0];
  return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
}

/** app.onError: known errors keep their code; anything else is a 500 with no internals. */
export function handleError(err: Error, c: Context, log: (msg: string) => void) {
  if (err instanceof AppError) return apiError(c, err.code, err.message, err.details);
  if (err instanceof HTTPException) return apiError(c, codeForStatus(err.status), err.message || 'Request failed');
  // A unique index caught what the route's own check could not: two people saving the same name or number at once.
  if ((err as { code?: unknown }).code === '23505') {
    return apiError(c, 'CONFLICT', 'Someone saved the same name or number a moment ago: it is taken now. Choose another.');
  }
  if (isDatabaseUnavailable(err)) {
    c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return apiError(
      c,
      'NOT_READY',
      `The database is restarting or unreachable. Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
    );
  }
  log(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
  return apiError(
    c,
    'INTERNAL',
    `Something went wrong on our side. Quote request id ${c.get('requestId') ?? '-'} if it persists.`,
  );
}
