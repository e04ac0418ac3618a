import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import { DEFAULT_CATEGORIES, DEFAULT_UNITS, isListed, kpiInput, kpiPatch } from '../../shared/kpi.ts';
import { refreshGoalProgress } from '../goal-progress.ts';
import { authorize, mutatorError, validate } from '../permissions.ts';
import { zql } from '../schema.ts';
import { membershipOf } from '../tenant.ts';

const id = z.string().min(1).max(64);
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

/** Unit, category and owner must be the organization's (checked on the server, which sees every option). */
async function checkReferences(
  tx: Transaction,
  orgID: string,
  fields: { unit?: string | undefined; category?: string | undefined; ownerID?: string | null | undefined },
): Promise<void> {
  if (tx.location !== 'server') return;
  const options = await tx.run(zql.kpiOption.where('organizationID', orgID));
  const extra = (kind: string) => options.filter((o) => o.kind === kind).map((o) => o.value);
  const issues = [];
  if (fields.unit !== undefined && !isListed(fields.unit, DEFAULT_UNITS, extra('unit'))) {
    issues.push({ loc: ['unit'], msg: 'Unit is not in this organization’s list; an admin can add it', type: 'not_listed' });
  }
  if (fields.category !== undefined && !isListed(fields.category, DEFAULT_CATEGORIES, extra('category'))) {
    issues.push({
      loc: ['category'],
      msg: 'Category is not in this organization’s list; an admin can add it',
      type: 'not_listed',
    });
  }
  if (fields.ownerID && !(await tx.run(membershipOf(orgID, fields.ownerID)))) {
    issues.push({ loc: ['ownerID'], msg: 'Owner must be a member of this organization', type: 'not_member' });
  }
  if (issues.length) throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
}

/** The KPI, if it belongs to the caller's organization; the server alone decides it is missing. */
export async function findKpi(tx: Transaction, orgID: string, kpiID: string) {
  const kpi = await tx.run(zql.kpi.where('id', kpiID).where('organizationID', orgID).one());
  if (!kpi && tx.location === 'server') throw mutatorError('NOT_FOUND', 'KPI not found.');
  return kpi;
}

export const kpiMutators = {
  create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'create');
    const fields = validate(kpiInput, args);
    await checkReferences(tx, orgID, fields);
    const now = Date.now();
    await tx.mutate.kpi.insert({
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
    });
  }),

  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'update');
    const { id: kpiID, ...rest } = args;
    const patch = validate(kpiPatch, rest);
    await findKpi(tx, orgID, kpiID);
    await checkReferences(tx, orgID, patch);
    await tx.mutate.kpi.update({ id: kpiID, ...patch, updatedAt: Date.now() });
    if (patch.target !== undefined || patch.direction !== undefined) await refreshGoalProgress(tx, orgID, { kpiID });
  }),

  /** Soft delete: the history stays and the KPI can be restored. */
  archive: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'archive');
    await findKpi(tx, orgID, args.id);
    const now = Date.now();
    await tx.mutate.kpi.update({ id: args.id, archivedAt: now, updatedAt: now });
    await refreshGoalProgress(tx, orgID, { kpiID: args.id });
  }),

  restore: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpi', 'archive');
    await findKpi(tx, orgID, args.id);
    await tx.mutate.kpi.update({ id: args.id, archivedAt: null, updatedAt: Date.now() });
    await refreshGoalProgress(tx, orgID, { kpiID: args.id });
  }),
};
