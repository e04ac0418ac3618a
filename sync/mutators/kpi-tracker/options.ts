import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { DEFAULT_CATEGORIES, DEFAULT_UNITS, KPI_CATEGORY_MAX, KPI_UNIT_MAX } from '../../../shared/kpi.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';

const optionArgs = z.object({ id, kind: z.enum(['unit', 'category']), value: z.string() });
export const optionMutators = {
  /** An admin extends the organization's unit or category list. */
  add: defineMutator(optionArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpiOption', 'manage');
    const max = args.kind === 'unit' ? KPI_UNIT_MAX : KPI_CATEGORY_MAX;
    const label = args.kind === 'unit' ? 'Unit' : 'Category';
    const value = validate(
      z.string().trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`),
      args.value,
    );
    const defaults: readonly string[] = args.kind === 'unit' ? DEFAULT_UNITS : DEFAULT_CATEGORIES;
    const existing = await tx.run(
      zql.kpiOption.where('organizationID', orgID).where('kind', args.kind).where('value', value).one(),
    );
    if (defaults.includes(value) || existing) throw mutatorError('CONFLICT', `${label} "${value}" is already in the list.`);
    await insertNew(tx, 'kpiOption', [
      { id: args.id, organizationID: orgID, kind: args.kind, value, createdBy: ctx.userID, createdAt: Date.now() },
    ]);
  }),

  remove: defineMutator(z.object({ id }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpiOption', 'manage');
    if (!(await findOwned(tx, 'kpiOption', orgID, args.id))) return;
    await tx.mutate.kpiOption.delete({ id: args.id });
  }),
};
