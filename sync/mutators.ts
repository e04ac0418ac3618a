import { defineMutator, defineMutators } from '@rocicorp/zero';
import { z } from 'zod';
import { dataPointInput, kpiInput } from '../shared/kpi.ts';
import './context.ts';
import { authorize, mutatorError, validate } from './permissions.ts';
import { zql } from './schema.ts';

const id = z.string().min(1).max(64);

// Argument shapes only; the business rules (with field messages) are the
// shared schemas, checked inside each mutator so both sides give the same
// message. Identity, organization and time never come from arguments.
const createKpiArgs = z.object({ id, name: z.string(), unit: z.string(), target: z.number() });
const addDataPointArgs = z.object({ id, kpiID: id, value: z.number() });

export const mutators = defineMutators({
  kpi: {
    create: defineMutator(createKpiArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, 'kpi', 'create');
      const fields = validate(kpiInput, args);
      const now = Date.now();
      await tx.mutate.kpi.insert({
        id: args.id,
        organizationID: orgID,
        name: fields.name,
        unit: fields.unit,
        target: fields.target,
        currentValue: null,
        currentAt: null,
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      });
    }),
  },
  dataPoint: {
    add: defineMutator(addDataPointArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, 'dataPoint', 'create');
      const { value } = validate(dataPointInput, args);
      const kpi = await tx.run(zql.kpi.where('id', args.kpiID).where('organizationID', orgID).one());
      // A client may not have the KPI synced yet; only the server decides it is missing.
      if (!kpi && tx.location === 'server') throw mutatorError('NOT_FOUND', 'KPI not found.');
      if (kpi?.archivedAt !== null && kpi?.archivedAt !== undefined) {
        throw mutatorError('CONFLICT', 'This KPI is archived; restore it before adding data points.');
      }
      const now = Date.now();
      await tx.mutate.dataPoint.insert({
        id: args.id,
        organizationID: orgID,
        kpiID: args.kpiID,
        value,
        recordedAt: now,
        createdBy: ctx.userID,
        createdAt: now,
      });
      // The current value is stored on the KPI so every dashboard sees it move.
      if (kpi && (kpi.currentAt === null || kpi.currentAt === undefined || now >= kpi.currentAt)) {
        await tx.mutate.kpi.update({ id: kpi.id, currentValue: value, currentAt: now, updatedAt: now });
      }
    }),
  },
});

export type Mutators = typeof mutators;
