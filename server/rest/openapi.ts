import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { ERROR_STATUS } from '../../shared/errors.ts';
import { ID_MAX_LENGTH } from '../../shared/validation.ts';
import { API_KEY_PREFIX } from './api-keys/secrets.ts';

/**
 * The pieces every route's OpenAPI description shares: the error shape, the
 * id parameter, the organization header and the security schemes.
 */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string(),
      details: z.array(
        z.object({
          loc: z.array(z.union([z.string(), z.number()])).openapi({ example: ['body', 'targetValue'] }),
          msg: z.string(),
          type: z.string(),
        }),
      ),
      timestamp: z.string().openapi({ format: 'date-time' }),
      request_id: z.string(),
      path: z.string(),
    }),
  })
  .openapi('Error');

const ERROR_TEXT = {
  400: 'Bad input; `details` names each offending field',
  401: 'No valid session or API key',
  403: 'Your role (or the API key’s role) does not allow this, or a signed-in write came from another site',
  404: 'Not found in your organization (the same answer whether or not it exists elsewhere)',
  409: 'Conflicts with the current state, e.g. the KPI is archived',
  413: 'Request body over 1 MB',
  415: 'The body is not JSON',
  429: 'Too many requests: retry after the `Retry-After` seconds',
  500: 'Unexpected failure: a generic message and the request id to quote',
  503: 'The database is restarting or unreachable: retry after the `Retry-After` seconds',
} as const;
export type ErrorStatus = keyof typeof ERROR_TEXT;

/** Error responses for a route: 400, 401, 404, 413, 500 and 503 apply to every route, plus `extra`. */
export function errors(...extra: ErrorStatus[]) {
  const statuses = [...new Set<ErrorStatus>([400, 401, 404, 413, 500, 503, ...extra])].sort((a, b) => a - b);
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s], content: { 'application/json': { schema: ErrorSchema } } }]),
  ) as Record<ErrorStatus, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

/** A route's words in the OpenAPI document; `returns` describes its success response. */
export interface RouteText {
  summary: string;
  description?: string;
  returns: string;
}

/** A route's summary and description, for createRoute (`returns` goes to its success response). */
export const described = ({ summary, description }: RouteText) => ({ summary, description });

export function ok<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<S extends z.ZodType>(schema: S, description?: string) {
  return { required: true, ...(description ? { description } : {}), content: { 'application/json': { schema } } };
}

export const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(ID_MAX_LENGTH)
    .openapi({ param: { name: 'id', in: 'path' }, example: '3f6c2a9e-4b1d-4c47-9a53-0d2b8f1e7c11' }),
});

/** Instants are ISO 8601 strings in and out. */
export const isoDateTime = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label} must be an ISO 8601 date-time, e.g. 2025-01-31T09:30:00Z` })
    .openapi({ example: '2025-01-31T09:30:00Z' });

/** A day, YYYY-MM-DD (a ship date, a shift date). */
export const isoDay = (label: string) =>
  z.iso.date({ error: `${label} must be a date, YYYY-MM-DD` }).openapi({ format: 'date', example: '2026-12-18' });

/** An optional instant in the query string that bounds a list (`from`, `to`). */
export const timeBound = (name: string, description: string) =>
  isoDateTime(name)
    .optional()
    .openapi({ param: { name, in: 'query' }, description });

/** The `limit` query parameter of a newest-first list: a whole number from 1 to `max`, `byDefault` when absent. */
export const limitQuery = (max: number, byDefault: number) =>
  z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(max, `limit must be at most ${max}`)
    .default(byDefault)
    .openapi({ param: { name: 'limit', in: 'query' } });

const ORG_HEADER_DOC = {
  name: 'X-Organization-Id',
  in: 'header',
  required: false,
  description:
    'With a session: the organization to work in (default: the session’s active organization). Ignored with an API key, which belongs to one organization.',
  schema: { type: 'string' },
} as const;

type Security = Record<string, string[]>[];
/** Who may call a route; every route also takes the organization header. */
export const sessionOrKey = {
  security: [{ session: [] }, { bearerApiKey: [] }, { headerApiKey: [] }] as Security,
  parameters: [ORG_HEADER_DOC],
};
export const sessionOnly = { security: [{ session: [] }] as Security, parameters: [ORG_HEADER_DOC] };

export function registerSecuritySchemes(app: Pick<OpenAPIHono, 'openAPIRegistry'>) {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'better-auth.session_token',
    description:
      'The session cookie set by signing in (POST /api/auth/sign-in/email). Over HTTPS it is `__Secure-better-auth.session_token`.',
  });
  registry.registerComponent('securitySchemes', 'bearerApiKey', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: `${API_KEY_PREFIX}...`,
    description: 'An API key made by an owner or admin (POST /api/api-keys). It acts as its creator, capped at the key’s role.',
  });
  registry.registerComponent('securitySchemes', 'headerApiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'The same API key, in a header of its own.',
  });
}
