import { defineMutator, type ReadonlyJSONValue, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import {
  MASTER_DATA,
  type MasterDataKind,
  masterDataInput,
  masterDataPatch,
  takenMessage,
} from '../../../shared/shop-floor/master-data.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';

// Argument shapes only; the rules (with field messages) are the shared
// schemas (shared/shop-floor/master-data.ts), checked inside each mutator.
// Identity, organization and time never come from arguments.
const codeAndName = { code: z.string(), name: z.string() };

/** A master data object's argument schemas: every field (and the new id) to create, any of them to update. */
export function argsOf<S extends z.ZodRawShape>(shape: S) {
  const fields = z.object(shape);
  type Fields = z.output<typeof fields>;
  // As schemas whose input is their output (shapes only, nothing transformed), so the mutators' argument types are inferred.
  return {
    create: fields.extend({ id }) as unknown as z.ZodType<Fields & { id: string }, Fields & { id: string }>,
    update: fields.partial().extend({ id }) as unknown as z.ZodType<
      Partial<Fields> & { id: string },
      Partial<Fields> & { id: string }
    >,
  };
}

type Args = { readonly id: string; readonly [field: string]: ReadonlyJSONValue | undefined };
interface ArgSchemas<C extends Args, U extends Args> {
  create: z.ZodType<C, C>;
  update: z.ZodType<U, U>;
}

const idArgs = z.object({ id });

/** A master data table as these mutators see it: the columns every one has, and its own. */
type AnyRow = { id: string; archivedAt?: number | null | undefined } & Record<string, unknown>;
type Crud = { insert(row: AnyRow): Promise<void>; update(row: Partial<AnyRow> & { id: string }): Promise<void> };
/** Zero's typings cannot pair a table name chosen at run time with its row type. */
const crudOf = (tx: Transaction, kind: MasterDataKind) => tx.mutate[kind] as unknown as Crud;

/**
 * Refuses a name or code another row of the organization already has,
 * naming the field (archived rows count: restoring one must not clash). The
 * server sees every row of the organization; the database's unique index
 * stays the last word on a race.
 */
async function assertUnique(tx: Transaction, kind: MasterDataKind, orgID: string, value: unknown, self: string) {
  const field = MASTER_DATA[kind].unique;
  if (tx.location !== 'server' || typeof value !== 'string') return;
  const query = (zql[kind] as unknown as typeof zql.line).where('organizationID', orgID).where(field as 'name', value);
  const taken = (await tx.run(query)).some((row) => row.id !== self);
  if (taken) {
    const msg = takenMessage(kind, value);
    throw mutatorError('CONFLICT', msg, [{ loc: [field], msg, type: 'taken' }]);
  }
}

/**
 * The create, update, archive and restore mutators of one master data
 * object, all under its own resource of the permission matrix. Archiving
 * keeps the row (work orders and jobs keep pointing at it); archiving what
 * is archived, or restoring what is not, changes nothing.
 */
function masterDataMutators<C extends Args, U extends Args>(
  kind: MasterDataKind,
  { create: createArgs, update: updateArgs }: ArgSchemas<C, U>,
) {
  const setArchived = (archived: boolean) =>
    defineMutator(idArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, kind, 'archive');
      const row = (await findOwned(tx, kind, orgID, args.id)) as AnyRow | undefined;
      if (row && (row.archivedAt != null) === archived) return;
      const now = Date.now();
      await crudOf(tx, kind).update({ id: args.id, archivedAt: archived ? now : null, updatedAt: now });
    });

  return {
    create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, kind, 'create');
      const { id: rowID, ...rest } = args;
      const fields = validate(masterDataInput(kind), rest) as Record<string, unknown>;
      await assertUnique(tx, kind, orgID, fields[MASTER_DATA[kind].unique], rowID);
      const now = Date.now();
      const row = { id: rowID, organizationID: orgID, ...fields, createdBy: ctx.userID, createdAt: now, updatedAt: now };
      await insertNew(tx, kind, [{ ...row, archivedAt: null } as never]);
    }),

    update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, kind, 'update');
      const { id: rowID, ...rest } = args;
      const patch = validate(masterDataPatch(kind), rest) as Record<string, unknown>;
      const current = (await findOwned(tx, kind, orgID, rowID)) as AnyRow | undefined;
      // Rules across fields (a shift's breaks inside its hours) hold for the row as it would be.
      if (current && 'rules' in MASTER_DATA[kind]) validate(masterDataInput(kind), { ...current, ...patch });
      await assertUnique(tx, kind, orgID, patch[MASTER_DATA[kind].unique], rowID);
      if (Object.keys(patch).length === 0) return;
      await crudOf(tx, kind).update({ ...patch, id: rowID, updatedAt: Date.now() });
    }),

    archive: setArchived(true),
    restore: setArchived(false),
  };
}

export const lineMutators = masterDataMutators('line', argsOf({ name: z.string() }));
export const productMutators = masterDataMutators('product', argsOf({ ...codeAndName, idealCycleSeconds: z.number() }));
export const shiftMutators = masterDataMutators(
  'shift',
  argsOf({
    name: z.string(),
    start: z.string(),
    end: z.string(),
    breaks: z.array(z.object({ start: z.string(), end: z.string() })),
  }),
);
export const employeeMutators = masterDataMutators('employee', argsOf(codeAndName));
export const downtimeReasonMutators = masterDataMutators('downtimeReason', argsOf({ ...codeAndName, planned: z.boolean() }));
export const defectTypeMutators = masterDataMutators('defectType', argsOf(codeAndName));
