import { defineMutator, type ReadonlyJSONValue, type Transaction } from '@rocicorp/zero';
import type { ZeroContext } from '../../sync/context.ts';
import { zql } from '../../sync/schema.ts';
import type { PostCommitTasks } from '../mutators/post-commit.ts';
import { TRIGGER_JOB } from './jobs.ts';

type Args = ReadonlyJSONValue | undefined;
type Options = { tx: Transaction; args: Args; ctx: ZeroContext };
/** A mutator as the registry holds it, seen loosely: the override passes its arguments through. */
type Base = { fn: (options: Options) => Promise<void> };

function field(args: Args, name: string): string | null {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return null;
  const value = (args as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** The account of the KPI a write names (by kpiID, or through the point it edits). */
async function accountOf({ tx, args, ctx }: Options): Promise<string | null> {
  if (!ctx.orgID) return null;
  let kpiID = field(args, 'kpiID');
  const pointID = field(args, 'id');
  if (!kpiID && pointID) {
    kpiID = (await tx.run(zql.dataPoint.where('organizationID', ctx.orgID).where('id', pointID).one()))?.kpiID ?? null;
  }
  if (!kpiID) return null;
  const kpi = await tx.run(zql.kpi.where('organizationID', ctx.orgID).where('id', kpiID).one());
  return kpi?.accountID ?? null;
}

/** The account of the Excel upload a confirm or rollback names. */
async function accountOfUpload({ tx, args, ctx }: Options): Promise<string | null> {
  const id = field(args, 'id');
  if (!ctx.orgID || !id) return null;
  return (await tx.run(zql.kpiUpload.where('organizationID', ctx.orgID).where('id', id).one()))?.accountID ?? null;
}

/**
 * Data point writes, and Excel uploads confirmed or rolled back (each writes
 * a value to every KPI of its account), extended on the server (over
 * whatever override their packs already apply) to queue the evaluation of
 * the account's automatic playbook triggers after commit.
 */
export function playbookServerMutators(
  tasks: PostCommitTasks,
  dataPoint: Record<'add' | 'import' | 'update', unknown>,
  kpiUpload: Record<'confirm' | 'rollback', unknown>,
) {
  const evaluateAfter = (base: Base, account: (options: Options) => Promise<string | null> = accountOf) =>
    defineMutator(async (options: Options) => {
      await base.fn(options);
      const accountID = await account(options);
      const { orgID, userID } = options.ctx;
      if (orgID && accountID) tasks.push(TRIGGER_JOB, { orgID, userID, accountID });
    });
  return {
    dataPoint: {
      ...(dataPoint as Record<string, unknown>),
      add: evaluateAfter(dataPoint.add as Base),
      import: evaluateAfter(dataPoint.import as Base),
      update: evaluateAfter(dataPoint.update as Base),
    },
    kpiUpload: {
      ...(kpiUpload as Record<string, unknown>),
      confirm: evaluateAfter(kpiUpload.confirm as Base, accountOfUpload),
      rollback: evaluateAfter(kpiUpload.rollback as Base, accountOfUpload),
    },
  };
}
