import { defineMutator, type ReadonlyJSONValue, type Transaction } from '@rocicorp/zero';
import type { ZeroContext } from '../../../sync/context.ts';
import { zql } from '../../../sync/schema.ts';
import type { PostCommitTasks } from '../../mutators/post-commit.ts';
import { healthTasks, RESCORE_JOB } from './jobs.ts';

type Args = ReadonlyJSONValue | undefined;
type Options = { tx: Transaction; args: Args; ctx: ZeroContext };
/** A mutator of the registry being extended, seen loosely: it validates its own arguments. */
type Base = { fn: (options: Options) => Promise<void> };
/** The accounts whose health a write touches (or 'all' of the organization's). */
type Touched = (options: Options) => Promise<readonly string[] | 'all'>;

/** A string field of the (not yet validated) arguments. */
function field(args: Args, name: string): string | null {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return null;
  const value = (args as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

const accountsOfKpi = async (tx: Transaction, orgID: string, kpiID: string | null) => {
  if (!kpiID) return [];
  const kpi = await tx.run(zql.kpi.where('organizationID', orgID).where('id', kpiID).one());
  return kpi?.accountID ? [kpi.accountID] : [];
};

/** The account of the KPI named by `name` in the arguments. */
const kpiAccount =
  (name: string): Touched =>
  ({ tx, args, ctx }) =>
    ctx.orgID ? accountsOfKpi(tx, ctx.orgID, field(args, name)) : Promise.resolve([]);

/** The account of the KPI of the data point `id` (read before the point changes or goes). */
const pointAccount: Touched = async ({ tx, args, ctx }) => {
  const id = field(args, 'id');
  if (!id || !ctx.orgID) return [];
  const point = await tx.run(zql.dataPoint.where('organizationID', ctx.orgID).where('id', id).one());
  return point ? accountsOfKpi(tx, ctx.orgID, point.kpiID) : [];
};

const accountArg: Touched = async ({ args }) => {
  const id = field(args, 'id');
  return id ? [id] : [];
};
const everyAccount: Touched = async () => 'all';

/** The account of the Excel upload `id` (a confirmed upload or a rollback writes a value to each of its KPIs). */
const uploadAccount: Touched = async ({ tx, args, ctx }) => {
  const id = field(args, 'id');
  if (!id || !ctx.orgID) return [];
  const upload = await tx.run(zql.kpiUpload.where('organizationID', ctx.orgID).where('id', id).one());
  return upload ? [upload.accountID] : [];
};

/** Any subset of the loose registry, by group and name. */
type Registry = Record<string, Record<string, unknown>>;

/**
 * Live health's server overrides: each wraps the mutator of the registry it
 * extends (the shared one, or another pack's override) and, once it has
 * returned, queues the health recompute of the accounts the write touched;
 * the transport hands the tasks to the job queue after commit, never inside
 * the client's optimistic path.
 *
 * - data points added, imported, edited or deleted: their KPI's account;
 * - a KPI created, edited (its account, category or weight), archived or
 *   restored: its account before and after;
 * - a reference range set or removed, the category weights set: every account;
 * - an Excel upload confirmed or rolled back: its account;
 * - an account created or reactivated: that account;
 * - a re-score started: the re-score job.
 */
export function healthServerMutators(tasks: PostCommitTasks, base: Registry) {
  const loose = (group: string, name: string) => base[group]?.[name] as Base;
  const track = (group: string, name: string, before: Touched | null, after: Touched | null) =>
    defineMutator(async (options: Options) => {
      const early = before ? await before(options) : [];
      await loose(group, name).fn(options);
      const late = after ? await after(options) : [];
      const { orgID, userID } = options.ctx;
      if (!orgID) return;
      const all = early === 'all' || late === 'all';
      tasks.pushAll(healthTasks({ orgID, userID }, all ? 'all' : [...early, ...late]));
    });

  return {
    dataPoint: {
      add: track('dataPoint', 'add', null, kpiAccount('kpiID')),
      import: track('dataPoint', 'import', null, kpiAccount('kpiID')),
      update: track('dataPoint', 'update', pointAccount, null),
      delete: track('dataPoint', 'delete', pointAccount, null),
    },
    kpi: {
      create: track('kpi', 'create', null, kpiAccount('id')),
      update: track('kpi', 'update', kpiAccount('id'), kpiAccount('id')),
      archive: track('kpi', 'archive', null, kpiAccount('id')),
      restore: track('kpi', 'restore', null, kpiAccount('id')),
    },
    referenceRange: {
      set: track('referenceRange', 'set', null, everyAccount),
      remove: track('referenceRange', 'remove', null, everyAccount),
    },
    categoryWeights: {
      set: track('categoryWeights', 'set', null, everyAccount),
    },
    kpiUpload: {
      confirm: track('kpiUpload', 'confirm', null, uploadAccount),
      rollback: track('kpiUpload', 'rollback', null, uploadAccount),
    },
    account: {
      create: track('account', 'create', null, accountArg),
      activate: track('account', 'activate', null, accountArg),
    },
    healthRescore: {
      start: defineMutator(async (options: Options) => {
        await loose('healthRescore', 'start').fn(options);
        const { orgID, userID } = options.ctx;
        const rescoreID = field(options.args, 'id');
        if (orgID && rescoreID) tasks.push(RESCORE_JOB, { orgID, userID, rescoreID });
      }),
    },
  };
}
