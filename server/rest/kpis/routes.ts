import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../../sync/permissions.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import { editArchivable } from '../archivable.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { definedOnly } from '../json.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';
import { recordRoutes } from './records.ts';
import { KpiCreateSchema, KpiListQuery, KpiSchema, KpiUpdateSchema, kpiJson, kpiRestFields } from './schemas.ts';

const tags = ['KPIs'];

/** A LIKE pattern matching `text` literally anywhere. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** REST field names to the mutators' arguments; absent fields stay absent. */
function kpiArgs(body: z.infer<typeof KpiUpdateSchema>) {
  const { title, targetValue, ownerId, accountId, status: _status, ...same } = body;
  return definedOnly({ ...same, name: title, target: targetValue, ownerID: ownerId, accountID: accountId });
}

/** /api/kpis: list, create, read, edit, archive and restore KPIs; records and insights below each. */
export function kpiRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, kpiRestFields);
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List KPIs',
      description: 'The organization’s KPIs, by title. Active ones unless `status` says otherwise.',
      ...sessionOrKey,
      request: { query: KpiListQuery },
      responses: { 200: ok(z.array(KpiSchema), 'The KPIs'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { status, category, q } = c.req.valid('query');
      const rows = await readInTenant(deps, caller, (tx) => {
        let query = scoped('kpi', caller.orgID, mutatorContext(caller));
        if (status !== 'all') query = query.where('archivedAt', status === 'active' ? 'IS' : 'IS NOT', null);
        if (category) query = query.where('category', category);
        if (q) query = query.where('name', 'ILIKE', containing(q));
        return tx.run(query.orderBy('name', 'asc').orderBy('id', 'asc'));
      });
      return c.json(rows.map(kpiJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a KPI',
      description: 'Managers and above. `title`, `targetValue` and `unit` are required; the rest have defaults.',
      ...sessionOrKey,
      request: { body: jsonBody(KpiCreateSchema) },
      responses: { 201: ok(KpiSchema, 'The new KPI'), ...errors(403, 415) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const id = randomUUID();
      const args = { ...kpiArgs(body), id, name: body.title, unit: body.unit, target: body.targetValue };
      const kpi = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        await m.kpi.create.fn({ tx, args, ctx: mutatorContext(caller) });
        return findOwned(tx, 'kpi', caller.orgID, id);
      });
      return c.json(kpiJson(kpi), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'Get a KPI',
      ...sessionOrKey,
      request: { params: IdParams },
      responses: { 200: ok(KpiSchema, 'The KPI, active or archived'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const kpi = await readInTenant(deps, caller, (tx) => findOwned(tx, 'kpi', caller.orgID, id));
      return c.json(kpiJson(kpi), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      summary: 'Edit a KPI',
      description:
        'Managers and above. Send only the fields to change. `"status": "active"` restores an archived KPI; `"status": "archived"` archives it.',
      ...sessionOrKey,
      request: { params: IdParams, body: jsonBody(KpiUpdateSchema) },
      responses: { 200: ok(KpiSchema, 'The KPI as it now is'), ...errors(403, 415) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const ctx = mutatorContext(caller);
      const kpi = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        // Role before existence, as in every mutator, so a refusal reveals nothing.
        await authorize(tx, ctx, 'kpi', 'update');
        const archive = body.status === undefined ? undefined : body.status === 'archived';
        await editArchivable(tx, ctx, m.kpi, await findOwned(tx, 'kpi', caller.orgID, id), kpiArgs(body), archive);
        return findOwned(tx, 'kpi', caller.orgID, id);
      });
      return c.json(kpiJson(kpi), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Archive a KPI',
      description: 'Managers and above. A soft delete: the KPI and its records stay, and `PUT {"status": "active"}` restores it.',
      ...sessionOrKey,
      request: { params: IdParams },
      responses: { 200: ok(KpiSchema, 'The archived KPI'), ...errors(403) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const kpi = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        const ctx = mutatorContext(caller);
        await authorize(tx, ctx, 'kpi', 'archive');
        await editArchivable(tx, ctx, m.kpi, await findOwned(tx, 'kpi', caller.orgID, id), {}, true);
        return findOwned(tx, 'kpi', caller.orgID, id);
      });
      return c.json(kpiJson(kpi), 200);
    },
  );

  app.route('/', recordRoutes(deps));
  return app;
}
