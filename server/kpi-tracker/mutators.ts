import { defineMutator, type ReadonlyJSONValue, type Transaction } from '@rocicorp/zero';
import type { ZeroContext } from '../../sync/context.ts';
import { mutators } from '../../sync/mutators.ts';
import { zql } from '../../sync/schema.ts';
import { insightTasks } from '../insights/jobs.ts';
import type { PostCommitTasks } from '../mutators/post-commit.ts';

type Args = ReadonlyJSONValue | undefined;
type Options = { tx: Transaction; args: Args; ctx: ZeroContext };
/** A shared mutator, seen loosely: the override passes its arguments through to the shared validator. */
type Shared = { fn: (options: Options) => Promise<void> };
type Lookup = (options: Options) => Promise<readonly string[]>;

/** A string field of the (not yet validated) arguments; the shared mutator validates them properly. */
function field(args: Args, name: string): string | null {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return null;
  const value = (args as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** The KPI of a data point in the caller's organization (read before the point changes or goes). */
const kpiOfPoint: Lookup = async ({ tx, args, ctx }) => {
  const id = field(args, 'id');
  if (!id || !ctx.orgID) return [];
  const point = await tx.run(zql.dataPoint.where('id', id).where('organizationID', ctx.orgID).one());
  return point ? [point.kpiID] : [];
};

/** The KPIs a goal uses (read after the write, so a new composition counts). */
const kpisOfGoal: Lookup = async ({ tx, args, ctx }) => {
  const id = field(args, 'id');
  if (!id || !ctx.orgID) return [];
  const links = await tx.run(zql.goalKpi.where('organizationID', ctx.orgID).where('goalID', id));
  return links.map((l) => l.kpiID);
};

const kpiArg =
  (name: string): Lookup =>
  async ({ args }) => {
    const id = field(args, name);
    return id ? [id] : [];
  };

/** A KPI edit changes its facts only through its target or direction. */
const kpiIfMeasureChanged: Lookup = async (options) => {
  const args = options.args as Record<string, unknown> | null | undefined;
  return args?.target !== undefined || args?.direction !== undefined ? kpiArg('id')(options) : [];
};

/**
 * The KPI tracker's shared mutators, extended on the server to queue the
 * insight recompute (and with it the goals' pace) for every KPI a write
 * touches. Tasks are pushed only once the shared mutator has returned; the
 * transport hands them to the job queue after commit.
 *
 * - data points added, imported, edited or deleted: their KPI;
 * - a KPI's target or direction changed, or the KPI restored or archived
 *   (its goals' pace changes): that KPI;
 * - a goal created, edited or restored: the KPIs it uses (for its pace).
 */
export function kpiTrackerServerMutators(tasks: PostCommitTasks) {
  const track = (shared: Shared, before: Lookup | null, after: Lookup | null) =>
    defineMutator(async (options: Options) => {
      const early = before ? await before(options) : [];
      await shared.fn(options);
      const late = after ? await after(options) : [];
      const { orgID, userID } = options.ctx;
      if (orgID) tasks.pushAll(insightTasks({ orgID, userID, kpiIDs: [...early, ...late] }));
    });
  const loose = (m: unknown) => m as Shared;

  return {
    dataPoint: {
      add: track(loose(mutators.dataPoint.add), null, kpiArg('kpiID')),
      import: track(loose(mutators.dataPoint.import), null, kpiArg('kpiID')),
      update: track(loose(mutators.dataPoint.update), kpiOfPoint, null),
      delete: track(loose(mutators.dataPoint.delete), kpiOfPoint, null),
    },
    kpi: {
      update: track(loose(mutators.kpi.update), null, kpiIfMeasureChanged),
      archive: track(loose(mutators.kpi.archive), null, kpiArg('id')),
      restore: track(loose(mutators.kpi.restore), null, kpiArg('id')),
    },
    goal: {
      create: track(loose(mutators.goal.create), null, kpisOfGoal),
      update: track(loose(mutators.goal.update), null, kpisOfGoal),
      restore: track(loose(mutators.goal.restore), null, kpisOfGoal),
    },
  };
}
