import type { z } from '@hono/zod-openapi';
import { archivableRoutes } from '../archivable-routes.ts';
import type { RestDeps } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { containing, definedOnly } from '../json.ts';
import { recordRoutes } from './records.ts';
import { KpiCreateSchema, KpiListQuery, KpiSchema, KpiUpdateSchema, kpiJson, kpiRestFields } from './schemas.ts';

/** REST field names to the mutators' arguments; absent fields stay absent. */
function kpiArgs(body: z.infer<typeof KpiUpdateSchema>) {
  const { title, targetValue, ownerId, accountId, status: _status, ...same } = body;
  return definedOnly({ ...same, name: title, target: targetValue, ownerID: ownerId, accountID: accountId });
}

/** /api/kpis: list, create, read, edit, archive and restore KPIs; records and insights below each. */
export function kpiRoutes(platform: RestDeps) {
  const app = archivableRoutes(withRestFields(platform, kpiRestFields), {
    table: 'kpi',
    resource: 'kpi',
    tags: ['KPIs'],
    schemas: { row: KpiSchema, list: KpiListQuery, create: KpiCreateSchema, update: KpiUpdateSchema },
    json: kpiJson,
    mutators: (m) => m.kpi,
    list: {
      summary: 'List KPIs',
      description: 'The organization’s KPIs, by title. Active ones unless `status` says otherwise.',
      returns: 'The KPIs',
      rows: (kpis, { status, category, q }) => {
        let query = kpis;
        if (status !== 'all') query = query.where('archivedAt', status === 'active' ? 'IS' : 'IS NOT', null);
        if (category) query = query.where('category', category);
        if (q) query = query.where('name', 'ILIKE', containing(q));
        return query.orderBy('name', 'asc').orderBy('id', 'asc');
      },
    },
    create: {
      summary: 'Create a KPI',
      description: 'Managers and above. `title`, `targetValue` and `unit` are required; the rest have defaults.',
      returns: 'The new KPI',
      args: (body, id) => ({ ...kpiArgs(body), id, name: body.title, unit: body.unit, target: body.targetValue }),
    },
    get: { summary: 'Get a KPI', returns: 'The KPI, active or archived' },
    edit: {
      summary: 'Edit a KPI',
      description:
        'Managers and above. Send only the fields to change. `"status": "active"` restores an archived KPI; `"status": "archived"` archives it.',
      returns: 'The KPI as it now is',
      patch: kpiArgs,
      archive: (body) => (body.status === undefined ? undefined : body.status === 'archived'),
    },
    archive: {
      summary: 'Archive a KPI',
      description: 'Managers and above. A soft delete: the KPI and its records stay, and `PUT {"status": "active"}` restores it.',
      returns: 'The archived KPI',
    },
  });

  app.route('/', recordRoutes(platform));
  return app;
}
