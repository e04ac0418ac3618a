import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { rescoreInput } from '../../../shared/health/rescore.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';

/** Loose shapes: the shared rules (validate) give the field-level messages. */
const startArgs = z.object({
  id,
  from: z.string(),
  to: z.string(),
  configVersion: z.number().nullable().optional(),
});

/** The organization's newest configuration version number (0: never changed, the defaults). */
export const latestConfigVersion = (orgID: string) =>
  zql.healthConfigVersion.where('organizationID', orgID).orderBy('version', 'desc').one();

export const rescoreMutators = {
  /**
   * Starts a re-score of the months `from`..`to` under configuration version
   * `configVersion` (omitted: the current one). Managers and up. The run is a
   * queued row; the server's job recomputes the months and reports progress on it.
   */
  start: defineMutator(startArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'healthRescore', 'start');
    const { id: runID, ...request } = args;
    const valid = validate(rescoreInput(Date.now()), request);
    const latest = (await tx.run(latestConfigVersion(orgID)))?.version ?? 0;
    const version = valid.configVersion ?? latest;
    if (tx.location === 'server' && version > latest) {
      throw mutatorError('VALIDATION_FAILED', `configVersion ${version} does not exist (the newest is ${latest})`, [
        { loc: ['configVersion'], msg: `configVersion ${version} does not exist (the newest is ${latest})`, type: 'not_found' },
      ]);
    }
    const now = Date.now();
    await insertNew(tx, 'healthRescore', [
      {
        id: runID,
        organizationID: orgID,
        fromMonth: valid.from,
        toMonth: valid.to,
        configVersion: version,
        status: 'queued',
        done: 0,
        total: 0,
        requestedBy: ctx.userID,
        requestedAt: now,
        updatedAt: now,
      },
    ]);
  }),
};
