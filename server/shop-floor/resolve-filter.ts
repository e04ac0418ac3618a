import type { TransactionSql } from 'postgres';
import { AppError } from '../../shared/errors.ts';

/**
 * The organization's line, product or shift named by id or by name (code for
 * products), for the stored-KPI filters and the reports; another
 * organization's is not found.
 */
export async function resolveFilter(
  tx: TransactionSql,
  orgID: string,
  kind: 'line' | 'product' | 'shift',
  given: string | undefined,
) {
  if (given === undefined) return undefined;
  const [table, label] = { line: ['sf_line', 'name'], product: ['sf_product', 'code'], shift: ['sf_shift', 'name'] }[kind] as [
    string,
    string,
  ];
  const [row] = await tx.unsafe<{ id: string; name: string }[]>(
    `SELECT id, ${label} AS name FROM ${table} WHERE organization_id = $1 AND (id = $2 OR ${label} = $2) ORDER BY id = $2 DESC LIMIT 1`,
    [orgID, given],
  );
  if (!row) throw new AppError('NOT_FOUND', `No ${kind} “${given}” in this organization (give its id or ${label})`);
  return row;
}
