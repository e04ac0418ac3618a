import { uploadBatch } from '../../helpers/batches.ts';
import type { Person } from '../../helpers/people.ts';
import { expectStatus } from '../../helpers/rest.ts';
import type { QueryFactory } from './cases.ts';

/** A CSV production batch in A (uploaded through REST by A's owner, against A's work order SECRET-1), not confirmed. */
export async function worldBatch(owner: Person, orgA: string): Promise<string> {
  const csv = 'work_order_id,shift_date,units_produced,run_time_hours,employees_assigned\nSECRET-1,2026-11-02,10,1,1\n';
  return expectStatus(await uploadBatch(owner, orgA, csv, { name: 'secret.csv' }), 202).batchId as string;
}

/** The batches' synced queries. */
export const shopFloorBatchQueries: Record<string, QueryFactory> = {
  'productionBatches.recent': { args: (w) => ({ orgID: w.orgA }) },
  'productionBatches.byId': { args: (w) => ({ orgID: w.orgA, id: w.batchID }) },
};
