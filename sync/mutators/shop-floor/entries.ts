import { defineMutator, type ReadonlyJSONValue, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import { ENTRIES, type EntryKind } from '../../../shared/shop-floor/entries.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError, validate } from '../../permissions.ts';
import { findOwned } from '../../tenant.ts';
import { entryIssues } from './entry-checks.ts';
import { argsOf } from './master-data.ts';

// Argument shapes only; the rules (with field messages) are the shared
// schemas (shared/shop-floor/entries.ts), checked inside each mutator on the
// row as it would be. Identity, organization and time come from the context.
const text = z.string().nullable();
const ref = z.string();
const optionalRef = z.string().nullable();
const shiftDay = { shiftDate: z.number() };

type Args = { readonly id: string; readonly [field: string]: ReadonlyJSONValue | undefined };
interface ArgSchemas<C extends Args, U extends Args> {
  create: z.ZodType<C, C>;
  update: z.ZodType<U, U>;
}

type AnyRow = { id: string } & Record<string, unknown>;
type Crud = {
  insert(row: AnyRow): Promise<void>;
  update(row: AnyRow): Promise<void>;
  delete(row: { id: string }): Promise<void>;
};
/** Zero's typings cannot pair a table name chosen at run time with its row type. */
const crudOf = (tx: Transaction, kind: EntryKind) => tx.mutate[kind] as unknown as Crud;

/** The shared rules, then (on the server) what only it sees (entry-checks.ts); every issue names its field. */
async function validEntry(tx: Transaction, kind: EntryKind, orgID: string, value: unknown, setting: readonly string[]) {
  const row = validate(ENTRIES[kind].input, value) as Record<string, unknown>;
  if (tx.location !== 'server') return row;
  const changed = Object.fromEntries(setting.map((f) => [f, row[f]]));
  const issues = await entryIssues(tx, kind, orgID, row, changed);
  if (issues.length) throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
  return row;
}

const idArgs = z.object({ id });

/**
 * An entry kind's add, update and delete, under the shopFloorEntry resource:
 * operators add; managers and up edit (any field, the row as it would be
 * checked again) and delete (a production entry takes its quality entries
 * with it). The author and the last editor are whoever is acting.
 */
function entryMutators<C extends Args, U extends Args>(
  kind: EntryKind,
  { create: createArgs, update: updateArgs }: ArgSchemas<C, U>,
) {
  return {
    create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, 'shopFloorEntry', 'create');
      const { id: rowID, ...rest } = args;
      const row = await validEntry(tx, kind, orgID, rest, Object.keys(ENTRIES[kind].input.shape));
      const now = Date.now();
      const written = { createdBy: ctx.userID, createdAt: now, updatedBy: ctx.userID, updatedAt: now };
      await insertNew(tx, kind, [{ id: rowID, organizationID: orgID, ...row, ...written } as never]);
    }),

    update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, 'shopFloorEntry', 'update');
      const { id: rowID, ...rest } = args;
      const current = (await findOwned(tx, kind, orgID, rowID)) as AnyRow | undefined;
      // Not synced yet on this device: the server decides.
      if (!current) return;
      const setting = Object.keys(rest).filter((f) => rest[f] !== undefined);
      if (setting.length === 0) return;
      const row = await validEntry(tx, kind, orgID, { ...current, ...rest }, setting);
      const patch = Object.fromEntries(setting.map((f) => [f, row[f]]));
      await crudOf(tx, kind).update({ ...patch, id: rowID, updatedBy: ctx.userID, updatedAt: Date.now() });
    }),

    delete: defineMutator(idArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, 'shopFloorEntry', 'delete');
      if (!(await findOwned(tx, kind, orgID, args.id))) return;
      await crudOf(tx, kind).delete({ id: args.id });
    }),
  };
}

export const productionEntryMutators = entryMutators(
  'productionEntry',
  argsOf({
    workOrderID: ref,
    jobID: optionalRef.optional(),
    lineID: ref,
    shiftID: optionalRef.optional(),
    ...shiftDay,
    unitsProduced: z.number(),
    unitsDefective: z.number().optional(),
    runHours: z.number(),
    employeesAssigned: z.number(),
    employeesPresent: z.number().nullable().optional(),
    note: text.optional(),
  }),
);

export const qualityEntryMutators = entryMutators(
  'qualityEntry',
  argsOf({
    productionEntryID: optionalRef.optional(),
    workOrderID: ref,
    lineID: ref,
    shiftID: optionalRef.optional(),
    ...shiftDay,
    inspected: z.number(),
    defects: z.record(z.string(), z.number()).optional(),
    scrap: z.number().optional(),
    rework: z.number().optional(),
    note: text.optional(),
  }),
);

export const downtimeEntryMutators = entryMutators(
  'downtimeEntry',
  argsOf({
    lineID: ref,
    reasonID: ref,
    workOrderID: optionalRef.optional(),
    startedAt: z.number(),
    durationMinutes: z.number(),
    note: text.optional(),
  }),
);

export const attendanceEntryMutators = entryMutators(
  'attendanceEntry',
  argsOf({
    employeeID: ref,
    shiftID: ref,
    ...shiftDay,
    scheduledHours: z.number(),
    absentHours: z.number().optional(),
    reason: text.optional(),
    coveredByPool: z.boolean().optional(),
  }),
);
