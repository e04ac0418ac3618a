import { json, number, string, table } from '@rocicorp/zero';
import type { CategoryBreakdown, KpiBreakdown } from '../../shared/health/breakdown.ts';
import { account } from './customer-success.ts';
import { type JobRunStatus, jobRunColumns, type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

export type RescoreStatus = JobRunStatus;

/** The score columns account_health and health_trend share (scores rounded to 2 decimals). */
const scoreColumns = {
  accountID: string().from('account_id'),
  overall: number().optional(),
  categories: json<CategoryBreakdown[]>(),
  kpis: json<KpiBreakdown[]>(),
  totalKpis: number().from('total_kpis'),
  validKpis: number().from('valid_kpis'),
  /** The health_config_version number used (0: the defaults, no change made yet). */
  configVersion: number().from('config_version'),
};

/**
 * Live health (customer-success pack), written only by the server's health
 * jobs: each account's current health (id = the account's id), its monthly
 * snapshots ('YYYY-MM', one per account and month), and re-score runs.
 */
const accountHealth = table('accountHealth')
  .from('account_health')
  .columns({ ...tenantKey, ...scoreColumns, updatedAt: number().from('updated_at') })
  .primaryKey('id');

const healthTrend = table('healthTrend')
  .from('health_trend')
  .columns({ ...tenantKey, ...scoreColumns, month: string(), computedAt: number().from('computed_at') })
  .primaryKey('id');

const healthRescore = table('healthRescore')
  .from('health_rescore')
  .columns({
    ...tenantKey,
    fromMonth: string().from('from_month'),
    toMonth: string().from('to_month'),
    configVersion: number().from('config_version'),
    done: number(),
    total: number(),
    ...jobRunColumns,
  })
  .primaryKey('id');

const toAccount = { sourceField: ['accountID'], destSchema: account, destField: ['id'] } as const;

export const accountHealthTables = [accountHealth, healthTrend, healthRescore] as const;
export const accountHealthRelationships = [
  tenantRelationships(accountHealth, ({ one }) => ({ account: one(toAccount) })),
  tenantRelationships(healthTrend, ({ one }) => ({ account: one(toAccount) })),
  tenantRelationships(healthRescore, ({ one }) => ({
    requester: one({ sourceField: ['requestedBy'], destSchema: user, destField: ['id'] }),
  })),
] as const;

export const accountHealthScopes = {
  accountHealth: { resource: 'accountHealth', noun: 'Account health' },
  healthTrend: { resource: 'accountHealth', noun: 'Health trend' },
  healthRescore: { resource: 'healthRescore', noun: 'Re-score' },
} as const satisfies Record<string, TenantScope>;
