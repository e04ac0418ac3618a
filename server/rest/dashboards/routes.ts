import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Query } from '@rocicorp/zero';
import { AppError } from '../../../shared/errors.ts';
import { authorize } from '../../../sync/permissions.ts';
import { visibleDashboards } from '../../../sync/queries/dashboards.ts';
import type { Schema } from '../../../sync/schema.ts';
import { findOwned } from '../../../sync/tenant.ts';
import { newShareToken } from '../../dashboards/share-tokens.ts';
import { mutatorContext, type RestDeps } from '../context.ts';
import { withRestFields } from '../issues.ts';
import { iso } from '../json.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { writeOwned } from '../owned.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';
import {
  DashboardCreateSchema,
  type DashboardRow,
  DashboardSchema,
  DashboardUpdateSchema,
  dashboardJson,
  dashboardRestFields,
  ShareCreateSchema,
  ShareLinkSchema,
  ShareRevokedSchema,
  settingsArgs,
  widgetArgs,
} from './schemas.ts';

const tags = ['Dashboards'];

/** A dashboard as the API shows it: with its widgets, in grid order, and their KPIs. */
const withWidgets = (q: Query<'dashboard', Schema>) =>
  q.related('widgets', (w) => w.orderBy('y', 'asc').orderBy('x', 'asc').orderBy('id', 'asc').related('kpiLinks'));

/**
 * /api/dashboards: the organization's shared dashboards and the caller's
 * private ones, their widgets, and read-only share links for wall screens.
 * Writes go through the same mutators as the app, so a script's layout
 * change shows on every open screen at once.
 */
export function dashboardRoutes(platform: RestDeps) {
  const deps = withRestFields(platform, dashboardRestFields);
  const app = resourceApp(deps);
  const owned = (id: string) => ({ table: 'dashboard' as const, id, shape: withWidgets });
  const json = (row: unknown) => dashboardJson(row as DashboardRow);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'List dashboards',
      description: 'The organization’s shared dashboards and your private ones, by name, with their widgets.',
      responses: { 200: ok(z.array(DashboardSchema), 'The dashboards'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const rows = await readInTenant(deps, caller, (tx) =>
        tx.run(withWidgets(visibleDashboards(caller.orgID, mutatorContext(caller)).orderBy('name', 'asc').orderBy('id', 'asc'))),
      );
      return c.json(rows.map(json), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Create a dashboard',
      description:
        'Private to you unless `"shared": true` (managers and up). Widgets are placed on a 12-column grid; each KPI and goal must be the organization’s.',
      request: { body: jsonBody(DashboardCreateSchema) },
      responses: { 201: ok(DashboardSchema, 'The new dashboard, with its id'), ...errors(403, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const id = randomUUID();
      const args = {
        id,
        name: body.name,
        ...settingsArgs(body),
        widgets: body.widgets.map((w) => ({ ...widgetArgs(w), id: randomUUID() })),
      };
      const row = await writeOwned(deps, c, owned(id), ({ tx, m, ctx }) => m.dashboard.create.fn({ tx, args, ctx }));
      return c.json(json(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Get a dashboard',
      request: { params: IdParams },
      responses: { 200: ok(DashboardSchema, 'The dashboard with its widgets'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const row = await readInTenant(deps, caller, (tx) => findOwned(tx, 'dashboard', caller.orgID, id, withWidgets));
      return c.json(json(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Edit a dashboard',
      description:
        'Send only what changes. `widgets` replaces the whole set: widgets whose `id` is already on the dashboard are updated in place, others added, and any left out removed. Only its keeper makes a shared dashboard private again.',
      request: { params: IdParams, body: jsonBody(DashboardUpdateSchema) },
      responses: { 200: ok(DashboardSchema, 'The dashboard as it now is'), ...errors(403, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const settings = { ...(body.name !== undefined ? { name: body.name } : {}), ...settingsArgs(body) };
      const row = await writeOwned(deps, c, owned(id), async ({ tx, m, ctx }) => {
        if (Object.keys(settings).length > 0 || !body.widgets) {
          await m.dashboard.update.fn({ tx, args: { id, ...settings }, ctx });
        }
        if (body.widgets) {
          const widgets = body.widgets.map((w) => ({ ...widgetArgs(w), id: w.id ?? randomUUID() }));
          await m.dashboard.setWidgets.fn({ tx, args: { id, widgets }, ctx });
        }
      });
      return c.json(json(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Delete a dashboard',
      description:
        'For everyone, with its widgets and share links. Shared dashboards: managers and up; private ones: their keeper.',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, ...errors(403) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      await inTenant(deps, caller, restSource(c), (tx, m) =>
        m.dashboard.delete.fn({ tx, args: { id }, ctx: mutatorContext(caller) }),
      );
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/share',
      tags,
      ...sessionOrKey,
      summary: 'Create a read-only share link',
      description:
        'Admins, for a shared dashboard. The URL opens the dashboard live on a wall screen without signing in, and nothing else: the token reads no other data, writes nothing, and is refused by this API. Revoke with DELETE.',
      request: { params: IdParams, body: jsonBody(ShareCreateSchema) },
      responses: { 201: ok(ShareLinkSchema, 'The link, with its token shown this once'), ...errors(403, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { expiresAt } = c.req.valid('json');
      const caller = c.get('caller');
      const expires = expiresAt ? Date.parse(expiresAt) : null;
      if (expires !== null && expires <= Date.now()) {
        throw new AppError('VALIDATION_FAILED', 'expiresAt must be in the future', [
          { loc: ['body', 'expiresAt'], msg: 'expiresAt must be in the future', type: 'too_small' },
        ]);
      }
      const shareID = randomUUID();
      const { token, prefix, hash } = newShareToken(shareID);
      const created = await inTenant(deps, caller, restSource(c), async (tx) => {
        await authorize(tx, mutatorContext(caller), 'dashboardShare', 'manage');
        const dashboard = await findOwned(tx, 'dashboard', caller.orgID, id);
        if (!dashboard.shared) {
          throw new AppError('CONFLICT', 'Only a shared dashboard can have a share link: share it with the organization first.');
        }
        // The token's hash is not in the Zero schema (it never syncs), so this insert is SQL.
        const [row] = await tx.dbTransaction.wrappedTransaction<{ created_at: Date }[]>`
          INSERT INTO dashboard_share (id, organization_id, dashboard_id, token_hash, prefix, created_by, created_at, expires_at)
          VALUES (${shareID}, ${caller.orgID}, ${id}, ${hash}, ${prefix}, ${caller.userID}, now(), ${expires === null ? null : new Date(expires)})
          RETURNING created_at`;
        return row!.created_at;
      });
      const url = `${new URL(c.req.url).origin}/tv/${token}`;
      return c.json(
        { id: shareID, url, token, expiresAt: expires === null ? null : iso(expires), createdAt: created.toISOString() },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/share',
      tags,
      ...sessionOrKey,
      summary: 'Revoke the share links',
      description:
        'Admins. Every live link of the dashboard stops at once; a screen showing it then says the link is no longer valid.',
      request: { params: IdParams },
      responses: { 200: ok(ShareRevokedSchema, 'How many links were revoked'), ...errors(403) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const revoked = await inTenant(deps, caller, restSource(c), async (tx) => {
        await authorize(tx, mutatorContext(caller), 'dashboardShare', 'manage');
        await findOwned(tx, 'dashboard', caller.orgID, id);
        const rows = await tx.dbTransaction.wrappedTransaction`
          UPDATE dashboard_share SET revoked_at = now()
           WHERE organization_id = ${caller.orgID} AND dashboard_id = ${id} AND revoked_at IS NULL
          RETURNING id`;
        return rows.length;
      });
      return c.json({ revoked }, 200);
    },
  );

  return app;
}
