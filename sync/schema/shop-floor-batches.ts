import { enumeration, number, string, table } from '@rocicorp/zero';
import type { BatchStatus } from '../../shared/shop-floor/batches.ts';
import { type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * CSV production batches (db/migrations/020_sf_production_batches.sql): what
 * an upload found and how far its import is. The staged rows and the error
 * report stay in Postgres (the REST API serves them); the batch row syncs,
 * so every member watches an import move without polling.
 */
const productionBatch = table('productionBatch')
  .from('sf_production_batch')
  .columns({
    ...tenantKey,
    status: enumeration<BatchStatus>(),
    fileName: string().from('file_name').optional(),
    fileSize: number().from('file_size'),
    total: number(),
    valid: number(),
    invalid: number(),
    processed: number(),
    rejected: number(),
    failure: string().optional(),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    confirmedBy: string().from('confirmed_by').optional(),
    confirmedAt: number().from('confirmed_at').optional(),
    completedAt: number().from('completed_at').optional(),
  })
  .primaryKey('id');

const productionBatchRelationships = tenantRelationships(productionBatch, ({ one }) => ({
  author: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));

export const shopFloorBatchTables = [productionBatch] as const;
export const shopFloorBatchRelationships = [productionBatchRelationships] as const;
export const shopFloorBatchScopes = {
  productionBatch: { resource: 'shopFloorEntry', noun: 'Batch' },
} as const satisfies Record<string, TenantScope>;
