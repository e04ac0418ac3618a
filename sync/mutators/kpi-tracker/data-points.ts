import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { IMPORT_MAX_ROWS } from '../../../shared/csv-points.ts';
import { dataPointInput, dataPointPatch } from '../../../shared/kpi.ts';
import { canActOn } from '../../../shared/roles.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { refreshCurrentValue, refreshGoalProgress } from '../../goal-progress.ts';
import { insertNew } from '../../insert-new.ts';
import { authorizeWithRole, mutatorError, validate } from '../../permissions.ts';
import { findOwned } from '../../tenant.ts';

const addArgs = z.object({ id, kpiID: id, value: z.number(), recordedAt: z.number().optional(), note: z.string().optional() });
const updateArgs = z.object({ id, value: z.number().optional(), recordedAt: z.number().optional(), note: z.string().optional() });
const idArgs = z.object({ id });
const importArgs = z.object({
  kpiID: id,
  rows: z
    .array(z.object({ id, value: z.number(), recordedAt: z.number(), note: z.string().optional() }))
    .min(1)
    .max(IMPORT_MAX_ROWS),
});

function assertOpen(kpi: { archivedAt?: number | null } | undefined): void {
  if (kpi?.archivedAt !== null && kpi?.archivedAt !== undefined) {
    throw mutatorError('CONFLICT', 'This KPI is archived; restore it before changing its data points.');
  }
}

export const dataPointMutators = {
  add: defineMutator(addArgs, async ({ tx, args, ctx }) => {
    const { orgID } = await authorizeWithRole(tx, ctx, 'dataPoint', 'create');
    const fields = validate(dataPointInput, args);
    const kpi = await findOwned(tx, 'kpi', orgID, args.kpiID);
    assertOpen(kpi);
    const now = Date.now();
    const recordedAt = fields.recordedAt ?? now;
    await insertNew(tx, 'dataPoint', [
      {
        id: args.id,
        organizationID: orgID,
        kpiID: args.kpiID,
        value: fields.value,
        recordedAt,
        source: 'manual',
        note: fields.note,
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: null,
      },
    ]);
    // The current value (latest by time) is stored on the KPI so every dashboard sees it move.
    if (kpi && (kpi.currentAt === null || kpi.currentAt === undefined || recordedAt >= kpi.currentAt)) {
      await tx.mutate.kpi.update({ id: kpi.id, currentValue: fields.value, currentAt: recordedAt, updatedAt: now });
      await refreshGoalProgress(tx, orgID, { kpiID: kpi.id });
    }
  }),

  /**
   * The confirmed good rows of a CSV import, in one transaction. Every row is
   * validated again here; one bad row refuses the whole import with its index.
   */
  import: defineMutator(importArgs, async ({ tx, args, ctx }) => {
    const { orgID } = await authorizeWithRole(tx, ctx, 'dataPoint', 'create');
    const issues = args.rows.flatMap((row, i) => {
      const r = dataPointInput.safeParse(row);
      return r.success
        ? []
        : r.error.issues.map((e) => ({ loc: ['rows', i, ...e.path.map(String)], msg: e.message, type: e.code }));
    });
    if (issues.length)
      throw mutatorError('VALIDATION_FAILED', `${issues.length} row(s) are invalid; nothing was imported`, issues);
    const kpi = await findOwned(tx, 'kpi', orgID, args.kpiID);
    assertOpen(kpi);
    const now = Date.now();
    await insertNew(
      tx,
      'dataPoint',
      args.rows.map((row) => ({
        id: row.id,
        organizationID: orgID,
        kpiID: args.kpiID,
        value: row.value,
        recordedAt: row.recordedAt,
        source: 'import' as const,
        note: (row.note ?? '').trim(),
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: null,
      })),
    );
    if (kpi) {
      await refreshCurrentValue(tx, args.kpiID);
      await refreshGoalProgress(tx, orgID, { kpiID: args.kpiID });
    }
  }),

  /** Operators may correct the points they entered; managers and above any point. */
  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const { orgID, role } = await authorizeWithRole(tx, ctx, 'dataPoint', 'update');
    const { id: pointID, ...rest } = args;
    const patch = validate(dataPointPatch, rest);
    const point = await findOwned(tx, 'dataPoint', orgID, pointID);
    // Some roles may edit only the points they entered (the matrix's "own" scope).
    if (point && role && !canActOn(role, 'dataPoint', 'update', point.createdBy, ctx.userID)) {
      throw mutatorError('FORBIDDEN', 'Operators can only edit the data points they entered.');
    }
    if (!point) return;
    assertOpen(await findOwned(tx, 'kpi', orgID, point.kpiID));
    await tx.mutate.dataPoint.update({ id: pointID, ...patch, updatedAt: Date.now() });
    await refreshCurrentValue(tx, point.kpiID);
    await refreshGoalProgress(tx, orgID, { kpiID: point.kpiID });
  }),

  delete: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const { orgID } = await authorizeWithRole(tx, ctx, 'dataPoint', 'delete');
    const point = await findOwned(tx, 'dataPoint', orgID, args.id);
    if (!point) return;
    assertOpen(await findOwned(tx, 'kpi', orgID, point.kpiID));
    await tx.mutate.dataPoint.delete({ id: args.id });
    await refreshCurrentValue(tx, point.kpiID);
    await refreshGoalProgress(tx, orgID, { kpiID: point.kpiID });
  }),
};
