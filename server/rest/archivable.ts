import type { ZeroContext } from '../../sync/context.ts';
import type { DbTransaction } from '../zero/db-provider.ts';

type Run<A> = { fn(options: { tx: DbTransaction; args: A; ctx: ZeroContext }): Promise<void> };

/** A soft-deletable resource's shared mutators (kpi.*, goal.*). */
export interface ArchivableMutators<P> {
  update: Run<P & { id: string }>;
  archive: Run<{ id: string }>;
  restore: Run<{ id: string }>;
}

/**
 * Applies a REST edit to a soft-deletable row through its mutators: restore
 * first and archive last, so field changes sent along apply either way.
 * Archiving what is archived (or restoring what is not) does nothing, so the
 * archive time stays the first one. `archive`: true to archive, false to
 * restore, undefined to leave as is.
 */
export async function editArchivable<P extends object>(
  tx: DbTransaction,
  ctx: ZeroContext,
  mutators: ArchivableMutators<P>,
  row: { id: string; archivedAt?: number | null | undefined },
  patch: P,
  archive?: boolean,
): Promise<void> {
  const args = { id: row.id };
  const archived = row.archivedAt !== null && row.archivedAt !== undefined;
  if (archive === false && archived) await mutators.restore.fn({ tx, args, ctx });
  if (Object.keys(patch).length > 0) await mutators.update.fn({ tx, args: { ...patch, id: row.id }, ctx });
  if (archive === true && !archived) await mutators.archive.fn({ tx, args, ctx });
}
