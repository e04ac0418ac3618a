import type { ErrorCode, FieldIssue } from '../../shared/errors.ts';

/**
 * The one way the web app talks to /api. Every API error (better-auth's
 * included, the server reshapes them) arrives as
 * {"error": {code, message, details, request_id, ...}}; this turns it into an
 * ApiError so pages can show the message and map details to fields.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: FieldIssue[];
  readonly requestId: string | undefined;

  constructor(status: number, code: ErrorCode | 'NETWORK', message: string, details: FieldIssue[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** The better-auth error types (e.g. USER_ALREADY_EXISTS) carried in details. */
  get types(): string[] {
    return this.details.map((d) => d.type);
  }
}

type ErrorEnvelope = {
  error?: { code?: ErrorCode; message?: string; details?: FieldIssue[]; request_id?: string };
};

type Query = Record<string, string | number | boolean | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  query?: Query,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json', ...extraHeaders }
          : { accept: 'application/json', 'content-type': 'application/json', ...extraHeaders },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as ErrorEnvelope | null)?.error;
    const message = err?.message || res.statusText || `Request failed (${res.status})`;
    throw new ApiError(res.status, err?.code ?? 'INTERNAL', message, err?.details ?? [], err?.request_id);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    request<T>('POST', path, body, undefined, headers),
  patch: <T>(path: string, body: unknown = {}) => request<T>('PATCH', path, body),
  delete: <T>(path: string, headers?: Record<string, string>) => request<T>('DELETE', path, undefined, undefined, headers),
};

/** A readable message for anything thrown by a request. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Something went wrong. Try again.';
}
