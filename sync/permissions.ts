import type { Transaction } from '@rocicorp/zero';
import type { z } from 'zod';
import { type Action, can, isRole, type Resource, ROLE_LABELS, type Role, weakerRole } from '../shared/roles.ts';
import { fieldIssues } from '../shared/validation.ts';
import type { ZeroContext } from './context.ts';
import { mutatorError } from './mutator-error.ts';
import { membershipOf } from './tenant.ts';

export { type MutatorErrorDetails, mutatorError } from './mutator-error.ts';

const ACTION_PHRASES: Record<string, string> = {
  'kpi.create': 'create KPIs',
  'kpi.update': 'edit KPIs',
  'kpi.archive': 'archive KPIs',
  'dataPoint.create': 'add data points',
  'dataPoint.update': 'edit data points',
  'dataPoint.delete': 'delete data points',
  'goal.create': 'create goals',
  'goal.update': 'edit goals',
  'goal.archive': 'archive goals',
  'kpiOption.manage': 'change the unit and category lists',
  'apiKey.manage': 'manage API keys',
  'organization.update': 'change the organization’s settings',
  'healthConfig.manage': 'change reference ranges or category weights',
  'playbookTrigger.manage': 'change playbook triggers',
  'playbook.manage': 'edit the organization’s playbooks',
  'playbookExecution.start': 'start playbooks',
  'playbookExecution.manage': 'complete, cancel or delete playbook executions',
  'playbookStep.work': 'work on playbook steps',
  'playbookEditing.update': 'edit playbook steps',
  'dashboard.keep': 'keep dashboards',
  'dashboard.edit': 'edit shared dashboards',
  'dashboardShare.manage': 'make share links for dashboards',
  'account.create': 'add accounts',
  'account.update': 'edit accounts',
  'account.deactivate': 'deactivate or reactivate accounts',
  'healthRescore.start': 'start a re-score of past months',
  'line.create': 'add lines',
  'line.update': 'edit lines',
  'line.archive': 'archive or restore lines',
  'product.create': 'add products',
  'product.update': 'edit products',
  'product.archive': 'archive or restore products',
  'shift.create': 'add shifts',
  'shift.update': 'edit shifts',
  'shift.archive': 'archive or restore shifts',
  'employee.create': 'add employees',
  'employee.update': 'edit employees',
  'employee.archive': 'archive or restore employees',
  'downtimeReason.create': 'add downtime reasons',
  'downtimeReason.update': 'edit downtime reasons',
  'downtimeReason.archive': 'archive or restore downtime reasons',
  'defectType.create': 'add defect types',
  'defectType.update': 'edit defect types',
  'defectType.archive': 'archive or restore defect types',
  'workOrder.create': 'create work orders',
  'workOrder.update': 'edit work orders',
  'workOrder.hold': 'put work orders on hold or release them',
  'workOrder.close': 'complete, cancel or reject work orders',
  'job.create': 'add jobs to work orders',
  'job.update': 'edit jobs',
  'shopFloorEntry.create': 'enter production, quality, downtime or attendance',
  'shopFloorEntry.update': 'edit shop-floor entries',
  'shopFloorEntry.delete': 'delete shop-floor entries',
  'reportSchedule.create': 'schedule report e-mails',
  'reportSchedule.delete': 'delete report e-mail schedules',
  'reportSchedule.run': 'send scheduled reports',
};

/** The refusal for a role that may not take an action: names the role and the action, and who can help. */
export function forbidden(role: Role, resource: Resource, action: string) {
  const phrase = ACTION_PHRASES[`${resource}.${action}`] ?? `${action} ${resource}`;
  return mutatorError(
    'FORBIDDEN',
    `Your role (${ROLE_LABELS[role]}) cannot ${phrase}. Ask an admin of this organization for access.`,
  );
}

/**
 * Opens every mutator: the caller must be working in an organization, be a
 * member of it, and hold a role that allows the action. Returns that
 * organization's id. Permission is decided on the server only; the client
 * runs optimistically and is rolled back when the server refuses.
 */
export async function authorize<R extends Resource>(
  tx: Transaction,
  ctx: ZeroContext,
  resource: R,
  action: Action<R>,
): Promise<string> {
  return (await authorizeWithRole(tx, ctx, resource, action)).orgID;
}

/** As authorize, also returning the caller's role (null on the client, where the server decides). */
export async function authorizeWithRole<R extends Resource>(
  tx: Transaction,
  ctx: ZeroContext,
  resource: R,
  action: Action<R>,
): Promise<{ orgID: string; role: Role | null }> {
  const orgID = ctx.orgID;
  if (!orgID) throw mutatorError('BAD_REQUEST', 'Choose an organization first.');
  if (tx.location !== 'server') return { orgID, role: null };
  const membership = await tx.run(membershipOf(orgID, ctx.userID));
  // Not a member looks the same as "no such organization".
  if (!membership || !isRole(membership.role)) throw mutatorError('NOT_FOUND', 'Organization not found.');
  const effective = weakerRole(membership.role, ctx.roleLimit);
  if (!can(effective, resource, action)) throw forbidden(effective, resource, String(action));
  return { orgID, role: effective };
}

/** Validates with a shared schema; failures name each field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = fieldIssues(result.error);
  throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
}
