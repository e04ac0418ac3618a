import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import { goalInput, goalPatch } from '../../../shared/goal-fields.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { refreshGoalProgress } from '../../goal-progress.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';

const kpiLinks = z.array(z.object({ kpiID: z.string(), weight: z.number() }));
const goalShape = {
  description: z.string().optional(),
  status: z.string().optional(),
};
const createArgs = z.object({ id, title: z.string(), targetDate: z.number(), kpis: kpiLinks.optional(), ...goalShape });
const updateArgs = z.object({
  id,
  title: z.string().optional(),
  targetDate: z.number().optional(),
  kpis: kpiLinks.optional(),
  ...goalShape,
});
const idArgs = z.object({ id });

/** A goal's link to a KPI has a derived id, so re-adding the same KPI is idempotent. */
const linkID = (goalID: string, kpiID: string) => `${goalID}:${kpiID}`;

/** Replaces the goal's KPIs and weights; every KPI must be the organization's. */
async function setKpis(tx: Transaction, orgID: string, goalID: string, kpis: { kpiID: string; weight: number }[]): Promise<void> {
  if (tx.location === 'server') {
    const found = await tx.run(
      zql.kpi.where('organizationID', orgID).where(
        'id',
        'IN',
        kpis.map((k) => k.kpiID),
      ),
    );
    const known = new Set(found.map((k) => k.id));
    const issues = kpis
      .map((k, i) => ({ k, i }))
      .filter(({ k }) => !known.has(k.kpiID))
      .map(({ i }) => ({ loc: ['kpis', i, 'kpiID'], msg: 'KPI not found', type: 'not_found' }));
    if (issues.length) throw mutatorError('VALIDATION_FAILED', 'A goal can only use this organization’s KPIs', issues);
  }
  const existing = await tx.run(zql.goalKpi.where('organizationID', orgID).where('goalID', goalID));
  const wanted = new Set(kpis.map((k) => k.kpiID));
  for (const link of existing) if (!wanted.has(link.kpiID)) await tx.mutate.goalKpi.delete({ id: link.id });
  for (const k of kpis) {
    await tx.mutate.goalKpi.upsert({
      id: linkID(goalID, k.kpiID),
      organizationID: orgID,
      goalID,
      kpiID: k.kpiID,
      weight: k.weight,
    });
  }
}

export const goalMutators = {
  create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'goal', 'create');
    const fields = validate(goalInput, args);
    const now = Date.now();
    await insertNew(tx, 'goal', [
      {
        id: args.id,
        organizationID: orgID,
        title: fields.title,
        description: fields.description,
        targetDate: fields.targetDate,
        status: fields.status,
        progress: null,
        pace: 'no-data',
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      },
    ]);
    await setKpis(tx, orgID, args.id, fields.kpis);
    await refreshGoalProgress(tx, orgID, { goalID: args.id });
  }),

  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'goal', 'update');
    const { id: goalID, kpis, ...rest } = args;
    const patch = validate(goalPatch, { ...rest, ...(kpis ? { kpis } : {}) });
    await findOwned(tx, 'goal', orgID, goalID);
    const { kpis: links, ...columns } = patch;
    await tx.mutate.goal.update({ id: goalID, ...columns, updatedAt: Date.now() });
    if (links) {
      await setKpis(tx, orgID, goalID, links);
      await refreshGoalProgress(tx, orgID, { goalID });
    }
  }),

  archive: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'goal', 'archive');
    await findOwned(tx, 'goal', orgID, args.id);
    const now = Date.now();
    await tx.mutate.goal.update({ id: args.id, archivedAt: now, updatedAt: now });
  }),

  restore: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'goal', 'archive');
    await findOwned(tx, 'goal', orgID, args.id);
    await tx.mutate.goal.update({ id: args.id, archivedAt: null, updatedAt: Date.now() });
  }),
};
