import type { ZeroContext } from '../../sync/context.ts';
import type { DbTransaction } from '../zero/db-provider.ts';

/** A server mutator as REST runs it: `m.goal.create.fn({ tx, args, ctx })`. */
export type MutatorRun<A> = { fn(options: { tx: DbTransaction; args: A; ctx: ZeroContext }): Promise<void> };

/** A soft-deletable row: archived while archivedAt is set. */
export type ArchivableRow = { id: string; archivedAt?: number | null | undefined };

/** A soft-deletable resource's shared mutators (kpi.*, goal.*). */
export interface ArchivableMutators<P> {
  update: MutatorRun<P & { id: string }>;
  archive: MutatorRun<{ id: string }>;
  restore: MutatorRun<{ id: string }>;
}

/** Whether a row is archived by archivedAt (the default soft delete; accounts say theirs by status). */
export const hasArchivedAt = (row: ArchivableRow) => row.archivedAt !== null && row.archivedAt !== undefined;

/**
 * Applies a REST edit to a soft-deletable row through its mutators: restore
 * first and archive last, so field changes sent along apply either way.
 * Archiving what is archived (or restoring what is not) does nothing, so the
 * archive time stays the first one. `patch`: the fields to change, if any;
 * `archive`: true to archive, false to restore, undefined to leave as is;
 * `archived`: whether the row is archived now.
 */
export async function editArchivable<P extends object>(
  tx: DbTransaction,
  ctx: ZeroContext,
  mutators: ArchivableMutators<P>,
  row: ArchivableRow,
  patch: P | undefined,
  archive?: boolean,
  archived = hasArchivedAt(row),
): Promise<void> {
  const args = { id: row.id };
  if (archive === false && archived) await mutators.restore.fn({ tx, args, ctx });
  if (patch && Object.keys(patch).length > 0) await mutators.update.fn({ tx, args: { ...patch, id: row.id }, ctx });
  if (archive === true && !archived) await mutators.archive.fn({ tx, args, ctx });
}
