import type { InsertValue, Transaction } from '@rocicorp/zero';
import { mutatorError } from './permissions.ts';
import { type Schema, zql } from './schema.ts';

type Tables = Schema['tables'];
type TableName = keyof Tables;

/**
 * Inserts rows whose ids the client chose, refusing an id already in use.
 *
 * Zero's server insert is `INSERT ... ON CONFLICT DO NOTHING`, and row-level
 * security hides other organizations' rows, so a taken id would be answered
 * "success" with nothing written, and the optimistic row would then vanish.
 * On the server, the ids must be free in this organization before the insert
 * and every row must be there after it: a row still missing was refused by a
 * conflict with a row this organization cannot see. Saying "in use" reveals
 * only that an id the caller already knows exists somewhere; ids are random.
 * Every insert mutator goes through here.
 */
export async function insertNew<T extends TableName>(
  tx: Transaction,
  table: T,
  rows: readonly (InsertValue<Tables[T]> & { id: string })[],
): Promise<void> {
  const ids = rows.map((row) => row.id);
  const server = tx.location === 'server';
  if (server && (new Set(ids).size < ids.length || (await visible(tx, table, ids)) > 0)) throw idInUse(ids);
  // Zero's typings cannot pair a generic table name with its row type.
  const crud = tx.mutate[table] as unknown as { insert(row: InsertValue<Tables[T]>): Promise<void> };
  for (const row of rows) await crud.insert(row);
  if (server && (await visible(tx, table, ids)) < ids.length) throw idInUse(ids);
}

/** How many of `ids` the caller's organization can see in `table`. */
async function visible(tx: Transaction, table: TableName, ids: string[]): Promise<number> {
  const query = zql[table] as unknown as typeof zql.kpi;
  return (await tx.run(query.where('id', 'IN', ids))).length;
}

function idInUse(ids: string[]) {
  const which = ids.length === 1 ? `The id ${ids[0]} is` : 'One of these ids is';
  return mutatorError('CONFLICT', `${which} already in use. Try again with a new id.`);
}
