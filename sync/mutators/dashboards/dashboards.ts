import type { Transaction } from '@rocicorp/zero';
import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { dashboardInput, dashboardPatch, rangeIssues, type WidgetInput, widgetInput } from '../../../shared/dashboards/fields.ts';
import { DASHBOARD_WIDGETS_MAX } from '../../../shared/dashboards/grid.ts';
import { can } from '../../../shared/roles.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, authorizeWithRole, forbidden, mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { checkGoal, checkReferences, dashboardAccess, setWidgetKpis } from './access.ts';

/** Loose shapes: the shared rules (validate) give the field-level messages. */
export const widgetArgs = z.object({
  id,
  type: z.string(),
  kpiIDs: z.array(z.string()).optional(),
  goalID: z.string().nullable().optional(),
  text: z.string().optional(),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  options: z.record(z.string(), z.json()).optional(),
});
const settings = {
  name: z.string().optional(),
  shared: z.boolean().optional(),
  timeRange: z.string().optional(),
  rangeStart: z.number().nullable().optional(),
  rangeEnd: z.number().nullable().optional(),
};
const createArgs = z.object({ id, ...settings, name: z.string(), widgets: z.array(widgetArgs).optional() });
const updateArgs = z.object({ id, ...settings });
const idArgs = z.object({ id });
const widgetList = z.object({
  widgets: z.array(widgetInput).max(DASHBOARD_WIDGETS_MAX, `A dashboard has at most ${DASHBOARD_WIDGETS_MAX} widgets`),
});

/**
 * Writes validated widgets (`fields`, in the order of `rows`, which carry
 * their ids) to a dashboard: ids in `known` are updated in place, the rest
 * inserted; then each one's goal and KPIs are checked and linked. Errors name
 * the widget by its place in the list.
 */
async function placeWidgets(
  tx: Transaction,
  orgID: string,
  dashboardID: string,
  userID: string,
  rows: readonly { id: string }[],
  fields: readonly WidgetInput[],
  known: ReadonlySet<string> = new Set(),
): Promise<void> {
  const now = Date.now();
  const widgets = fields.map(({ kpiIDs, ...w }, i) => ({
    row: { ...w, id: rows[i]!.id, organizationID: orgID, dashboardID, updatedBy: userID, updatedAt: now },
    kpiIDs,
  }));
  for (const [i, w] of widgets.entries()) {
    await checkGoal(tx, orgID, w.row.goalID, ['widgets', i]);
    await checkReferences(tx, orgID, w.row, ['widgets', i]);
  }
  const fresh = widgets.filter((w) => !known.has(w.row.id)).map((w) => w.row);
  if (fresh.length > 0) await insertNew(tx, 'dashboardWidget', fresh);
  for (const [i, w] of widgets.entries()) {
    if (known.has(w.row.id)) await tx.mutate.dashboardWidget.update(w.row);
    await setWidgetKpis(tx, orgID, w.row, w.kpiIDs, ['widgets', i]);
  }
}

export const dashboardMutators = {
  /** A new dashboard, shared (managers and up) or private (anyone), with its first widgets (a template's, say). */
  create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
    const { id: dashboardID, widgets: widgetRows = [], ...rest } = args;
    const fields = validate(dashboardInput, { ...rest, widgets: widgetRows });
    const { orgID } = await authorizeWithRole(tx, ctx, 'dashboard', fields.shared ? 'edit' : 'keep');
    const now = Date.now();
    await insertNew(tx, 'dashboard', [
      {
        id: dashboardID,
        organizationID: orgID,
        name: fields.name,
        shared: fields.shared,
        timeRange: fields.timeRange,
        rangeStart: fields.timeRange === 'custom' ? fields.rangeStart : null,
        rangeEnd: fields.timeRange === 'custom' ? fields.rangeEnd : null,
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await placeWidgets(tx, orgID, dashboardID, ctx.userID, widgetRows, fields.widgets);
  }),

  /** Its name, time range, or whether it is shared. Only its keeper makes a shared dashboard private again. */
  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const { id: dashboardID, ...rest } = args;
    const patch = validate(dashboardPatch, rest);
    const { dashboard } = await dashboardAccess(tx, ctx, dashboardID, 'edit');
    if (dashboard && tx.location === 'server' && patch.shared !== undefined && patch.shared !== dashboard.shared) {
      if (dashboard.createdBy !== ctx.userID && !patch.shared) {
        throw mutatorError('FORBIDDEN', 'Only the person who made this dashboard can make it private again.');
      }
      const { role } = await authorizeWithRole(tx, ctx, 'dashboard', 'read');
      if (patch.shared && role && !can(role, 'dashboard', 'edit')) throw forbidden(role, 'dashboard', 'edit');
    }
    if (dashboard) {
      const merged = {
        timeRange: patch.timeRange ?? dashboard.timeRange,
        rangeStart: patch.rangeStart === undefined ? (dashboard.rangeStart ?? null) : patch.rangeStart,
        rangeEnd: patch.rangeEnd === undefined ? (dashboard.rangeEnd ?? null) : patch.rangeEnd,
      };
      const issues = rangeIssues(merged).map((i) => ({ loc: i.path, msg: i.message, type: 'custom' }));
      if (issues.length) throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
      if (merged.timeRange !== 'custom') Object.assign(patch, { rangeStart: null, rangeEnd: null });
    }
    await tx.mutate.dashboard.update({ id: dashboardID, ...patch, updatedAt: Date.now() });
  }),

  /** Gone for everyone, with its widgets and share links (people who had it as default get their first one). */
  delete: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const { orgID } = await dashboardAccess(tx, ctx, args.id, 'edit');
    // The database cascades; the client removes the rows it shows at once.
    for (const w of await tx.run(zql.dashboardWidget.where('organizationID', orgID).where('dashboardID', args.id))) {
      await tx.mutate.dashboardWidget.delete({ id: w.id });
    }
    await tx.mutate.dashboard.delete({ id: args.id });
  }),

  /**
   * Replaces a dashboard's widgets (REST's PUT, a template applied again):
   * listed ids already on it are updated in place, others added, and the
   * widgets not listed removed.
   */
  setWidgets: defineMutator(z.object({ id, widgets: z.array(widgetArgs) }), async ({ tx, args, ctx }) => {
    const { widgets } = validate(widgetList, { widgets: args.widgets });
    const { orgID } = await dashboardAccess(tx, ctx, args.id, 'edit');
    const existing = await tx.run(zql.dashboardWidget.where('organizationID', orgID).where('dashboardID', args.id));
    const kept = new Set(args.widgets.map((w) => w.id));
    for (const w of existing) if (!kept.has(w.id)) await tx.mutate.dashboardWidget.delete({ id: w.id });
    const known = new Set(existing.map((w) => w.id));
    await placeWidgets(tx, orgID, args.id, ctx.userID, args.widgets, widgets, known);
  }),

  /** The caller's home page in this organization (null: the first dashboard). */
  setDefault: defineMutator(z.object({ dashboardID: id.nullable() }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'dashboardPreference', 'update');
    if (args.dashboardID) await dashboardAccess(tx, ctx, args.dashboardID, 'read');
    await tx.mutate.dashboardPreference.upsert({
      id: `${orgID}:${ctx.userID}`,
      organizationID: orgID,
      userID: ctx.userID,
      defaultDashboardID: args.dashboardID,
      updatedAt: Date.now(),
    });
  }),
};
