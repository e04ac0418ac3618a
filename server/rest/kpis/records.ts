import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { scoped } from '../../../sync/tenant.ts';
import type { RestDeps, RestEnv } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { readUnder, writeOwned } from '../owned.ts';
import {
  InsightListQuery,
  InsightSchema,
  insightJson,
  RecordCreateSchema,
  RecordListQuery,
  RecordSchema,
  recordJson,
  recordRestFields,
} from './schemas.ts';

/**
 * GET /{id}/<rows>: a KPI's rows of one kind (records, insights), each an
 * `item`, narrowed by `query`; its tag, summary and answer are named after them.
 */
function kpiListRoute<N extends string, Q extends z.ZodObject, I extends z.ZodType>(
  rows: N,
  query: Q,
  item: I,
  description: string,
) {
  return createRoute({
    method: 'get',
    path: `/{id}/${rows}` as const,
    tags: [rows.charAt(0).toUpperCase() + rows.slice(1)],
    summary: `List a KPI’s ${rows}`,
    description,
    ...sessionOrKey,
    request: { params: IdParams, query },
    responses: { 200: ok(z.array(item), `The ${rows}`), ...errors() },
  });
}

/**
 * /api/kpis/{id}/records and /api/kpis/{id}/insights. Mounted inside the KPI
 * sub-app, whose middleware (body limit, authentication) covers these too.
 */
export function recordRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, recordRestFields);
  const app = new OpenAPIHono<RestEnv>();

  app.openapi(
    kpiListRoute(
      'records',
      RecordListQuery,
      RecordSchema,
      'Newest first (by `recordedAt`), at most `limit`, optionally between `from` and `to` (inclusive).',
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const { limit, from, to } = c.req.valid('query');
      const points = await readUnder(deps, c, { table: 'kpi', id }, ({ tx, caller, ctx }) => {
        let query = scoped('dataPoint', caller.orgID, ctx).where('kpiID', id);
        if (from) query = query.where('recordedAt', '>=', Date.parse(from));
        if (to) query = query.where('recordedAt', '<=', Date.parse(to));
        return tx.run(query.orderBy('recordedAt', 'desc').orderBy('id', 'desc').limit(limit));
      });
      return c.json(points.map(recordJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/records',
      tags: ['Records'],
      summary: 'Add a record (data point) to a KPI',
      description:
        'Operators and above. The KPI’s current value follows its latest record. An archived KPI takes no records (409) until restored.',
      ...sessionOrKey,
      request: { params: IdParams, body: jsonBody(RecordCreateSchema) },
      responses: { 201: ok(RecordSchema, 'The new record'), ...errors(403, 409, 415) },
    }),
    async (c) => {
      const { id: kpiID } = c.req.valid('param');
      const body = c.req.valid('json');
      const id = randomUUID();
      const args = {
        id,
        kpiID,
        value: body.value,
        ...(body.recordedAt ? { recordedAt: Date.parse(body.recordedAt) } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
      };
      const point = await writeOwned(deps, c, { table: 'dataPoint', id }, ({ tx, m, ctx }) =>
        m.dataPoint.add.fn({ tx, args, ctx }),
      );
      return c.json(recordJson(point), 201);
    },
  );

  app.openapi(
    kpiListRoute(
      'insights',
      InsightListQuery,
      InsightSchema,
      'Newest first: the trend and summary generated after the KPI’s records changed.',
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const { limit } = c.req.valid('query');
      const rows = await readUnder(deps, c, { table: 'kpi', id }, ({ tx, caller, ctx }) => {
        const query = scoped('insight', caller.orgID, ctx).where('kpiID', id);
        return tx.run(query.orderBy('generatedAt', 'desc').orderBy('id', 'desc').limit(limit));
      });
      return c.json(rows.map(insightJson), 200);
    },
  );

  return app;
}
