import { enumeration, json, number, string, table } from '@rocicorp/zero';
import type { KpiValue, UploadMode } from '../../shared/customer-success/uploads/layout.ts';
import { type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

export type KpiUploadStatus = 'preview' | 'confirmed' | 'discarded';
export type KpiUploadKind = 'upload' | 'rollback';

/**
 * Excel KPI uploads of an account (db/migrations/015_cs_kpi_uploads.sql): a
 * preview until confirmed, then a numbered version of the account's KPI
 * values. The file, the parsed rows and the diff stay in Postgres (the REST
 * API serves them); what syncs is enough to list the versions live.
 */
const kpiUpload = table('kpiUpload')
  .from('kpi_upload')
  .columns({
    ...tenantKey,
    accountID: string().from('account_id'),
    kind: enumeration<KpiUploadKind>(),
    status: enumeration<KpiUploadStatus>(),
    mode: enumeration<UploadMode>(),
    version: number().optional(),
    rolledBackFrom: number().from('rolled_back_from').optional(),
    fileName: string().from('file_name').optional(),
    fileSize: number().from('file_size'),
    kpiValues: json<KpiValue[]>().from('kpi_values'),
    rowCount: number().from('row_count'),
    kpiCount: number().from('kpi_count'),
    addedCount: number().from('added_count'),
    changedCount: number().from('changed_count'),
    removedCount: number().from('removed_count'),
    bandMovesCount: number().from('band_moves_count'),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    expiresAt: number().from('expires_at'),
    confirmedBy: string().from('confirmed_by').optional(),
    confirmedAt: number().from('confirmed_at').optional(),
  })
  .primaryKey('id');

const kpiUploadRelationships = tenantRelationships(kpiUpload, ({ one }) => ({
  author: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
  confirmer: one({ sourceField: ['confirmedBy'], destSchema: user, destField: ['id'] }),
}));

export const kpiUploadTables = [kpiUpload] as const;
export const kpiUploadRelationshipsList = [kpiUploadRelationships] as const;
export const kpiUploadScopes = {
  kpiUpload: { resource: 'kpiUpload', noun: 'Upload' },
} as const satisfies Record<string, TenantScope>;
