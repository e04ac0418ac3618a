import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../../shared/errors.ts';
import { RANGE_DAYS_MAX } from '../../../shared/shop-floor/recompute.ts';
import type { RollupRecompute } from '../../../sync/schema.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import { mutatorContext, type RestDeps, type RestEnv } from '../context.ts';
import { iso, isoDay, isoOrNull } from '../json.ts';
import { isoDay as dayParam, errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';

const tags = ['Shop-floor KPIs'];

const RecomputeBody = z
  .object({
    from: dayParam('from').openapi({ description: 'First shift date, included' }),
    to: dayParam('to').openapi({ description: `Last shift date, included; at most ${RANGE_DAYS_MAX} days from from` }),
  })
  .openapi('KpiRecomputeRequest', { example: { from: '2026-09-01', to: '2026-11-30' } });

const RecomputeSchema = z
  .object({
    id: z.string(),
    from: z.string().openapi({ format: 'date' }),
    to: z.string().openapi({ format: 'date' }),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    processed: z.number().openapi({ description: 'Days rebuilt so far' }),
    total: z.number().openapi({ description: 'Days in the range' }),
    error: z.string().nullable(),
    requestedBy: z.string().nullable(),
    requestedAt: z.string().openapi({ format: 'date-time' }),
    startedAt: z.string().nullable().openapi({ format: 'date-time' }),
    finishedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('KpiRecompute');

const recomputeJson = (r: RollupRecompute): z.infer<typeof RecomputeSchema> => ({
  id: r.id,
  from: isoDay(r.fromDate),
  to: isoDay(r.toDate),
  status: r.status,
  processed: r.processed,
  total: r.total,
  error: r.error ?? null,
  requestedBy: r.requestedBy ?? null,
  requestedAt: iso(r.requestedAt),
  startedAt: isoOrNull(r.startedAt),
  finishedAt: isoOrNull(r.finishedAt),
});

/** POST /api/kpi/recompute and GET /api/kpi/recompute/{id}: rebuilding stored rollups after a master-data change. */
export function recomputeRoutes(app: OpenAPIHono<RestEnv>, deps: RestDeps) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/recompute',
      tags,
      ...sessionOrKey,
      summary: 'Recompute stored KPIs over a range',
      description: `Managers and above (operators and viewers: 403). Rebuilds the organization’s per-shift rollups for the shift dates \`from\`..\`to\` (at most ${RANGE_DAYS_MAX} days) from the stored entries and the master data as it is now, after a change to a shift’s times or breaks, a downtime reason’s kind or a work order’s product. Runs in the background a week at a time: follow \`processed\`/\`total\` (days) with GET /api/kpi/recompute/{id}, or live in the app.`,
      request: { body: jsonBody(RecomputeBody) },
      responses: { 202: ok(RecomputeSchema, 'The queued run'), ...errors(403, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const caller = c.get('caller');
      const id = randomUUID();
      const row = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        const args = { id, from: Date.parse(body.from), to: Date.parse(body.to) };
        await m.rollupRecompute.start.fn({ tx, args, ctx: mutatorContext(caller) });
        return findOwned(tx, 'rollupRecompute', caller.orgID, id);
      });
      return c.json(recomputeJson(row), 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/recompute/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Get a KPI recompute run',
      description: 'Its status and progress (`processed` of `total` days).',
      request: { params: IdParams },
      responses: { 200: ok(RecomputeSchema, 'The run'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const row = await readInTenant(deps, caller, (tx) =>
        tx.run(scoped('rollupRecompute', caller.orgID, mutatorContext(caller)).where('id', id).one()),
      );
      if (!row) throw notFound('Recompute');
      return c.json(recomputeJson(row), 200);
    },
  );
}
