import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../../shared/errors.ts';
import { BAND_NAMES } from '../../../shared/health/ranges.ts';
import type { HealthRescore } from '../../../sync/schema.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import { mutatorContext, type RestDeps, type RestEnv } from '../context.ts';
import { iso } from '../json.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { readUnder } from '../owned.ts';
import { restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';

const Category = z.object({ name: z.string(), score: z.number().nullable(), weight: z.number(), validKpis: z.number() });

const AccountHealthSchema = z
  .object({
    overall: z.number().nullable().openapi({ description: 'null when no KPI could be scored (never 0 for that)' }),
    categories: z.array(Category),
    kpis: z.array(z.object({ name: z.string(), status: z.enum(BAND_NAMES).nullable(), score: z.number().nullable() })),
    totalKpis: z.number(),
    validKpis: z.number(),
    updatedAt: z.string().nullable().openapi({
      format: 'date-time',
      description:
        'When it was last recomputed; null (with no scores) until its first computation, within a second of the account’s creation',
    }),
  })
  .openapi('AccountHealth');

const TrendSchema = z
  .object({
    accountId: z.string(),
    months: z.array(
      z.object({
        month: z.string().openapi({ example: '2026-01' }),
        overall: z.number().nullable(),
        categories: z.array(Category),
        totalKpis: z.number(),
        validKpis: z.number(),
        configVersion: z.number().openapi({ description: 'The configuration version scored under (0: the defaults)' }),
      }),
    ),
  })
  .openapi('HealthTrend');

const RescoreBody = z
  .object({
    from: z.string().openapi({ example: '2026-01' }),
    to: z.string().openapi({ example: '2026-06' }),
    configVersion: z.number().int().nullable().optional().openapi({ description: 'Omitted: the current version' }),
  })
  .openapi('RescoreInput', {
    description: 'Months as YYYY-MM, inclusive, at most 120, none after the current month.',
  });

const RescoreSchema = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    configVersion: z.number(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    done: z.number().openapi({ description: 'Account-months re-scored so far' }),
    total: z.number().openapi({ description: 'Account-months to re-score (0 until the job starts)' }),
    error: z.string().nullable(),
    requestedBy: z.string().nullable(),
    requestedAt: z.string().openapi({ format: 'date-time' }),
    startedAt: z.string().nullable().openapi({ format: 'date-time' }),
    finishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('HealthRescore');

const opt = (ms: number | null | undefined) => (ms == null ? null : iso(ms));
const rescoreJson = (r: HealthRescore): z.infer<typeof RescoreSchema> => ({
  id: r.id,
  from: r.fromMonth,
  to: r.toMonth,
  configVersion: r.configVersion,
  status: r.status,
  done: r.done,
  total: r.total,
  error: r.error ?? null,
  requestedBy: r.requestedBy ?? null,
  requestedAt: iso(r.requestedAt),
  startedAt: opt(r.startedAt),
  finishedAt: opt(r.finishedAt),
});

const healthTags = ['Accounts'];

/** GET /api/accounts/{id}/health and /health/trend, added to the accounts sub-app. */
export function addAccountHealthRoutes(app: OpenAPIHono<RestEnv>, deps: RestDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/health',
      tags: healthTags,
      ...sessionOrKey,
      summary: 'Get an account’s current health',
      description:
        'The stored health, recomputed within a second of any change to its KPIs, their data points, the reference ranges or the category weights; the same shape as POST /api/health/calculate, plus `updatedAt`.',
      request: { params: IdParams },
      responses: { 200: ok(AccountHealthSchema, 'The account’s health'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await readUnder(deps, c, { table: 'account', id }, ({ tx, caller, ctx }) =>
        tx.run(scoped('accountHealth', caller.orgID, ctx).where('accountID', id).one()),
      );
      return c.json(
        {
          overall: row?.overall ?? null,
          categories: row?.categories ?? [],
          kpis: (row?.kpis ?? []).map((k) => ({ name: k.name, status: k.status, score: k.score })),
          totalKpis: row?.totalKpis ?? 0,
          validKpis: row?.validKpis ?? 0,
          updatedAt: row ? iso(row.updatedAt) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/health/trend',
      tags: healthTags,
      ...sessionOrKey,
      summary: 'Get an account’s monthly health',
      description:
        'One snapshot per month (YYYY-MM), oldest first: the current month is kept live; past months change when re-scored.',
      request: { params: IdParams },
      responses: { 200: ok(TrendSchema, 'The months'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const rows = await readUnder(deps, c, { table: 'account', id }, ({ tx, caller, ctx }) =>
        tx.run(scoped('healthTrend', caller.orgID, ctx).where('accountID', id).orderBy('month', 'asc')),
      );
      const months = rows.map((r) => ({
        month: r.month,
        overall: r.overall ?? null,
        categories: r.categories,
        totalKpis: r.totalKpis,
        validKpis: r.validKpis,
        configVersion: r.configVersion,
      }));
      return c.json({ accountId: id, months }, 200);
    },
  );
}

/** POST /api/health/rescore and GET /api/health/rescore/{id}, added to the health sub-app. */
export function addRescoreRoutes(app: OpenAPIHono<RestEnv>, deps: RestDeps) {
  const tags = ['Health'];
  app.openapi(
    createRoute({
      method: 'post',
      path: '/rescore',
      tags,
      ...sessionOrKey,
      summary: 'Re-score past months',
      description:
        'Managers and above. Recomputes every active account’s monthly health for the months `from`..`to` from the data points recorded before each month’s end, under configuration version `configVersion` (omitted: the current one; 0: the defaults). Runs in the background: follow `done`/`total` with GET /api/health/rescore/{id} (or live, in the app).',
      request: { body: jsonBody(RescoreBody) },
      responses: { 202: ok(RescoreSchema, 'The queued run'), ...errors(403, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const caller = c.get('caller');
      const id = randomUUID();
      const row = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        const ctx = mutatorContext(caller);
        await m.healthRescore.start.fn({ tx, args: { id, ...body }, ctx });
        return findOwned(tx, 'healthRescore', caller.orgID, id);
      });
      return c.json(rescoreJson(row), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/rescore/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Get a re-score run',
      description: 'Its status and progress (`done` of `total` account-months).',
      request: { params: IdParams },
      responses: { 200: ok(RescoreSchema, 'The run'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const row = await readInTenant(deps, caller, (tx) =>
        tx.run(scoped('healthRescore', caller.orgID, mutatorContext(caller)).where('id', id).one()),
      );
      if (!row) throw notFound('Re-score');
      return c.json(rescoreJson(row), 200);
    },
  );
}
