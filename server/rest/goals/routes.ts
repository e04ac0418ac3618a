import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Query } from '@rocicorp/zero';
import { authorize } from '../../../sync/permissions.ts';
import type { Schema } from '../../../sync/schema.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import { editArchivable } from '../archivable.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';
import { GoalCreateSchema, GoalListQuery, GoalSchema, GoalUpdateSchema, goalArgs, goalJson, goalRestFields } from './schemas.ts';

const tags = ['Goals'];

/** Goals as the API shows them: with their weighted KPIs. */
const withKpis = (goals: Query<'goal', Schema>) => goals.related('goalKpis', (l) => l.orderBy('kpiID', 'asc'));

/** /api/goals: goals made of weighted KPIs; progress is kept current by the server. */
export function goalRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, goalRestFields);
  const app = resourceApp(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List goals',
      description: 'By target date. Unarchived ones unless `archived` says otherwise.',
      ...sessionOrKey,
      request: { query: GoalListQuery },
      responses: { 200: ok(z.array(GoalSchema), 'The goals'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { archived, status } = c.req.valid('query');
      const rows = await readInTenant(deps, caller, (tx) => {
        let query = withKpis(scoped('goal', caller.orgID, mutatorContext(caller)));
        if (archived !== 'all') query = query.where('archivedAt', archived === 'true' ? 'IS NOT' : 'IS', null);
        if (status) query = query.where('status', status);
        return tx.run(query.orderBy('targetDate', 'asc').orderBy('id', 'asc'));
      });
      return c.json(rows.map(goalJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a goal',
      description: 'Managers and above. Every KPI must be the organization’s; weights are relative (they need not sum to 1).',
      ...sessionOrKey,
      request: { body: jsonBody(GoalCreateSchema) },
      responses: { 201: ok(GoalSchema, 'The new goal'), ...errors(403, 415) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const id = randomUUID();
      const args = { ...goalArgs(body), id, title: body.title, targetDate: Date.parse(body.targetDate) };
      const goal = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        await m.goal.create.fn({ tx, args, ctx: mutatorContext(caller) });
        return findOwned(tx, 'goal', caller.orgID, id, withKpis);
      });
      return c.json(goalJson(goal), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'Get a goal',
      ...sessionOrKey,
      request: { params: IdParams },
      responses: { 200: ok(GoalSchema, 'The goal, archived or not'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const goal = await readInTenant(deps, caller, (tx) => findOwned(tx, 'goal', caller.orgID, id, withKpis));
      return c.json(goalJson(goal), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      summary: 'Edit a goal',
      description:
        'Managers and above. Send only the fields to change; `kpis` replaces the whole list. `"archived": false` restores an archived goal.',
      ...sessionOrKey,
      request: { params: IdParams, body: jsonBody(GoalUpdateSchema) },
      responses: { 200: ok(GoalSchema, 'The goal as it now is'), ...errors(403, 415) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const ctx = mutatorContext(caller);
      const goal = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        // Role before existence, as in every mutator, so a refusal reveals nothing.
        await authorize(tx, ctx, 'goal', 'update');
        await editArchivable(
          tx,
          ctx,
          m.goal,
          await findOwned(tx, 'goal', caller.orgID, id, withKpis),
          goalArgs(body),
          body.archived,
        );
        return findOwned(tx, 'goal', caller.orgID, id, withKpis);
      });
      return c.json(goalJson(goal), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Archive a goal',
      description: 'Managers and above. A soft delete; `PUT {"archived": false}` restores it.',
      ...sessionOrKey,
      request: { params: IdParams },
      responses: { 200: ok(GoalSchema, 'The archived goal'), ...errors(403) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const goal = await inTenant(deps, caller, restSource(c), async (tx, m) => {
        const ctx = mutatorContext(caller);
        await authorize(tx, ctx, 'goal', 'archive');
        await editArchivable(tx, ctx, m.goal, await findOwned(tx, 'goal', caller.orgID, id, withKpis), {}, true);
        return findOwned(tx, 'goal', caller.orgID, id, withKpis);
      });
      return c.json(goalJson(goal), 200);
    },
  );

  return app;
}
