import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../../shared/errors.ts';
import { BAND_NAMES } from '../../../shared/health/ranges.ts';
import { rangeOfRow, weightsOrDefault } from '../../../sync/health-config.ts';
import type { ReferenceRangeRow } from '../../../sync/schema.ts';
import { scoped } from '../../../sync/tenant.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { iso } from '../json.ts';
import { errors, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';

const tags = ['Health configuration'];
const Band = z.object({ min: z.number(), max: z.number() });

const RangeBody = z
  .object({
    unit: z.string().optional().openapi({ example: 'score' }),
    higherIsBetter: z.boolean(),
    critical: Band,
    risk: Band,
    healthy: Band,
  })
  .openapi('ReferenceRangeInput', {
    description: 'The bands must tile one interval, worst to best in the KPI’s direction; otherwise 400 naming the bands.',
  });

const RangeSchema = z
  .object({
    kpiName: z.string(),
    unit: z.string(),
    higherIsBetter: z.boolean(),
    critical: Band,
    risk: Band,
    healthy: Band,
    updatedBy: z.string().nullable(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('StoredReferenceRange');

const WeightsBody = z
  .object({ categoryWeights: z.record(z.string(), z.number()) })
  .openapi('CategoryWeightsInput', { description: 'A weight (>= 0, not all 0) for each of the five health categories.' });
const WeightsSchema = z
  .object({
    categoryWeights: z.record(z.string(), z.number()),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable().openapi({ format: 'date-time', description: 'null: the defaults, never changed' }),
  })
  .openapi('CategoryWeights');

const NameParams = z.object({
  kpiName: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'kpiName', in: 'path' }, example: 'NPS Score' }),
});

function rangeJson(r: ReferenceRangeRow): z.infer<typeof RangeSchema> {
  const range = rangeOfRow(r);
  return {
    kpiName: r.kpiName,
    unit: r.unit,
    higherIsBetter: range.higherIsBetter,
    ...Object.fromEntries(BAND_NAMES.map((b) => [b, range[b]])),
    updatedBy: r.updatedBy ?? null,
    updatedAt: iso(r.updatedAt),
  } as z.infer<typeof RangeSchema>;
}

/** /api/reference-ranges/{kpiName}: everyone reads; admins set (each change a new configuration version). */
export function referenceRangeRoutes(deps: RestDeps) {
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{kpiName}',
      tags,
      ...sessionOrKey,
      summary: 'Get the reference range of a KPI name',
      request: { params: NameParams },
      responses: { 200: ok(RangeSchema, 'The range'), ...errors() },
    }),
    async (c) => {
      const { kpiName } = c.req.valid('param');
      const caller = c.get('caller');
      const row = await readInTenant(deps, caller, (tx) =>
        tx.run(scoped('referenceRange', caller.orgID, mutatorContext(caller)).where('kpiName', kpiName.trim()).one()),
      );
      if (!row) throw notFound('Reference range');
      return c.json(rangeJson(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{kpiName}',
      tags,
      ...sessionOrKey,
      summary: 'Set the reference range of a KPI name',
      description: 'Admins. Creates or replaces it; every change is a new configuration version (who, when, before, after).',
      request: { params: NameParams, body: jsonBody(RangeBody) },
      responses: { 200: ok(RangeSchema, 'The range as it now is'), ...errors(403, 415) },
    }),
    async (c) => {
      const { kpiName } = c.req.valid('param');
      const body = c.req.valid('json');
      const caller = c.get('caller');
      const row = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        const ctx = mutatorContext(caller);
        await m.referenceRange.set.fn({ tx, args: { id: randomUUID(), kpiName, ...body }, ctx });
        return tx.run(scoped('referenceRange', caller.orgID, ctx).where('kpiName', kpiName.trim()).one());
      });
      if (!row) throw notFound('Reference range');
      return c.json(rangeJson(row), 200);
    },
  );

  return app;
}

type WeightsRow = { weights: Readonly<Record<string, number>>; updatedBy?: string | null; updatedAt: number } | undefined;
const weightsJson = (row: WeightsRow) => ({
  categoryWeights: weightsOrDefault(row),
  updatedBy: row?.updatedBy ?? null,
  updatedAt: row ? iso(row.updatedAt) : null,
});

/** /api/category-weights: everyone reads (the defaults until changed); admins set all five at once. */
export function categoryWeightRoutes(deps: RestDeps) {
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Get the category weights',
      description: 'The organization’s weights, or the defaults (seed 002) until an admin changes them.',
      responses: { 200: ok(WeightsSchema, 'The weights'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const row = await readInTenant(deps, caller, (tx) =>
        tx.run(scoped('healthCategoryWeights', caller.orgID, mutatorContext(caller)).one()),
      );
      return c.json(weightsJson(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Set the category weights',
      description: 'Admins. All five categories at once; one change is one configuration version.',
      request: { body: jsonBody(WeightsBody) },
      responses: { 200: ok(WeightsSchema, 'The weights as they now are'), ...errors(403, 415) },
    }),
    async (c) => {
      const { categoryWeights } = c.req.valid('json');
      const caller = c.get('caller');
      const row = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        const ctx = mutatorContext(caller);
        await m.categoryWeights.set.fn({ tx, args: { weights: categoryWeights }, ctx });
        return tx.run(scoped('healthCategoryWeights', caller.orgID, ctx).one());
      });
      return c.json(weightsJson(row), 200);
    },
  );

  return app;
}
