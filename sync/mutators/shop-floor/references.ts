import type { Transaction } from '@rocicorp/zero';
import type { FieldIssue } from '../../../shared/errors.ts';
import { zql } from '../../schema.ts';

/** A row of master data that a work order, job or entry names in one of its fields. */
export interface Reference {
  /** The field, or its path (a defect type in a map: ['defects', id]). */
  field: string | readonly (string | number)[];
  table: 'product' | 'line' | 'shift' | 'employee' | 'downtimeReason' | 'defectType';
  /** The id given; absent or null names nothing, which is fine where the field is optional. */
  id: string | null | undefined;
  noun: string;
}

/**
 * Issues for references that do not hold on the server: a row that is not
 * the organization's (missing and foreign alike: "not found in this
 * organization"), or one that is archived. Each names its field. The client
 * may not have synced every row, so only the server decides.
 */
export async function checkReferences(tx: Transaction, orgID: string, refs: readonly Reference[]): Promise<FieldIssue[]> {
  if (tx.location !== 'server') return [];
  const issues: FieldIssue[] = [];
  for (const { field, table, id, noun } of refs) {
    if (!id) continue;
    const loc = typeof field === 'string' ? [field] : [...field];
    const query = (zql[table] as unknown as typeof zql.line).where('organizationID', orgID).where('id', id).one();
    const row = (await tx.run(query)) as { archivedAt?: number | null; name: string } | undefined;
    if (!row) issues.push({ loc, msg: `${noun} not found in this organization`, type: 'not_found' });
    else if (row.archivedAt != null)
      issues.push({ loc, msg: `${noun} “${row.name}” is archived: restore it or choose another`, type: 'archived' });
  }
  return issues;
}
