import { boolean, enumeration, json, number, type ReadonlyJSONValue, string, table } from '@rocicorp/zero';
import { type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * The customer-success pack's health configuration: reference ranges (one
 * per KPI name), the category weights (one row per organization), and the
 * numbered versions every change to either makes (written by the database).
 */
const referenceRange = table('referenceRange')
  .from('reference_range')
  .columns({
    ...tenantKey,
    kpiName: string().from('kpi_name'),
    unit: string(),
    higherIsBetter: boolean().from('higher_is_better'),
    criticalMin: number().from('critical_min'),
    criticalMax: number().from('critical_max'),
    riskMin: number().from('risk_min'),
    riskMax: number().from('risk_max'),
    healthyMin: number().from('healthy_min'),
    healthyMax: number().from('healthy_max'),
    updatedBy: string().from('updated_by').optional(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const healthCategoryWeights = table('healthCategoryWeights')
  .from('health_category_weights')
  .columns({
    ...tenantKey,
    weights: json<{ readonly [category: string]: number }>(),
    updatedBy: string().from('updated_by').optional(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const healthConfigVersion = table('healthConfigVersion')
  .from('health_config_version')
  .columns({
    ...tenantKey,
    version: number(),
    kind: enumeration<'reference_range' | 'category_weights'>(),
    subject: string().optional(),
    before: json<ReadonlyJSONValue>().optional(),
    after: json<ReadonlyJSONValue>().optional(),
    changedBy: string().from('changed_by').optional(),
    changedAt: number().from('changed_at'),
  })
  .primaryKey('id');

export const healthTables = [referenceRange, healthCategoryWeights, healthConfigVersion] as const;
export const healthRelationships = [
  tenantRelationships(referenceRange),
  tenantRelationships(healthCategoryWeights),
  tenantRelationships(healthConfigVersion, ({ one }) => ({
    author: one({ sourceField: ['changedBy'], destSchema: user, destField: ['id'] }),
  })),
] as const;

export const healthScopes = {
  referenceRange: { resource: 'healthConfig', noun: 'Reference range' },
  healthCategoryWeights: { resource: 'healthConfig', noun: 'Category weights' },
  healthConfigVersion: { resource: 'healthConfig', noun: 'Configuration version' },
} as const satisfies Record<string, TenantScope>;
