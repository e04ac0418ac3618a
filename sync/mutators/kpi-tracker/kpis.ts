import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors.ts';
import { DEFAULT_CATEGORIES, DEFAULT_UNITS, isListed, kpiInput, kpiPatch, targetIssue } from '../../../shared/kpi.ts';
import { fieldIssues, idSchema as id } from '../../../shared/validation.ts';
import { refreshGoalProgress } from '../../goal-progress.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned, membershipOf } from '../../tenant.ts';

// Argument shapes only; the business rules (with field messages) are the
// shared schemas, checked inside each mutator. Identity, organization and
// time never come from arguments.
const optionalFields = {
  description: z.string().optional(),
  category: z.string().optional(),
  direction: z.string().optional(),
  frequency: z.string().optional(),
  ownerID: z.string().nullable().optional(),
  accountID: z.string().nullable().optional(),
  healthCategory: z.string().nullable().optional(),
  weight: z.number().optional(),
};
const createArgs = z.object({ id, name: z.string(), unit: z.string(), target: z.number(), ...optionalFields });
const updateArgs = z.object({
  id,
  name: z.string().optional(),
  unit: z.string().optional(),
  target: z.number().optional(),
  ...optionalFields,
});
const idArgs = z.object({ id });

/** The organization's account `accountID`, if there is one (inactive ones too: a KPI may keep its account). */
const accountOf = (orgID: string, accountID: string) => zql.account.where('organizationID', orgID).where('id', accountID).one();

/** Unit, category, owner and account must be the organization's (checked on the server, which sees every option). */
async function referenceIssues(
  tx: Transaction,
  orgID: string,
  fields: { unit?: unknown; category?: unknown; ownerID?: unknown; accountID?: unknown },
): Promise<FieldIssue[]> {
  if (tx.location !== 'server') return [];
  const options = await tx.run(zql.kpiOption.where('organizationID', orgID));
  const listed = (kind: 'unit' | 'category', value: unknown, defaults: readonly string[]) =>
    typeof value !== 'string' ||
    isListed(
      value.trim(),
      defaults,
      options.filter((o) => o.kind === kind).map((o) => o.value),
    );
  const issues: FieldIssue[] = [];
  if (!listed('unit', fields.unit, DEFAULT_UNITS)) {
    issues.push({ loc: ['unit'], msg: 'Unit is not in this organization’s list; an admin can add it', type: 'not_listed' });
  }
  if (!listed('category', fields.category, DEFAULT_CATEGORIES)) {
    issues.push({
      loc: ['category'],
      msg: 'Category is not in this organization’s list; an admin can add it',
      type: 'not_listed',
    });
  }
  if (typeof fields.ownerID === 'string' && fields.ownerID && !(await tx.run(membershipOf(orgID, fields.ownerID)))) {
    issues.push({ loc: ['ownerID'], msg: 'Owner must be a member of this organization', type: 'not_member' });
  }
  const { accountID } = fields;
  if (typeof accountID === 'string' && accountID && !(await tx.run(accountOf(orgID, accountID)))) {
    issues.push({ loc: ['accountID'], msg: 'Account must be one of this organization’s accounts', type: 'not_found' });
  }
  return issues;
}

/** The shared field rules and the organization's lists, reported together so every bad field is named at once. */
async function validateKpi<S extends z.ZodType>(
  tx: Transaction,
  orgID: string,
  schema: S,
  value: Record<string, unknown>,
): Promise<z.infer<S>> {
  const result = schema.safeParse(value);
  const issues = [...(result.success ? [] : fieldIssues(result.error)), ...(await referenceIssues(tx, orgID, value))];
  if (issues.length || !result.success) {
    throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
  }
  return result.data;
}

export const kpiMutators = {
  create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'create');
    const fields = await validateKpi(tx, orgID, kpiInput, args);
    const now = Date.now();
    await insertNew(tx, 'kpi', [
      {
        id: args.id,
        organizationID: orgID,
        ...fields,
        ownerID: fields.ownerID ?? ctx.userID,
        currentValue: null,
        currentAt: null,
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      },
    ]);
  }),

  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'update');
    const { id: kpiID, ...rest } = args;
    const patch = await validateKpi(tx, orgID, kpiPatch, rest);
    const kpi = await findOwned(tx, 'kpi', orgID, kpiID);
    // The target rule needs both fields; an edit may bring either alone, so the stored KPI gives the other.
    const issue = kpi && targetIssue(patch.target ?? kpi.target, patch.direction ?? kpi.direction);
    if (issue) throw mutatorError('VALIDATION_FAILED', issue, [{ loc: ['target'], msg: issue, type: 'custom' }]);
    await tx.mutate.kpi.update({ id: kpiID, ...patch, updatedAt: Date.now() });
    if (patch.target !== undefined || patch.direction !== undefined) await refreshGoalProgress(tx, orgID, { kpiID });
  }),

  /** Soft delete: the history stays and the KPI can be restored. */
  archive: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'archive');
    await findOwned(tx, 'kpi', orgID, args.id);
    const now = Date.now();
    await tx.mutate.kpi.update({ id: args.id, archivedAt: now, updatedAt: now });
    await refreshGoalProgress(tx, orgID, { kpiID: args.id });
  }),

  restore: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'archive');
    await findOwned(tx, 'kpi', orgID, args.id);
    await tx.mutate.kpi.update({ id: args.id, archivedAt: null, updatedAt: Date.now() });
    await refreshGoalProgress(tx, orgID, { kpiID: args.id });
  }),
};
