import { defineMutator, type ReadonlyJSONValue, type Transaction } from '@rocicorp/zero';
import type { ZeroContext } from '../../../sync/context.ts';
import { pointIdOf } from '../../../sync/mutators/kpi-uploads/write-values.ts';
import { mutators } from '../../../sync/mutators.ts';
import { zql } from '../../../sync/schema.ts';
import { insightTasks } from '../../insights/jobs.ts';
import type { PostCommitTasks } from '../../mutators/post-commit.ts';

type Options = { tx: Transaction; args: ReadonlyJSONValue | undefined; ctx: ZeroContext };
type Shared = { fn: (options: Options) => Promise<void> };

/** The KPIs an upload (or rollback) `uploadID` wrote a data point to, read after the write. */
async function kpisWrittenBy(tx: Transaction, orgID: string, uploadID: string): Promise<string[]> {
  const upload = await tx.run(zql.kpiUpload.where('organizationID', orgID).where('id', uploadID).one());
  if (upload?.status !== 'confirmed') return [];
  const ids = upload.kpiValues.map((_, i) => pointIdOf(uploadID, i));
  if (ids.length === 0) return [];
  const points = await tx.run(zql.dataPoint.where('organizationID', orgID).where('id', 'IN', ids));
  return points.map((p) => p.kpiID);
}

const argID = (args: Options['args']) =>
  args && typeof args === 'object' && !Array.isArray(args) && typeof (args as { id?: unknown }).id === 'string'
    ? (args as { id: string }).id
    : null;

/**
 * Excel uploads on the server: a confirmed upload or a rollback writes a
 * data point to each of the account's KPIs, so each of those KPIs gets the
 * same post-commit work a data point added any other way gets (the insight
 * recompute, and with it the goals' pace).
 */
export function kpiUploadServerMutators(tasks: PostCommitTasks) {
  const track = (shared: Shared) =>
    defineMutator(async (options: Options) => {
      await shared.fn(options);
      const { orgID, userID } = options.ctx;
      const id = argID(options.args);
      if (orgID && id) tasks.pushAll(insightTasks({ orgID, userID, kpiIDs: await kpisWrittenBy(options.tx, orgID, id) }));
    });
  return {
    kpiUpload: {
      confirm: track(mutators.kpiUpload.confirm as unknown as Shared),
      rollback: track(mutators.kpiUpload.rollback as unknown as Shared),
    },
  };
}
