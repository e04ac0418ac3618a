import type { Transaction } from '@rocicorp/zero';
import { widgetSpec } from '../../../shared/dashboards/registry.ts';
import { can, type Role } from '../../../shared/roles.ts';
import type { ZeroContext } from '../../context.ts';
import { authorizeWithRole, forbidden, mutatorError } from '../../permissions.ts';
import { type Dashboard, type DashboardWidget, tenantScopes, zql } from '../../schema.ts';
import { findOwned, isTenantTable, lookupOwned } from '../../tenant.ts';

/** What the caller wants to do with a dashboard: see it (presence, default) or change it (settings, widgets). */
export type DashboardAct = 'read' | 'edit';

/**
 * Opens every dashboard mutator: the caller is a member, the dashboard is the
 * organization's and theirs to see (a private one is its keeper's alone:
 * anyone else gets the same "not found" as for a dashboard that does not
 * exist), and for 'edit' their role may edit it (a shared one needs
 * dashboard.edit, a private one dashboard.keep). Returns the organization and
 * the row (undefined on the client before it has synced; the server decides).
 */
export async function dashboardAccess(
  tx: Transaction,
  ctx: ZeroContext,
  dashboardID: string,
  act: DashboardAct,
): Promise<{ orgID: string; dashboard: Dashboard | undefined }> {
  const caller = await authorizeWithRole(tx, ctx, 'dashboard', 'read');
  return { orgID: caller.orgID, dashboard: await reach(tx, ctx, caller, dashboardID, act) };
}

/** A widget of the organization, with the same access to its dashboard. */
export async function widgetAccess(
  tx: Transaction,
  ctx: ZeroContext,
  widgetID: string,
  act: DashboardAct,
): Promise<{ orgID: string; widget: DashboardWidget | undefined }> {
  const caller = await authorizeWithRole(tx, ctx, 'dashboard', 'read');
  const widget = await findOwned(tx, 'dashboardWidget', caller.orgID, widgetID);
  if (widget) await reach(tx, ctx, caller, widget.dashboardID, act);
  return { orgID: caller.orgID, widget };
}

async function reach(
  tx: Transaction,
  ctx: ZeroContext,
  { orgID, role }: { orgID: string; role: Role | null },
  dashboardID: string,
  act: DashboardAct,
): Promise<Dashboard | undefined> {
  const dashboard = await findOwned(tx, 'dashboard', orgID, dashboardID);
  if (tx.location !== 'server' || !dashboard || !role) return dashboard;
  if (!dashboard.shared && dashboard.createdBy !== ctx.userID) throw mutatorError('NOT_FOUND', 'Dashboard not found.');
  const needed = dashboard.shared ? 'edit' : 'keep';
  if (act === 'edit' && !can(role, 'dashboard', needed)) throw forbidden(role, 'dashboard', needed);
  return dashboard;
}

/** The link id of a KPI on a widget: derived, so setting the same KPIs again writes the same rows. */
const linkID = (widgetID: string, kpiID: string) => `${widgetID}:${kpiID}`;

/**
 * Sets the KPIs a widget shows, in order. On the server every KPI must be the
 * organization's (a foreign key would also refuse it, but as a 500); `at` is
 * where the list sits in the arguments, for the error's field.
 */
export async function setWidgetKpis(
  tx: Transaction,
  orgID: string,
  widget: { id: string; dashboardID: string },
  kpiIDs: readonly string[],
  at: (string | number)[],
): Promise<void> {
  if (tx.location === 'server' && kpiIDs.length > 0) {
    const found = new Set((await tx.run(zql.kpi.where('organizationID', orgID).where('id', 'IN', [...kpiIDs]))).map((k) => k.id));
    const issues = kpiIDs.flatMap((id, i) =>
      found.has(id) ? [] : [{ loc: [...at, 'kpiIDs', i], msg: `KPI ${id} not found`, type: 'not_found' }],
    );
    if (issues.length) throw mutatorError('VALIDATION_FAILED', 'A widget can only show this organization’s KPIs', issues);
  }
  const existing = await tx.run(zql.dashboardWidgetKpi.where('organizationID', orgID).where('widgetID', widget.id));
  const wanted = new Set(kpiIDs);
  for (const link of existing) if (!wanted.has(link.kpiID)) await tx.mutate.dashboardWidgetKpi.delete({ id: link.id });
  for (const [position, kpiID] of kpiIDs.entries()) {
    await tx.mutate.dashboardWidgetKpi.upsert({
      id: linkID(widget.id, kpiID),
      organizationID: orgID,
      dashboardID: widget.dashboardID,
      widgetID: widget.id,
      kpiID,
      position,
    });
  }
}

/** On the server, a goal a widget names must be the organization's. */
export async function checkGoal(tx: Transaction, orgID: string, goalID: string | null, at: (string | number)[]) {
  if (tx.location !== 'server' || !goalID) return;
  const goal = await tx.run(zql.goal.where('organizationID', orgID).where('id', goalID).one());
  if (!goal) {
    throw mutatorError('VALIDATION_FAILED', 'A widget can only show this organization’s goals', [
      { loc: [...at, 'goalID'], msg: `Goal ${goalID} not found`, type: 'not_found' },
    ]);
  }
}

/**
 * On the server, each option of a widget that names a row (its type's
 * `references`, a pack's account say) must name one of the organization's
 * rows, as its KPIs and goal must; `at` is where the widget sits in the
 * arguments, for the error's field (`widgets.0.options.accountId`).
 */
export async function checkReferences(
  tx: Transaction,
  orgID: string,
  widget: { type: string; options: Readonly<Record<string, unknown>> },
  at: (string | number)[],
): Promise<void> {
  if (tx.location !== 'server') return;
  const issues = [];
  for (const [key, table] of Object.entries(widgetSpec(widget.type)?.references ?? {})) {
    const id = widget.options[key];
    // Absent or not text: the type's options schema has already refused it (or it is optional).
    if (typeof id !== 'string') continue;
    if (!isTenantTable(table)) throw new Error(`Widget type "${widget.type}" names an unknown table "${table}" for ${key}.`);
    if (!(await lookupOwned(tx, table, orgID, id))) {
      issues.push({ loc: [...at, 'options', key], msg: `${tenantScopes[table].noun} ${id} not found`, type: 'not_found' });
    }
  }
  if (issues.length) {
    throw mutatorError(
      'VALIDATION_FAILED',
      `A widget can only show this organization’s rows: ${issues.map((i) => i.msg).join('; ')}`,
      issues,
    );
  }
}
