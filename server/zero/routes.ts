import { mustGetMutator, mustGetQuery, type ReadonlyJSONValue } from '@rocicorp/zero';
import { handleMutateRequest, handleQueryRequest, type MutateResponse } from '@rocicorp/zero/server';
import { type Context, Hono } from 'hono';
import type { Sql } from 'postgres';
import { ORG_HEADER, type ZeroContext } from '../../sync/context.ts';
import { SHARE_QUERY_NAMES } from '../../sync/queries/shared-dashboard.ts';
import { queries } from '../../sync/queries.ts';
import { schema } from '../../sync/schema.ts';
import type { Auth } from '../auth/auth.ts';
import { requireSession } from '../auth/session.ts';
import { bearerShareToken, findLiveShare, shareUserID } from '../dashboards/share-tokens.ts';
import { setTenant } from '../db/pools.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { waitForDatabase } from '../db/wait-for-database.ts';
import { apiError } from '../http/errors.ts';
import { dropTasks, flushTasks, type PostCommit, PostCommitTasks } from '../mutators/post-commit.ts';
import { createServerMutators } from '../mutators/registry.ts';
import type { DbProvider } from './db-provider.ts';

/**
 * How long a push waits for a restarting database before it is answered as
 * failed. A failed push makes zero-cache fail the client's connection, and a
 * push of the old connection still queued in zero-cache is then answered
 * "out of order" onto the new one, which can leave that client's writes
 * unanswered for good (Zero 1.9; seen in the fault suite). Waiting out a
 * Postgres restart (seconds, under the supervisor) avoids that path: the
 * push is only slow. Mutations are idempotent (last-mutation-ID), so running
 * the push again after a failure part-way answers the committed ones
 * "already processed".
 */
const DATABASE_WAIT_MS = 30_000;

/**
 * How long a query transform may take before it is answered 503. zero-cache
 * waits on it without a deadline while holding the client group's sync, so
 * a transform stuck on its session lookup (Postgres restarting, a pool with
 * no free connection) would freeze every screen of that group; a 503 makes
 * zero-cache try again, and after a few tries fail the connection, which
 * the client reopens. The transform itself is a session lookup and pure
 * code: milliseconds normally.
 */
const QUERY_DEADLINE_MS = 15_000;

/** A push answered as failed because Postgres could not be reached. */
const isDatabasePushFailure = (r: MutateResponse) => 'kind' in r && r.kind === 'PushFailed' && r.reason === 'database';

export interface ZeroRoutesDeps {
  auth: Auth;
  /** Transactions on the app pool (role kpi_app): mutators run under row-level security. */
  dbProvider: DbProvider;
  /** When set, only callers presenting it (zero-cache) may use these endpoints. */
  apiKey?: string | undefined;
  /** The admin pool: finds the dashboard share link a wall screen presents (it is no member, so no tenant applies yet). */
  adminSql: Sql;
  /** Receives each committed mutation's post-commit tasks (the job queue). */
  postCommit?: PostCommit | undefined;
  log?: ((line: string) => void) | undefined;
}

/**
 * The endpoints zero-cache calls with the user's forwarded cookies:
 * /query turns a query name + args into the permitted ZQL, /mutate runs
 * mutators in a Postgres transaction with the tenant context set.
 */
export function zeroRoutes({ auth, dbProvider, adminSql, apiKey, postCommit = dropTasks, log }: ZeroRoutesDeps) {
  const app = new Hono();

  const checkKey = (c: Context) => !apiKey || c.req.header('x-api-key') === apiKey;

  /**
   * Who reads: a wall screen presenting a share link (Bearer lks_..., which
   * wins over any cookie, so a signed-in browser opening a link sees what the
   * link shows), null when that link is no longer live; else the session.
   */
  const queryCaller = async (c: Context): Promise<ZeroContext | null> => {
    const token = bearerShareToken(c.req.header('authorization'));
    if (token) {
      const share = await findLiveShare(adminSql, token);
      return share ? { userID: shareUserID(share.id), orgID: share.orgID, share: { id: share.id } } : null;
    }
    const session = await requireSession(auth, c);
    return { userID: session.user.id, orgID: null };
  };

  app.post('/query', async (c) => {
    if (!checkKey(c)) return apiError(c, 'UNAUTHENTICATED', 'Missing or wrong API key.');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), QUERY_DEADLINE_MS);
    });
    try {
      const answer = await Promise.race([transform(c), late]);
      if (answer !== 'late') return answer;
      return apiError(c, 'NOT_READY', `The query took longer than ${QUERY_DEADLINE_MS / 1000} s; zero-cache asks again.`);
    } finally {
      clearTimeout(timer);
    }
  });

  /** Turns the named queries of zero-cache's request into ZQL, as the caller (a session or a share link) may read them. */
  const transform = async (c: Context) => {
    const ctx = await queryCaller(c);
    if (!ctx) return apiError(c, 'UNAUTHENTICATED', 'This share link is not valid any more: it was revoked or has expired.');
    const result = await handleQueryRequest({
      schema,
      request: c.req.raw,
      userID: ctx.userID,
      logLevel: 'error',
      handler: (name, args) => {
        // A wall screen's link reads its one dashboard and nothing else.
        if (ctx.share && !SHARE_QUERY_NAMES.has(name)) throw new Error(`A share link cannot read ${name}.`);
        return mustGetQuery(queries, name).fn({ args, ctx });
      },
    });
    return c.json(result);
  };

  app.post('/mutate', async (c) => {
    if (!checkKey(c)) return apiError(c, 'UNAUTHENTICATED', 'Missing or wrong API key.');
    if (bearerShareToken(c.req.header('authorization'))) {
      return apiError(c, 'UNAUTHENTICATED', 'A share link is read-only: sign in to make changes.');
    }
    // Every mutator works in an organization, which the client names in the header zero-cache forwards
    // from the connection's start. A push without it is zero-cache forwarding one on a connection whose
    // start it has not read yet (seen when a client reconnects with writes pending): answered 503, so the
    // writes are sent again, not refused for good with "Choose an organization first".
    if (!c.req.header(ORG_HEADER)) {
      return apiError(c, 'NOT_READY', `This push came without its organization (${ORG_HEADER}); it is to be sent again.`);
    }
    // Read once: a push that meets a restarting database is run again with the same body.
    const [query, body] = [c.req.query(), (await c.req.json().catch(() => null)) as ReadonlyJSONValue];
    const deadline = Date.now() + DATABASE_WAIT_MS;
    for (;;) {
      try {
        const result = await mutate(c, query, body);
        if (!isDatabasePushFailure(result) || !(await waitForDatabase(adminSql, deadline))) return c.json(result);
      } catch (err) {
        if (!isDatabaseUnavailable(err) || !(await waitForDatabase(adminSql, deadline))) throw err;
      }
    }
  });

  /** Runs a push's mutations as the signed-in caller, each in its own transaction, queueing post-commit tasks. */
  const mutate = async (c: Context, query: Record<string, string>, body: ReadonlyJSONValue) => {
    const session = await requireSession(auth, c);
    const ctx: ZeroContext = { userID: session.user.id, orgID: c.req.header(ORG_HEADER) || null };
    return handleMutateRequest({
      dbProvider,
      query,
      body,
      userID: ctx.userID,
      logLevel: 'error',
      handler: async (transact) => {
        // Each mutation is its own transaction (which may be retried), so each attempt gets its own task list.
        let tasks = new PostCommitTasks();
        const response = await transact(async (tx, name, args) => {
          tasks = new PostCommitTasks();
          const serverMutators = createServerMutators(tasks);
          await setTenant(tx.dbTransaction.wrappedTransaction, { ...ctx, source: `mutator:${name}` });
          await mustGetMutator(serverMutators, name).fn({ tx, args, ctx });
        });
        // transact resolves after commit; a refused mutation is rolled back and reports an error.
        if (!('error' in response.result)) flushTasks(postCommit, tasks, log);
        return response;
      },
    });
  };

  return { app, dbProvider };
}
