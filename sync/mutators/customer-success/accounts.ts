import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import { accountInput, accountPatch } from '../../../shared/customer-success/account-fields.ts';
import type { FieldIssue } from '../../../shared/errors.ts';
import { fieldIssues, idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError } from '../../permissions.ts';
import { findOwned, membershipOf } from '../../tenant.ts';

// Argument shapes only; the rules (with field messages) are the shared
// schemas, checked inside each mutator. Identity, organization and time never
// come from arguments.
const optionalFields = {
  annualRevenue: z.number().nullable().optional(),
  industry: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  ownerID: z.string().nullable().optional(),
};
const createArgs = z.object({ id, name: z.string(), ...optionalFields });
const updateArgs = z.object({ id, name: z.string().optional(), ...optionalFields });
const idArgs = z.object({ id });

/**
 * The shared field rules, and the owner (the CSM) a member of the
 * organization (the server sees the members), reported together so every bad
 * field is named at once.
 */
async function validateAccount<S extends z.ZodType>(
  tx: Transaction,
  orgID: string,
  schema: S,
  value: { ownerID?: unknown },
): Promise<z.infer<S>> {
  const result = schema.safeParse(value);
  const issues: FieldIssue[] = result.success ? [] : fieldIssues(result.error);
  const { ownerID } = value;
  if (tx.location === 'server' && typeof ownerID === 'string' && ownerID && !(await tx.run(membershipOf(orgID, ownerID)))) {
    issues.push({ loc: ['ownerID'], msg: 'Owner must be a member of this organization', type: 'not_member' });
  }
  if (issues.length || !result.success) {
    throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
  }
  return result.data;
}

/** Sets the status, leaving an account already in it untouched (its updatedAt too). */
async function setStatus(tx: Transaction, orgID: string, accountID: string, status: 'active' | 'inactive') {
  const account = await findOwned(tx, 'account', orgID, accountID);
  if (account?.status === status) return;
  await tx.mutate.account.update({ id: accountID, status, updatedAt: Date.now() });
}

export const accountMutators = {
  create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'account', 'create');
    const { id: accountID, ...rest } = args;
    const fields = await validateAccount(tx, orgID, accountInput, rest);
    const now = Date.now();
    await insertNew(tx, 'account', [
      {
        id: accountID,
        organizationID: orgID,
        ...fields,
        // The one who adds an account looks after it until someone else is named.
        ownerID: fields.ownerID === undefined ? ctx.userID : fields.ownerID,
        status: 'active',
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }),

  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'account', 'update');
    const { id: accountID, ...rest } = args;
    const patch = await validateAccount(tx, orgID, accountPatch, rest);
    await findOwned(tx, 'account', orgID, accountID);
    await tx.mutate.account.update({ id: accountID, ...patch, updatedAt: Date.now() });
  }),

  /** The soft delete: the account and its KPIs stay, and it can be reactivated. */
  deactivate: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'account', 'deactivate');
    await setStatus(tx, orgID, args.id, 'inactive');
  }),

  activate: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'account', 'deactivate');
    await setStatus(tx, orgID, args.id, 'active');
  }),
};
