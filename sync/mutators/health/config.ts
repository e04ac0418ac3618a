import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { HEALTH_NAME_MAX } from '../../../shared/health/input.ts';
import { referenceRangeInput } from '../../../shared/health/ranges.ts';
import { categoryWeightsInput } from '../../../shared/health/weights.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { rowOfRange } from '../../health-config.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';

const kpiName = z
  .string({ error: 'kpiName is required' })
  .trim()
  .min(1, 'kpiName is required')
  .max(HEALTH_NAME_MAX, `kpiName must be at most ${HEALTH_NAME_MAX} characters`);
const nameFields = z.object({
  kpiName,
  unit: z.string({ error: 'Unit must be text' }).trim().max(20, 'Unit must be at most 20 characters').default(''),
});
const band = z.object({ min: z.number(), max: z.number() });
/** Loose shapes: the shared rules (validate) give the field-level messages. */
const setArgs = z.object({
  id,
  kpiName: z.string(),
  unit: z.string().optional(),
  higherIsBetter: z.boolean(),
  critical: band,
  risk: band,
  healthy: band,
});

/** The organization's range for a KPI name, if it has one. */
const rangeNamed = (orgID: string, name: string) =>
  zql.referenceRange.where('organizationID', orgID).where('kpiName', name).one();

export const referenceRangeMutators = {
  /** Sets the range of a KPI name (made with `id` when it has none yet). Admins; each change is a new version. */
  set: defineMutator(setArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'healthConfig', 'manage');
    const { id: newID, kpiName: name, unit, ...range } = args;
    const fields = validate(nameFields, { kpiName: name, unit });
    const columns = {
      ...rowOfRange(validate(referenceRangeInput, range)),
      unit: fields.unit,
      updatedBy: ctx.userID,
      updatedAt: Date.now(),
    };
    const existing = await tx.run(rangeNamed(orgID, fields.kpiName));
    if (existing) await tx.mutate.referenceRange.update({ id: existing.id, ...columns });
    else await insertNew(tx, 'referenceRange', [{ id: newID, organizationID: orgID, kpiName: fields.kpiName, ...columns }]);
  }),

  remove: defineMutator(z.object({ kpiName: z.string() }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'healthConfig', 'manage');
    const existing = await tx.run(rangeNamed(orgID, args.kpiName.trim()));
    if (existing) await tx.mutate.referenceRange.delete({ id: existing.id });
  }),
};

export const categoryWeightMutators = {
  /** The organization's category weights, all five at once (one change, one version). Admins. */
  set: defineMutator(z.object({ weights: z.record(z.string(), z.number()) }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'healthConfig', 'manage');
    const weights = validate(z.object({ categoryWeights: categoryWeightsInput }), {
      categoryWeights: args.weights,
    }).categoryWeights;
    await tx.mutate.healthCategoryWeights.upsert({
      id: orgID,
      organizationID: orgID,
      weights,
      updatedBy: ctx.userID,
      updatedAt: Date.now(),
    });
  }),
};
