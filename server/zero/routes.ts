import { mustGetMutator, mustGetQuery } from '@rocicorp/zero';
import { handleMutateRequest, handleQueryRequest } from '@rocicorp/zero/server';
import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import { type Context, Hono } from 'hono';
import type { Sql } from 'postgres';
import type { ZeroContext } from '../../sync/context.ts';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import { schema } from '../../sync/schema.ts';
import type { Auth } from '../auth/auth.ts';
import { requireSession } from '../auth/session.ts';
import { setTenant } from '../db/pools.ts';
import { apiError } from '../http/errors.ts';

export const ORG_HEADER = 'x-organization-id';

export interface ZeroRoutesDeps {
  auth: Auth;
  /** The app pool (role kpi_app): mutators run under row-level security. */
  appSql: Sql;
  /** When set, only callers presenting it (zero-cache) may use these endpoints. */
  apiKey?: string | undefined;
}

/**
 * The endpoints zero-cache calls with the user's forwarded cookies:
 * /query turns a query name + args into the permitted ZQL, /mutate runs
 * mutators in a Postgres transaction with the tenant context set.
 */
export function zeroRoutes({ auth, appSql, apiKey }: ZeroRoutesDeps) {
  const dbProvider = zeroPostgresJS(schema, appSql);
  const app = new Hono();

  const checkKey = (c: Context) => !apiKey || c.req.header('x-api-key') === apiKey;

  app.post('/query', async (c) => {
    if (!checkKey(c)) return apiError(c, 'UNAUTHENTICATED', 'Missing or wrong API key.');
    const session = await requireSession(auth, c);
    const ctx: ZeroContext = { userID: session.user.id, orgID: null };
    const result = await handleQueryRequest({
      schema,
      request: c.req.raw,
      userID: ctx.userID,
      logLevel: 'error',
      handler: (name, args) => mustGetQuery(queries, name).fn({ args, ctx }),
    });
    return c.json(result);
  });

  app.post('/mutate', async (c) => {
    if (!checkKey(c)) return apiError(c, 'UNAUTHENTICATED', 'Missing or wrong API key.');
    const session = await requireSession(auth, c);
    const ctx: ZeroContext = { userID: session.user.id, orgID: c.req.header(ORG_HEADER) || null };
    const result = await handleMutateRequest({
      dbProvider,
      request: c.req.raw,
      userID: ctx.userID,
      logLevel: 'error',
      handler: (transact) =>
        transact(async (tx, name, args) => {
          await setTenant(tx.dbTransaction.wrappedTransaction, { ...ctx, source: `mutator:${name}` });
          await mustGetMutator(mutators, name).fn({ tx, args, ctx });
        }),
    });
    return c.json(result);
  });

  return { app, dbProvider };
}
