import type { Query } from '@rocicorp/zero';
import type { Schema } from '../../../sync/schema.ts';
import { archivableRoutes } from '../archivable-routes.ts';
import type { RestDeps } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { GoalCreateSchema, GoalListQuery, GoalSchema, GoalUpdateSchema, goalArgs, goalJson, goalRestFields } from './schemas.ts';

/** Goals as the API shows them: with their weighted KPIs. */
const withKpis = (goals: Query<'goal', Schema>) => goals.related('goalKpis', (l) => l.orderBy('kpiID', 'asc'));

/** /api/goals: goals made of weighted KPIs; progress is kept current by the server. */
export function goalRoutes(platform: RestDeps) {
  return archivableRoutes(withRestFields(platform, goalRestFields), {
    table: 'goal',
    resource: 'goal',
    tags: ['Goals'],
    schemas: { row: GoalSchema, list: GoalListQuery, create: GoalCreateSchema, update: GoalUpdateSchema },
    shape: withKpis,
    json: goalJson,
    mutators: (m) => m.goal,
    list: {
      summary: 'List goals',
      description: 'By target date. Unarchived ones unless `archived` says otherwise.',
      returns: 'The goals',
      rows: (goals, { archived, status }) => {
        let query = goals;
        if (archived !== 'all') query = query.where('archivedAt', archived === 'true' ? 'IS NOT' : 'IS', null);
        if (status) query = query.where('status', status);
        return query.orderBy('targetDate', 'asc').orderBy('id', 'asc');
      },
    },
    create: {
      summary: 'Create a goal',
      description: 'Managers and above. Every KPI must be the organization’s; weights are relative (they need not sum to 1).',
      returns: 'The new goal',
      args: (body, id) => ({ ...goalArgs(body), id, title: body.title, targetDate: Date.parse(body.targetDate) }),
    },
    get: { summary: 'Get a goal', returns: 'The goal, archived or not' },
    edit: {
      summary: 'Edit a goal',
      description:
        'Managers and above. Send only the fields to change; `kpis` replaces the whole list. `"archived": false` restores an archived goal.',
      returns: 'The goal as it now is',
      patch: goalArgs,
      archive: (body) => body.archived,
    },
    archive: {
      summary: 'Archive a goal',
      description: 'Managers and above. A soft delete; `PUT {"archived": false}` restores it.',
      returns: 'The archived goal',
    },
  });
}
