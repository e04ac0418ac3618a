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

/**
 * Data point writes, extended on the server (over whatever override the KPI
 * tracker already applies) to queue the evaluation of the account's
 * automatic playbook triggers after commit, when the point's KPI has an account.
 */
export function playbookServerMutators(tasks: PostCommitTasks, dataPoint: Record<'add' | 'import' | 'update', unknown>) {
  const evaluateAfter = (base: Base) =>
    defineMutator(async (options: Options) => {
      await base.fn(options);
      const accountID = await accountOf(options);
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
  };
}
