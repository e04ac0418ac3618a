import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';
import { writeValues } from './write-values.ts';

const idArgs = z.object({ id });
const rollbackArgs = z.object({ id, fromID: id });

/** The account's next version number (its versions run 1, 2, 3...; a unique index settles a race). */
async function nextVersion(tx: Transaction, orgID: string, accountID: string): Promise<number> {
  const latest = await tx.run(
    zql.kpiUpload
      .where('organizationID', orgID)
      .where('accountID', accountID)
      .where('version', 'IS NOT', null)
      .orderBy('version', 'desc')
      .one(),
  );
  return (latest?.version ?? 0) + 1;
}

/** An open preview, or why it cannot be confirmed or discarded. */
async function openPreview(tx: Transaction, orgID: string, uploadID: string) {
  const upload = await findOwned(tx, 'kpiUpload', orgID, uploadID);
  if (!upload) return undefined;
  if (upload.status === 'confirmed') {
    throw mutatorError(
      'CONFLICT',
      `This upload is already confirmed as version ${upload.version}; upload the file again to make another version.`,
    );
  }
  if (upload.status === 'discarded') throw mutatorError('CONFLICT', 'This upload was discarded; upload the file again.');
  return upload;
}

/**
 * Excel KPI uploads (customer success). The preview itself is made by the
 * REST API (POST /api/accounts/{id}/uploads), which parses the file; these
 * turn a preview into a version, discard it, or roll back to a version.
 */
export const kpiUploadMutators = {
  /** Writes exactly the previewed values as the account's next version, in one transaction. */
  confirm: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpiUpload', 'confirm');
    const upload = await openPreview(tx, orgID, args.id);
    if (!upload) return;
    const now = Date.now();
    if (upload.expiresAt < now) throw mutatorError('CONFLICT', 'This preview has expired; upload the file again.');
    const version = await nextVersion(tx, orgID, upload.accountID);
    await writeValues(tx, ctx, {
      orgID,
      accountID: upload.accountID,
      uploadID: upload.id,
      note: `Excel upload, version ${version}`,
      values: upload.kpiValues,
    });
    await tx.mutate.kpiUpload.update({ id: upload.id, status: 'confirmed', version, confirmedBy: ctx.userID, confirmedAt: now });
  }),

  /** Drops a preview: nothing was written, and now it cannot be confirmed. */
  discard: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpiUpload', 'upload');
    const upload = await openPreview(tx, orgID, args.id);
    if (upload) await tx.mutate.kpiUpload.update({ id: upload.id, status: 'discarded' });
  }),

  /**
   * Makes version `fromID`'s values current again as a new version (`id`),
   * recorded as rolled back from it: data points with its values are written;
   * nothing is deleted.
   */
  rollback: defineMutator(rollbackArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpiUpload', 'rollback');
    const from = await findOwned(tx, 'kpiUpload', orgID, args.fromID);
    if (!from) return;
    if (from.status !== 'confirmed' || from.version === null || from.version === undefined) {
      throw mutatorError('CONFLICT', 'Only a confirmed version can be rolled back to.');
    }
    const version = await nextVersion(tx, orgID, from.accountID);
    const now = Date.now();
    await insertNew(tx, 'kpiUpload', [
      {
        id: args.id,
        organizationID: orgID,
        accountID: from.accountID,
        kind: 'rollback',
        status: 'confirmed',
        mode: from.mode,
        version,
        rolledBackFrom: from.version,
        fileName: null,
        fileSize: 0,
        kpiValues: from.kpiValues,
        rowCount: from.rowCount,
        kpiCount: from.kpiCount,
        addedCount: 0,
        changedCount: 0,
        removedCount: 0,
        bandMovesCount: 0,
        createdBy: ctx.userID,
        createdAt: now,
        expiresAt: now,
        confirmedBy: ctx.userID,
        confirmedAt: now,
      },
    ]);
    await writeValues(tx, ctx, {
      orgID,
      accountID: from.accountID,
      uploadID: args.id,
      note: `Rollback to version ${from.version} (version ${version})`,
      values: from.kpiValues,
    });
  }),
};
