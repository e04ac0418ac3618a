import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from '../http/errors.ts';
import { authenticate } from './authenticate.ts';
import type { RestDeps, RestEnv } from './context.ts';
import { restValidationHook } from './issues.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A resource's sub-app with the plumbing every REST route shares, in order:
 * the 1 MB body limit, then authentication (so an anonymous caller learns
 * nothing from validation), then each route's request validation.
 */
export function resourceApp(deps: RestDeps, opts: { sessionOnly?: boolean; ownBodyLimit?: boolean } = {}) {
  const app = new OpenAPIHono<RestEnv>({ defaultHook: restValidationHook });
  // ownBodyLimit: the routes stream their bodies and count them against a limit of their own (CSV batches).
  if (!opts.ownBodyLimit)
    app.use(
      '*',
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => {
          const res = apiError(c, 'TOO_LARGE', `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
          // The rest of the body is never read, so this connection cannot carry another request.
          res.headers.set('connection', 'close');
          return res;
        },
      }),
    );
  app.use('*', authenticate(deps, opts));
  return app;
}

/** The audit source of a REST write: "rest:POST /api/kpis", "rest:PUT /api/kpis/{id}". */
export function restSource(c: Context): string {
  return `rest:${c.req.method} ${c.req.routePath.replace(/:(\w+)/g, '{$1}')}`;
}
